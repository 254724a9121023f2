package dev.vboard.netstack.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Repr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handler timers reach the guest through {@code pollAt}/{@code poll}, at the exact time. */
class EmbeddedLinkTest {
  private static final int PROTO = 253; // RFC 3692 experimental protocol number

  /** Sends one datagram to the guest at each armed deadline. */
  private static final class Ticker implements IpProtocolHandler {
    private final List<Long> deadlines = new ArrayList<>(List.of(1_000L, 2_500L));

    @Override
    public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    }

    @Override
    public long pollAt() {
      return deadlines.isEmpty() ? NEVER : deadlines.get(0);
    }

    @Override
    public void poll(long nowNs, IpSender out) {
      deadlines.remove(0);
      out.send(Ipv4Address.parse("10.0.2.2"), Ipv4Address.BROADCAST, PROTO,
          new byte[] {(byte) nowNs});
    }
  }

  @Test
  void runUntilFiresEachDeadlineAtItsTimeAndNotBefore() {
    Netstack stack = new Netstack(NetstackConfig.defaults());
    stack.registerTransport(PROTO, new Ticker());
    EmbeddedLink link = new EmbeddedLink(stack);
    assertEquals(1_000L, stack.pollAt());
    link.runUntil(999);
    assertEquals(List.of(), link.drain());
    link.runUntil(1_000);
    assertEquals(1, link.drain().size());
    link.runUntil(2_499);
    assertEquals(List.of(), link.drain());
    link.runUntil(10_000);
    assertEquals(1, link.drain().size());
    assertEquals(Link.NEVER, stack.pollAt());
    assertEquals(10_000, link.now());
  }

  @Test
  void timeCannotGoBackwards() {
    EmbeddedLink link = new EmbeddedLink(new Netstack(NetstackConfig.defaults()));
    link.runUntil(5);
    assertThrows(IllegalArgumentException.class, () -> link.runUntil(4));
  }
}
