package dev.vboard.netstack.wire;

/**
 * View over a DNS message header (RFC 1035 section 4.1.1). The sections after it have variable
 * length and compressed names, so only {@link DnsRepr} walks them.
 */
public final class DnsPacket {
  public static final int ID = 0;
  public static final int FLAGS = 2;
  public static final int QDCOUNT = 4;
  public static final int ANCOUNT = 6;
  public static final int NSCOUNT = 8;
  public static final int ARCOUNT = 10;
  public static final int HEADER_LEN = 12;

  private final byte[] buf;
  private final int off;
  private final int len;

  private DnsPacket(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  public static DnsPacket wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, HEADER_LEN, "DNS header");
    return new DnsPacket(buf, off, len);
  }

  public static DnsPacket wrap(byte[] buf) throws WireException {
    return wrap(buf, 0, buf.length);
  }

  public int id() {
    return Bytes.u16(buf, off + ID);
  }

  public int flags() {
    return Bytes.u16(buf, off + FLAGS);
  }

  public int qdcount() {
    return Bytes.u16(buf, off + QDCOUNT);
  }

  public int ancount() {
    return Bytes.u16(buf, off + ANCOUNT);
  }

  public int nscount() {
    return Bytes.u16(buf, off + NSCOUNT);
  }

  public int arcount() {
    return Bytes.u16(buf, off + ARCOUNT);
  }

  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return off;
  }

  public int length() {
    return len;
  }
}
