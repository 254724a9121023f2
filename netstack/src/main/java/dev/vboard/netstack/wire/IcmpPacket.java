package dev.vboard.netstack.wire;

/**
 * View over an ICMP message (RFC 792): type, code, checksum, then four bytes whose meaning
 * depends on the type (identifier and sequence number for echo), then data.
 */
public final class IcmpPacket {
  public static final int TYPE = 0;
  public static final int CODE = 1;
  public static final int CHECKSUM = 2;
  public static final int REST = 4;
  public static final int IDENT = 4;
  public static final int SEQ = 6;
  public static final int HEADER_LEN = 8;

  private final byte[] buf;
  private final int off;
  private final int len;

  private IcmpPacket(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  /** {@code len} is the whole message, as the IPv4 total length delimits it. */
  public static IcmpPacket wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, HEADER_LEN, "ICMP header");
    return new IcmpPacket(buf, off, len);
  }

  public int type() {
    return Bytes.u8(buf, off + TYPE);
  }

  public int code() {
    return Bytes.u8(buf, off + CODE);
  }

  public int checksum() {
    return Bytes.u16(buf, off + CHECKSUM);
  }

  /** The four type-specific header bytes as one word. */
  public int rest() {
    return Bytes.u32(buf, off + REST);
  }

  public int ident() {
    return Bytes.u16(buf, off + IDENT);
  }

  public int seq() {
    return Bytes.u16(buf, off + SEQ);
  }

  /** The checksum covers the whole message, header and data (RFC 792, "Checksum"). */
  public boolean verifyChecksum() {
    return Checksum.compute(buf, off, len) == 0;
  }

  public byte[] buffer() {
    return buf;
  }

  public int length() {
    return len;
  }

  public int payloadOffset() {
    return off + HEADER_LEN;
  }

  public int payloadLength() {
    return len - HEADER_LEN;
  }
}
