package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vboard run` in-process on images compiled at test time, stdout and stderr captured. */
class RunEndToEndTest {

  @TempDir
  static Path dir;
  static Path exit3;
  static Path spin;

  @BeforeAll
  static void compile() throws Exception {
    assumeTrue(TinyFirmware.compilerAvailable(), "arm-none-eabi-gcc is not installed");
    exit3 = TinyFirmware.build(dir, "exit3", TinyFirmware.EXIT_3);
    spin = TinyFirmware.build(dir, "spin", TinyFirmware.SPIN);
  }

  /** Runs the CLI with System.out/err redirected, as the stdio backends write there. */
  private static Captured run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliHarness r;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      r = CliHarness.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Captured(r.status(), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8) + r.err());
  }

  private record Captured(int status, String stdout, String stderr) { }

  @Test
  void theExitStatusIsTheGuestsAndStatsAreOneJsonLine() {
    Captured c = run("run", "--stats", "--semihosting-root", dir.toString(),
        exit3.toString(), "--", "alpha", "beta");

    assertEquals(3, c.status(), c.stderr());
    assertEquals("stdout line\n" + exit3 + " alpha beta", c.stdout());
    assertTrue(c.stderr().startsWith("console line\n"), c.stderr());
    Matcher m = Pattern.compile(
        "\\{\"instructions\":(\\d+),\"virtual_ns\":(\\d+),\"host_ns\":(\\d+),\"exit_code\":3"
        + "(,\"net\":\\{[^}]*})?}\n")
        .matcher(c.stderr());
    assertTrue(m.find(), c.stderr());
    assertTrue(c.stderr().endsWith(m.group()), "the JSON line comes last:\n" + c.stderr());
    long instructions = Long.parseLong(m.group(1));
    long virtualNs = Long.parseLong(m.group(2));
    assertTrue(instructions > 10, c.stderr());
    // 25 MHz, one instruction per cycle: 40 ns per instruction.
    assertEquals(instructions * 40, virtualNs, c.stderr());
  }

  @Test
  void aTimeoutInVirtualTimeExits124() {
    Captured c = run("run", "--timeout", "2ms", "--stats", spin.toString());

    assertEquals(124, c.status(), c.stderr());
    assertTrue(c.stderr().contains("\"virtual_ns\":2000000,"), c.stderr());
  }

  @Test
  void semihostingConsoleCanJoinStdout() {
    Captured c = run("run", "--semihosting-console", "stdout", exit3.toString());

    assertEquals(3, c.status(), c.stderr());
    assertTrue(c.stdout().startsWith("console line\nstdout line\n"), c.stdout());
  }
}
