package dev.vboard.netstack.transport.tcp;

/**
 * Sequence number arithmetic modulo 2^32 (RFC 9293 section 3.4): "a < b" means b lies less
 * than 2^31 ahead of a. Java's {@code int} overflow gives exactly this through a subtraction,
 * so every comparison of sequence or acknowledgment numbers in this package goes through here.
 */
public final class SeqNum {
  private SeqNum() { }

  public static boolean lt(int a, int b) {
    return a - b < 0;
  }

  public static boolean le(int a, int b) {
    return a - b <= 0;
  }

  public static boolean gt(int a, int b) {
    return a - b > 0;
  }

  public static boolean ge(int a, int b) {
    return a - b >= 0;
  }

  /** The later of two sequence numbers. */
  public static int max(int a, int b) {
    return gt(a, b) ? a : b;
  }

  /** {@code end - start} as a distance; meaningful when end is at most 2^31 ahead. */
  public static int diff(int end, int start) {
    return end - start;
  }

  /** True if {@code start <= x < start + len} modulo 2^32, for {@code 0 <= len < 2^31}. */
  public static boolean inWindow(int x, int start, int len) {
    return Integer.compareUnsigned(x - start, len) < 0;
  }
}
