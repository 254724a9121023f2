package dev.vboard.netstack.wire;

/**
 * View over an Ethernet II frame (IEEE 802.3 clause 3.2, DIX type field) without preamble or FCS,
 * as a MAC hands it to software. Only truncation is checked; {@link EthernetRepr} validates.
 */
public final class EthernetFrame {
  public static final int DST = 0;
  public static final int SRC = 6;
  public static final int ETHER_TYPE = 12;
  public static final int HEADER_LEN = 14;
  /** Minimum frame length without FCS (IEEE 802.3 clause 4.4.2: 64 bytes with the 4-byte FCS). */
  public static final int MIN_LEN = 60;

  private final byte[] buf;
  private final int off;
  private final int len;

  private EthernetFrame(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
  }

  public static EthernetFrame wrap(byte[] buf, int off, int len) throws WireException {
    Bytes.require(len, HEADER_LEN, "Ethernet header");
    return new EthernetFrame(buf, off, len);
  }

  public static EthernetFrame wrap(byte[] frame) throws WireException {
    return wrap(frame, 0, frame.length);
  }

  public MacAddress dst() {
    return MacAddress.read(buf, off + DST);
  }

  public MacAddress src() {
    return MacAddress.read(buf, off + SRC);
  }

  public int etherType() {
    return Bytes.u16(buf, off + ETHER_TYPE);
  }

  public void setDst(MacAddress mac) {
    mac.write(buf, off + DST);
  }

  public void setSrc(MacAddress mac) {
    mac.write(buf, off + SRC);
  }

  public void setEtherType(int type) {
    Bytes.put16(buf, off + ETHER_TYPE, type);
  }

  public byte[] buffer() {
    return buf;
  }

  public int payloadOffset() {
    return off + HEADER_LEN;
  }

  public int payloadLength() {
    return len - HEADER_LEN;
  }
}
