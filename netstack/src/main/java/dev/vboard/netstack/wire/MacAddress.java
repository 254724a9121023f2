package dev.vboard.netstack.wire;

/** A 48-bit IEEE 802 MAC address, held in the low 48 bits of a long so that it is a value. */
public record MacAddress(long bits) {
  public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
  public static final MacAddress ZERO = new MacAddress(0);
  public static final int LEN = 6;

  public MacAddress {
    if ((bits & ~0xffff_ffff_ffffL) != 0) {
      throw new IllegalArgumentException(
          "MAC address wider than 48 bits: " + Long.toHexString(bits));
    }
  }

  /** Reads six bytes at {@code off}. */
  public static MacAddress read(byte[] buf, int off) {
    long v = 0;
    for (int i = 0; i < LEN; i++) {
      v = (v << 8) | (buf[off + i] & 0xff);
    }
    return new MacAddress(v);
  }

  /** Parses {@code aa:bb:cc:dd:ee:ff}. */
  public static MacAddress parse(String text) {
    String[] parts = text.split(":");
    if (parts.length != LEN) {
      throw new IllegalArgumentException("not a MAC address: " + text);
    }
    long v = 0;
    for (String p : parts) {
      v = (v << 8) | Integer.parseInt(p, 16);
    }
    return new MacAddress(v);
  }

  public void write(byte[] buf, int off) {
    for (int i = 0; i < LEN; i++) {
      buf[off + i] = (byte) (bits >>> (8 * (LEN - 1 - i)));
    }
  }

  /** The I/G bit (IEEE 802-2014 section 8.2): set for group (multicast and broadcast) addresses. */
  public boolean isMulticast() {
    return (bits & 0x0100_0000_0000L) != 0;
  }

  public boolean isBroadcast() {
    return bits == BROADCAST.bits;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < LEN; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(String.format("%02x", (bits >>> (8 * (LEN - 1 - i))) & 0xff));
    }
    return sb.toString();
  }
}
