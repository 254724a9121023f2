package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.link.PcapLink;
import dev.vboard.netstack.link.PcapWriter;
import dev.vboard.netstack.transport.dns.StaticResolver;
import dev.vboard.netstack.wire.DhcpOption;
import dev.vboard.netstack.wire.DhcpRepr;
import dev.vboard.netstack.wire.DnsQuestion;
import dev.vboard.netstack.wire.DnsRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpPacket;
import dev.vboard.netstack.wire.TcpRepr;
import dev.vboard.netstack.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same guest traffic at the same virtual times gives a byte-identical capture. */
class DeterminismTest {
  /** DHCP, ARP, ping, DNS, every UDP service and TCP daytime, spread over virtual time. */
  static byte[] capture() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netstack stack = new Netstack(NetstackConfig.defaults().withResolver(
        new StaticResolver(Map.of("gateway.vboard", List.of(Guest.GATEWAY)))));
    try (PcapLink pcap = new PcapLink(stack, new PcapWriter(out))) {
      EmbeddedLink link = new EmbeddedLink(pcap);
      Guest g = new Guest("52:54:00:12:34:56", "0.0.0.0");
      DhcpRepr discover = new DhcpRepr(DhcpRepr.BOOTREQUEST, 0x1234, 0, 0, 0, 0, 0, 0, g.mac,
          DhcpOption.DISCOVER, null, null, null, null, null, null, null, List.of(),
          List.of(1, 3, 6));
      link.inject(g.udp(Ipv4Address.BROADCAST, 68, 67, discover.toBytes()));
      link.runUntil(1_000_000);
      int offered = Ipv4Address.parse("10.0.2.15");
      DhcpRepr request = new DhcpRepr(DhcpRepr.BOOTREQUEST, 0x1234, 0, 0, 0, 0, 0, 0, g.mac,
          DhcpOption.REQUEST, offered, Guest.GATEWAY, null, null, null, null, null, List.of(),
          List.of(1, 3, 6));
      link.inject(g.udp(Ipv4Address.BROADCAST, 68, 67, request.toBytes()));
      g.ip = offered;
      link.runUntil(2_000_000);
      link.inject(g.arpRequest(Guest.GATEWAY));
      link.runUntil(3_000_000);
      link.inject(g.ping(Guest.GATEWAY, 7, 1, "0123456789abcdef".getBytes()));
      link.runUntil(1_003_000_000);
      link.inject(g.ping(Guest.GATEWAY, 7, 2, "0123456789abcdef".getBytes()));
      byte[] dns = new DnsRepr(0x77, DnsRepr.FLAG_RD, List.of(new DnsQuestion("gateway.vboard",
          DnsQuestion.TYPE_A, DnsQuestion.CLASS_IN)), List.of(), List.of(), List.of()).toBytes();
      link.runUntil(1_500_000_000);
      link.inject(g.udp(Guest.DNS, 49152, 53, dns));
      int t = 2;
      for (int port : new int[] {7, 9, 13, 17, 19}) {
        link.runUntil(t++ * 1_000_000_000L);
        link.inject(g.udp(Guest.GATEWAY, 49153, port, "hi".getBytes()));
      }
      link.runUntil(7_000_000_000L);
      link.drain();
      tcpDaytime(link, g);
      link.drain();
    }
    return out.toByteArray();
  }

  /** A TCP daytime connection: SYN, ACK of the SYN-ACK, then the guest acknowledges the data. */
  private static void tcpDaytime(EmbeddedLink link, Guest g) throws IOException {
    sendTcp(link, g, 5000, 0, TcpPacket.FLAG_SYN);
    TcpRepr synAck = received(link.drain().get(0));
    sendTcp(link, g, 5001, synAck.seq() + 1, TcpPacket.FLAG_ACK);
    link.runUntil(link.now());
    int next = synAck.seq() + 1;
    for (byte[] f : link.drain()) {
      TcpRepr seg = received(f);
      next = seg.seq() + seg.payload().length + (seg.has(TcpPacket.FLAG_FIN) ? 1 : 0);
    }
    link.runUntil(link.now() + 1_000_000);
    sendTcp(link, g, 5001, next, TcpPacket.FLAG_ACK | TcpPacket.FLAG_FIN);
    link.runUntil(link.now() + 1_000_000_000L);
  }

  private static void sendTcp(EmbeddedLink link, Guest g, int seq, int ack, int flags) {
    TcpRepr seg = new TcpRepr(40000, 13, seq, ack, flags, 65535, 0, TcpOptions.NONE,
        new byte[0]);
    link.inject(g.ipv4(Guest.GATEWAY, IpProtocol.TCP, seg.toBytes(g.ip, Guest.GATEWAY)));
  }

  private static TcpRepr received(byte[] frame) throws IOException {
    try {
      Guest.Received r = Guest.decode(frame);
      return TcpRepr.parse(r.ip().src(), r.ip().dst(), r.ipPayload(), 0, r.ipPayload().length);
    } catch (WireException e) {
      throw new IOException(e);
    }
  }

  @Test
  void twoRunsGiveByteIdenticalCaptures() throws IOException {
    byte[] first = capture();
    assertTrue(first.length > 24 + 10 * 60);
    assertArrayEquals(first, capture());
  }
}
