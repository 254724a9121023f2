package dev.vboard.netstack.wire;

/**
 * IPv4 addresses are plain {@code int}s in network order (10.0.2.15 is {@code 0x0a00020f}) so that
 * they are cheap to compare and hash; this class converts them to and from text and bytes.
 */
public final class Ipv4Address {
  public static final int ANY = 0;
  public static final int BROADCAST = 0xffff_ffff;

  private Ipv4Address() { }

  public static int of(int a, int b, int c, int d) {
    return (a & 0xff) << 24 | (b & 0xff) << 16 | (c & 0xff) << 8 | (d & 0xff);
  }

  /** Parses dotted-quad text such as {@code 10.0.2.15}. */
  public static int parse(String text) {
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + text);
    }
    int v = 0;
    for (String p : parts) {
      int octet = Integer.parseInt(p);
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + text);
      }
      v = (v << 8) | octet;
    }
    return v;
  }

  public static String toString(int addr) {
    return (addr >>> 24) + "." + ((addr >>> 16) & 0xff) + "." + ((addr >>> 8) & 0xff) + "."
        + (addr & 0xff);
  }

  /** True for 224.0.0.0/4 (RFC 5771). */
  public static boolean isMulticast(int addr) {
    return (addr >>> 28) == 0xe;
  }
}
