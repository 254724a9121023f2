package dev.vboard.emulator.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's script contract: exit statuses, sys.argv, imports, stdout/stderr, time, heap. */
class PythonScriptContractTest {

  @TempDir Path dir;

  private void write(String name, String source) throws Exception {
    Files.writeString(dir.resolve(name), source);
  }

  @Test
  void scriptThatEndsExitsZero() throws Exception {
    write("ok.py", "print('done')\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "ok.py");
    assertEquals(0, o.exitCode());
    assertEquals("done\n", o.uart());
  }

  @Test
  void uncaughtExceptionPrintsTracebackOnUartAndExitsOne() throws Exception {
    write("boom.py", "print('before')\ndef f():\n    return 1 // 0\nf()\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "boom.py");
    assertEquals(1, o.exitCode());
    assertEquals("before\n"
        + "Traceback (most recent call last):\n"
        + "  File \"boom.py\", line 4, in <module>\n"
        + "  File \"boom.py\", line 3, in f\n"
        + "ZeroDivisionError: integer division or modulo by zero\n",
        o.uart().replaceAll("(?m)^    .*\n", ""));
  }

  @Test
  void sysExitStatusIsTheImagesExitStatus() throws Exception {
    write("five.py", "import sys\nprint('x')\nsys.exit(5)\nprint('not reached')\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "five.py");
    assertEquals(5, o.exitCode());
    assertEquals("x\n", o.uart());
  }

  @Test
  void sysExitWithMessagePrintsItAndExitsOne() throws Exception {
    write("msg.py", "import sys\nsys.exit('bad config')\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "msg.py");
    assertEquals(1, o.exitCode());
    assertEquals("bad config\n", o.uart());
  }

  @Test
  void sysArgvHoldsTheScriptAndItsArguments() throws Exception {
    write("args.py", "import sys\nprint(sys.argv)\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "args.py", "one", "2", "x=y");
    assertEquals(0, o.exitCode());
    assertEquals("['args.py', 'one', '2', 'x=y']\n", o.uart());
  }

  @Test
  void siblingModulesAndPackagesAreImportedThroughSemihosting() throws Exception {
    write("helper.py", "VALUE = 21\ndef double(x):\n    return 2 * x\n");
    Files.createDirectories(dir.resolve("pkg"));
    write("pkg/__init__.py", "NAME = 'pkg'\n");
    write("pkg/sub.py", "from helper import double\nRESULT = double(4)\n");
    // "from pkg.sub import": the VM does not yet bind a submodule on its package (host too).
    write("main.py", "import helper\nfrom pkg.sub import RESULT\nfrom pkg import NAME\n"
        + "print(helper.double(helper.VALUE), RESULT, NAME)\n"
        + "try:\n    import missing_module\nexcept ImportError as e:\n    print('missing', e)\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "main.py");
    assertEquals(0, o.exitCode());
    assertEquals("42 8 pkg\nmissing No module named 'missing_module'\n", o.uart());
  }

  @Test
  void stderrJoinsStdoutOnUartZero() throws Exception {
    write("err.py", "import sys\nprint('out')\nsys.stderr.write('err\\n')\nprint('out2')\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "err.py");
    assertEquals("out\nerr\nout2\n", o.uart());
  }

  @Test
  void missingScriptExitsTwo() throws Exception {
    PythonBoard.Outcome o = PythonBoard.run(dir, "nothere.py");
    assertEquals(2, o.exitCode());
    assertTrue(o.uart().contains("can't open file 'nothere.py'"), o.uart());
  }

  @Test
  void sleepAdvancesVirtualTimeWithoutSpinning() throws Exception {
    write("sleep.py", "import time\nt = time.ticks_ms()\ntime.sleep(2)\n"
        + "d = time.ticks_diff(time.ticks_ms(), t)\nprint(2000 <= d < 2010)\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "sleep.py");
    assertEquals("True\n", o.uart());
    // Two seconds at 25 MHz are 50 M cycles; sleeping in WFI executes a tiny fraction of that.
    assertTrue(o.result().instructions() < 10_000_000L,
        "instructions: " + o.result().instructions());
  }

  @Test
  void heapIsFixedAndMemFreeTracksAllocation() throws Exception {
    // The 2 MiB region holds the collector's tables too (2 allocation bits and 1 leaf bit per
    // 16-byte block), so the blocks it hands out total 2 MiB * 128/131 rounded down to whole
    // blocks (less one for alignment).
    write("heap.py", "import gc\ngc.collect()\ntotal = gc.mem_free() + gc.mem_alloc()\n"
        + "before = gc.mem_free()\nx = bytearray(100000)\nafter = gc.mem_free()\n"
        + "print(total, before - after >= 100000)\n");
    PythonBoard.Outcome o = PythonBoard.run(dir, "heap.py");
    assertEquals("2049120 True\n", o.uart());
  }
}
