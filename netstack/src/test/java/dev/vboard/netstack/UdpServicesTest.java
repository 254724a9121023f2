package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.IcmpPacket;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpServicesTest {
  private final Netstack stack = new Netstack(NetstackConfig.defaults()
      .withQuotes(List.of("First quote.", "Second quote.")));
  private final EmbeddedLink link = new EmbeddedLink(stack);
  private final Guest guest = Guest.standard();

  private Received ask(int port, String text) throws WireException {
    link.inject(guest.udp(Guest.GATEWAY, 40000, port, ascii(text)));
    List<byte[]> out = link.drain();
    assertEquals(1, out.size(), "replies");
    Received r = Guest.decode(out.get(0));
    assertEquals(new UdpRepr(port, 40000), r.udp());
    assertEquals(Guest.GATEWAY, r.ip().src());
    assertEquals(guest.ip, r.ip().dst());
    return r;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(Received r) throws WireException {
    return new String(r.udpData(), StandardCharsets.US_ASCII);
  }

  @Test
  void echoReturnsTheDatagram() throws WireException {
    assertEquals("hello, echo", text(ask(7, "hello, echo")));
  }

  @Test
  void discardSendsNothing() {
    link.inject(guest.udp(Guest.GATEWAY, 40000, 9, ascii("into the void")));
    assertEquals(List.of(), link.drain());
    assertEquals(0, stack.drops().total());
  }

  @Test
  void daytimeComesFromVirtualTime() throws WireException {
    assertEquals("Saturday, January 1, 2000 00:00:00-UTC\r\n", text(ask(13, "")));
    link.runUntil(90_061_500_000_000L); // 1 day, 1 hour, 1 minute, 1.5 seconds
    assertEquals("Sunday, January 2, 2000 01:01:01-UTC\r\n", text(ask(13, "")));
  }

  @Test
  void qotdCyclesThroughTheQuotes() throws WireException {
    assertEquals("First quote.\r\n", text(ask(17, "")));
    assertEquals("Second quote.\r\n", text(ask(17, "")));
    assertEquals("First quote.\r\n", text(ask(17, "")));
  }

  @Test
  void chargenSendsTheRotatingPatternAndContinues() throws WireException {
    String first = text(ask(19, ""));
    assertEquals(6 * 74, first.length());
    assertEquals(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefg\r\n",
        first.substring(0, 74));
    assertEquals('!', first.charAt(74));
    String second = text(ask(19, ""));
    assertEquals('&', second.charAt(0));
  }

  @Test
  void closedPortOnTheGatewayGetsPortUnreachable() throws WireException {
    byte[] frame = guest.udp(Guest.GATEWAY, 40000, 4444, ascii("anyone?"));
    link.inject(frame);
    List<byte[]> out = link.drain();
    assertEquals(1, out.size());
    Received r = Guest.decode(out.get(0));
    assertEquals(IpProtocol.ICMP, r.ip().protocol());
    IcmpPacket icmp = IcmpPacket.wrap(r.ipPayload(), 0, r.ipPayload().length);
    IcmpRepr repr = IcmpRepr.parse(icmp);
    assertEquals(IcmpRepr.DEST_UNREACHABLE, repr.type());
    assertEquals(IcmpRepr.CODE_PORT_UNREACHABLE, repr.code());
    // The quote is the original IPv4 header plus the first 8 bytes (the UDP header).
    byte[] quoted = new byte[icmp.payloadLength()];
    System.arraycopy(r.ipPayload(), icmp.payloadOffset(), quoted, 0, quoted.length);
    byte[] udpHeader = new byte[8];
    System.arraycopy(frame, 14 + 20, udpHeader, 0, 8);
    byte[] quotedUdp = new byte[8];
    System.arraycopy(quoted, 20, quotedUdp, 0, 8);
    assertArrayEquals(udpHeader, quotedUdp);
    assertEquals(1, stack.drops().get(Layer.UDP, DropReason.PORT_UNREACHABLE));
  }

  @Test
  void broadcastToAClosedPortIsDroppedSilently() {
    link.inject(guest.udp(Ipv4Address.BROADCAST, 40000, 4444, ascii("anyone?")));
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.UDP, DropReason.PORT_UNREACHABLE));
  }

  @Test
  void udpBeyondTheVirtualHostsIsDroppedWithoutNat() {
    link.inject(guest.udp(Ipv4Address.parse("192.0.2.7"), 40000, 7, ascii("x")));
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.UDP, DropReason.NO_ROUTE));
  }

  @Test
  void servicesCanBeTurnedOff() {
    Netstack bare = new Netstack(NetstackConfig.defaults().withVirtualServices(false));
    EmbeddedLink l = new EmbeddedLink(bare);
    l.inject(guest.udp(Guest.GATEWAY, 40000, 7, ascii("x")));
    List<byte[]> out = l.drain();
    assertEquals(1, out.size()); // ICMP port unreachable, not an echo
    assertNotEquals(0, bare.drops().get(Layer.UDP, DropReason.PORT_UNREACHABLE));
    assertEquals(List.of(), bare.virtualServices());
  }

  @Test
  void badUdpChecksumIsDroppedAndCounted() {
    byte[] frame = guest.udp(Guest.GATEWAY, 40000, 7, ascii("hello"));
    frame[43] ^= 1; // second byte of the UDP data (Ethernet 14 + IPv4 20 + UDP 8 = 42)
    link.inject(frame);
    assertEquals(List.of(), link.drain());
    assertEquals(1, stack.drops().get(Layer.UDP, DropReason.BAD_CHECKSUM));
  }
}
