package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.serial.MemoryBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmsdkApbUartTest {
  private static final int DATA = 0x0;
  private static final int STATE = 0x4;
  private static final int CTRL = 0x8;
  private static final int INTSTATUS = 0xc;
  private static final int BAUDDIV = 0x10;
  /** 25 MHz / 115200 baud. */
  private static final int DIV = 217;
  private static final long FRAME = 10L * DIV;

  private Bench bench;
  private MemoryBackend serial;
  private Bench.Line tx;
  private Bench.Line rx;
  private Bench.Line txovr;
  private Bench.Line rxovr;
  private Bench.Line combined;
  private CmsdkApbUart uart;

  @BeforeEach
  void setUp() {
    bench = new Bench();
    serial = new MemoryBackend();
    tx = new Bench.Line();
    rx = new Bench.Line();
    txovr = new Bench.Line();
    rxovr = new Bench.Line();
    combined = new Bench.Line();
    uart = new CmsdkApbUart("uart0", bench.scheduler, Bench.HZ, serial,
        new CmsdkApbUart.Lines(tx, rx, txovr, rxovr, combined));
  }

  @Test
  void registersReadBackAsQemuMasksThem() {
    uart.write(BAUDDIV, 4, 0xffffffff);
    assertEquals(0xfffff, uart.read(BAUDDIV, 4));
    uart.write(CTRL, 4, 0xff);
    assertEquals(0x7f, uart.read(CTRL, 4));
    assertEquals(0x21, uart.read(0xfe0, 4));
    assertEquals(0x04, uart.read(0xfd0, 4));
    assertEquals(0x0d, uart.read(0xff0, 4));
  }

  @Test
  void firstByteIsSentAtOnceAndRaisesTxLikeQemu() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXEN | CmsdkApbUart.CTRL_TXINTEN);
    uart.write(DATA, 4, 'A');
    assertEquals("A", serial.outputText());
    assertEquals(0, uart.read(STATE, 4), "TXFULL clear straight after the write");
    assertEquals(CmsdkApbUart.INT_TX, uart.read(INTSTATUS, 4));
    assertTrue(tx.level);
    assertTrue(combined.level);
    uart.write(INTSTATUS, 4, CmsdkApbUart.INT_TX);
    assertFalse(tx.level);
    assertFalse(combined.level);
  }

  @Test
  void backToBackWritesNeverSeeTxfullAsInQemu() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXEN);
    for (char c : "fast".toCharArray()) {
      uart.write(DATA, 4, c);
      assertEquals(0, uart.read(STATE, 4), "no TXFULL, no TXOVERRUN");
    }
    assertEquals("fast", serial.outputText());
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline(), "transmit takes no virtual time");
  }

  @Test
  void eachWriteRaisesTxAgainAfterTheGuestClearsIt() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXEN | CmsdkApbUart.CTRL_TXINTEN);
    uart.write(DATA, 4, 'a');
    uart.write(INTSTATUS, 4, CmsdkApbUart.INT_TX);
    assertFalse(tx.level);
    uart.write(DATA, 4, 'b');
    assertTrue(tx.level);
    assertEquals(2, tx.rises, "one rise per byte");
  }

  @Test
  void writingWhileTxfullSetsTxoverrunAndTheNewByteWins() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXOINTEN);
    uart.write(DATA, 4, '1');
    uart.write(DATA, 4, '2');
    assertEquals(CmsdkApbUart.STATE_TXFULL | CmsdkApbUart.STATE_TXOVERRUN, uart.read(STATE, 4));
    assertEquals(CmsdkApbUart.INT_TXO, uart.read(INTSTATUS, 4));
    assertTrue(txovr.level);
    assertTrue(combined.level);
    uart.write(INTSTATUS, 4, CmsdkApbUart.INT_TXO);
    assertEquals(CmsdkApbUart.STATE_TXFULL, uart.read(STATE, 4), "INTCLEAR.TXO clears STATE too");
    assertFalse(txovr.level);
  }

  @Test
  void txoInterruptFollowsItsEnableBit() {
    uart.write(DATA, 4, '1');
    uart.write(DATA, 4, '2');
    assertEquals(0, uart.read(INTSTATUS, 4), "TXOINTEN clear: overrun in STATE only");
    assertFalse(txovr.level);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXOINTEN);
    assertTrue(txovr.level, "the TXO bit is STATE.TXOVERRUN AND CTRL.TXOINTEN");
  }

  @Test
  void byteWrittenWithTxDisabledLeavesTheTransmitterStuckAsInQemu() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(DATA, 4, 'B');
    assertEquals(CmsdkApbUart.STATE_TXFULL, uart.read(STATE, 4));
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXEN | CmsdkApbUart.CTRL_TXINTEN);
    assertEquals(CmsdkApbUart.STATE_TXFULL, uart.read(STATE, 4), "enabling TX sends nothing");
    uart.write(DATA, 4, 'C');
    assertEquals(CmsdkApbUart.STATE_TXFULL | CmsdkApbUart.STATE_TXOVERRUN, uart.read(STATE, 4));
    assertEquals("", serial.outputText());
    assertFalse(tx.level);
    uart.reset();
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_TXEN);
    uart.write(DATA, 4, 'D');
    assertEquals("D", serial.outputText(), "reset frees the transmitter");
  }

  @Test
  void receivedByteArrivesOneFrameAfterRxIsEnabled() {
    serial.inject("x");
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN | CmsdkApbUart.CTRL_RXINTEN);
    bench.runTo(FRAME - 1);
    assertEquals(0, uart.read(STATE, 4));
    assertFalse(rx.level);
    bench.runTo(FRAME);
    assertEquals(CmsdkApbUart.STATE_RXFULL, uart.read(STATE, 4));
    assertTrue(rx.level);
    assertEquals('x', uart.read(DATA, 4));
    assertEquals(0, uart.read(STATE, 4), "reading DATA clears RXFULL");
    assertTrue(rx.level, "but not INTSTATUS.RX, which is write-one-to-clear");
    uart.write(INTSTATUS, 4, CmsdkApbUart.INT_RX);
    assertFalse(rx.level);
  }

  @Test
  void nextByteIsTakenOnlyAfterDataIsRead() {
    serial.inject("ab");
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN);
    bench.runTo(10 * FRAME);
    assertEquals(1, serial.pendingInput(), "no overrun: b waits while RXFULL");
    assertEquals(0, uart.read(STATE, 4) & CmsdkApbUart.STATE_RXOVERRUN);
    long readAt = bench.now();
    assertEquals('a', uart.read(DATA, 4));
    bench.runTo(readAt + FRAME - 1);
    assertEquals(0, uart.read(STATE, 4));
    bench.runTo(readAt + FRAME);
    assertEquals('b', uart.read(DATA, 4));
  }

  @Test
  void noPollIsScheduledOnceInputIsClosed() {
    serial.closeInput();
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN);
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline(), "idle machine may skip freely");
  }

  @Test
  void openInputKeepsOnePollPerFrame() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN);
    assertEquals(FRAME, bench.scheduler.nextDeadline());
    bench.runTo(FRAME);
    assertEquals(2 * FRAME, bench.scheduler.nextDeadline());
    uart.write(CTRL, 4, 0);
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline(), "RX disabled: no polling");
  }

  @Test
  void stateOverrunBitsAreWriteOneToClearAndFullBitsReadOnly() {
    uart.write(DATA, 4, '1');
    uart.write(DATA, 4, '2');
    uart.write(STATE, 4, CmsdkApbUart.STATE_TXFULL | CmsdkApbUart.STATE_TXOVERRUN);
    assertEquals(CmsdkApbUart.STATE_TXFULL, uart.read(STATE, 4));
  }

  @Test
  void resetClearsEverythingAndCancelsPendingWork() {
    uart.write(BAUDDIV, 4, DIV);
    uart.write(DATA, 4, '1');
    uart.write(DATA, 4, '2');
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN | CmsdkApbUart.CTRL_TXOINTEN);
    assertTrue(combined.level);
    uart.reset();
    assertEquals(0, uart.read(STATE, 4));
    assertEquals(0, uart.read(CTRL, 4));
    assertEquals(0, uart.read(INTSTATUS, 4));
    assertEquals(0, uart.read(BAUDDIV, 4));
    assertFalse(combined.level);
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline());
  }

  @Test
  void badOffsetsReadZeroAndNeverThrow() {
    assertEquals(0, uart.read(0x14, 4));
    uart.write(0x800, 4, 1);
    uart.write(0xfe0, 4, 1);
    assertEquals(0x21, uart.read(0xfe0, 4));
  }
}
