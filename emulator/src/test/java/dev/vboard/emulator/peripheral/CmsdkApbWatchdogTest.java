package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmsdkApbWatchdogTest {
  private static final int LOAD = 0x000;
  private static final int VALUE = 0x004;
  private static final int CONTROL = 0x008;
  private static final int INTCLR = 0x00c;
  private static final int RIS = 0x010;
  private static final int MIS = 0x014;
  private static final int LOCK = 0xc00;

  private Bench bench;
  private Bench.Line wdogint;
  private Bench.Line wdogres;
  private CmsdkApbWatchdog watchdog;

  @BeforeEach
  void setUp() {
    bench = new Bench();
    wdogint = new Bench.Line();
    wdogres = new Bench.Line();
    watchdog = new CmsdkApbWatchdog("watchdog", bench.scheduler, Bench.HZ, wdogint, wdogres);
  }

  @Test
  void resetStateIsAllOnesWithQemuIds() {
    assertEquals(0xffffffff, watchdog.read(LOAD, 4));
    assertEquals(0xffffffff, watchdog.read(VALUE, 4));
    assertEquals(0, watchdog.read(CONTROL, 4));
    assertEquals(0x24, watchdog.read(0xfe0, 4));
  }

  @Test
  void countsFromResetWithoutIntenAsQemu72() {
    bench.runTo(1000);
    assertEquals(0xffffffff - 1000, watchdog.read(VALUE, 4), "QEMU 7.2 counts from reset");
    watchdog.write(LOAD, 4, 50);
    bench.run(49);
    assertEquals(0, watchdog.read(RIS, 4));
    bench.run(1);
    assertEquals(1, watchdog.read(RIS, 4), "times out with INTEN clear");
    assertEquals(0, watchdog.read(MIS, 4));
    assertFalse(wdogint.level);
  }

  @Test
  void firstTimeoutInterruptsAndSecondAssertsReset() {
    watchdog.write(LOAD, 4, 50);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN | CmsdkApbWatchdog.CONTROL_RESEN);
    bench.runTo(49);
    assertFalse(wdogint.level);
    bench.runTo(50);
    assertTrue(wdogint.level);
    assertEquals(1, watchdog.read(RIS, 4));
    assertEquals(1, watchdog.read(MIS, 4));
    bench.runTo(100);
    assertFalse(wdogres.level, "the count reloads one tick after zero: next timeout at 101");
    bench.runTo(101);
    assertTrue(wdogres.level);
  }

  @Test
  void feedingClearsTheInterruptAndReloads() {
    watchdog.write(LOAD, 4, 50);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN | CmsdkApbWatchdog.CONTROL_RESEN);
    bench.runTo(50);
    watchdog.write(INTCLR, 4, 1);
    assertFalse(wdogint.level);
    assertEquals(50, watchdog.read(VALUE, 4));
    bench.runTo(99);
    assertFalse(wdogint.level);
    bench.runTo(100);
    assertTrue(wdogint.level, "interrupt again, not reset, because it was fed");
    assertFalse(wdogres.level);
  }

  @Test
  void resetOutputNeedsResen() {
    watchdog.write(LOAD, 4, 10);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    bench.runTo(1000);
    assertTrue(wdogint.level);
    assertFalse(wdogres.level);
  }

  @Test
  void lockIgnoresWritesUntilTheUnlockKey() {
    watchdog.write(LOCK, 4, 1);
    assertEquals(1, watchdog.read(LOCK, 4));
    watchdog.write(LOAD, 4, 10);
    assertEquals(0xffffffff, watchdog.read(LOAD, 4));
    watchdog.write(LOCK, 4, CmsdkApbWatchdog.UNLOCK);
    assertEquals(0, watchdog.read(LOCK, 4));
    watchdog.write(LOAD, 4, 10);
    assertEquals(10, watchdog.read(LOAD, 4));
  }

  @Test
  void clearingIntenMasksTheInterruptButTheCounterRuns() {
    watchdog.write(LOAD, 4, 100);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    bench.runTo(30);
    watchdog.write(CONTROL, 4, 0);
    bench.runTo(60);
    assertEquals(40, watchdog.read(VALUE, 4), "CONTROL neither stops nor reloads (QEMU 7.2)");
    bench.runTo(100);
    assertEquals(1, watchdog.read(RIS, 4));
    assertFalse(wdogint.level);
  }

  @Test
  void loadZeroStopsTheCounterUntilTheNextLoad() {
    watchdog.write(LOAD, 4, 0);
    watchdog.write(INTCLR, 4, 1);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    bench.runTo(1000);
    assertEquals(0, watchdog.read(VALUE, 4), "ptimer disabled itself with delta 0");
    assertEquals(0, watchdog.read(RIS, 4));
    watchdog.write(LOAD, 4, 100);
    bench.runTo(1099);
    assertEquals(1, watchdog.read(VALUE, 4), "LOAD starts it again (QEMU 7.2)");
    bench.runTo(1100);
    assertTrue(wdogint.level);
  }

  @Test
  void secondTimeoutStopsTheCounterUntilLoadIsWritten() {
    watchdog.write(LOAD, 4, 10);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN | CmsdkApbWatchdog.CONTROL_RESEN);
    bench.runTo(21);
    assertTrue(wdogres.level);
    watchdog.write(CONTROL, 4, 0);
    watchdog.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    bench.runTo(100);
    assertEquals(0, watchdog.read(VALUE, 4), "no CONTROL write restarts it in QEMU 7.2");
    watchdog.write(INTCLR, 4, 1);
    bench.runTo(200);
    assertEquals(10, watchdog.read(VALUE, 4), "INTCLR sets the count but does not restart it");
    watchdog.write(LOAD, 4, 10);
    bench.runTo(205);
    assertEquals(5, watchdog.read(VALUE, 4));
  }

  @Test
  void outputsAreDrivenAgainOnControlIntclrItcrAndItopWritesOnly() {
    int[] highDrives = new int[1];
    CmsdkApbWatchdog wd = new CmsdkApbWatchdog("watchdog", bench.scheduler, Bench.HZ,
        level -> highDrives[0] += level ? 1 : 0, wdogres);
    wd.write(LOAD, 4, 10);
    wd.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    bench.runTo(10);
    assertEquals(1, highDrives[0]);
    wd.write(CONTROL, 4, CmsdkApbWatchdog.CONTROL_INTEN);
    wd.write(0xf00, 4, 0);
    wd.write(0xf04, 4, 0);
    assertEquals(4, highDrives[0], "each write re-drives WDOGINT high, as QEMU's update()");
    wd.write(LOAD, 4, 10);
    wd.write(LOCK, 4, 0);
    assertEquals(4, highDrives[0], "LOAD and LOCK writes do not drive the outputs");
    wd.write(LOCK, 4, CmsdkApbWatchdog.UNLOCK);
    wd.write(INTCLR, 4, 1);
    assertEquals(4, highDrives[0], "INTCLR drives WDOGINT low");
  }
}
