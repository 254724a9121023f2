package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT needs a real process: start the CLI in a child JVM, wait until the guest says it is
 * running (no sleeps, so nothing depends on host speed), send SIGINT, and check the clean stop.
 */
class CtrlCTest {

  @TempDir
  Path dir;

  /**
   * A process started in the background by a non-interactive shell inherits SIGINT as ignored
   * (POSIX), and the JVM then leaves it ignored: Ctrl-C cannot reach such a process at all.
   * The child JVM would inherit this process's dispositions, so look at ours.
   */
  private static boolean sigintIgnored() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
      }
    }
    return false;
  }

  @Test
  void sigintStopsTheRunPrintsStatsAndExits130() throws Exception {
    assumeTrue(TinyFirmware.compilerAvailable(), "arm-none-eabi-gcc is not installed");
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "no /bin/kill to send SIGINT with");
    Path image = TinyFirmware.build(dir, "ready", TinyFirmware.READY_THEN_SPIN);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), VboardCli.class.getName(), "run", "--stats",
        image.toString()));
    if (sigintIgnored()) {
      // Restore the default disposition before exec, as an interactive shell would, so the
      // child sees Ctrl-C as a user at a terminal does. (Shells cannot: they may not reset
      // signals ignored on entry.)
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")),
          "SIGINT is inherited as ignored here and python3 is not there to reset it");
      command.addAll(0, List.of("/usr/bin/python3", "-c",
          "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
              + "os.execv(sys.argv[1], sys.argv[1:])"));
    }
    Process p = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());

      new ProcessBuilder("/bin/kill", "-INT", Long.toString(p.pid())).start().waitFor();

      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        // Say where it is stuck: the child's threads and what it printed so far.
        Process dump = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
        String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        dump.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("vboard did not stop within 30 s of SIGINT; stderr:\n"
            + Files.readString(dir.resolve("stderr")) + "\nthreads:\n" + threads);
      }
      String err = Files.readString(dir.resolve("stderr"));
      assertEquals(130, p.exitValue(), err);
      assertTrue(err.matches("(?s).*\\{\"instructions\":\\d+,\"virtual_ns\":\\d+,"
          + "\"host_ns\":\\d+,\"exit_code\":130(,\"net\":\\{[^}]*})?}\n"), err);
    } finally {
      p.destroyForcibly();
    }
  }
}
