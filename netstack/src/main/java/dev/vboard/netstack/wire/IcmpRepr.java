package dev.vboard.netstack.wire;

/**
 * An ICMP message header (RFC 792). The data after the 8-byte header is passed to
 * {@link #emit} separately because it is the part that is echoed or quoted verbatim.
 *
 * @param type message type, e.g. {@link #ECHO_REQUEST}
 * @param code message code
 * @param rest the four type-specific bytes; for echo, identifier in the high and sequence number
 *     in the low half
 */
public record IcmpRepr(int type, int code, int rest) {
  public static final int ECHO_REPLY = 0;
  public static final int DEST_UNREACHABLE = 3;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;

  /** Destination unreachable codes (RFC 792). */
  public static final int CODE_PORT_UNREACHABLE = 3;

  public IcmpRepr {
    if (type < 0 || type > 0xff || code < 0 || code > 0xff) {
      throw new IllegalArgumentException("ICMP type/code out of range");
    }
  }

  public static IcmpRepr echo(int type, int ident, int seq) {
    return new IcmpRepr(type, 0, (ident & 0xffff) << 16 | (seq & 0xffff));
  }

  public static IcmpRepr parse(IcmpPacket p) throws WireException {
    WireException.check(p.verifyChecksum(), WireException.Kind.BAD_CHECKSUM, "ICMP checksum");
    return new IcmpRepr(p.type(), p.code(), p.rest());
  }

  public int ident() {
    return rest >>> 16;
  }

  public int seq() {
    return rest & 0xffff;
  }

  public int bufferLen(int dataLen) {
    return IcmpPacket.HEADER_LEN + dataLen;
  }

  /** Writes header, {@code dataLen} bytes of data and the checksum over both. */
  public void emit(byte[] buf, int off, byte[] data, int dataOff, int dataLen) {
    Bytes.put8(buf, off + IcmpPacket.TYPE, type);
    Bytes.put8(buf, off + IcmpPacket.CODE, code);
    Bytes.put16(buf, off + IcmpPacket.CHECKSUM, 0);
    Bytes.put32(buf, off + IcmpPacket.REST, rest);
    System.arraycopy(data, dataOff, buf, off + IcmpPacket.HEADER_LEN, dataLen);
    Bytes.put16(buf, off + IcmpPacket.CHECKSUM,
        Checksum.compute(buf, off, IcmpPacket.HEADER_LEN + dataLen));
  }
}
