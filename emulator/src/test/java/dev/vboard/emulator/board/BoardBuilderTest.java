package dev.vboard.emulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.peripheral.Mps2Scc;
import dev.vboard.emulator.serial.MemoryBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The AN385 board on the real machine: a hand-assembled Thumb program talks to the board. */
class BoardBuilderTest {

  /**
   * Vector table (SP 0x20001000, reset at 0x8), then: BAUDDIV = 217, CTRL = TXEN, DATA = 'O',
   * wait for TXFULL clear, DATA = 'K'; set bit 1 of SRAM word 0 through the bit-band alias;
   * read it back and read the first code word through the SSRAM1 mirror at 0x00400008; store
   * both at 0x20000100; spin. Assembled with arm-none-eabi-as for cortex-m3.
   */
  private static final byte[] PROGRAM = bytes(
      0x00, 0x10, 0x00, 0x20, 0x09, 0x00, 0x00, 0x00, 0x4f, 0xf0, 0x40, 0x20,
      0xd9, 0x21, 0x01, 0x61, 0x01, 0x21, 0x81, 0x60, 0x4f, 0x21, 0x01, 0x60,
      0x42, 0x68, 0xd2, 0x07, 0xfc, 0xd1, 0x4b, 0x21, 0x01, 0x60, 0x4f, 0xf0,
      0x08, 0x53, 0x01, 0x21, 0x59, 0x60, 0x4f, 0xf0, 0x00, 0x53, 0x1c, 0x68,
      0x4f, 0xf4, 0x80, 0x05, 0xad, 0x68, 0x02, 0x4e, 0x34, 0x60, 0x75, 0x60,
      0xfe, 0xe7, 0x00, 0x00, 0x00, 0x01, 0x00, 0x20);

  @Test
  void programOnAn385ReachesUartBitBandAndMirror() {
    MemoryBackend console = new MemoryBackend();
    try (Board board = buildOrSkip(console)) {
      Machine machine = board.machine();
      machine.memory().write(0, PROGRAM);
      machine.reset();
      machine.run(100_000);
      assertEquals("OK", console.outputText());
      assertEquals(2, machine.memory().readWord(0x20000100L), "bit 1 set through the bit-band");
      assertEquals(0x2040f04f, machine.memory().readWord(0x20000104L),
          "first instruction word, read through the mirror");
    }
  }

  @Test
  void boardExposesItsDevicesAndSerialPorts() {
    MemoryBackend console = new MemoryBackend();
    try (Board board = buildOrSkip(console)) {
      assertSame(console, board.uart(0).backend());
      assertEquals(0x41043850, board.device("scc", Mps2Scc.class).read(0xffc, 4));
      assertEquals(0, board.rawImageBase());
      assertEquals(4, board.loadableMemory().size());
    }
  }

  /** Skips (rather than fails) while the machine is not available on this build or host. */
  private static Board buildOrSkip(MemoryBackend console) {
    BoardDescription an385 = BoardCatalog.standard().load("mps2-an385");
    try {
      return BoardBuilder.build(an385, BoardWiring.console(console));
    } catch (UnsupportedOperationException | LinkageError e) {
      Assumptions.abort("machine not available: " + e);
      throw e;
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
