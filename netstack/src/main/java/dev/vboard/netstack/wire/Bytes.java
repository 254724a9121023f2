package dev.vboard.netstack.wire;

/** Big-endian (network order, RFC 1700 "Data Notations") field access for the views. */
public final class Bytes {
  private Bytes() { }

  public static int u8(byte[] b, int i) {
    return b[i] & 0xff;
  }

  public static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  public static int u32(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  public static void put8(byte[] b, int i, int v) {
    b[i] = (byte) v;
  }

  public static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  public static void put32(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  /** Throws TRUNCATED unless {@code [off, off+need)} lies inside a buffer of {@code len} bytes. */
  static void require(int have, int need, String what) throws WireException {
    if (have < need) {
      throw new WireException(WireException.Kind.TRUNCATED,
          what + " needs " + need + " bytes, buffer has " + have);
    }
  }
}
