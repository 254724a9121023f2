package dev.vboard.netstack.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A DNS message (RFC 1035 section 4.1): the header's ID and flags word, then the four sections.
 * Parsing decompresses names; emitting writes names uncompressed (the messages here are small).
 *
 * @param flags the second header word: QR, Opcode, AA, TC, RD, RA, Z and RCODE
 */
public record DnsRepr(int id, int flags, List<DnsQuestion> questions, List<DnsRecord> answers,
    List<DnsRecord> authorities, List<DnsRecord> additionals) {
  public static final int FLAG_QR = 0x8000;
  public static final int FLAG_AA = 0x0400;
  public static final int FLAG_TC = 0x0200;
  public static final int FLAG_RD = 0x0100;
  public static final int FLAG_RA = 0x0080;
  private static final int OPCODE_SHIFT = 11;

  /** RCODE values (RFC 1035 section 4.1.1). */
  public static final int NOERROR = 0;
  public static final int FORMERR = 1;
  public static final int SERVFAIL = 2;
  public static final int NXDOMAIN = 3;
  public static final int NOTIMP = 4;
  public static final int REFUSED = 5;

  /** The classic UDP payload limit (RFC 1035 section 4.2.1); longer answers set TC. */
  public static final int MAX_UDP = 512;

  public DnsRepr {
    if ((id & ~0xffff) != 0 || (flags & ~0xffff) != 0) {
      throw new IllegalArgumentException("DNS header field out of range");
    }
    questions = List.copyOf(questions);
    answers = List.copyOf(answers);
    authorities = List.copyOf(authorities);
    additionals = List.copyOf(additionals);
    if (questions.size() > 0xffff || answers.size() > 0xffff || authorities.size() > 0xffff
        || additionals.size() > 0xffff) {
      throw new IllegalArgumentException("DNS section too long");
    }
  }

  public boolean isResponse() {
    return (flags & FLAG_QR) != 0;
  }

  public int opcode() {
    return (flags >>> OPCODE_SHIFT) & 0xf;
  }

  public int rcode() {
    return flags & 0xf;
  }

  public static DnsRepr parse(DnsPacket p) throws WireException {
    byte[] buf = p.buffer();
    int[] cursor = {p.offset() + DnsPacket.HEADER_LEN};
    List<DnsQuestion> questions = new ArrayList<>();
    for (int i = 0; i < p.qdcount(); i++) {
      String name = DnsName.read(buf, p.offset(), p.length(), cursor);
      Bytes.require(p.offset() + p.length() - cursor[0], 4, "DNS question");
      questions.add(new DnsQuestion(name, Bytes.u16(buf, cursor[0]),
          Bytes.u16(buf, cursor[0] + 2)));
      cursor[0] += 4;
    }
    List<DnsRecord> answers = records(p, cursor, p.ancount());
    List<DnsRecord> authorities = records(p, cursor, p.nscount());
    List<DnsRecord> additionals = records(p, cursor, p.arcount());
    return new DnsRepr(p.id(), p.flags(), questions, answers, authorities, additionals);
  }

  private static List<DnsRecord> records(DnsPacket p, int[] cursor, int count)
      throws WireException {
    byte[] buf = p.buffer();
    int end = p.offset() + p.length();
    List<DnsRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = DnsName.read(buf, p.offset(), p.length(), cursor);
      int at = cursor[0];
      Bytes.require(end - at, 10, "DNS resource record");
      int rdlen = Bytes.u16(buf, at + 8);
      Bytes.require(end - at - 10, rdlen, "DNS RDATA");
      byte[] rdata = new byte[rdlen];
      System.arraycopy(buf, at + 10, rdata, 0, rdlen);
      out.add(new DnsRecord(name, Bytes.u16(buf, at), Bytes.u16(buf, at + 2),
          Bytes.u32(buf, at + 4), rdata));
      cursor[0] = at + 10 + rdlen;
    }
    return out;
  }

  public int bufferLen() {
    int len = DnsPacket.HEADER_LEN;
    for (DnsQuestion q : questions) {
      len += q.bufferLen();
    }
    for (List<DnsRecord> section : List.of(answers, authorities, additionals)) {
      for (DnsRecord r : section) {
        len += r.bufferLen();
      }
    }
    return len;
  }

  public void emit(byte[] buf, int off) {
    Bytes.put16(buf, off + DnsPacket.ID, id);
    Bytes.put16(buf, off + DnsPacket.FLAGS, flags);
    Bytes.put16(buf, off + DnsPacket.QDCOUNT, questions.size());
    Bytes.put16(buf, off + DnsPacket.ANCOUNT, answers.size());
    Bytes.put16(buf, off + DnsPacket.NSCOUNT, authorities.size());
    Bytes.put16(buf, off + DnsPacket.ARCOUNT, additionals.size());
    int at = off + DnsPacket.HEADER_LEN;
    for (DnsQuestion q : questions) {
      at = q.emit(buf, at);
    }
    for (List<DnsRecord> section : List.of(answers, authorities, additionals)) {
      for (DnsRecord r : section) {
        at = r.emit(buf, at);
      }
    }
  }

  public byte[] toBytes() {
    byte[] out = new byte[bufferLen()];
    emit(out, 0);
    return out;
  }
}
