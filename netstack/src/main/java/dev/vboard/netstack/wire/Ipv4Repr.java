package dev.vboard.netstack.wire;

/**
 * The fields of an IPv4 header that the layers above care about (RFC 791 section 3.1).
 *
 * <p>Emitted headers have no options, TOS 0, identification 0 and DF set: with DF set the
 * identification has no use (RFC 6864 section 4.1), and a constant keeps runs byte-identical.
 *
 * <p>Parsing accepts options and skips them (RFC 1122 section 3.2.1.8 lets a host ignore the
 * options it does not implement; none of them matter on a one-hop virtual network).
 *
 * @param src source address
 * @param dst destination address
 * @param protocol payload protocol ({@link IpProtocol})
 * @param payloadLen payload length in bytes
 * @param ttl time to live
 */
public record Ipv4Repr(int src, int dst, int protocol, int payloadLen, int ttl) {
  /** The TTL we put on packets we originate (RFC 1700 recommends 64). */
  public static final int DEFAULT_TTL = 64;
  public static final int MAX_PAYLOAD = 0xffff - Ipv4Packet.HEADER_LEN;

  public Ipv4Repr {
    if (protocol < 0 || protocol > 0xff || ttl < 0 || ttl > 0xff || payloadLen < 0
        || payloadLen > MAX_PAYLOAD) {
      throw new IllegalArgumentException("IPv4 field out of range");
    }
  }

  /** A header for a packet this stack originates. */
  public static Ipv4Repr of(int src, int dst, int protocol, int payloadLen) {
    return new Ipv4Repr(src, dst, protocol, payloadLen, DEFAULT_TTL);
  }

  public static Ipv4Repr parse(Ipv4Packet p) throws WireException {
    WireException.check(p.version() == 4, WireException.Kind.UNSUPPORTED,
        "IP version", p.version());
    int ihl = p.headerLen();
    WireException.check(ihl >= Ipv4Packet.HEADER_LEN, WireException.Kind.BAD_LENGTH,
        "header length below 20 bytes:", ihl);
    Bytes.require(p.bufferLength(), ihl, "IPv4 header with options");
    WireException.check(p.totalLen() >= ihl, WireException.Kind.BAD_LENGTH,
        "total length/header length", p.totalLen(), ihl);
    Bytes.require(p.bufferLength(), p.totalLen(), "IPv4 total length");
    WireException.check(p.verifyChecksum(), WireException.Kind.BAD_CHECKSUM,
        "IPv4 header checksum");
    WireException.check(!p.moreFragments() && p.fragmentOffset() == 0,
        WireException.Kind.FRAGMENTED, "fragment at offset", p.fragmentOffset());
    return new Ipv4Repr(p.src(), p.dst(), p.protocol(), p.payloadLength(), p.ttl());
  }

  public int bufferLen() {
    return Ipv4Packet.HEADER_LEN;
  }

  /** Total datagram length: header plus payload. */
  public int totalLen() {
    return Ipv4Packet.HEADER_LEN + payloadLen;
  }

  /** Writes the 20-byte header with its checksum; the caller writes the payload after it. */
  public void emit(byte[] buf, int off) {
    Bytes.put8(buf, off + Ipv4Packet.VER_IHL, 0x45);
    Bytes.put8(buf, off + Ipv4Packet.TOS, 0);
    Bytes.put16(buf, off + Ipv4Packet.TOTAL_LEN, totalLen());
    Bytes.put16(buf, off + Ipv4Packet.IDENT, 0);
    Bytes.put16(buf, off + Ipv4Packet.FLAGS_FRAG, Ipv4Packet.FLAG_DF);
    Bytes.put8(buf, off + Ipv4Packet.TTL, ttl);
    Bytes.put8(buf, off + Ipv4Packet.PROTOCOL, protocol);
    Bytes.put16(buf, off + Ipv4Packet.CHECKSUM, 0);
    Bytes.put32(buf, off + Ipv4Packet.SRC, src);
    Bytes.put32(buf, off + Ipv4Packet.DST, dst);
    Bytes.put16(buf, off + Ipv4Packet.CHECKSUM,
        Checksum.compute(buf, off, Ipv4Packet.HEADER_LEN));
  }

  @Override
  public String toString() {
    return "Ipv4Repr[" + Ipv4Address.toString(src) + " > " + Ipv4Address.toString(dst)
        + " proto " + protocol + " len " + payloadLen + " ttl " + ttl + "]";
  }
}
