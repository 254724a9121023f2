package dev.vboard.netstack.wire;

/** An Ethernet II header. The payload is handled by the caller, as with every repr here. */
public record EthernetRepr(MacAddress src, MacAddress dst, int etherType) {

  /**
   * Accepts only Ethernet II frames: a type field of 1500 or less is an 802.3 length with an LLC
   * header, which nothing on this virtual network speaks.
   */
  public static EthernetRepr parse(EthernetFrame frame) throws WireException {
    WireException.check(frame.etherType() > EtherType.MAX_LENGTH_FIELD,
        WireException.Kind.UNSUPPORTED, "802.3 length field instead of an EtherType",
        frame.etherType());
    return new EthernetRepr(frame.src(), frame.dst(), frame.etherType());
  }

  public int bufferLen() {
    return EthernetFrame.HEADER_LEN;
  }

  public void emit(byte[] buf, int off) {
    dst.write(buf, off + EthernetFrame.DST);
    src.write(buf, off + EthernetFrame.SRC);
    Bytes.put16(buf, off + EthernetFrame.ETHER_TYPE, etherType);
  }

  /**
   * Builds a whole frame: this header, then {@code payloadLen} bytes from {@code payload}, zero
   * padded to {@link EthernetFrame#MIN_LEN} as a real MAC pads short frames on transmit.
   */
  public byte[] frame(byte[] payload, int payloadOff, int payloadLen) {
    byte[] out = new byte[Math.max(EthernetFrame.MIN_LEN, bufferLen() + payloadLen)];
    emit(out, 0);
    System.arraycopy(payload, payloadOff, out, bufferLen(), payloadLen);
    return out;
  }
}
