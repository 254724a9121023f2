package dev.vboard.netstack.wire;

/**
 * View over an ARP packet for Ethernet and IPv4 (RFC 826, "Packet format"): the only
 * hardware/protocol pair on this network, so the address fields have fixed offsets.
 */
public final class ArpPacket {
  public static final int HTYPE = 0;
  public static final int PTYPE = 2;
  public static final int HLEN = 4;
  public static final int PLEN = 5;
  public static final int OPER = 6;
  public static final int SHA = 8;
  public static final int SPA = 14;
  public static final int THA = 18;
  public static final int TPA = 24;
  public static final int LEN = 28;

  /** ares_hrd$Ethernet (RFC 826; IANA ARP hardware types). */
  public static final int HTYPE_ETHERNET = 1;

  private final byte[] buf;
  private final int off;

  private ArpPacket(byte[] buf, int off) {
    this.buf = buf;
    this.off = off;
  }

  public static ArpPacket wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, LEN, "ARP packet");
    return new ArpPacket(buf, off);
  }

  public int htype() {
    return Bytes.u16(buf, off + HTYPE);
  }

  public int ptype() {
    return Bytes.u16(buf, off + PTYPE);
  }

  public int hlen() {
    return Bytes.u8(buf, off + HLEN);
  }

  public int plen() {
    return Bytes.u8(buf, off + PLEN);
  }

  public int oper() {
    return Bytes.u16(buf, off + OPER);
  }

  public MacAddress sha() {
    return MacAddress.read(buf, off + SHA);
  }

  public int spa() {
    return Bytes.u32(buf, off + SPA);
  }

  public MacAddress tha() {
    return MacAddress.read(buf, off + THA);
  }

  public int tpa() {
    return Bytes.u32(buf, off + TPA);
  }
}
