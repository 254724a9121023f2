package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.DhcpOption;
import dev.vboard.netstack.wire.DhcpPacket;
import dev.vboard.netstack.wire.DhcpRepr;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2131 exchanges through the whole stack, as a guest's DHCP client would run them. */
class DhcpExchangeTest {
  private static final int XID = 0x3903f326;
  private static final int MASK = Ipv4Address.parse("255.255.255.0");

  private final Netstack stack = new Netstack(NetstackConfig.defaults());
  private final EmbeddedLink link = new EmbeddedLink(stack);

  private static Guest unconfigured(String mac) {
    return new Guest(mac, "0.0.0.0");
  }

  private static DhcpRepr message(Guest g, int type, int ciaddr, Integer requested,
      Integer serverId) {
    return new DhcpRepr(DhcpRepr.BOOTREQUEST, XID, 0, 0, ciaddr, 0, 0, 0, g.mac, type, requested,
        serverId, null, null, null, null, null, List.of(), List.of(1, 3, 6, 51));
  }

  /** Sends as the guest would: broadcast while unconfigured, to the server once bound. */
  private DhcpRepr exchange(Guest g, DhcpRepr msg) throws WireException {
    int dst = msg.ciaddr() != 0 ? Guest.GATEWAY : Ipv4Address.BROADCAST;
    link.inject(g.udp(dst, 68, 67, msg.toBytes()));
    List<byte[]> out = link.drain();
    if (out.isEmpty()) {
      return null;
    }
    assertEquals(1, out.size());
    Received r = Guest.decode(out.get(0));
    assertEquals(new UdpRepr(67, 68), r.udp());
    assertEquals(Guest.GATEWAY, r.ip().src());
    DhcpRepr reply = DhcpRepr.parse(DhcpPacket.wrap(r.udpData()));
    assertEquals(DhcpRepr.BOOTREPLY, reply.op());
    assertEquals(XID, reply.xid());
    assertEquals(g.mac, reply.chaddr());
    boolean unicast = msg.ciaddr() != 0 && reply.messageType() == DhcpOption.ACK;
    assertEquals(unicast ? msg.ciaddr() : Ipv4Address.BROADCAST, r.ip().dst());
    assertEquals(unicast ? g.mac : MacAddress.BROADCAST, r.eth().dst());
    return reply;
  }

  private int bind(Guest g) throws WireException {
    DhcpRepr offer = exchange(g, message(g, DhcpOption.DISCOVER, 0, null, null));
    DhcpRepr ack = exchange(g, message(g, DhcpOption.REQUEST, 0, offer.yiaddr(),
        offer.serverId()));
    assertEquals(DhcpOption.ACK, ack.messageType());
    g.ip = ack.yiaddr();
    return ack.yiaddr();
  }

  @Test
  void discoverOfferRequestAck() throws WireException {
    Guest g = unconfigured("52:54:00:12:34:56");
    DhcpRepr offer = exchange(g, message(g, DhcpOption.DISCOVER, 0, null, null));
    assertEquals(DhcpOption.OFFER, offer.messageType());
    assertEquals(Ipv4Address.parse("10.0.2.15"), offer.yiaddr());
    assertEquals(Guest.GATEWAY, offer.serverId());
    assertEquals(MASK, offer.subnetMask());
    assertEquals(Guest.GATEWAY, offer.router());
    assertEquals(List.of(Guest.DNS), offer.dnsServers());
    assertEquals(86_400, offer.leaseSeconds());
    assertEquals(43_200, offer.renewalSeconds());
    assertEquals(75_600, offer.rebindingSeconds());

    DhcpRepr ack = exchange(g, message(g, DhcpOption.REQUEST, 0, offer.yiaddr(), Guest.GATEWAY));
    assertEquals(DhcpOption.ACK, ack.messageType());
    assertEquals(Ipv4Address.parse("10.0.2.15"), ack.yiaddr());
    assertEquals(86_400, ack.leaseSeconds());
  }

  @Test
  void clientsGetConsecutiveAddressesAndKeepThem() throws WireException {
    Guest a = unconfigured("52:54:00:00:00:0a");
    Guest b = unconfigured("52:54:00:00:00:0b");
    assertEquals(Ipv4Address.parse("10.0.2.15"), bind(a));
    assertEquals(Ipv4Address.parse("10.0.2.16"), bind(b));
    // A client that starts over is offered the address it had.
    DhcpRepr again = exchange(a, message(a, DhcpOption.DISCOVER, 0, null, null));
    assertEquals(Ipv4Address.parse("10.0.2.15"), again.yiaddr());
  }

