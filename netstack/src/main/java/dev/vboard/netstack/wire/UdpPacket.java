package dev.vboard.netstack.wire;

/** View over a UDP datagram (RFC 768, "Format"). */
public final class UdpPacket {
  public static final int SRC_PORT = 0;
  public static final int DST_PORT = 2;
  public static final int LENGTH = 4;
  public static final int CHECKSUM = 6;
  public static final int HEADER_LEN = 8;

  private final byte[] buf;
  private final int off;
  private final int len;

  private UdpPacket(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  /** {@code len} is the IPv4 payload length. */
  public static UdpPacket wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, HEADER_LEN, "UDP header");
    return new UdpPacket(buf, off, len);
  }

  public static UdpPacket wrap(byte[] buf) throws WireException {
    return wrap(buf, 0, buf.length);
  }

  public int srcPort() {
    return Bytes.u16(buf, off + SRC_PORT);
  }

  public int dstPort() {
    return Bytes.u16(buf, off + DST_PORT);
  }

  /** The length field: header plus data. */
  public int length() {
    return Bytes.u16(buf, off + LENGTH);
  }

  public int checksum() {
    return Bytes.u16(buf, off + CHECKSUM);
  }

  /** Bytes available in the buffer (the IPv4 payload length). */
  public int bufferLength() {
    return len;
  }

  /** Verifies over {@link #length()} bytes with the pseudo-header (RFC 768). */
  public boolean verifyChecksum(int srcAddr, int dstAddr) {
    long sum = Checksum.pseudoHeader(srcAddr, dstAddr, IpProtocol.UDP, length());
    return Checksum.finish(Checksum.accumulate(sum, buf, off, length())) == 0;
  }

  public byte[] buffer() {
    return buf;
  }

  public int payloadOffset() {
    return off + HEADER_LEN;
  }

  public int payloadLength() {
    return length() - HEADER_LEN;
  }

  /** A copy of the data. */
  public byte[] payload() {
    byte[] out = new byte[payloadLength()];
    System.arraycopy(buf, payloadOffset(), out, 0, out.length);
    return out;
  }
}
