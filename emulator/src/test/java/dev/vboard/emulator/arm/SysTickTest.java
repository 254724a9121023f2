package dev.vboard.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import org.junit.jupiter.api.Test;

class SysTickTest {
  private final VirtualClock clock = new VirtualClock(25_000_000);
  private final Scheduler scheduler = new Scheduler(clock);
  private final Nvic nvic = new Nvic(32, 8);
  private final SysTick sysTick = new SysTick(scheduler, nvic, 1_000_000);

  private void advanceTo(long cycle) {
    clock.advanceTo(cycle);
    scheduler.runDue();
  }

  @Test
  void coreClockPeriodIsReloadPlusOneAndFiresOnTheExactCycle() {
    sysTick.writeRvr(99);
    sysTick.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_TICKINT | SysTick.CSR_CLKSOURCE);
    advanceTo(99);
    assertFalse(nvic.isPending(Exceptions.SYSTICK));
    assertEquals(1, sysTick.readCvr());
    advanceTo(100);
    assertTrue(nvic.isPending(Exceptions.SYSTICK));
    assertEquals(0, sysTick.readCvr());
    nvic.clearPending(Exceptions.SYSTICK);
    advanceTo(101);
    assertEquals(99, sysTick.readCvr(), "reloaded on the tick after zero");
    advanceTo(199);
    assertFalse(nvic.isPending(Exceptions.SYSTICK));
    advanceTo(200);
    assertTrue(nvic.isPending(Exceptions.SYSTICK));
  }

  @Test
  void countflagIsSetAtZeroAndClearedByReading() {
    sysTick.writeRvr(9);
    sysTick.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_CLKSOURCE);
    advanceTo(10);
    assertFalse(nvic.isPending(Exceptions.SYSTICK), "TICKINT clear: no exception");
    assertTrue((sysTick.readCsr() & SysTick.CSR_COUNTFLAG) != 0);
    assertEquals(0, sysTick.readCsr() & SysTick.CSR_COUNTFLAG);
  }

  @Test
  void referenceClockTicksAtOneMegahertz() {
    sysTick.writeRvr(9);
    sysTick.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_TICKINT);
    advanceTo(10 * 25 - 1);
    assertFalse(nvic.isPending(Exceptions.SYSTICK));
    advanceTo(10 * 25);
    assertTrue(nvic.isPending(Exceptions.SYSTICK), "10 ticks of 1 MHz at 25 MHz = 250 cycles");
    assertEquals(9999, sysTick.readCalib(), "TENMS as QEMU 7.2 reports it");
  }

  @Test
  void disablingFreezesTheCountAndWritingCvrClearsIt() {
    sysTick.writeRvr(1000);
    sysTick.writeCsr(SysTick.CSR_ENABLE | SysTick.CSR_CLKSOURCE);
    advanceTo(11);
    assertEquals(990, sysTick.readCvr());
    sysTick.writeCsr(SysTick.CSR_CLKSOURCE);
    advanceTo(500);
    assertEquals(990, sysTick.readCvr());
    assertEquals(Long.MAX_VALUE, scheduler.nextDeadline(), "no event while stopped");
    sysTick.writeCvr(123);
    assertEquals(0, sysTick.readCvr());
  }
}
