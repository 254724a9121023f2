package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.EtherType;
import dev.vboard.netstack.wire.IcmpPacket;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpAndPingTest {
  private final Netstack stack = new Netstack(NetstackConfig.defaults());
  private final EmbeddedLink link = new EmbeddedLink(stack);
  private final Guest guest = Guest.standard();

  @Test
  void gatewayAnswersArpWithSlirpStyleMac() throws WireException {
    link.inject(guest.arpRequest(Guest.GATEWAY));
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    assertEquals(60, out.get(0).length);
    Received r = Guest.decode(out.get(0));
    assertEquals(MacAddress.parse("52:55:0a:00:02:02"), r.eth().src());
    assertEquals(guest.mac, r.eth().dst());
    assertEquals(new ArpRepr(ArpRepr.REPLY, MacAddress.parse("52:55:0a:00:02:02"), Guest.GATEWAY,
        guest.mac, guest.ip), r.arp());
  }

  @Test
  void dnsServerHasItsOwnMac() throws WireException {
    link.inject(guest.arpRequest(Guest.DNS));
    Received r = Guest.decode(link.drain().get(0));
    assertEquals(MacAddress.parse("52:55:0a:00:02:03"), r.arp().senderMac());
    assertEquals(Guest.DNS, r.arp().senderIp());
  }

  @Test
  void arpForOtherAddressesIsNotAnswered() {
    link.inject(guest.arpRequest(Ipv4Address.parse("10.0.2.99")));
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.ARP, DropReason.NOT_FOR_US));
  }

  @Test
  void pingTheGatewayGetsAnEchoReply() throws WireException {
    byte[] data = "ping data 0123456789".getBytes(StandardCharsets.US_ASCII);
    link.inject(guest.ping(Guest.GATEWAY, 0x4242, 7, data));
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    Received r = Guest.decode(out.get(0));
    assertEquals(EtherType.IPV4, r.eth().etherType());
    assertEquals(Guest.GATEWAY_MAC, r.eth().src());
    assertEquals(guest.mac, r.eth().dst());
    assertEquals(Guest.GATEWAY, r.ip().src());
    assertEquals(guest.ip, r.ip().dst());
    assertEquals(IpProtocol.ICMP, r.ip().protocol());
    IcmpPacket icmp = IcmpPacket.wrap(r.ipPayload(), 0, r.ipPayload().length);
    assertEquals(IcmpRepr.echo(IcmpRepr.ECHO_REPLY, 0x4242, 7), IcmpRepr.parse(icmp));
    byte[] echoed = new byte[icmp.payloadLength()];
    System.arraycopy(r.ipPayload(), icmp.payloadOffset(), echoed, 0, echoed.length);
    assertArrayEquals(data, echoed);
  }

  @Test
  void pingTheDnsServerIsAnsweredFromItsAddress() throws WireException {
    link.inject(guest.ping(Guest.DNS, 1, 1, new byte[0]));
    Received r = Guest.decode(link.drain().get(0));
    assertEquals(Guest.DNS, r.ip().src());
    assertEquals(MacAddress.parse("52:55:0a:00:02:03"), r.eth().src());
  }

  @Test
  void pingBeyondTheVirtualHostsIsDroppedWithoutNat() {
    link.inject(guest.ping(Ipv4Address.parse("192.0.2.1"), 1, 1, new byte[8]));
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.ICMP, DropReason.NO_ROUTE));
  }

  @Test
  void echoRepliesFromTheGuestAreIgnoredAndCounted() {
    byte[] frame = guest.ping(Guest.GATEWAY, 1, 1, new byte[0]);
    frame[34] = IcmpRepr.ECHO_REPLY;
    frame[36] += 8; // keep the ICMP checksum right: the type byte dropped by 8
    link.inject(frame);
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.ICMP, DropReason.UNHANDLED));
  }

  @Test
  void countersReportFramesBothWays() {
    link.inject(guest.arpRequest(Guest.GATEWAY));
    link.inject(guest.arpRequest(Ipv4Address.parse("10.0.2.50")));
    assertEquals(2L, stack.counters().get("rx.frames"));
    assertEquals(1L, stack.counters().get("tx.frames"));
    assertEquals(1L, stack.counters().get("drop.arp.not_for_us"));
    assertTrue(link.drain().size() == 1);
  }
}
