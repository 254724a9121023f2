package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmsdkApbTimerTest {
  private static final int CTRL = 0x0;
  private static final int VALUE = 0x4;
  private static final int RELOAD = 0x8;
  private static final int INTSTATUS = 0xc;

  private Bench bench;
  private Bench.Line irq;
  private CmsdkApbTimer timer;

  @BeforeEach
  void setUp() {
    bench = new Bench();
    irq = new Bench.Line();
    timer = new CmsdkApbTimer("timer0", bench.scheduler, Bench.HZ, irq);
  }

  @Test
  void resetStateIsStoppedAtZeroWithQemuIds() {
    assertEquals(0, timer.read(CTRL, 4));
    assertEquals(0, timer.read(VALUE, 4));
    assertEquals(0, timer.read(RELOAD, 4));
    assertEquals(0x22, timer.read(0xfe0, 4));
    assertEquals(0xb1, timer.read(0xffc, 4));
  }

  @Test
  void valueDecrementsOncePerPclkCycle() {
    timer.write(RELOAD, 4, 1000);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN);
    bench.run(10);
    assertEquals(990, timer.read(VALUE, 4));
    assertEquals(1000, timer.read(RELOAD, 4));
  }

  @Test
  void interruptFiresExactlyWhenValueReachesZeroThenPeriodIsReloadPlusOne() {
    timer.write(RELOAD, 4, 100);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN | CmsdkApbTimer.CTRL_IRQEN);
    bench.runTo(99);
    assertFalse(irq.level, "one cycle before zero");
    assertEquals(1, timer.read(VALUE, 4));
    bench.runTo(100);
    assertTrue(irq.level, "VALUE went 1 -> 0");
    assertEquals(1, timer.read(INTSTATUS, 4));
    assertEquals(0, timer.read(VALUE, 4));
    bench.runTo(101);
    assertEquals(100, timer.read(VALUE, 4), "reloads one cycle after reaching zero");

    timer.write(INTSTATUS, 4, 1);
    assertFalse(irq.level, "INTCLEAR is write-one-to-clear");
    bench.runTo(200);
    assertFalse(irq.level);
    bench.runTo(201);
    assertTrue(irq.level, "second interrupt RELOAD + 1 cycles after the first");
    assertEquals(2, irq.rises);
  }

  @Test
  void writingZeroToIntstatusLeavesItSet() {
    timer.write(RELOAD, 4, 10);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN | CmsdkApbTimer.CTRL_IRQEN);
    bench.runTo(10);
    timer.write(INTSTATUS, 4, 0);
    assertEquals(1, timer.read(INTSTATUS, 4));
    assertTrue(irq.level);
  }

  @Test
  void noInterruptStatusWhenIrqenIsClearAtTheZeroTick() {
    timer.write(RELOAD, 4, 10);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN);
    bench.runTo(50);
    assertEquals(0, timer.read(INTSTATUS, 4));
    assertFalse(irq.level);
  }

  @Test
  void zeroReloadCountsDownOnceAndStopsAtZero() {
    timer.write(VALUE, 4, 50);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN | CmsdkApbTimer.CTRL_IRQEN);
    bench.runTo(49);
    assertFalse(irq.level);
    bench.runTo(50);
    assertTrue(irq.level);
    timer.write(INTSTATUS, 4, 1);
    bench.runTo(10_000);
    assertEquals(0, timer.read(VALUE, 4));
    assertFalse(irq.level, "no second interrupt without a reload value");
  }

  @Test
  void disablingFreezesValueAndEnablingResumes() {
    timer.write(RELOAD, 4, 1000);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN);
    bench.runTo(100);
    timer.write(CTRL, 4, 0);
    bench.runTo(500);
    assertEquals(900, timer.read(VALUE, 4));
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN);
    bench.runTo(600);
    assertEquals(800, timer.read(VALUE, 4));
  }

  @Test
  void writingValueRestartsTheCountFromTheNewValue() {
    timer.write(RELOAD, 4, 1000);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN | CmsdkApbTimer.CTRL_IRQEN);
    bench.runTo(300);
    timer.write(VALUE, 4, 20);
    bench.runTo(319);
    assertFalse(irq.level);
    bench.runTo(320);
    assertTrue(irq.level);
    bench.runTo(321);
    assertEquals(1000, timer.read(VALUE, 4));
  }

  @Test
  void unknownOffsetsAndIdWritesAreIgnored() {
    timer.write(0x40, 4, 123);
    timer.write(0xfe0, 4, 0);
    assertEquals(0, timer.read(0x40, 4));
    assertEquals(0x22, timer.read(0xfe0, 4));
  }

  @Test
  void resetStopsTheTimerAndDropsTheInterrupt() {
    timer.write(RELOAD, 4, 10);
    timer.write(CTRL, 4, CmsdkApbTimer.CTRL_EN | CmsdkApbTimer.CTRL_IRQEN);
    bench.runTo(10);
    assertTrue(irq.level);
    timer.reset();
    assertFalse(irq.level);
    bench.runTo(1000);
    assertEquals(0, timer.read(VALUE, 4));
    assertEquals(0, timer.read(INTSTATUS, 4));
  }
}
