package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.time.Scheduler;

/**
 * A down-counter ticking once every {@code period} core cycles, exact to the cycle and driven
 * by the {@link Scheduler}: the counting engine shared by the CMSDK APB timer and each half of
 * the CMSDK dual timer.
 *
 * <p>It behaves like QEMU's ptimer with the policies those two models choose (wrap after one
 * period, trigger only on decrement, no immediate reload, no counter round-down):
 * <ul>
 *   <li>the {@code onZero} callback runs at the tick where the count goes from 1 to 0, never
 *       when software writes 0;
 *   <li>the count then holds at 0 for one tick and reloads from the limit on the next, so a
 *       periodic counter with limit {@code L} fires every {@code L + 1} ticks;
 *   <li>a one-shot counter stops at 0; a periodic counter with limit 0 also stops at 0.
 *   <li>a counter that is (re)loaded while running with nothing to count, i.e. a count of 0
 *       and no reload to come (one-shot, or periodic with limit 0), stops itself: this is
 *       ptimer_reload()'s "Timer with delta zero, disabling". The reloads are the ones ptimer
 *       makes: starting, setting the count, setting the limit with reload, changing the period.
 *       Stopped, it stays stopped until {@link #run} however the limit changes afterwards.
 * </ul>
 *
 * <p>Nothing is ticked cycle by cycle: the state is a count {@code delta} at a tick boundary
 * {@code base}, and the current count is computed from {@code clock.now()}. Changing the
 * count, or starting the counter, restarts the tick phase at the current cycle (as ptimer
 * does); other changes keep it. QEMU's rate limit for very short periodic timers is a host
 * performance measure, not board behaviour, and is not reproduced.
 */
final class DownCounter {

  enum Mode { STOPPED, PERIODIC, ONESHOT }

  private final Scheduler scheduler;
  private final Runnable onZero;
  private long period = 1;
  private long limit;
  private long delta;
  private long base;
  private Mode mode = Mode.STOPPED;
  private Scheduler.Event event;

  DownCounter(Scheduler scheduler, Runnable onZero) {
    this.scheduler = scheduler;
    this.onZero = onZero;
  }

  // ---- queries --------------------------------------------------------------------------------

  /** The count now. */
  long count() {
    deliverOverdue();
    return countAt(now());
  }

  long limit() {
    return limit;
  }

  boolean running() {
    return mode != Mode.STOPPED;
  }

  Mode mode() {
    return mode;
  }

  // ---- changes --------------------------------------------------------------------------------

  /** Sets the count; the next tick is one period from now. */
  void setCount(long count) {
    rebase();
    delta = count;
    base = now();
    stopIfNothingToCount();
    reschedule();
  }

  /** Sets the reload value; with {@code reload} the count is set to it as well. */
  void setLimit(long newLimit, boolean reload) {
    rebase();
    limit = newLimit;
    if (reload) {
      delta = newLimit;
      base = now();
      stopIfNothingToCount();
    }
    reschedule();
  }

  /** Starts counting (or switches periodic/one-shot without disturbing the phase). */
  void run(boolean oneshot) {
    rebase();
    boolean starting = mode == Mode.STOPPED;
    if (starting) {
      base = now();
    }
    mode = oneshot ? Mode.ONESHOT : Mode.PERIODIC;
    if (starting) {
      stopIfNothingToCount();
    }
    reschedule();
  }

  /**
   * Re-applies the rule for a reload with nothing to count, with the mode as it is now. For a
   * device that makes several changes for one register write: ptimer reloads once, at the end
   * of the write (ptimer_transaction_commit), so a mode switched by a later {@link #run} of an
   * already running counter counts too.
   */
  void settle() {
    rebase();
    stopIfNothingToCount();
    reschedule();
  }

  /** Stops counting; the count keeps its current value. */
  void stop() {
    rebase();
    mode = Mode.STOPPED;
    reschedule();
  }

  /** Cycles per tick (a prescaler); the tick phase restarts now. */
  void setPeriod(long cycles) {
    if (cycles <= 0) {
      throw new IllegalArgumentException("period must be positive: " + cycles);
    }
    rebase();
    period = cycles;
    base = now();
    stopIfNothingToCount();
    reschedule();
  }

  /** Back to the power-on state: stopped, count and limit as given, period 1. */
  void reset(long count, long newLimit, long cycles) {
    cancel();
    mode = Mode.STOPPED;
    delta = count;
    limit = newLimit;
    period = cycles;
    base = now();
  }

  // ---- internals ------------------------------------------------------------------------------

  private long now() {
    return scheduler.clock().now();
  }

  private long countAt(long t) {
    if (mode == Mode.STOPPED) {
      return delta;
    }
    long n = (t - base) / period;
    if (n <= delta) {
      return delta - n;
    }
    if (mode == Mode.ONESHOT || limit == 0) {
      return 0;
    }
    long k = (n - delta - 1) % (limit + 1);
    return limit - k;
  }

  /**
   * Folds elapsed ticks into (base, delta) at the last tick boundary, keeping the phase. A zero
   * crossing due now but not yet run by the scheduler is delivered first, so it is never lost.
   */
  private void rebase() {
    deliverOverdue();
    if (mode == Mode.STOPPED) {
      return;
    }
    long t = now();
    long n = (t - base) / period;
    delta = countAt(t);
    base += n * period;
  }

  private void deliverOverdue() {
    while (event != null && event.deadline() <= now()) {
      Scheduler.Event due = event;
      due.cancel();
      fire(due.deadline());
    }
  }

  /** The 1 -> 0 tick at cycle {@code at}: restart the arithmetic there, then notify. */
  private void fire(long at) {
    event = null;
    base = at;
    delta = 0;
    if (mode == Mode.ONESHOT || limit == 0) {
      // A periodic counter with limit 0 has no reload to wait for: ptimer disables it here.
      mode = Mode.STOPPED;
    }
    reschedule();
    onZero.run();
  }

  /**
   * ptimer's reload with delta 0: only a periodic counter with a non-zero limit goes on (it
   * holds 0 for one tick, then reloads); anything else disables itself.
   */
  private void stopIfNothingToCount() {
    if (mode != Mode.STOPPED && delta == 0 && (mode == Mode.ONESHOT || limit == 0)) {
      mode = Mode.STOPPED;
    }
  }

  private void reschedule() {
    cancel();
    long next = nextZero();
    if (next != Long.MAX_VALUE) {
      event = scheduler.scheduleAt(next, this::onEvent);
    }
  }

  private void onEvent() {
    Scheduler.Event due = event;
    if (due != null) {
      fire(due.deadline());
    }
  }

  /** Cycle of the next 1 -> 0 tick, or MAX_VALUE when the count will not reach 0 by decrement. */
  private long nextZero() {
    if (mode == Mode.STOPPED) {
      return Long.MAX_VALUE;
    }
    if (delta > 0) {
      return base + delta * period;
    }
    if (mode == Mode.PERIODIC && limit > 0) {
      return base + (limit + 1) * period;
    }
    return Long.MAX_VALUE;
  }

  private void cancel() {
    if (event != null) {
      event.cancel();
      event = null;
    }
  }
}
