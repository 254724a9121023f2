package dev.vboard.emulator.api;

/**
 * Spots a byte string in a stream as it passes, one byte at a time (Knuth-Morris-Pratt), so a
 * run can stop at the very byte that completes the awaited output.
 */
final class TailMatcher {
  private final byte[] needle;
  private final int[] fallback;
  private int matched;

  TailMatcher(byte[] needle) {
    if (needle.length == 0) {
      throw new IllegalArgumentException("empty text to wait for");
    }
    this.needle = needle.clone();
    this.fallback = new int[needle.length];
    for (int i = 1, k = 0; i < needle.length; i++) {
      while (k > 0 && needle[i] != needle[k]) {
        k = fallback[k - 1];
      }
      if (needle[i] == needle[k]) {
        k++;
      }
      fallback[i] = k;
    }
  }

  /** Feeds one byte; true when it completes an occurrence of the needle. */
  boolean accept(int b) {
    byte x = (byte) b;
    while (matched > 0 && needle[matched] != x) {
      matched = fallback[matched - 1];
    }
    if (needle[matched] == x) {
      matched++;
    }
    if (matched == needle.length) {
      matched = fallback[matched - 1];
      return true;
    }
    return false;
  }
}
