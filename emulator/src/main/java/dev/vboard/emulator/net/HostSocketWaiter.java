package dev.vboard.emulator.net;

import dev.vboard.emulator.time.HostEvents;
import dev.vboard.netstack.Netstack;

/**
 * HOST I/O EDGE: the netstack's host sockets as the machine's {@link HostEvents.Waiter}, so
 * host I/O wakes the machine instead of being polled every millisecond of virtual time. An idle
 * machine blocks in the NAT's selector (stdin and stop requests end that wait through
 * {@link Netstack#wakeHostIo}); a busy one looks at it once per
 * {@code NatConfig.hostPollIntervalNs} of virtual time. A ready socket is delivered as host
 * input; {@link BoardNetwork}'s listener then polls the netstack at the current virtual time.
 */
final class HostSocketWaiter implements HostEvents.Waiter {
  private final Netstack netstack;

  HostSocketWaiter(Netstack netstack) {
    this.netstack = netstack;
  }

  @Override
  public boolean open() {
    return netstack.hasHostSockets();
  }

  @Override
  public boolean await(long maxNanos) {
    return netstack.awaitHostIo(maxNanos);
  }

  @Override
  public void wake() {
    netstack.wakeHostIo();
  }

  @Override
  public long checkIntervalNanos() {
    return netstack.config().nat().hostPollIntervalNs();
  }
}
