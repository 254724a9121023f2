package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vboard run script.py ARGS} boots the board's Python firmware on the script. */
class PythonScriptRunTest {

  @TempDir
  static Path dir;

  @BeforeAll
  static void firmwareIsBuilt() throws Exception {
    Path image;
    try {
      image = PythonFirmware.locate("mps2-an385");
    } catch (UserError e) {
      image = null;
    }
    assumeTrue(image != null, "python.elf is not built (make -C firmware-runtime)");
    Files.writeString(dir.resolve("helper.py"), "def shout(s):\n    return s.upper() + '!'\n");
    Files.writeString(dir.resolve("main.py"), String.join("\n",
        "import sys",
        "import helper",
        "print(helper.shout('hello'), sys.argv)",
        "sys.exit(int(sys.argv[2]))",
        ""));
    Files.writeString(dir.resolve("fails.py"), "def f():\n    raise ValueError('bad')\nf()\n");
  }

  private static String[] captured = new String[2];

  private static int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CliHarness r = CliHarness.run(args);
      captured[0] = out.toString(StandardCharsets.UTF_8);
      captured[1] = err.toString(StandardCharsets.UTF_8) + r.err();
      return r.status();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void aScriptSeesItsArgumentsImportsItsNeighbourAndSetsTheExitStatus() {
    int status = run("run", dir.resolve("main.py").toString(), "--", "first", "7");
    assertEquals("HELLO! ['main.py', 'first', '7']\n", captured[0], captured[1]);
    assertEquals(7, status, captured[1]);
  }

  @Test
  void anUncaughtExceptionPrintsATracebackOnTheUartAndExitsOne() {
    int status = run("run", dir.resolve("fails.py").toString());
    assertEquals(1, status, captured[1]);
    assertTrue(captured[0].contains("ValueError: bad"), captured[0]);
    assertTrue(captured[0].contains("Traceback (most recent call last):"), captured[0]);
  }

  @Test
  void aMissingScriptIsAOneLineUsageError() {
    int status = run("run", dir.resolve("absent.py").toString());
    assertEquals(ExitCodes.USAGE, status);
    assertTrue(captured[1].startsWith("vboard: ") && captured[1].contains("absent.py: no such file"),
        captured[1]);
  }
}
