package dev.vboard.netstack.wire;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum.
 * The one place every protocol computes it, so IPv4, ICMP, UDP and TCP agree byte for byte.
 */
public final class Checksum {
  private Checksum() { }

  /** Adds {@code len} bytes at {@code off} to a running 32-bit sum; an odd tail is padded. */
  public static long accumulate(long sum, byte[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    for (; i + 1 < end; i += 2) {
      sum += ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (buf[i] & 0xff) << 8;
    }
    return sum;
  }

  /** Adds one 16-bit word to a running sum. */
  public static long accumulateWord(long sum, int word) {
    return sum + (word & 0xffff);
  }

  /** Folds carries and complements: the value to put in a checksum field. */
  public static int finish(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** Checksum of a byte range. Over a range that holds a correct checksum, the result is 0. */
  public static int compute(byte[] buf, int off, int len) {
    return finish(accumulate(0, buf, off, len));
  }

  /** Sum of the IPv4 pseudo-header used by UDP and TCP (RFC 768, RFC 9293 section 3.1). */
  public static long pseudoHeader(int srcAddr, int dstAddr, int protocol, int length) {
    long sum = 0;
    sum = accumulateWord(sum, srcAddr >>> 16);
    sum = accumulateWord(sum, srcAddr);
    sum = accumulateWord(sum, dstAddr >>> 16);
    sum = accumulateWord(sum, dstAddr);
    sum = accumulateWord(sum, protocol);
    sum = accumulateWord(sum, length);
    return sum;
  }
}
