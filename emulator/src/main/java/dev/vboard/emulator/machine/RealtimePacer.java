package dev.vboard.emulator.machine;

import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.VirtualClock;
import java.util.function.BooleanSupplier;

/**
 * REAL-TIME EDGE (--realtime): where idle time is paced to the wall clock. When the
 * guest sleeps, an idle skip is held back until the wall clock catches up with the virtual
 * target; executing code is never slowed. If the guest falls behind (CPU-bound), the anchor
 * moves so that later idle periods are not cut short to "catch up". The wait blocks on the
 * machine's {@link HostEvents}, so host input (or a stop request) ends it at once, at the
 * virtual time that matches the wall clock then; a sleeping board costs no CPU between events.
 */
final class RealtimePacer {
  /** How far virtual time may lag the wall clock before the anchor is moved. */
  private static final long MAX_LAG_NANOS = 100_000_000L;
  /** Idle stretches longer than this (about 292 years) are waited for without an end. */
  private static final long FOREVER_NANOS = Long.MAX_VALUE / 2;

  private final VirtualClock clock;
  private boolean anchored;
  private long wallAnchor;
  private long virtualAnchor;

  RealtimePacer(VirtualClock clock) {
    this.clock = clock;
  }

  void reanchor() {
    anchored = false;
  }

  /**
   * Waits until the wall clock reaches virtual cycle {@code target}, host input is signalled on
   * {@code events}, or {@code stop} says so. Returns the cycle virtual time may advance to: the
   * target, or the cycle matching the wall clock when woken early.
   */
  long waitFor(long target, HostEvents events, BooleanSupplier stop) {
    long wallNow = System.nanoTime(); // real-time edge
    if (!anchored) {
      anchored = true;
      wallAnchor = wallNow;
      virtualAnchor = clock.nanos();
    }
    long lag = (wallNow - wallAnchor) - (clock.nanos() - virtualAnchor);
    if (lag > MAX_LAG_NANOS) {
      wallAnchor += lag; // CPU-bound stretch: do not make up for it by shortening idle time
    }
    // The target may be "never" (no limit, nothing scheduled): keep the sums from overflowing.
    long ahead = target - clock.now();
    long dueIn = ahead >= clock.nanosToCycles(FOREVER_NANOS) ? FOREVER_NANOS
        : clock.cyclesToNanos(target) - virtualAnchor;
    long due = wallAnchor + dueIn;
    while (true) {
      long now = System.nanoTime(); // real-time edge
      if (now - due >= 0) {
        return target;
      }
      if (stop.getAsBoolean() || events.pending()) {
        long reached = clock.nanosToCycles(virtualAnchor + (now - wallAnchor));
        return Math.max(clock.now(), Math.min(target, reached));
      }
      events.await(dueIn >= FOREVER_NANOS ? Long.MAX_VALUE : due - now, stop);
    }
  }
}
