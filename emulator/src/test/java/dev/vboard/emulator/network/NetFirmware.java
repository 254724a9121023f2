package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.loader.ImageFormatException;
import dev.vboard.emulator.net.NetOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The firmware runtime's network examples ({@code make -C firmware-runtime all} builds them into
 * {@code firmware-runtime/build/mps2-an385}); tests that need one skip when it is not built.
 */
final class NetFirmware {
  private NetFirmware() { }

  /** The repository root: Maven runs tests in the module folder. */
  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("firmware-runtime")) ? here : here.getParent();
  }

  /** The built example {@code name}.elf, or the test is skipped. */
  static Path elf(String name) {
    Path elf = repoRoot().resolve("firmware-runtime/build/mps2-an385/" + name + ".elf");
    assumeTrue(Files.isRegularFile(elf),
        "firmware-runtime examples not built (make -C firmware-runtime all): " + elf);
    return elf;
  }

  /** An emulation of {@code name}.elf on mps2-an385 with the given network, UART0 in memory. */
  static Emulation boot(String name, NetOptions net, String... args)
      throws ImageFormatException, IOException {
    Path elf = elf(name);
    return Emulation.builder()
        .image(elf)
        .arguments(List.of(args))
        .workingDirectory(Files.createTempDirectory("vboard-net"))
        .network(net)
        .build();
  }

  /** Only virtual services: no host socket may exist, so the run is fully deterministic. */
  static NetOptions virtualOnly() {
    return NetOptions.defaults().withHostAccess(false);
  }
}
