package dev.vboard.netstack.transport.dns;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.transport.udp.UdpDatagram;
import dev.vboard.netstack.transport.udp.UdpHandler;
import dev.vboard.netstack.transport.udp.UdpSender;
import dev.vboard.netstack.wire.DnsPacket;
import dev.vboard.netstack.wire.DnsQuestion;
import dev.vboard.netstack.wire.DnsRecord;
import dev.vboard.netstack.wire.DnsRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS server at 10.0.2.3 (RFC 1035): answers standard queries for one IN A (or ANY) question
 * from a {@link DnsResolver}.
 *
 * <p>Answers: the addresses, NOERROR with no answer for other types of an existing name, and
 * NXDOMAIN for an unknown name. A query whose header parses but whose body does not gets FORMERR;
 * other opcodes get NOTIMP; messages with QR set (responses) and anything shorter than a header
 * are dropped. EDNS (RFC 6891) OPT records are ignored and not echoed, which the RFC allows for a
 * responder that does not implement it. Nothing a guest sends makes this throw.
 */
public final class DnsServer implements UdpHandler {
  public static final int PORT = 53;

  private final DnsResolver resolver;
  private final int ttlSeconds;
  private final DropCounters drops;

  public DnsServer(DnsResolver resolver, int ttlSeconds, DropCounters drops) {
    this.resolver = resolver;
    this.ttlSeconds = ttlSeconds;
    this.drops = drops;
  }

  @Override
  public void receive(UdpDatagram d, long nowNs, UdpSender out) {
    byte[] reply = answer(d.payload());
    if (reply != null) {
      out.send(d.dstAddr(), d.dstPort(), d.srcAddr(), d.srcPort(), reply);
    }
  }

  /** The response bytes for one query message, or {@code null} to stay silent. */
  byte[] answer(byte[] query) {
    DnsPacket header;
    try {
      header = DnsPacket.wrap(query);
    } catch (WireException e) {
      drops.drop(Layer.DNS, e);
      return null;
    }
    if ((header.flags() & DnsRepr.FLAG_QR) != 0) {
      drops.drop(Layer.DNS, DropReason.UNHANDLED, "response sent to the server");
      return null;
    }
    DnsRepr q;
    try {
      q = DnsRepr.parse(header);
    } catch (WireException e) {
      drops.drop(Layer.DNS, e);
      return respond(header.id(), header.flags(), List.of(), List.of(), DnsRepr.FORMERR);
    }
    if (q.opcode() != 0) {
      return respond(q.id(), q.flags(), q.questions(), List.of(), DnsRepr.NOTIMP);
    }
    if (q.questions().size() != 1) {
      // RFC 1035 allows several questions but no server supports it (RFC 9619 forbids it).
      return respond(q.id(), q.flags(), q.questions(), List.of(), DnsRepr.FORMERR);
    }
    DnsQuestion question = q.questions().get(0);
    if (question.clazz() != DnsQuestion.CLASS_IN) {
      return respond(q.id(), q.flags(), q.questions(), List.of(), DnsRepr.NOTIMP);
    }
    List<Integer> addrs = resolver.lookupA(question.name());
    if (addrs.isEmpty()) {
      return respond(q.id(), q.flags(), q.questions(), List.of(), DnsRepr.NXDOMAIN);
    }
    List<DnsRecord> answers = new ArrayList<>();
    if (question.type() == DnsQuestion.TYPE_A || question.type() == DnsQuestion.TYPE_ANY) {
      for (int addr : addrs) {
        answers.add(DnsRecord.a(question.name(), ttlSeconds, addr));
      }
    }
    return respond(q.id(), q.flags(), q.questions(), answers, DnsRepr.NOERROR);
  }

  /**
   * A response: QR and AA set (the table is the authority for these names), RA set since we
   * answer any name, RD copied (RFC 1035 section 4.1.1). Answers that would push the message
   * past 512 bytes are cut and TC set (RFC 1035 section 4.2.1).
   */
  private byte[] respond(int id, int queryFlags, List<DnsQuestion> questions,
      List<DnsRecord> answers, int rcode) {
    int flags = DnsRepr.FLAG_QR | DnsRepr.FLAG_AA | DnsRepr.FLAG_RA
        | (queryFlags & (0xf << 11)) | (queryFlags & DnsRepr.FLAG_RD) | rcode;
    List<DnsRecord> kept = new ArrayList<>(answers);
    DnsRepr r = new DnsRepr(id, flags, questions, kept, List.of(), List.of());
    while (r.bufferLen() > DnsRepr.MAX_UDP && !kept.isEmpty()) {
      kept.remove(kept.size() - 1);
      r = new DnsRepr(id, flags | DnsRepr.FLAG_TC, questions, kept, List.of(), List.of());
    }
    if (r.bufferLen() > DnsRepr.MAX_UDP) {
      r = new DnsRepr(id, flags | DnsRepr.FLAG_TC, List.of(), List.of(), List.of(), List.of());
    }
    return r.toBytes();
  }
}
