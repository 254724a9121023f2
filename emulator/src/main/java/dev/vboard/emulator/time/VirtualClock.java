package dev.vboard.emulator.time;

import java.util.function.LongSupplier;

/**
 * Virtual time of one machine, counted in core clock cycles.
 *
 * <p>Time comes only from executed instructions (one instruction is one cycle) and from the
 * scheduler skipping ahead while the CPU sleeps. Nothing here reads the wall clock, so two runs
 * of the same image see the same timestamps.
 *
 * <p>While the CPU is inside a run slice, instructions executed so far in that slice are not yet
 * folded into {@link #committed}; the CPU registers an {@link #setInFlight in-flight counter} so
 * that {@link #now()} is exact to the basic block even from an MMIO callback.
 */
public final class VirtualClock {
  private final long hz;
  private long committed;
  private LongSupplier inFlight = () -> 0;

  public VirtualClock(long hz) {
    if (hz <= 0) {
      throw new IllegalArgumentException("clock frequency must be positive: " + hz);
    }
    this.hz = hz;
  }

  /** Core clock frequency in Hz. */
  public long hz() {
    return hz;
  }

  /** Current time in cycles, including instructions of the slice in progress. */
  public long now() {
    return committed + inFlight.getAsLong();
  }

  /** Current time in nanoseconds. */
  public long nanos() {
    return cyclesToNanos(now());
  }

  /** Folds {@code cycles} executed instructions into the committed time. */
  public void advance(long cycles) {
    if (cycles < 0) {
      throw new IllegalArgumentException("time runs forward only: " + cycles);
    }
    committed += cycles;
  }

  /** Jumps to an absolute cycle (idle skip); never backwards. */
  public void advanceTo(long cycle) {
    if (cycle > committed) {
      committed = cycle;
    }
  }

  /** The CPU core's count of instructions run in the current slice; 0 outside a slice. */
  public void setInFlight(LongSupplier counter) {
    this.inFlight = counter;
  }

  /** Converts cycles to nanoseconds, rounding down; exact and overflow-free for years of time. */
  public long cyclesToNanos(long cycles) {
    return cycles / hz * 1_000_000_000L + cycles % hz * 1_000_000_000L / hz;
  }

  /** Converts a duration to cycles, rounding up so an event is never early. */
  public long nanosToCycles(long nanos) {
    long whole = nanos / 1_000_000_000L;
    long rest = nanos % 1_000_000_000L;
    return whole * hz + (rest * hz + 999_999_999L) / 1_000_000_000L;
  }
}
