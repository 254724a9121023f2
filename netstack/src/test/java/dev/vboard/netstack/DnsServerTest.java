package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.transport.dns.StaticResolver;
import dev.vboard.netstack.wire.DnsPacket;
import dev.vboard.netstack.wire.DnsQuestion;
import dev.vboard.netstack.wire.DnsRecord;
import dev.vboard.netstack.wire.DnsRepr;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsServerTest {
  private static final String HOSTS = String.join("\n",
      "# test table",
      "10.0.2.2   gateway.vboard gw",
      "192.0.2.10 example.vboard   # documentation address",
      "192.0.2.11 example.vboard",
      "::1        localhost6",
      "");

  private final Netstack stack;
  private final EmbeddedLink link;
  private final Guest guest = Guest.standard();

  DnsServerTest() throws IOException {
    stack = new Netstack(NetstackConfig.defaults()
        .withResolver(StaticResolver.readHosts(new StringReader(HOSTS))));
    link = new EmbeddedLink(stack);
  }

  private DnsRepr query(byte[] message) throws WireException {
    link.inject(guest.udp(Guest.DNS, 5353, 53, message));
    List<byte[]> out = link.drain();
    if (out.isEmpty()) {
      return null;
    }
    Received r = Guest.decode(out.get(0));
    assertEquals(Guest.DNS, r.ip().src());
    assertEquals(new UdpRepr(53, 5353), r.udp());
    return DnsRepr.parse(DnsPacket.wrap(r.udpData()));
  }

  private static byte[] question(int id, String name, int type) {
    return new DnsRepr(id, DnsRepr.FLAG_RD, List.of(new DnsQuestion(name, type,
        DnsQuestion.CLASS_IN)), List.of(), List.of(), List.of()).toBytes();
  }

  @Test
  void aQueryIsAnsweredFromTheTable() throws WireException {
    DnsRepr r = query(question(0x1234, "Example.VBoard", DnsQuestion.TYPE_A));
    assertEquals(0x1234, r.id());
    assertTrue(r.isResponse());
    assertEquals(DnsRepr.NOERROR, r.rcode());
    assertTrue((r.flags() & DnsRepr.FLAG_RD) != 0);
    assertEquals(List.of(new DnsQuestion("Example.VBoard", 1, 1)), r.questions());
    assertEquals(List.of(
        DnsRecord.a("Example.VBoard", 300, Ipv4Address.parse("192.0.2.10")),
        DnsRecord.a("Example.VBoard", 300, Ipv4Address.parse("192.0.2.11"))), r.answers());
  }

  @Test
  void aliasesOnAHostsLineResolve() throws WireException {
    DnsRepr r = query(question(1, "gw", DnsQuestion.TYPE_A));
    assertEquals(List.of(DnsRecord.a("gw", 300, Guest.GATEWAY)), r.answers());
  }

  @Test
  void unknownNameIsNxdomain() throws WireException {
    DnsRepr r = query(question(2, "nowhere.vboard", DnsQuestion.TYPE_A));
    assertEquals(DnsRepr.NXDOMAIN, r.rcode());
    assertEquals(List.of(), r.answers());
  }

  @Test
  void otherTypesOfAKnownNameGetNoData() throws WireException {
    DnsRepr r = query(question(3, "example.vboard", DnsQuestion.TYPE_AAAA));
    assertEquals(DnsRepr.NOERROR, r.rcode());
    assertEquals(List.of(), r.answers());
  }

  @Test
  void garbageAfterAValidHeaderGetsFormerr() throws WireException {
    byte[] bad = question(4, "example.vboard", DnsQuestion.TYPE_A);
    bad[12] = 60; // first label claims 60 bytes
    DnsRepr r = query(bad);
    assertEquals(4, r.id());
    assertEquals(DnsRepr.FORMERR, r.rcode());
    assertEquals(1, stack.drops().get(Layer.DNS, DropReason.TRUNCATED));
  }

  @Test
  void otherOpcodesGetNotimp() throws WireException {
    byte[] status = question(5, "example.vboard", DnsQuestion.TYPE_A);
    status[2] |= 2 << 3; // opcode 2, STATUS
    assertEquals(DnsRepr.NOTIMP, query(status).rcode());
  }

  @Test
  void responsesAndRuntsAreDropped() throws WireException {
    byte[] response = question(6, "example.vboard", DnsQuestion.TYPE_A);
    response[2] |= (byte) 0x80;
    assertEquals(null, query(response));
    assertEquals(null, query(new byte[5]));
    assertEquals(1, stack.drops().get(Layer.DNS, DropReason.UNHANDLED));
    assertEquals(1, stack.drops().get(Layer.DNS, DropReason.TRUNCATED));
  }

  @Test
  void tooManyAnswersAreCutAndFlaggedTruncated() throws WireException {
    List<Integer> many = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(Ipv4Address.of(192, 0, 2, i));
    }
    Netstack big = new Netstack(NetstackConfig.defaults()
        .withResolver(new StaticResolver(java.util.Map.of("many.vboard", many))));
    EmbeddedLink l = new EmbeddedLink(big);
    l.inject(guest.udp(Guest.DNS, 5353, 53, question(7, "many.vboard", DnsQuestion.TYPE_A)));
    Received r = Guest.decode(l.drain().get(0));
    DnsRepr reply = DnsRepr.parse(DnsPacket.wrap(r.udpData()));
    assertTrue(r.udpData().length <= DnsRepr.MAX_UDP);
    assertTrue((reply.flags() & DnsRepr.FLAG_TC) != 0);
    assertTrue(reply.answers().size() < 60 && !reply.answers().isEmpty());
  }
}
