package dev.vboard.emulator.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles a small Thumb-2 program with the installed arm-none-eabi toolchain (Debian's
 * gcc-arm-none-eabi) into a flat binary linked at address 0, for tests that need exact,
 * readable guest code.
 */
public final class ThumbAssembler {
  private ThumbAssembler() { }

  public static byte[] assemble(String source) {
    try {
      Path dir = Files.createTempDirectory("vboard-asm");
      try {
        Path src = dir.resolve("t.s");
        Path elf = dir.resolve("t.elf");
        Path bin = dir.resolve("t.bin");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        run(dir, List.of("arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb", "-nostdlib",
            "-nostartfiles", "-Wl,-Ttext=0", "-Wl,--entry=0", "-o", elf.toString(),
            src.toString()));
        run(dir, List.of("arm-none-eabi-objcopy", "-O", "binary", elf.toString(),
            bin.toString()));
        return Files.readAllBytes(bin);
      } finally {
        try (var files = Files.list(dir)) {
          for (Path p : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("assembler failed (is gcc-arm-none-eabi installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n"
          + new String(out, StandardCharsets.UTF_8));
    }
  }
}
