package dev.vboard.emulator.peripheral.lan9118;

import static dev.vboard.emulator.peripheral.lan9118.NicBench.FIFO_INT;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_EN;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_STS;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.IRQ_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.wireCycles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Lan9118InterruptTest {
  private static final int PUSH_PULL_HIGH = IrqPin.IRQ_EN | IrqPin.IRQ_POL | IrqPin.IRQ_TYPE;
  private static final MacAddress PEER = MacAddress.parse("02:00:00:00:00:02");

  private NicBench b;

  @BeforeEach
  void setUp() {
    b = new NicBench();
    b.enableRxTx();
  }

  @Test
  void afterPowerOnTheLineIsNotDrivenUntilTheFirstRegisterWrite() {
    // As QEMU: its reset does not recompute the output, so the NVIC sees IRQ 13 low until the
    // driver first writes a register (and then high: the pin idles low-active).
    NicBench fresh = new NicBench();
    assertFalse(fresh.irq.level);
    fresh.write(INT_EN, 0);
    assertTrue(fresh.irq.level);
  }

  @Test
  void lineIdlesAssertedUntilConfiguredPushPullActiveHigh() {
    assertTrue(b.irq.level, "QEMU board quirk: the pin idles low-active, the NVIC sees high");
    b.write(IRQ_CFG, PUSH_PULL_HIGH);
    assertFalse(b.irq.level);
  }

  @Test
  void activeLowPolarityInvertsTheLine() {
    b.write(IRQ_CFG, IrqPin.IRQ_EN | IrqPin.IRQ_TYPE);
    b.write(INT_EN, IntSts.SW_INT);
    assertFalse(b.irq.level, "asserted = driven low");
    b.write(INT_STS, IntSts.SW_INT);
    assertTrue(b.irq.level);
  }

  @Test
  void irqEnGatesThePinButNotIrqInt() {
    b.write(IRQ_CFG, IrqPin.IRQ_POL | IrqPin.IRQ_TYPE);
    b.write(INT_EN, IntSts.SW_INT);
    assertFalse(b.irq.level);
    assertEquals(IrqPin.IRQ_INT, b.read(IRQ_CFG) & IrqPin.IRQ_INT);
    b.write(IRQ_CFG, PUSH_PULL_HIGH);
    assertTrue(b.irq.level);
    b.write(INT_EN, 0);
    assertFalse(b.irq.level, "disabled in INT_EN: no interrupt");
    assertEquals(0, b.read(IRQ_CFG) & IrqPin.IRQ_INT);
  }

  @Test
  void rsflFiresWhenTheStatusLevelIsExceeded() {
    b.write(IRQ_CFG, PUSH_PULL_HIGH);
    b.write(INT_EN, IntSts.RSFL);
    b.write(FIFO_INT, 0x48000001); // more than one status word
    b.nic.deliver(NicBench.frame(NicBench.MAC, 46));
    b.nic.deliver(NicBench.frame(NicBench.MAC, 46));
    long second = b.now() + 2 * wireCycles(60) + NicBench.GAP_CYCLES;
    b.runTo(second - 1);
    assertEquals(1, b.read(NicBench.RX_FIFO_INF) >>> 16);
    assertFalse(b.irq.level, "one status word is not more than one");
    b.runTo(second);
    assertTrue(b.irq.level);
    assertEquals(IntSts.RSFL, b.read(INT_STS) & IntSts.RSFL);
  }

  @Test
  void tsflFiresWithTheTxStatusAtTheDefaultLevel() {
    b.write(IRQ_CFG, PUSH_PULL_HIGH);
    b.write(INT_EN, IntSts.TSFL);
    b.writeFrame(NicBench.frame(PEER, 46), 9);
    long t0 = b.now();
    b.runTo(t0 + wireCycles(60) - 1);
    assertFalse(b.irq.level);
    b.runTo(t0 + wireCycles(60));
    assertTrue(b.irq.level);
    assertEquals(9 << 16, b.read(NicBench.TX_STATUS_FIFO));
    b.write(INT_STS, IntSts.TSFL);
    assertFalse(b.irq.level);
  }

  @Test
  void tdfaFiresWhenFreeSpaceRisesAboveTheLevel() {
    b.write(FIFO_INT, 0x40 << 24); // 4096 bytes
    assertEquals(IntSts.TDFA, b.read(INT_STS) & IntSts.TDFA, "4608 free already");
    b.write(INT_STS, IntSts.TDFA);
    b.writeFrame(NicBench.frame(PEER, 600), 1);
    assertEquals(0, b.read(INT_STS) & IntSts.TDFA);
    b.settle();
    assertEquals(IntSts.TDFA, b.read(INT_STS) & IntSts.TDFA);
  }

  @Test
  void swIntRaisesTheLineAndAckingLowersIt() {
    b.write(IRQ_CFG, PUSH_PULL_HIGH);
    int rises = b.irq.rises;
    b.write(INT_EN, IntSts.SW_INT);
    assertTrue(b.irq.level);
    b.write(INT_STS, IntSts.SW_INT);
    assertFalse(b.irq.level);
    assertEquals(rises + 1, b.irq.rises);
  }

  @Test
  void deassertionIntervalHoldsThePinLowAfterAnAck() {
    b.write(IRQ_CFG, PUSH_PULL_HIGH | 1 << 24); // 10 us = 250 cycles
    b.write(INT_EN, IntSts.SW_INT);
    assertTrue(b.irq.level);
    b.write(INT_STS, IntSts.SW_INT);
    long t0 = b.now();
    assertEquals(IrqPin.INT_DEAS_STS, b.read(IRQ_CFG) & IrqPin.INT_DEAS_STS);
    b.write(INT_EN, IntSts.SW_INT); // pending again at once
    assertEquals(IrqPin.IRQ_INT, b.read(IRQ_CFG) & IrqPin.IRQ_INT);
    b.runTo(t0 + 249);
    assertFalse(b.irq.level, "still inside the deassertion interval");
    b.runTo(t0 + 250);
    assertTrue(b.irq.level);
    assertEquals(0, b.read(IRQ_CFG) & IrqPin.INT_DEAS_STS);
  }

  @Test
  void deassertionClearEndsTheIntervalAtOnce() {
    b.write(IRQ_CFG, PUSH_PULL_HIGH | 100 << 24);
    b.write(INT_EN, IntSts.SW_INT);
    b.write(INT_STS, IntSts.SW_INT);
    b.write(INT_EN, IntSts.SW_INT);
    assertFalse(b.irq.level);
    b.write(IRQ_CFG, PUSH_PULL_HIGH | 100 << 24 | IrqPin.INT_DEAS_CLR);
    assertTrue(b.irq.level);
    assertEquals(0, b.read(IRQ_CFG) & IrqPin.INT_DEAS_CLR, "the clear bit is not stored");
  }
}
