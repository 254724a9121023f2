package dev.vboard.emulator.semihosting;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.emulator.semihosting.CharBackendConsole.ConsoleTarget;
import dev.vboard.emulator.serial.MemoryBackend;
import org.junit.jupiter.api.Test;

class CharBackendConsoleTest {

  private final MemoryBackend out = new MemoryBackend();
  private final MemoryBackend err = new MemoryBackend();
  private final MemoryBackend in = new MemoryBackend().inject("hi").closeInput();

  @Test
  void writeConsoleGoesToStderrLikeQemuByDefault() {
    CharBackendConsole c = new CharBackendConsole(out, err, in, ConsoleTarget.STDERR, true);

    c.writeOut("o".getBytes(US_ASCII));
    c.writeErr("e".getBytes(US_ASCII));
    c.writeConsole("c".getBytes(US_ASCII));

    assertEquals("o", out.outputText());
    assertEquals("ec", err.outputText());
  }

  @Test
  void writeConsoleCanShareStdoutWithTheUart() {
    CharBackendConsole c = new CharBackendConsole(out, err, in, ConsoleTarget.STDOUT, true);

    c.writeConsole("c".getBytes(US_ASCII));

    assertEquals("c", out.outputText());
  }

  @Test
  void readReturnsInputThenMinusOneOnceInputIsClosed() {
    CharBackendConsole c = new CharBackendConsole(out, err, in, ConsoleTarget.STDERR, true);

    assertEquals('h', c.read());
    assertEquals('i', c.read());
    assertEquals(-1, c.read());
  }

  @Test
  void aNonBlockingConsoleReadsMissingInputAsEndOfInput() {
    MemoryBackend open = new MemoryBackend();
    CharBackendConsole c = new CharBackendConsole(out, err, open, ConsoleTarget.STDERR, false);

    assertEquals(-1, c.read());
    open.inject("z");
    assertEquals('z', c.read());
  }

  @Test
  void aBlockingReadGivesUpWhenAskedTo() {
    MemoryBackend open = new MemoryBackend();
    CharBackendConsole c =
        new CharBackendConsole(out, err, open, ConsoleTarget.STDERR, true, () -> true);

    assertEquals(-1, c.read());
  }
}
