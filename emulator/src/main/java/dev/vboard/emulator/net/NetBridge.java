package dev.vboard.emulator.net;

import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.link.Link;
import java.util.List;

/**
 * The cable between the LAN9118 and a netstack {@link Link}. A frame the guest transmits goes
 * to the link at the virtual instant its last bit leaves the wire; the frames the link answers
 * with start arriving at the NIC at that same instant. The link's own deadline
 * ({@link Link#pollAt()}, virtual ns) is one scheduler event, moved whenever it changes: after
 * every frame in either direction and after every poll. No polling every N cycles.
 *
 * <p>Single-threaded: everything runs on the simulation thread.
 */
public final class NetBridge {
  private final Scheduler scheduler;
  private final VirtualClock clock;
  private final Lan9118 nic;
  private final Link link;
  private Scheduler.Event pollEvent;

  /** Plugs {@code nic}'s cable into {@code link}. */
  public NetBridge(Scheduler scheduler, Lan9118 nic, Link link) {
    this.scheduler = scheduler;
    this.clock = scheduler.clock();
    this.nic = nic;
    this.link = link;
    nic.setPort(this::fromGuest);
    reschedule(clock.now());
  }

  /** A frame the guest sent has left the wire. */
  private void fromGuest(byte[] frame) {
    toGuest(link.receiveFromGuest(frame, clock.nanos()));
    reschedule(clock.now());
  }

  /** The link's deadline has come: run its timers (and, with NAT, service host sockets). */
  private void pollDue() {
    pollEvent = null;
    toGuest(link.poll(clock.nanos()));
    // A link that is still due right after its poll is polled again one cycle later, never in
    // the same scheduler turn: the machine must make progress whatever the link says.
    reschedule(clock.now() + 1);
  }

  /**
   * Makes sure the link is polled at cycle {@code cycle} at the latest, e.g. the cycle the idle
   * core wakes at after host I/O became ready. Simulation thread only.
   */
  void pollNoLaterThan(long cycle) {
    if (pollEvent == null || pollEvent.deadline() > cycle) {
      scheduleAt(cycle);
    }
  }

  private void toGuest(List<byte[]> frames) {
    for (byte[] f : frames) {
      nic.deliver(f);
    }
  }

  /**
   * Moves the poll event to the link's current deadline (rounded up to a whole cycle), no
   * earlier than cycle {@code earliest}.
   */
  private void reschedule(long earliest) {
    long at = link.pollAt();
    if (at == Link.NEVER) {
      cancel();
      return;
    }
    scheduleAt(Math.max(earliest, clock.nanosToCycles(Math.max(0, at))));
  }

  private void scheduleAt(long cycle) {
    if (pollEvent != null && pollEvent.deadline() == cycle) {
      return;
    }
    cancel();
    pollEvent = scheduler.scheduleAt(cycle, this::pollDue);
  }

  private void cancel() {
    if (pollEvent != null) {
      pollEvent.cancel();
      pollEvent = null;
    }
  }

  /** The next cycle the link will be polled at, or {@link Long#MAX_VALUE}; for tests. */
  long nextPollCycle() {
    return pollEvent == null ? Long.MAX_VALUE : pollEvent.deadline();
  }
}
