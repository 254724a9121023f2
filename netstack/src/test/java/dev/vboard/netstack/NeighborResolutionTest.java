package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Datagrams the stack originates (a NAT reply, a port forward) need the guest's MAC first. */
class NeighborResolutionTest {
  private static final int PROTO = 253; // RFC 3692 experimental

  /** Sends one datagram to the guest at each scheduled time, like a timer-driven transport. */
  private final class Originator implements IpProtocolHandler {
    private final Deque<Long> at = new ArrayDeque<>();

    @Override
    public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    }

    @Override
    public long pollAt() {
      return at.isEmpty() ? NEVER : at.peekFirst();
    }

    @Override
    public void poll(long nowNs, IpSender out) {
      at.removeFirst();
      out.send(Guest.GATEWAY, guest.ip, PROTO, new byte[] {1, 2, 3});
    }
  }

  private final Guest guest = Guest.standard();
  private final Originator originator = new Originator();
  private final Netstack stack = new Netstack(NetstackConfig.defaults());
  private final EmbeddedLink link = new EmbeddedLink(stack);

  NeighborResolutionTest() {
    stack.registerTransport(PROTO, originator);
  }

  @Test
  void unknownGuestIsAskedForByArpAndTheDatagramDropped() throws WireException {
    originator.at.add(10L);
    link.runUntil(10);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    Received r = Guest.decode(out.get(0));
    assertEquals(MacAddress.BROADCAST, r.eth().dst());
    assertEquals(new ArpRepr(ArpRepr.REQUEST, Guest.GATEWAY_MAC, Guest.GATEWAY, MacAddress.ZERO,
        guest.ip), r.arp());
    assertEquals(1, stack.drops().get(Layer.IPV4, DropReason.NO_NEIGHBOR));
  }

  @Test
  void afterTheArpReplyDatagramsGoToTheLearnedMac() throws WireException {
    originator.at.add(10L);
    originator.at.add(30L);
    link.runUntil(10);
    link.drain();
    link.runUntil(20);
    link.inject(guest.arpReply(Guest.GATEWAY_MAC, Guest.GATEWAY));
    assertEquals(List.of(), link.drain());
    link.runUntil(30);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    Received r = Guest.decode(out.get(0));
    assertEquals(guest.mac, r.eth().dst());
    assertEquals(Guest.GATEWAY_MAC, r.eth().src());
    assertEquals(PROTO, r.ip().protocol());
    assertEquals(guest.ip, r.ip().dst());
  }
}
