package dev.vboard.netstack.wire;

/**
 * A view over a TCP segment in {@code (buf, off, len)} (RFC 9293 section 3.1, figure 1).
 * Reads and writes fields in place and never validates beyond bounds: {@link TcpRepr} validates.
 * {@code len} is the segment length, which TCP itself does not carry (it comes from IPv4).
 */
public final class TcpPacket {
  public static final int SRC_PORT = 0;
  public static final int DST_PORT = 2;
  public static final int SEQ_NUM = 4;
  public static final int ACK_NUM = 8;
  /** Data offset in the high nibble, then the reserved bits. */
  public static final int DATA_OFFSET = 12;
  public static final int FLAGS = 13;
  public static final int WINDOW = 14;
  public static final int CHECKSUM = 16;
  public static final int URGENT = 18;
  public static final int OPTIONS = 20;
  /** Header length without options. */
  public static final int HEADER_LEN = 20;
  /** The largest header: a data offset of 15 words. */
  public static final int MAX_HEADER_LEN = 60;

  public static final int FLAG_FIN = 0x01;
  public static final int FLAG_SYN = 0x02;
  public static final int FLAG_RST = 0x04;
  public static final int FLAG_PSH = 0x08;
  public static final int FLAG_ACK = 0x10;
  public static final int FLAG_URG = 0x20;
  public static final int FLAG_ECE = 0x40;
  public static final int FLAG_CWR = 0x80;

  /** IPv4 protocol number of TCP, for the pseudo-header. */
  public static final int IP_PROTOCOL = 6;

  private final byte[] buf;
  private final int off;
  private final int len;

  private TcpPacket(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  /**
   * Wraps a segment, checking only that the fixed header and the header length it claims fit.
   *
   * @throws WireException if the buffer is truncated or the data offset points outside it
   */
  public static TcpPacket wrap(byte[] buf, int off, int len) throws WireException {
    WireException.check(off >= 0 && len >= HEADER_LEN && off + len <= buf.length,
        WireException.Kind.TRUNCATED, "TCP segment of " + len + " bytes");
    TcpPacket p = new TcpPacket(buf, off, len);
    WireException.check(p.headerLen() >= HEADER_LEN && p.headerLen() <= len,
        WireException.Kind.BAD_LENGTH,
        "TCP data offset " + p.headerLen() + " in " + len + " bytes");
    return p;
  }

  /** Wraps a buffer being built, without looking at its (not yet written) contents. */
  public static TcpPacket wrapForWriting(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LEN || off + len > buf.length) {
      throw new IllegalArgumentException("buffer too small for a TCP header: " + len);
    }
    return new TcpPacket(buf, off, len);
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

  public int srcPort() {
    return u16(SRC_PORT);
  }

  public int dstPort() {
    return u16(DST_PORT);
  }

  public int seqNumber() {
    return u32(SEQ_NUM);
  }

  public int ackNumber() {
    return u32(ACK_NUM);
  }

  /** Header length in bytes, from the data offset field. */
  public int headerLen() {
    return ((buf[off + DATA_OFFSET] & 0xff) >>> 4) * 4;
  }

  public int flags() {
    return buf[off + FLAGS] & 0xff;
  }

  public boolean fin() {
    return (flags() & FLAG_FIN) != 0;
  }

  public boolean syn() {
    return (flags() & FLAG_SYN) != 0;
  }

  public boolean rst() {
    return (flags() & FLAG_RST) != 0;
  }

  public boolean psh() {
    return (flags() & FLAG_PSH) != 0;
  }

  public boolean ack() {
    return (flags() & FLAG_ACK) != 0;
  }

  public boolean urg() {
    return (flags() & FLAG_URG) != 0;
  }

  public int window() {
    return u16(WINDOW);
  }

  public int checksum() {
    return u16(CHECKSUM);
  }

  public int urgentPointer() {
    return u16(URGENT);
  }

  /** Offset in {@link #buffer()} of the first option byte. */
  public int optionsOffset() {
    return off + OPTIONS;
  }

  public int optionsLen() {
    return headerLen() - HEADER_LEN;
  }

  /** Offset in {@link #buffer()} of the first payload byte. */
  public int payloadOffset() {
    return off + headerLen();
  }

  public int payloadLen() {
    return len - headerLen();
  }

  public void setSrcPort(int port) {
    put16(SRC_PORT, port);
  }

  public void setDstPort(int port) {
    put16(DST_PORT, port);
  }

  public void setSeqNumber(int seq) {
    put32(SEQ_NUM, seq);
  }

  public void setAckNumber(int ack) {
    put32(ACK_NUM, ack);
  }

  /** Sets the data offset; {@code headerLen} must be a multiple of 4. Clears the reserved bits. */
  public void setHeaderLen(int headerLen) {
    buf[off + DATA_OFFSET] = (byte) ((headerLen / 4) << 4);
  }

  public void setFlags(int flags) {
    buf[off + FLAGS] = (byte) flags;
  }

  public void setWindow(int window) {
    put16(WINDOW, window);
  }

  public void setChecksum(int checksum) {
    put16(CHECKSUM, checksum);
  }

  public void setUrgentPointer(int urgent) {
    put16(URGENT, urgent);
  }

  /** The checksum over pseudo-header and segment (RFC 9293 section 3.1); the field is included. */
  private int computeChecksum(int srcIp, int dstIp) {
    long sum = Checksum.pseudoHeader(srcIp, dstIp, IP_PROTOCOL, len);
    return Checksum.finish(Checksum.accumulate(sum, buf, off, len));
  }

  /** True if the checksum field is correct for this segment between the two addresses. */
  public boolean verifyChecksum(int srcIp, int dstIp) {
    return computeChecksum(srcIp, dstIp) == 0;
  }

  /** Computes and stores the checksum for this segment between the two addresses. */
  public void fillChecksum(int srcIp, int dstIp) {
    setChecksum(0);
    setChecksum(computeChecksum(srcIp, dstIp));
  }

  private int u16(int field) {
    return ((buf[off + field] & 0xff) << 8) | (buf[off + field + 1] & 0xff);
  }

  private int u32(int field) {
    return (u16(field) << 16) | u16(field + 2);
  }

  private void put16(int field, int v) {
    buf[off + field] = (byte) (v >>> 8);
    buf[off + field + 1] = (byte) v;
  }

  private void put32(int field, int v) {
    put16(field, v >>> 16);
    put16(field + 2, v);
  }
}
