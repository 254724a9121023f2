package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.DhcpOption;
import dev.vboard.netstack.wire.DhcpPacket;
import dev.vboard.netstack.wire.DhcpRepr;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Datagrams the stack originates (a NAT reply, a port forward) need the guest's MAC: learned from
 * ARP, IPv4 sources and DHCP leases; a datagram to an unresolved address waits for the ARP reply.
 */
class NeighborResolutionTest {
  private static final int PROTO = 253; // RFC 3692 experimental
  /** iface.PendingDatagrams.PER_ADDRESS: datagrams kept per unresolved address. */
  private static final int HELD_PER_ADDRESS = 4;

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

  /** The one datagram the originator sends, as the guest receives it. */
  private void assertDelivered(byte[] frame) throws WireException {
    Received r = Guest.decode(frame);
    assertEquals(guest.mac, r.eth().dst());
    assertEquals(Guest.GATEWAY_MAC, r.eth().src());
    assertEquals(PROTO, r.ip().protocol());
    assertEquals(guest.ip, r.ip().dst());
    assertArrayEquals(new byte[] {1, 2, 3}, r.ipPayload());
  }

  private void assertArpRequestForGuest(byte[] frame) throws WireException {
    Received r = Guest.decode(frame);
    assertEquals(MacAddress.BROADCAST, r.eth().dst());
    assertEquals(new ArpRepr(ArpRepr.REQUEST, Guest.GATEWAY_MAC, Guest.GATEWAY, MacAddress.ZERO,
        guest.ip), r.arp());
  }

  @Test
  void unknownGuestIsAskedForByArpAndTheDatagramHeld() throws WireException {
    originator.at.add(10L);
    link.runUntil(10);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    assertArpRequestForGuest(out.get(0));
    assertEquals(0, stack.drops().get(Layer.IPV4, DropReason.NO_NEIGHBOR));
  }

  @Test
  void theHeldDatagramGoesOutWithTheArpReply() throws WireException {
    originator.at.add(10L);
    link.runUntil(10);
    link.drain();
    link.runUntil(20);
    link.inject(guest.arpReply(Guest.GATEWAY_MAC, Guest.GATEWAY));
    List<byte[]> out = link.drain();
    assertEquals(1, out.size(), "RFC 1122 2.3.2.2: sent once the address is resolved");
    assertDelivered(out.get(0));
  }

  @Test
  void afterTheArpReplyDatagramsGoToTheLearnedMac() throws WireException {
    originator.at.add(10L);
    originator.at.add(30L);
    link.runUntil(10);
    link.drain();
    link.inject(guest.arpReply(Guest.GATEWAY_MAC, Guest.GATEWAY));
    link.drain();
    link.runUntil(30);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    assertDelivered(out.get(0));
  }

  @Test
  void aSilentAddressKeepsOnlyTheLatestDatagrams() throws WireException {
    int sent = HELD_PER_ADDRESS + 2;
    for (long t = 1; t <= sent; t++) {
      originator.at.add(t);
    }
    link.runUntil(sent);
    assertEquals(sent, link.drain().size(), "one ARP request per datagram held");
    assertEquals(2, stack.drops().get(Layer.IPV4, DropReason.NO_NEIGHBOR));
    link.inject(guest.arpReply(Guest.GATEWAY_MAC, Guest.GATEWAY));
    assertEquals(HELD_PER_ADDRESS, link.drain().size());
  }

  @Test
  void aDhcpLeaseBindsTheGuestWithoutArp() throws WireException {
    Guest fresh = new Guest("52:54:00:12:34:56", "0.0.0.0");
    link.inject(fresh.udp(Ipv4Address.BROADCAST, 68, 67, dhcp(DhcpOption.DISCOVER, null, null)));
    DhcpRepr offer = DhcpRepr.parse(DhcpPacket.wrap(Guest.decode(link.drain().get(0)).udpData()));
    link.inject(fresh.udp(Ipv4Address.BROADCAST, 68, 67,
        dhcp(DhcpOption.REQUEST, offer.yiaddr(), offer.serverId())));
    assertEquals(1, link.drain().size(), "the ACK");
    assertEquals(guest.ip, offer.yiaddr());

    originator.at.add(link.now() + 10);
    link.runUntil(link.now() + 10);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size(), "no ARP request first");
    assertDelivered(out.get(0));
  }

  @Test
  void aDatagramHeldBeforeTheLeaseFollowsTheAck() throws WireException {
    originator.at.add(5L);
    link.runUntil(5);
    assertArpRequestForGuest(link.drain().get(0)); // unanswered: the guest has no address yet
    Guest fresh = new Guest("52:54:00:12:34:56", "0.0.0.0");
    link.inject(fresh.udp(Ipv4Address.BROADCAST, 68, 67, dhcp(DhcpOption.DISCOVER, null, null)));
    DhcpRepr offer = DhcpRepr.parse(DhcpPacket.wrap(Guest.decode(link.drain().get(0)).udpData()));
    link.inject(fresh.udp(Ipv4Address.BROADCAST, 68, 67,
        dhcp(DhcpOption.REQUEST, offer.yiaddr(), offer.serverId())));
    List<byte[]> out = link.drain();
    assertEquals(2, out.size());
    DhcpRepr ack = DhcpRepr.parse(DhcpPacket.wrap(Guest.decode(out.get(0)).udpData()));
    assertEquals(DhcpOption.ACK, ack.messageType(), "the address first");
    assertDelivered(out.get(1));
  }

  private byte[] dhcp(int type, Integer requested, Integer serverId) {
    return new DhcpRepr(DhcpRepr.BOOTREQUEST, 0x1234, 0, 0, 0, 0, 0, 0, guest.mac, type,
        requested, serverId, null, null, null, null, null, List.of(), List.of(1, 3)).toBytes();
  }

  @Test
  void anyFrameNamesTheGuestForAddressesOutsideTheSubnet() throws WireException {
    // A guest configured by hand outside 10.0.2.0/24: its datagrams teach no binding, but the
    // frame's source is still the guest to answer.
    Guest outside = new Guest("52:54:00:ab:cd:ef", "192.168.7.9");
    link.inject(outside.udp(Guest.GATEWAY, 5000, 9, new byte[] {0}));
    link.drain();
    stack.registerTransport(PROTO, new IpProtocolHandler() {
      @Override
      public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
      }

      @Override
      public long pollAt() {
        return originator.pollAt();
      }

      @Override
      public void poll(long nowNs, IpSender out) {
        originator.at.removeFirst();
        out.send(Guest.GATEWAY, outside.ip, PROTO, new byte[] {4});
      }
    });
    originator.at.add(5L);
    link.runUntil(5);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    assertEquals(outside.mac, Guest.decode(out.get(0)).eth().dst());
  }
}
