package dev.vboard.emulator.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBackendTest {

  @Test
  void injectedBytesComeOutInOrderThenMinusOne() {
    MemoryBackend b = new MemoryBackend().inject(new byte[] {1, (byte) 0xff});
    assertEquals(1, b.poll());
    assertEquals(0xff, b.poll(), "bytes are unsigned");
    assertEquals(-1, b.poll());
  }

  @Test
  void inputClosesOnlyAfterCloseAndDrain() {
    MemoryBackend b = new MemoryBackend().inject("x");
    assertFalse(b.inputClosed());
    b.closeInput();
    assertFalse(b.inputClosed(), "a byte is still pending");
    b.poll();
    assertTrue(b.inputClosed());
  }

  @Test
  void transmittedBytesAreCollected() {
    MemoryBackend b = new MemoryBackend();
    b.transmit('h');
    b.transmit('i');
    b.transmit(0xe9);
    assertArrayEquals(new byte[] {'h', 'i', (byte) 0xe9}, b.output());
    b.clearOutput();
    assertEquals("", b.outputText());
  }

  @Test
  void nullBackendDropsOutputAndIsClosed() {
    NullBackend.INSTANCE.transmit('x');
    assertEquals(-1, NullBackend.INSTANCE.poll());
    assertTrue(NullBackend.INSTANCE.inputClosed());
  }
}
