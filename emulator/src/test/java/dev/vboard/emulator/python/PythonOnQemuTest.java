package dev.vboard.emulator.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same python.elf on QEMU ({@code qemu-system-arm -M mps2-an385}, semihosting arguments
 * {@code python.elf SCRIPT}, run from the script's directory) prints the same UART bytes and
 * exits with the same status as under vboard. Skipped without qemu-system-arm.
 */
class PythonOnQemuTest {

  @TempDir Path dir;

  @Test
  void qemuAndVboardAgreeOnOutputAndExitStatus() throws Exception {
    assumeTrue(PythonBoard.onPath("qemu-system-arm"), "qemu-system-arm is not installed");
    Files.writeString(dir.resolve("lib.py"), "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n");
    Files.writeString(dir.resolve("main.py"), "import sys, time, lib\n"
        + "print(sys.argv, [lib.fib(i) for i in range(12)], 2 ** 70, 1 / 3)\n"
        + "time.sleep_ms(20)\n"
        + "d = {str(i): i * i for i in range(5)}\nprint(d, '%5.2f|%x' % (3.14159, 255))\n"
        + "raise KeyError('end')\n");
    Path image = PythonBoard.image();
    Process qemu = PythonBoard.start(List.of("qemu-system-arm", "-M", "mps2-an385", "-nographic",
        "-monitor", "none", "-serial", "stdio",
        "-semihosting-config", "enable=on,target=native,arg=python.elf,arg=main.py,arg=x",
        "-kernel", image.toString()), dir);
    String qemuOut = PythonBoard.drain(qemu);
    int qemuStatus = PythonBoard.exit(qemu, 60);

    PythonBoard.Outcome board = PythonBoard.run(dir, "main.py", "x");
    assertEquals(qemuOut, board.uart());
    assertEquals(qemuStatus, board.exitCode());
    assertEquals(1, board.exitCode());
  }
}
