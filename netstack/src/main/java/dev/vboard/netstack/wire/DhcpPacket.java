package dev.vboard.netstack.wire;

/**
 * View over a DHCP message (RFC 2131 section 2, figure 1): the fixed BOOTP fields, the magic
 * cookie (RFC 2132 section 2) and the options area that follows it.
 */
public final class DhcpPacket {
  public static final int OP = 0;
  public static final int HTYPE = 1;
  public static final int HLEN = 2;
  public static final int HOPS = 3;
  public static final int XID = 4;
  public static final int SECS = 8;
  public static final int FLAGS = 10;
  public static final int CIADDR = 12;
  public static final int YIADDR = 16;
  public static final int SIADDR = 20;
  public static final int GIADDR = 24;
  public static final int CHADDR = 28;
  public static final int CHADDR_LEN = 16;
  public static final int SNAME = 44;
  public static final int SNAME_LEN = 64;
  public static final int FILE = 108;
  public static final int FILE_LEN = 128;
  public static final int MAGIC = 236;
  public static final int OPTIONS = 240;

  /** 99.130.83.99 (RFC 2132 section 2). */
  public static final int MAGIC_COOKIE = 0x6382_5363;
  /** RFC 2131 section 2: the broadcast bit of the flags field. */
  public static final int FLAG_BROADCAST = 0x8000;

  private final byte[] buf;
  private final int off;
  private final int len;

  private DhcpPacket(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  /** {@code len} is the UDP data length; the header and cookie must fit. */
  public static DhcpPacket wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, OPTIONS, "DHCP header");
    return new DhcpPacket(buf, off, len);
  }

  public static DhcpPacket wrap(byte[] buf) throws WireException {
    return wrap(buf, 0, buf.length);
  }

  public int op() {
    return Bytes.u8(buf, off + OP);
  }

  public int htype() {
    return Bytes.u8(buf, off + HTYPE);
  }

  public int hlen() {
    return Bytes.u8(buf, off + HLEN);
  }

  public int hops() {
    return Bytes.u8(buf, off + HOPS);
  }

  public int xid() {
    return Bytes.u32(buf, off + XID);
  }

  public int secs() {
    return Bytes.u16(buf, off + SECS);
  }

  public int flags() {
    return Bytes.u16(buf, off + FLAGS);
  }

  public int ciaddr() {
    return Bytes.u32(buf, off + CIADDR);
  }

  public int yiaddr() {
    return Bytes.u32(buf, off + YIADDR);
  }

  public int siaddr() {
    return Bytes.u32(buf, off + SIADDR);
  }

  public int giaddr() {
    return Bytes.u32(buf, off + GIADDR);
  }

  /** The first six bytes of chaddr, the Ethernet address when htype is 1. */
  public MacAddress chaddr() {
    return MacAddress.read(buf, off + CHADDR);
  }

  public int magic() {
    return Bytes.u32(buf, off + MAGIC);
  }

  public byte[] buffer() {
    return buf;
  }

  public int optionsOffset() {
    return off + OPTIONS;
  }

  public int optionsLength() {
    return len - OPTIONS;
  }
}
