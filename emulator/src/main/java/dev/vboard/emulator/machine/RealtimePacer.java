package dev.vboard.emulator.machine;

import dev.vboard.emulator.time.VirtualClock;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * REAL-TIME EDGE (--realtime): the only place the emulator reads the wall clock. When the
 * guest sleeps, an idle skip is held back until the wall clock catches up with the virtual
 * target; executing code is never slowed. If the guest falls behind (CPU-bound), the anchor
 * moves so that later idle periods are not cut short to "catch up".
 */
final class RealtimePacer {
  /** How far virtual time may lag the wall clock before the anchor is moved. */
  private static final long MAX_LAG_NANOS = 100_000_000L;
  /** Longest single wait, so a stop request is noticed promptly. */
  private static final long MAX_PARK_NANOS = 10_000_000L;

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
   * Waits until the wall clock reaches virtual cycle {@code target}, or {@code stop} says so.
   * Returns the cycle virtual time may advance to (the target, or less when stopped early).
   */
  long waitFor(long target, BooleanSupplier stop) {
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
    long due = wallAnchor + (clock.cyclesToNanos(target) - virtualAnchor);
    while (true) {
      long now = System.nanoTime(); // real-time edge
      if (now >= due) {
        return target;
      }
      if (stop.getAsBoolean()) {
        long reached = clock.nanosToCycles(virtualAnchor + (now - wallAnchor));
        return Math.max(clock.now(), Math.min(target, reached));
      }
      LockSupport.parkNanos(Math.min(due - now, MAX_PARK_NANOS));
    }
  }
}
