package dev.vboard.emulator.net;

import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.Netstack;
import java.util.function.LongBinaryOperator;

/**
 * REAL-TIME EDGE: the machine's idle hook ({@code Machine.setIdleWait}) while the network has
 * host sockets. When the guest idles and a real host connection is open (NAT or forward), idle
 * virtual time may advance no faster than the wall clock, so a guest never times out on a host
 * that simply has not answered yet. With no host connection open the skip is free and
 * untouched, so runs with only virtual services stay deterministic.
 *
 * <p>Pacing is anchored, as {@code RealtimePacer} does for {@code --realtime}: when host I/O
 * becomes active, the current virtual and wall times are paired; from then on an idle skip to
 * virtual time T waits (on the host sockets, so host data cuts it short) until the wall clock
 * reaches the matching instant. Anchoring rather than pacing each skip by its own length keeps
 * the average rate at the wall clock's even when the host wakes us late (a loaded machine
 * oversleeps 1 ms waits by ten times). If the guest falls far behind (a CPU-bound stretch), the
 * anchor moves so idle time is not cut short to catch up.
 *
 * <p>This class and its wall-clock reads are the only non-virtual time in the network path.
 */
final class HostIoPacer implements LongBinaryOperator {
  /**
   * Longest single wait. Host sockets, stdin and stop requests end the wait themselves (it is
   * the machine's {@link HostEvents} wait, in the sockets' selector); the cap is a backstop.
   */
  static final long MAX_WAIT_NANOS = 100_000_000L;
  /** How far virtual time may lag the wall clock before the anchor is moved. */
  static final long MAX_LAG_NANOS = 100_000_000L;

  private final Netstack netstack;
  private final NetBridge bridge;
  private final VirtualClock clock;
  private final HostEvents events;
  private boolean anchored;
  private long wallAnchor;
  private long virtualAnchor;

  HostIoPacer(Netstack netstack, NetBridge bridge, VirtualClock clock, HostEvents events) {
    this.netstack = netstack;
    this.bridge = bridge;
    this.clock = clock;
    this.events = events;
  }

  /** Returns the cycle idle time may advance to, between {@code now} and {@code target}. */
  @Override
  public long applyAsLong(long now, long target) {
    if (!netstack.hostIoActive()) {
      anchored = false; // the next host connection starts a fresh pairing
      return target;
    }
    long wallNow = System.nanoTime(); // real-time edge
    long virtualNow = clock.cyclesToNanos(now);
    if (!anchored) {
      anchored = true;
      wallAnchor = wallNow;
      virtualAnchor = virtualNow;
    }
    long lag = (wallNow - wallAnchor) - (virtualNow - virtualAnchor);
    if (lag > MAX_LAG_NANOS) {
      wallAnchor += lag - MAX_LAG_NANOS;
    }
    long due = wallAnchor + (clock.cyclesToNanos(target) - virtualAnchor);
    if (wallNow >= due) {
      return target; // the wall clock is already there
    }
    // Through the doorbell rather than the selector alone: its flags are checked before the
    // wait, so stdin or a stop request that came meanwhile is not lost to a selectNow().
    events.await(Math.min(due - wallNow, MAX_WAIT_NANOS), () -> false);
    long after = System.nanoTime(); // real-time edge
    if (after >= due) {
      return target;
    }
    // Host I/O (or the wait cap) came first: wake at the matching virtual time and let the
    // netstack service the sockets there.
    long reachedNanos = virtualAnchor + (after - wallAnchor);
    long reached = Math.min(target, Math.max(now + 1, clock.nanosToCycles(reachedNanos)));
    bridge.pollNoLaterThan(reached);
    return reached;
  }
}
