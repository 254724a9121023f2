package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of the guest ends the process, whatever stdin does: the CLI runs in a child JVM whose
 * stdin is a pipe this test keeps open and silent (a terminal nobody types on, {@code sleep 60 |
 * vboard run ...}). The stdin reader thread is blocked in read(2) the whole time; it must neither
 * keep the JVM alive nor delay the exit.
 */
class GuestExitWithOpenStdinTest {

  @TempDir
  Path dir;

  /** Runs {@code vboard run ARGS} with an open, silent stdin; returns the exit status. */
  private int runWithOpenStdin(String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), VboardCli.class.getName(), "run"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE) // kept open until the end of the test
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("vboard still running 60 s after start with stdin open; "
            + "stderr:\n" + Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
      }
      return p.exitValue();
    } finally {
      p.getOutputStream().close();
      p.destroyForcibly();
    }
  }

  @Test
  void semihostingExitEndsTheProcess() throws Exception {
    assumeTrue(TinyFirmware.compilerAvailable(), "arm-none-eabi-gcc is not installed");
    Path image = TinyFirmware.build(dir, "exit3", TinyFirmware.EXIT_3);
    assertEquals(3, runWithOpenStdin(image.toString()),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }

  @Test
  void timeoutEndsTheProcess() throws Exception {
    assumeTrue(TinyFirmware.compilerAvailable(), "arm-none-eabi-gcc is not installed");
    Path image = TinyFirmware.build(dir, "spin", TinyFirmware.SPIN);
    assertEquals(ExitCodes.TIMEOUT, runWithOpenStdin("--timeout", "10ms", image.toString()),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }
}