  @Test
  void requestForAnotherClientsAddressIsNaked() throws WireException {
    Guest a = unconfigured("52:54:00:00:00:0a");
    Guest b = unconfigured("52:54:00:00:00:0b");
    bind(a);
    DhcpRepr nak = exchange(b, message(b, DhcpOption.REQUEST, 0, Ipv4Address.parse("10.0.2.15"),
        null));
    assertEquals(DhcpOption.NAK, nak.messageType());
    assertEquals(0, nak.yiaddr());
    assertEquals(Guest.GATEWAY, nak.serverId());
    assertNull(nak.leaseSeconds());
  }

  @Test
  void requestOutsideThePoolIsNaked() throws WireException {
    Guest g = unconfigured("52:54:00:12:34:56");
    DhcpRepr nak = exchange(g, message(g, DhcpOption.REQUEST, 0,
        Ipv4Address.parse("192.168.1.20"), null));
    assertEquals(DhcpOption.NAK, nak.messageType());
  }

  @Test
  void selectingADifferentOfferedAddressIsNaked() throws WireException {
    Guest g = unconfigured("52:54:00:12:34:56");
    exchange(g, message(g, DhcpOption.DISCOVER, 0, null, null));
    DhcpRepr nak = exchange(g, message(g, DhcpOption.REQUEST, 0,
        Ipv4Address.parse("10.0.2.20"), Guest.GATEWAY));
    assertEquals(DhcpOption.NAK, nak.messageType());
  }

  @Test
  void requestNamingAnotherServerIsIgnored() throws WireException {
    Guest g = unconfigured("52:54:00:12:34:56");
    DhcpRepr offer = exchange(g, message(g, DhcpOption.DISCOVER, 0, null, null));
    assertNull(exchange(g, message(g, DhcpOption.REQUEST, 0, offer.yiaddr(),
        Ipv4Address.parse("10.0.2.9"))));
  }

  @Test
  void renewIsAckedByUnicastAndExtendsTheLease() throws WireException {
    Guest g = unconfigured("52:54:00:12:34:56");
    int addr = bind(g);
    link.runUntil(43_200_000_000_000L); // T1
    DhcpRepr ack = exchange(g, message(g, DhcpOption.REQUEST, addr, null, null));
    assertEquals(DhcpOption.ACK, ack.messageType());
    assertEquals(addr, ack.yiaddr());
    assertEquals(addr, ack.ciaddr());
  }

  @Test
  void releasedAddressGoesToTheNextClient() throws WireException {
    Guest a = unconfigured("52:54:00:00:00:0a");
    Guest b = unconfigured("52:54:00:00:00:0b");
    int addr = bind(a);
    assertNull(exchange(a, message(a, DhcpOption.RELEASE, addr, null, Guest.GATEWAY)));
    assertEquals(addr, bind(b));
  }

  @Test
  void expiredLeaseCanBeTakenOver() throws WireException {
    Guest a = unconfigured("52:54:00:00:00:0a");
    Guest b = unconfigured("52:54:00:00:00:0b");
    int addr = bind(a);
    link.runUntil(86_400_000_000_000L);
    DhcpRepr offer = exchange(b, message(b, DhcpOption.DISCOVER, 0, addr, null));
    assertEquals(addr, offer.yiaddr());
  }

  @Test
  void informGetsConfigurationWithoutALease() throws WireException {
    Guest g = new Guest("52:54:00:12:34:56", "10.0.2.40");
    DhcpRepr ack = exchange(g, message(g, DhcpOption.INFORM, g.ip, null, null));
    assertEquals(DhcpOption.ACK, ack.messageType());
    assertEquals(0, ack.yiaddr());
    assertNull(ack.leaseSeconds());
    assertEquals(List.of(Guest.DNS), ack.dnsServers());
  }

  @Test
  void declinedAddressIsNeverOfferedAgain() throws WireException {
    Guest a = unconfigured("52:54:00:00:00:0a");
    int addr = bind(a);
    assertNull(exchange(a, message(a, DhcpOption.DECLINE, 0, addr, Guest.GATEWAY)));
    DhcpRepr offer = exchange(a, message(a, DhcpOption.DISCOVER, 0, null, null));
    assertEquals(Ipv4Address.parse("10.0.2.16"), offer.yiaddr());
  }
}
