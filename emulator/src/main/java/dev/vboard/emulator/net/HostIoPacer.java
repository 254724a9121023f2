package dev.vboard.emulator.net;

import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.Netstack;
import java.util.function.BooleanSupplier;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;

/**
 * REAL-TIME EDGE: the machine's idle hook ({@code Machine.setIdleWait}) while the network has
 * host sockets. When the guest idles and a real host connection is open (NAT or forward), idle
 * virtual time may advance no faster than the wall clock, so a guest never times out on a host
 * that simply has not answered yet. With no host connection open the skip is free and
 * untouched, so runs with only virtual services stay deterministic.
 *
 * <p>Only idle time is paced, and it is paced against wall time spent idle: each skip waits (on
 * the host sockets, so host data cuts it short) for as much wall time as it skips. Time the
 * guest spends executing is neither slowed nor billed: a 25 MHz core emulated faster than real
 * time would otherwise run up a debt of virtual time that every later idle skip (a delayed ACK,
 * a retransmission timer) had to repay on the wall clock, which held a busy network guest to the
 * wall clock overall.
 *
 * <p>Waits overshoot (the selector counts whole milliseconds, a loaded machine wakes late): the
 * wall time a wait overshot is kept as credit that later skips spend without waiting, so the
 * idle rate still averages the wall clock's rather than falling below it. Credit is capped at
 * {@link #MAX_CREDIT_NANOS}, so idle time is never more than that ahead of the idle wall time.
 *
 * <p>This class and its wall-clock reads are the only non-virtual time in the network path.
 */
final class HostIoPacer implements LongBinaryOperator {
  /**
   * Longest single wait. Host sockets, stdin and stop requests end the wait themselves (it is
   * the machine's {@link HostEvents} wait, in the sockets' selector); the cap is a backstop.
   */
  static final long MAX_WAIT_NANOS = 100_000_000L;
  /** Most overshoot kept for later skips: how far idle time may run ahead of idle wall time. */
  static final long MAX_CREDIT_NANOS = 10_000_000L;

  /** REAL-TIME EDGE: waits up to {@code maxNanos} of wall time, ended early by host input. */
  @FunctionalInterface
  interface WallWait {
    void await(long maxNanos);
  }

  private final BooleanSupplier hostIoActive;
  private final NetBridge bridge;
  private final VirtualClock clock;
  private final LongSupplier wallClock;
  private final WallWait wait;
  /** Wall nanoseconds already waited that no idle skip has used yet. */
  private long credit;

  HostIoPacer(Netstack netstack, NetBridge bridge, VirtualClock clock, HostEvents events) {
    // Through the doorbell rather than the selector alone: its flags are checked before the
    // wait, so stdin or a stop request that came meanwhile is not lost to a selectNow().
    this(netstack::hostIoActive, bridge, clock, System::nanoTime,
        max -> events.await(max, () -> false));
  }

  /**
   * @param hostIoActive whether a real host connection is open ({@link Netstack#hostIoActive})
   * @param wallClock REAL-TIME EDGE: the monotonic wall clock, in nanoseconds
   */
  HostIoPacer(BooleanSupplier hostIoActive, NetBridge bridge, VirtualClock clock,
      LongSupplier wallClock, WallWait wait) {
    this.hostIoActive = hostIoActive;
    this.bridge = bridge;
    this.clock = clock;
    this.wallClock = wallClock;
    this.wait = wait;
  }

  /** Returns the cycle idle time may advance to, between {@code now} and {@code target}. */
  @Override
  public long applyAsLong(long now, long target) {
    if (!hostIoActive.getAsBoolean()) {
      credit = 0; // the next host connection starts with none
      return target;
    }
    long need = clock.cyclesToNanos(target - now);
    if (credit >= need) {
      credit -= need;
      return target;
    }
    long start = wallClock.getAsLong(); // real-time edge
    wait.await(Math.min(need - credit, MAX_WAIT_NANOS));
    long have = credit + (wallClock.getAsLong() - start); // real-time edge
    if (have >= need) {
      credit = Math.min(have - need, MAX_CREDIT_NANOS);
      return target;
    }
    // Host I/O (or the wait cap) came first: wake at the virtual time the wall clock allows and
    // let the netstack service the sockets there.
    credit = 0;
    long reached = Math.min(target, now + Math.max(1, clock.nanosToCycles(have)));
    bridge.pollNoLaterThan(reached);
    return reached;
  }
}
