package dev.vboard.emulator.arm;

import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;

/**
 * The SysTick timer (ARM DDI 0403 B3.3): a 24-bit down-counter clocked by the core clock
 * (CSR.CLKSOURCE=1) or by the board's reference clock (CLKSOURCE=0; 1 MHz on QEMU's mps2
 * boards, which wire {@code refclk} to a fixed 1 MHz clock in {@code hw/arm/mps2.c}).
 *
 * <p>Not polled: while enabled, one scheduler event sits at the cycle the counter reaches zero.
 * The count reads from the clock, so CVR is exact at any block. From zero the next tick reloads
 * RVR, so the period is RVR+1 ticks; starting with CVR=0 the first zero is RVR+1 ticks away.
 */
public final class SysTick {
  public static final int CSR_ENABLE = 1 << 0;
  public static final int CSR_TICKINT = 1 << 1;
  public static final int CSR_CLKSOURCE = 1 << 2;
  public static final int CSR_COUNTFLAG = 1 << 16;
  private static final int MASK24 = 0xffffff;
  private static final int CALIB_NOREF = 1 << 31;
  private static final int CALIB_SKEW = 1 << 30;

  private final Scheduler scheduler;
  private final VirtualClock clock;
  private final Nvic nvic;
  private final long referenceHz;
  private int control;
  private int reload;
  /** While stopped: the counter. While running: the counter's value at {@link #startCycle}. */
  private int startValue;
  private long startCycle;
  private Scheduler.Event zeroEvent;

  public SysTick(Scheduler scheduler, Nvic nvic, long referenceHz) {
    this.scheduler = scheduler;
    this.clock = scheduler.clock();
    this.nvic = nvic;
    this.referenceHz = referenceHz;
  }

  public void reset() {
    cancel();
    control = 0;
    reload = 0;
    startValue = 0;
  }

  // ---- registers ----

  /** CSR read: COUNTFLAG clears on read. */
  public int readCsr() {
    int v = control;
    control &= ~CSR_COUNTFLAG;
    return v;
  }

  public void writeCsr(int value) {
    boolean wasRunning = running();
    int oldSource = control & CSR_CLKSOURCE;
    int current = currentValue();
    control = (control & CSR_COUNTFLAG) | (value & (CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE));
    if (wasRunning && (!running() || (control & CSR_CLKSOURCE) != oldSource)) {
      cancel();
      startValue = current;
    }
    if (running() && zeroEvent == null) {
      start(current);
    }
  }

  public int readRvr() {
    return reload;
  }

  public void writeRvr(int value) {
    reload = value & MASK24;
    if (running() && zeroEvent == null) {
      start(0); // it sat at zero with RVR=0; the next tick now reloads the new value
    }
  }

  public int readCvr() {
    return currentValue();
  }

  /** Any write clears the counter and COUNTFLAG (B3.3.3). */
  public void writeCvr(int value) {
    control &= ~CSR_COUNTFLAG;
    cancel();
    startValue = 0;
    if (running()) {
      start(0);
    }
  }

  /**
   * CALIB as QEMU 7.2 derives it from the reference clock: TENMS is 10 ms of reference ticks
   * minus one (9999 at 1 MHz), SKEW when that is not exact, NOREF without a reference.
   */
  public int readCalib() {
    if (referenceHz <= 0) {
      return CALIB_NOREF;
    }
    long ticks = referenceHz / 100;
    int v = (int) ((ticks - 1) & MASK24);
    return referenceHz % 100 == 0 ? v : v | CALIB_SKEW;
  }

  // ---- counting ----

  private boolean running() {
    return (control & CSR_ENABLE) != 0;
  }

  /** Core cycles from the start to the end of tick number {@code ticks}, rounded up. */
  private long cyclesForTicks(long ticks) {
    if ((control & CSR_CLKSOURCE) != 0) {
      return ticks;
    }
    long hz = clock.hz();
    return (ticks * hz + referenceHz - 1) / referenceHz;
  }

  private long ticksIn(long cycles) {
    if ((control & CSR_CLKSOURCE) != 0) {
      return cycles;
    }
    return cycles * referenceHz / clock.hz();
  }

  private int currentValue() {
    if (!running() || zeroEvent == null) {
      return startValue;
    }
    long k = ticksIn(clock.now() - startCycle);
    if (k <= startValue) {
      return (int) (startValue - k);
    }
    // Past zero but the zero event has not run yet (it runs at the next slice boundary).
    long m = (k - startValue - 1) % (reload + 1L);
    return (int) (reload - m);
  }

  private void start(int value) {
    startValue = value;
    startCycle = clock.now();
    schedule();
  }

  private void schedule() {
    long ticksToZero = startValue == 0 ? reload + 1L : startValue;
    if (startValue == 0 && reload == 0) {
      zeroEvent = null; // RVR=0: the counter stays at zero (B3.3.1)
      return;
    }
    zeroEvent = scheduler.scheduleAt(startCycle + cyclesForTicks(ticksToZero), this::reachedZero);
  }

  private void reachedZero() {
    startCycle = zeroEvent.deadline();
    startValue = 0;
    control |= CSR_COUNTFLAG;
    if ((control & CSR_TICKINT) != 0) {
      nvic.setPending(Exceptions.SYSTICK);
    }
    schedule();
  }

  private void cancel() {
    if (zeroEvent != null) {
      zeroEvent.cancel();
      zeroEvent = null;
    }
  }
}
