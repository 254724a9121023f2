package dev.vboard.netstack.wire;

/**
 * View over an IPv4 header and its payload (RFC 791 section 3.1). Only truncation of the fixed
 * header is checked here; {@link Ipv4Repr#parse} checks lengths, checksum and fragmentation.
 */
public final class Ipv4Packet {
  public static final int VER_IHL = 0;
  public static final int TOS = 1;
  public static final int TOTAL_LEN = 2;
  public static final int IDENT = 4;
  public static final int FLAGS_FRAG = 6;
  public static final int TTL = 8;
  public static final int PROTOCOL = 9;
  public static final int CHECKSUM = 10;
  public static final int SRC = 12;
  public static final int DST = 16;
  public static final int HEADER_LEN = 20;

  /** Flag bits in the FLAGS_FRAG word (RFC 791 section 3.1, "Flags"). */
  public static final int FLAG_DF = 0x4000;
  public static final int FLAG_MF = 0x2000;
  public static final int FRAG_OFFSET_MASK = 0x1fff;

  private final byte[] buf;
  private final int off;
  private final int len;

  private Ipv4Packet(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  public static Ipv4Packet wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, HEADER_LEN, "IPv4 header");
    return new Ipv4Packet(buf, off, len);
  }

  public static Ipv4Packet wrap(byte[] buf) throws WireException {
    return wrap(buf, 0, buf.length);
  }

  public int version() {
    return Bytes.u8(buf, off + VER_IHL) >>> 4;
  }

  /** Header length in bytes (the IHL field counts 32-bit words). */
  public int headerLen() {
    return (Bytes.u8(buf, off + VER_IHL) & 0xf) * 4;
  }

  public int tos() {
    return Bytes.u8(buf, off + TOS);
  }

  public int totalLen() {
    return Bytes.u16(buf, off + TOTAL_LEN);
  }

  public int ident() {
    return Bytes.u16(buf, off + IDENT);
  }

  public boolean dontFragment() {
    return (Bytes.u16(buf, off + FLAGS_FRAG) & FLAG_DF) != 0;
  }

  public boolean moreFragments() {
    return (Bytes.u16(buf, off + FLAGS_FRAG) & FLAG_MF) != 0;
  }

  /** Fragment offset in bytes (the field counts 8-byte units). */
  public int fragmentOffset() {
    return (Bytes.u16(buf, off + FLAGS_FRAG) & FRAG_OFFSET_MASK) * 8;
  }

  public int ttl() {
    return Bytes.u8(buf, off + TTL);
  }

  public int protocol() {
    return Bytes.u8(buf, off + PROTOCOL);
  }

  public int checksum() {
    return Bytes.u16(buf, off + CHECKSUM);
  }

  public int src() {
    return Bytes.u32(buf, off + SRC);
  }

  public int dst() {
    return Bytes.u32(buf, off + DST);
  }

  /** True if the header checksum verifies; needs the whole header in the buffer. */
  public boolean verifyChecksum() {
    return Checksum.compute(buf, off, headerLen()) == 0;
  }

  /** Bytes available in the underlying buffer from the start of the header. */
  public int bufferLength() {
    return len;
  }

  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return off;
  }

  /** Payload start; meaningful once {@link Ipv4Repr#parse} has accepted the header. */
  public int payloadOffset() {
    return off + headerLen();
  }

  /** Payload length from the total-length field, not from the buffer (frames may be padded). */
  public int payloadLength() {
    return totalLen() - headerLen();
  }

  public void setTtl(int ttl) {
    Bytes.put8(buf, off + TTL, ttl);
  }

  /** Recomputes the header checksum over {@link #headerLen()} bytes. */
  public void fillChecksum() {
    Bytes.put16(buf, off + CHECKSUM, 0);
    Bytes.put16(buf, off + CHECKSUM, Checksum.compute(buf, off, headerLen()));
  }
}
