package dev.vboard.netstack.transport.tcp;

/**
 * RFC 5681 congestion control for one connection: slow start and congestion avoidance
 * (section 3.1), and fast retransmit with a simple fast recovery (section 3.2, without
 * NewReno's partial-ACK handling of RFC 6582). Sizes are in bytes.
 */
final class CongestionControl {
  /** Section 3.2: the third duplicate ACK signals a lost segment. */
  static final int DUP_ACK_THRESHOLD = 3;

  private int mss;
  private int cwnd;
  private int ssthresh = Integer.MAX_VALUE;
  private int dupAcks;
  private boolean inFastRecovery;

  /** Sets the initial window once the MSS is known: min(4*MSS, max(2*MSS, 4380)) (3.1). */
  void start(int segmentSize) {
    this.mss = segmentSize;
    cwnd = Math.min(4 * mss, Math.max(2 * mss, 4380));
  }

  /** The congestion window: at most this many bytes may be in flight. */
  int window() {
    return cwnd;
  }

  /** An ACK of new data: leave fast recovery, or grow by slow start or congestion avoidance. */
  void onNewAck(int bytesAcked) {
    dupAcks = 0;
    if (bytesAcked <= 0) {
      return;
    }
    if (inFastRecovery) {
      cwnd = ssthresh; // section 3.2, step 6: deflate the window
      inFastRecovery = false;
    } else if (cwnd < ssthresh) {
      cwnd += Math.min(bytesAcked, mss);
    } else {
      cwnd += Math.max(1, mss * mss / cwnd);
    }
    cwnd = Math.min(cwnd, 1 << 30);
  }

  /**
   * A duplicate ACK with {@code flightSize} bytes outstanding. Returns true on the third one,
   * when the caller must retransmit the first unacknowledged segment.
   */
  boolean onDuplicateAck(int flightSize) {
    dupAcks++;
    if (dupAcks == DUP_ACK_THRESHOLD) {
      ssthresh = Math.max(flightSize / 2, 2 * mss); // equation (4)
      cwnd = ssthresh + DUP_ACK_THRESHOLD * mss;
      inFastRecovery = true;
      return true;
    }
    if (dupAcks > DUP_ACK_THRESHOLD) {
      cwnd += mss; // each further duplicate means a segment has left the network
    }
    return false;
  }

  /** Section 3.1: after a retransmission timeout, halve ssthresh and restart from one segment. */
  void onRetransmissionTimeout(int flightSize) {
    ssthresh = Math.max(flightSize / 2, 2 * mss);
    cwnd = mss;
    dupAcks = 0;
    inFastRecovery = false;
  }
}
