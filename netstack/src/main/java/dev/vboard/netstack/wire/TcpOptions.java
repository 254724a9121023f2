package dev.vboard.netstack.wire;

/**
 * The TCP options a segment carries that this stack understands (RFC 9293 section 3.2;
 * RFC 7323 for window scale and timestamps; RFC 2018 for SACK-permitted).
 * Absent numeric options are {@code -1}. SACK blocks and unknown kinds are skipped on parse
 * (RFC 9293 section 3.2: "A TCP implementation MUST ignore without error any TCP option it
 * does not implement") and never emitted.
 *
 * @param mss maximum segment size, or -1
 * @param windowScale shift count 0..14, or -1
 * @param sackPermitted whether SACK-permitted is present
 * @param tsVal timestamp value, meaningful when {@code timestamps}
 * @param tsEcr timestamp echo reply, meaningful when {@code timestamps}
 * @param timestamps whether the timestamps option is present
 */
public record TcpOptions(int mss, int windowScale, boolean sackPermitted, int tsVal, int tsEcr,
    boolean timestamps) {
  public static final int KIND_EOL = 0;
  public static final int KIND_NOP = 1;
  public static final int KIND_MSS = 2;
  public static final int KIND_WINDOW_SCALE = 3;
  public static final int KIND_SACK_PERMITTED = 4;
  public static final int KIND_SACK = 5;
  public static final int KIND_TIMESTAMPS = 8;

  /** RFC 7323 section 2.3: shift counts above 14 are treated as 14. */
  public static final int MAX_WINDOW_SCALE = 14;

  public static final TcpOptions NONE = new TcpOptions(-1, -1, false, 0, 0, false);

  public TcpOptions {
    if (mss < -1 || mss > 0xffff) {
      throw new IllegalArgumentException("MSS out of range: " + mss);
    }
    if (windowScale < -1 || windowScale > 0xff) {
      throw new IllegalArgumentException("window scale out of range: " + windowScale);
    }
    if (!timestamps && (tsVal != 0 || tsEcr != 0)) {
      throw new IllegalArgumentException("timestamp values without the timestamps option");
    }
  }

  public static TcpOptions mssOnly(int mss) {
    return new TcpOptions(mss, -1, false, 0, 0, false);
  }

  public TcpOptions withMss(int newMss) {
    return new TcpOptions(newMss, windowScale, sackPermitted, tsVal, tsEcr, timestamps);
  }

  public TcpOptions withWindowScale(int shift) {
    return new TcpOptions(mss, shift, sackPermitted, tsVal, tsEcr, timestamps);
  }

  public TcpOptions withSackPermitted(boolean permitted) {
    return new TcpOptions(mss, windowScale, permitted, tsVal, tsEcr, timestamps);
  }

  public TcpOptions withTimestamps(int val, int ecr) {
    return new TcpOptions(mss, windowScale, sackPermitted, val, ecr, true);
  }

  /**
   * Parses the option bytes of a header.
   *
   * @throws WireException if an option's length is malformed or runs past the end
   */
  public static TcpOptions parse(byte[] buf, int off, int len) throws WireException {
    int mss = -1;
    int windowScale = -1;
    boolean sackPermitted = false;
    boolean timestamps = false;
    int tsVal = 0;
    int tsEcr = 0;
    int i = off;
    int end = off + len;
    while (i < end) {
      int kind = buf[i] & 0xff;
      if (kind == KIND_EOL) {
        break;
      }
      if (kind == KIND_NOP) {
        i++;
        continue;
      }
      WireException.check(i + 1 < end, WireException.Kind.MALFORMED,
          "TCP option " + kind + " has no length byte");
      int optLen = buf[i + 1] & 0xff;
      WireException.check(optLen >= 2 && i + optLen <= end, WireException.Kind.MALFORMED,
          "TCP option " + kind + " has length " + optLen);
      switch (kind) {
        case KIND_MSS -> {
          requireLen(kind, optLen, 4);
          mss = u16(buf, i + 2);
        }
        case KIND_WINDOW_SCALE -> {
          requireLen(kind, optLen, 3);
          windowScale = buf[i + 2] & 0xff;
        }
        case KIND_SACK_PERMITTED -> {
          requireLen(kind, optLen, 2);
          sackPermitted = true;
        }
        case KIND_TIMESTAMPS -> {
          requireLen(kind, optLen, 10);
          timestamps = true;
          tsVal = (u16(buf, i + 2) << 16) | u16(buf, i + 4);
          tsEcr = (u16(buf, i + 6) << 16) | u16(buf, i + 8);
        }
        default -> {
          // Unknown kinds and SACK blocks: skipped by their length.
        }
      }
      i += optLen;
    }
    return new TcpOptions(mss, windowScale, sackPermitted, tsVal, tsEcr, timestamps);
  }

  /** Bytes {@link #emit} writes: always a multiple of 4, so it fits the data offset. */
  public int bufferLen() {
    int n = 0;
    if (mss >= 0) {
      n += 4;
    }
    if (windowScale >= 0) {
      n += 4;
    }
    if (sackPermitted) {
      n += 4;
    }
    if (timestamps) {
      n += 12;
    }
    return n;
  }

  /** Writes the options, NOP-padded to 32-bit alignment as RFC 7323 appendix A suggests. */
  public void emit(byte[] buf, int off) {
    int i = off;
    if (mss >= 0) {
      buf[i++] = KIND_MSS;
      buf[i++] = 4;
      buf[i++] = (byte) (mss >>> 8);
      buf[i++] = (byte) mss;
    }
    if (windowScale >= 0) {
      buf[i++] = KIND_NOP;
      buf[i++] = KIND_WINDOW_SCALE;
      buf[i++] = 3;
      buf[i++] = (byte) windowScale;
    }
    if (sackPermitted) {
      buf[i++] = KIND_NOP;
      buf[i++] = KIND_NOP;
      buf[i++] = KIND_SACK_PERMITTED;
      buf[i++] = 2;
    }
    if (timestamps) {
      buf[i++] = KIND_NOP;
      buf[i++] = KIND_NOP;
      buf[i++] = KIND_TIMESTAMPS;
      buf[i++] = 10;
      put32(buf, i, tsVal);
      put32(buf, i + 4, tsEcr);
    }
  }

  private static void requireLen(int kind, int actual, int expected) throws WireException {
    WireException.check(actual == expected, WireException.Kind.MALFORMED,
        "TCP option " + kind + " has length " + actual + ", expected " + expected);
  }

  private static int u16(byte[] buf, int i) {
    return ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
  }

  private static void put32(byte[] buf, int i, int v) {
    buf[i] = (byte) (v >>> 24);
    buf[i + 1] = (byte) (v >>> 16);
    buf[i + 2] = (byte) (v >>> 8);
    buf[i + 3] = (byte) v;
  }
}
