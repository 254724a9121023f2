package dev.vboard.emulator.peripheral;

import static dev.vboard.emulator.peripheral.CmsdkApbDualTimer.CONTROL_ENABLE;
import static dev.vboard.emulator.peripheral.CmsdkApbDualTimer.CONTROL_INTEN;
import static dev.vboard.emulator.peripheral.CmsdkApbDualTimer.CONTROL_MODE;
import static dev.vboard.emulator.peripheral.CmsdkApbDualTimer.CONTROL_ONESHOT;
import static dev.vboard.emulator.peripheral.CmsdkApbDualTimer.CONTROL_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmsdkApbDualTimerTest {
  private static final int LOAD1 = 0x00;
  private static final int VALUE1 = 0x04;
  private static final int CONTROL1 = 0x08;
  private static final int INTCLR1 = 0x0c;
  private static final int RIS1 = 0x10;
  private static final int MIS1 = 0x14;
  private static final int BGLOAD1 = 0x18;
  private static final int LOAD2 = 0x20;
  private static final int VALUE2 = 0x24;
  private static final int CONTROL2 = 0x28;
  private static final int INTCLR2 = 0x2c;
  private static final int RIS2 = 0x30;
  private static final int PRESCALE_16 = 1 << 2;
  private static final int PRESCALE_256 = 2 << 2;

  private Bench bench;
  private Bench.Line int1;
  private Bench.Line int2;
  private Bench.Line intc;
  private CmsdkApbDualTimer timer;

  @BeforeEach
  void setUp() {
    bench = new Bench();
    int1 = new Bench.Line();
    int2 = new Bench.Line();
    intc = new Bench.Line();
    timer = new CmsdkApbDualTimer("dualtimer", bench.scheduler, Bench.HZ, int1, int2, intc);
  }

  @Test
  void resetValuesMatchQemu() {
    assertEquals(0, timer.read(LOAD1, 4));
    assertEquals(0xffffffff, timer.read(VALUE1, 4));
    assertEquals(0x20, timer.read(CONTROL1, 4));
    assertEquals(0x23, timer.read(0xfe0, 4));
  }

  @Test
  void freeRunning32BitCountsDownFromLoadAndWrapsToAllOnes() {
    timer.write(LOAD1, 4, 100);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_INTEN);
    bench.runTo(99);
    assertEquals(1, timer.read(VALUE1, 4));
    assertFalse(intc.level);
    bench.runTo(100);
    assertEquals(0, timer.read(VALUE1, 4));
    assertTrue(int1.level);
    assertTrue(intc.level);
    assertFalse(int2.level);
    bench.runTo(101);
    assertEquals(0xffffffff, timer.read(VALUE1, 4), "free-running wraps to the full range");
  }

  @Test
  void freeRunning16BitWrapsAt0xffffAndKeepsTheUpperHalfOfValue() {
    timer.write(LOAD1, 4, 0x12340010);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_INTEN);
    bench.runTo(0x10);
    assertEquals(0x12340000, timer.read(VALUE1, 4));
    assertTrue(intc.level);
    timer.write(INTCLR1, 4, 1);
    bench.runTo(0x11);
    assertEquals(0x1234ffff, timer.read(VALUE1, 4));
    bench.runTo(0x11 + 0xffff - 1);
    assertFalse(intc.level);
    bench.runTo(0x11 + 0xffff);
    assertTrue(intc.level, "16-bit free-running period is 0x10000 ticks");
  }

  @Test
  void periodicReloadsFromLoadEveryLoadPlusOneTicks() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE | CONTROL_INTEN);
    timer.write(LOAD1, 4, 50);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE | CONTROL_INTEN);
    bench.runTo(50);
    assertTrue(intc.level);
    timer.write(INTCLR1, 4, 1);
    assertFalse(intc.level);
    bench.runTo(51);
    assertEquals(50, timer.read(VALUE1, 4));
    bench.runTo(100);
    assertFalse(intc.level);
    bench.runTo(101);
    assertTrue(intc.level);
  }

  @Test
  void writingLoadToAnEnabledPeriodicTimerRunsItOnceMoreAsQemu72() {
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE);
    timer.write(LOAD1, 4, 20);
    bench.runTo(19);
    assertEquals(0, timer.read(RIS1, 4));
    bench.runTo(20);
    assertEquals(1, timer.read(RIS1, 4));
    timer.write(INTCLR1, 4, 1);
    bench.runTo(1000);
    assertEquals(0, timer.read(RIS1, 4), "QEMU 7.2 runs the counter one-shot after LOAD");
    assertEquals(0, timer.read(VALUE1, 4));
    assertEquals(CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE, timer.read(CONTROL1, 4),
        "CONTROL still reads periodic");
  }

  @Test
  void periodicStartedWithNothingToCountStopsAndBgloadDoesNotRestartIt() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE | CONTROL_INTEN);
    timer.write(LOAD1, 4, 0);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE | CONTROL_INTEN);
    timer.write(BGLOAD1, 4, 0x100);
    bench.runTo(5000);
    assertEquals(0, timer.read(RIS1, 4), "ptimer: delta zero, disabling");
    assertEquals(0, timer.read(VALUE1, 4));
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE | CONTROL_INTEN);
    bench.run(0x101);
    assertEquals(1, timer.read(RIS1, 4), "only CONTROL.ENABLE (or LOAD) starts it again");
  }

  @Test
  void expiredOneShotReenabledStaysStoppedAndFreeRunningLoadDoesNotRestartIt() {
    timer.write(CONTROL2, 4, CONTROL_ONESHOT | CONTROL_SIZE);
    timer.write(LOAD2, 4, 30);
    timer.write(CONTROL2, 4, CONTROL_ENABLE | CONTROL_ONESHOT | CONTROL_SIZE);
    bench.runTo(30);
    assertEquals(1, timer.read(RIS2, 4));
    timer.write(INTCLR2, 4, 1);
    timer.write(CONTROL2, 4, CONTROL_ENABLE | CONTROL_ONESHOT | CONTROL_SIZE);
    timer.write(LOAD2, 4, 20);
    bench.runTo(1000);
    assertEquals(0, timer.read(RIS2, 4));
    assertEquals(20, timer.read(VALUE2, 4), "the count is set but does not run");
  }

  @Test
  void switchingToOneShotWhileHoldingZeroStopsWhenTheWriteReloads() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE);
    timer.write(LOAD1, 4, 0);
    timer.write(BGLOAD1, 4, 10);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE);
    // Started at 0 with a reload to come: holds 0 for a tick, then counts from 10.
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_ONESHOT);
    timer.write(LOAD1, 4, 5);
    bench.runTo(1000);
    assertEquals(0, timer.read(RIS1, 4), "QEMU reloads at the end of the write: one-shot at 0");
    assertEquals(5, timer.read(VALUE1, 4));
  }

  @Test
  void periodicWithBgloadZeroFiresOnceAndStops() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE);
    timer.write(LOAD1, 4, 10);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE);
    timer.write(BGLOAD1, 4, 0);
    bench.runTo(10);
    assertEquals(1, timer.read(RIS1, 4));
    timer.write(INTCLR1, 4, 1);
    timer.write(BGLOAD1, 4, 10);
    bench.runTo(1000);
    assertEquals(0, timer.read(RIS1, 4), "stopped at 0 with nothing to reload");
  }

  @Test
  void oneShotStopsAtZero() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE | CONTROL_ONESHOT | CONTROL_INTEN);
    timer.write(LOAD1, 4, 30);
    timer.write(CONTROL1, 4,
        CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE | CONTROL_ONESHOT | CONTROL_INTEN);
    bench.runTo(29);
    assertFalse(intc.level);
    bench.runTo(30);
    assertTrue(intc.level);
    timer.write(INTCLR1, 4, 1);
    bench.runTo(1000);
    assertEquals(0, timer.read(VALUE1, 4));
    assertFalse(intc.level);
  }

  @Test
  void prescaleDividesTheClockBy16And256() {
    timer.write(LOAD1, 4, 10);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_INTEN | PRESCALE_16);
    bench.runTo(16 * 10 - 1);
    assertEquals(1, timer.read(VALUE1, 4));
    assertFalse(intc.level);
    bench.runTo(16 * 10);
    assertTrue(intc.level);

    timer.write(LOAD2, 4, 4);
    long start = bench.now();
    timer.write(CONTROL2, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_INTEN | PRESCALE_256);
    bench.runTo(start + 256 * 4 - 1);
    assertFalse(int2.level);
    bench.runTo(start + 256 * 4);
    assertTrue(int2.level);
  }

  @Test
  void risIsRawAndMisIsMaskedByInten() {
    timer.write(LOAD1, 4, 5);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE);
    bench.runTo(5);
    assertEquals(1, timer.read(RIS1, 4));
    assertEquals(0, timer.read(MIS1, 4));
    assertFalse(intc.level);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_INTEN);
    assertEquals(1, timer.read(MIS1, 4));
    assertTrue(intc.level, "enabling INTEN exposes the pending raw interrupt");
  }

  @Test
  void bgloadChangesTheReloadButNotTheCurrentCount() {
    timer.write(CONTROL1, 4, CONTROL_SIZE | CONTROL_MODE);
    timer.write(LOAD1, 4, 100);
    timer.write(CONTROL1, 4, CONTROL_ENABLE | CONTROL_SIZE | CONTROL_MODE);
    bench.runTo(10);
    timer.write(BGLOAD1, 4, 7);
    assertEquals(90, timer.read(VALUE1, 4));
    assertEquals(7, timer.read(LOAD1, 4));
    bench.runTo(101);
    assertEquals(7, timer.read(VALUE1, 4));
  }

  @Test
  void switching32To16BitParksTheUpperHalfOfValue() {
    timer.write(CONTROL1, 4, CONTROL_SIZE);
    timer.write(LOAD1, 4, 0xabcd1234);
    timer.write(CONTROL1, 4, 0);
    assertEquals(0xabcd1234, timer.read(VALUE1, 4));
    timer.write(CONTROL1, 4, CONTROL_ENABLE);
    bench.runTo(0x1234);
    assertEquals(0xabcd0000, timer.read(VALUE1, 4));
  }

  @Test
  void integrationTestModeDrivesTheOutputsFromTimeritop() {
    timer.write(0xf00, 4, 1);
    timer.write(0xf04, 4, 2);
    assertFalse(int1.level);
    assertTrue(int2.level);
    assertTrue(intc.level);
    timer.write(0xf00, 4, 0);
    assertFalse(intc.level);
  }

  @Test
  void valueRegistersAreReadOnly() {
    timer.write(VALUE1, 4, 5);
    assertEquals(0xffffffff, timer.read(VALUE1, 4));
    timer.write(VALUE2, 4, 5);
    assertEquals(0xffffffff, timer.read(VALUE2, 4));
  }
}
