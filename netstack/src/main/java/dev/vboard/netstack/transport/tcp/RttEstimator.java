package dev.vboard.netstack.transport.tcp;

/**
 * The retransmission timer's arithmetic of RFC 6298: SRTT and RTTVAR from RTT samples
 * (section 2), exponential backoff (section 5.5), and bounds from {@link TcpConfig}.
 * The caller applies Karn's algorithm (section 3) by sampling only segments never retransmitted.
 */
final class RttEstimator {
  /** Clock granularity G of RFC 6298 section 2; the virtual clock counts nanoseconds. */
  private static final long GRANULARITY_NS = 1_000_000L;

  private final long rtoMinNs;
  private final long rtoMaxNs;
  private long srttNs;
  private long rttvarNs;
  private boolean hasSample;
  private long rtoNs;

  RttEstimator(TcpConfig config) {
    this.rtoMinNs = config.rtoMinNs();
    this.rtoMaxNs = config.rtoMaxNs();
    this.rtoNs = config.rtoInitialNs();
  }

  /** Section 2.2 for the first sample, 2.3 for later ones (alpha 1/8, beta 1/4, K 4). */
  void sample(long rttNs) {
    if (!hasSample) {
      srttNs = rttNs;
      rttvarNs = rttNs / 2;
      hasSample = true;
    } else {
      rttvarNs = (3 * rttvarNs + Math.abs(srttNs - rttNs)) / 4;
      srttNs = (7 * srttNs + rttNs) / 8;
    }
    rtoNs = clamp(srttNs + Math.max(GRANULARITY_NS, 4 * rttvarNs));
  }

  /** Section 5.5: double the RTO after a retransmission timeout. */
  void backoff() {
    rtoNs = clamp(rtoNs * 2);
  }

  long rtoNs() {
    return rtoNs;
  }

  long srttNs() {
    return srttNs;
  }

  private long clamp(long v) {
    return Math.min(rtoMaxNs, Math.max(rtoMinNs, v));
  }
}
