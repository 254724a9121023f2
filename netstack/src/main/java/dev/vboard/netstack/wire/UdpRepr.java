package dev.vboard.netstack.wire;

/** A UDP header's ports (RFC 768). Length and checksum are derived on emit, verified on parse. */
public record UdpRepr(int srcPort, int dstPort) {

  public UdpRepr {
    if ((srcPort & ~0xffff) != 0 || (dstPort & ~0xffff) != 0) {
      throw new IllegalArgumentException("UDP port out of range");
    }
  }

  /**
   * Validates the length field against the IPv4 payload and, unless it is zero ("no checksum",
   * RFC 768), the checksum. Destination port 0 is reserved and rejected.
   */
  public static UdpRepr parse(UdpPacket p, int srcAddr, int dstAddr) throws WireException {
    WireException.check(p.length() >= UdpPacket.HEADER_LEN, WireException.Kind.BAD_LENGTH,
        "UDP length", p.length());
    Bytes.require(p.bufferLength(), p.length(), "UDP length field");
    WireException.check(p.checksum() == 0 || p.verifyChecksum(srcAddr, dstAddr),
        WireException.Kind.BAD_CHECKSUM, "UDP checksum");
    WireException.check(p.dstPort() != 0, WireException.Kind.MALFORMED, "UDP port 0");
    return new UdpRepr(p.srcPort(), p.dstPort());
  }

  public int bufferLen(int payloadLen) {
    return UdpPacket.HEADER_LEN + payloadLen;
  }

  /**
   * Writes header, data and checksum. A computed checksum of 0 is sent as 0xffff because 0 means
   * "none" (RFC 768).
   */
  public void emit(byte[] buf, int off, int srcAddr, int dstAddr, byte[] data, int dataOff,
      int dataLen) {
    int length = UdpPacket.HEADER_LEN + dataLen;
    Bytes.put16(buf, off + UdpPacket.SRC_PORT, srcPort);
    Bytes.put16(buf, off + UdpPacket.DST_PORT, dstPort);
    Bytes.put16(buf, off + UdpPacket.LENGTH, length);
    Bytes.put16(buf, off + UdpPacket.CHECKSUM, 0);
    System.arraycopy(data, dataOff, buf, off + UdpPacket.HEADER_LEN, dataLen);
    long sum = Checksum.pseudoHeader(srcAddr, dstAddr, IpProtocol.UDP, length);
    int csum = Checksum.finish(Checksum.accumulate(sum, buf, off, length));
    Bytes.put16(buf, off + UdpPacket.CHECKSUM, csum == 0 ? 0xffff : csum);
  }

  /** A whole datagram carrying {@code data}. */
  public byte[] datagram(int srcAddr, int dstAddr, byte[] data) {
    byte[] out = new byte[bufferLen(data.length)];
    emit(out, 0, srcAddr, dstAddr, data, 0, data.length);
    return out;
  }
}
