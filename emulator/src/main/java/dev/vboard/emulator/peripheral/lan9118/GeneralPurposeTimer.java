package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.time.Scheduler;

/**
 * The general purpose timer, GPT_CFG/GPT_CNT (datasheet 5.3): a 16-bit down-counter
 * ticking every 100 us of virtual time. Setting TIMER_EN loads GPT_LOAD into the count; each
 * time the count reaches zero GPT_INT is raised, and the count wraps to 0xffff and goes on.
 * Clearing TIMER_EN stops it with the count back at 0xffff (QEMU). Unlike QEMU, GPT_INT is
 * latched in INT_STS whether or not it is enabled, like every other INT_STS bit.
 */
final class GeneralPurposeTimer {
  static final int TIMER_EN = 1 << 29;
  static final int GPT_LOAD = 0xffff;
  static final long TICK_NANOS = 100_000;
  private static final int WRAP = 0x10000;

  private final Scheduler scheduler;
  private final InterruptSink sink;
  private final long tickCycles;
  private int cfg;
  /** Cycle at which the count was {@link #startCount}, while running. */
  private long start;
  private int startCount;
  private Scheduler.Event zero;

  GeneralPurposeTimer(Scheduler scheduler, InterruptSink sink) {
    this.scheduler = scheduler;
    this.sink = sink;
    this.tickCycles = scheduler.clock().nanosToCycles(TICK_NANOS);
  }

  void reset() {
    cancel();
    cfg = GPT_LOAD;
    startCount = GPT_LOAD;
  }

  int cfg() {
    return cfg;
  }

  int count() {
    if ((cfg & TIMER_EN) == 0) {
      return startCount;
    }
    long ticks = (scheduler.clock().now() - start) / tickCycles;
    return (int) Math.floorMod(startCount - ticks, (long) WRAP);
  }

  void writeCfg(int value) {
    boolean wasOn = (cfg & TIMER_EN) != 0;
    cfg = value & (TIMER_EN | GPT_LOAD);
    boolean on = (cfg & TIMER_EN) != 0;
    if (on && !wasOn) {
      start = scheduler.clock().now();
      startCount = cfg & GPT_LOAD;
      scheduleZero();
    } else if (!on && wasOn) {
      cancel();
      startCount = GPT_LOAD;
    }
  }

  /** The next tick at which the count becomes zero; a count of 0 needs a full wrap first. */
  private void scheduleZero() {
    int current = count();
    long ticksToZero = current == 0 ? WRAP : current;
    long ticksSoFar = (scheduler.clock().now() - start) / tickCycles;
    zero = scheduler.scheduleAt(start + (ticksSoFar + ticksToZero) * tickCycles, this::onZero);
  }

  private void onZero() {
    zero = null;
    sink.raise(IntSts.GPT_INT);
    scheduleZero();
  }

  private void cancel() {
    if (zero != null) {
      zero.cancel();
      zero = null;
    }
  }
}
