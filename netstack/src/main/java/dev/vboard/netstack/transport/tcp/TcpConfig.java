package dev.vboard.netstack.transport.tcp;

/**
 * Tunables of the TCP engine. All times are virtual nanoseconds.
 *
 * @param mss the MSS we announce and the largest segment we send (RFC 9293 section 3.7.1)
 * @param sendBufferSize bytes an application may queue before {@code write} accepts less
 * @param recvBufferSize bytes held for a slow application; bounds the advertised window
 * @param rtoInitialNs RTO before any RTT sample: 1 s (RFC 6298 section 2.1)
 * @param rtoMinNs lower bound on the RTO. RFC 6298 (2.4) asks for 1 s; we default to Linux's
 *     200 ms (TCP_RTO_MIN), because the guest sits on a local virtual link whose RTT is far
 *     below a second and a 1 s floor would make every loss stall the guest for a second
 * @param rtoMaxNs upper bound on the backed-off RTO (RFC 6298 section 2.5 allows 60 s)
 * @param maxRetransmits retransmissions of one segment before the connection is reset and the
 *     application gets {@link TcpError#TIMEOUT} (RFC 1122 section 4.2.3.5, R2)
 * @param delayedAckNs how long a lone in-order segment waits for company before it is ACKed
 *     (RFC 9293 section 3.8.6.3 requires under 0.5 s)
 * @param mslNs Maximum Segment Lifetime; TIME-WAIT lasts 2*MSL (RFC 9293 section 3.4.2). The
 *     RFC's 2 minutes are pointless on a virtual link, so the default is short (1 s)
 * @param finWait2TimeoutNs how long FIN-WAIT-2 waits for the peer's FIN before the connection
 *     is dropped, so that a guest that vanishes cannot pin it forever (RFC 9293 leaves
 *     FIN-WAIT-2 unbounded; Linux bounds it with tcp_fin_timeout, 60 s, as we do)
 * @param maxOutOfOrderRanges separate out-of-order byte ranges held for reassembly; a segment
 *     that would need more is dropped (and retransmitted by the peer later)
 * @param maxConnections connections the engine holds; SYNs beyond it are answered with RST
 * @param issSeed seed of the deterministic ISS generator (RFC 6528 with a fixed secret)
 */
public record TcpConfig(int mss, int sendBufferSize, int recvBufferSize, long rtoInitialNs,
    long rtoMinNs, long rtoMaxNs, int maxRetransmits, long delayedAckNs, long mslNs,
    long finWait2TimeoutNs, int maxOutOfOrderRanges, int maxConnections, long issSeed) {

  public static final long MS = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;

  public TcpConfig {
    if (mss < 64 || mss > 0xffff) {
      throw new IllegalArgumentException("mss out of range: " + mss);
    }
    if (sendBufferSize < 1 || recvBufferSize < 1 || recvBufferSize > (1 << 30)) {
      throw new IllegalArgumentException("buffer sizes out of range");
    }
    if (rtoMinNs <= 0 || rtoInitialNs < rtoMinNs || rtoMaxNs < rtoInitialNs) {
      throw new IllegalArgumentException("need 0 < rtoMin <= rtoInitial <= rtoMax");
    }
    if (maxRetransmits < 1 || maxOutOfOrderRanges < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Ethernet-sized segments, 64 KiB buffers, the RTO bounds documented above. */
  public static TcpConfig defaults() {
    return new TcpConfig(1460, 64 * 1024, 64 * 1024, SECOND, 200 * MS, 60 * SECOND, 8, 40 * MS,
        SECOND, 60 * SECOND, 16, 1024, 0x76626f617264L);
  }

  public TcpConfig withMss(int v) {
    return new TcpConfig(v, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, mslNs, finWait2TimeoutNs, maxOutOfOrderRanges, maxConnections,
        issSeed);
  }

  public TcpConfig withBuffers(int send, int recv) {
    return new TcpConfig(mss, send, recv, rtoInitialNs, rtoMinNs, rtoMaxNs, maxRetransmits,
        delayedAckNs, mslNs, finWait2TimeoutNs, maxOutOfOrderRanges, maxConnections, issSeed);
  }

  public TcpConfig withMaxRetransmits(int v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs, v,
        delayedAckNs, mslNs, finWait2TimeoutNs, maxOutOfOrderRanges, maxConnections, issSeed);
  }

  public TcpConfig withMslNs(long v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, v, finWait2TimeoutNs, maxOutOfOrderRanges, maxConnections,
        issSeed);
  }

  public TcpConfig withFinWait2TimeoutNs(long v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, mslNs, v, maxOutOfOrderRanges, maxConnections, issSeed);
  }

  public TcpConfig withMaxOutOfOrderRanges(int v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, mslNs, finWait2TimeoutNs, v, maxConnections, issSeed);
  }

  public TcpConfig withMaxConnections(int v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, mslNs, finWait2TimeoutNs, maxOutOfOrderRanges, v, issSeed);
  }

  public TcpConfig withIssSeed(long v) {
    return new TcpConfig(mss, sendBufferSize, recvBufferSize, rtoInitialNs, rtoMinNs, rtoMaxNs,
        maxRetransmits, delayedAckNs, mslNs, finWait2TimeoutNs, maxOutOfOrderRanges, maxConnections,
        v);
  }

  /** Window scale shift we offer so that the receive buffer fits the window (RFC 7323 2.2). */
  int recvWindowShift() {
    int shift = 0;
    while ((recvBufferSize >>> shift) > 0xffff && shift < 14) {
      shift++;
    }
    return shift;
  }
}
