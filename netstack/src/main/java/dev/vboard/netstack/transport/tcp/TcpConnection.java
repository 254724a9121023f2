package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.wire.TcpPacket.FLAG_ACK;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_FIN;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_PSH;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_RST;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_SYN;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's Transmission Control Block and state machine (RFC 9293 section 3.3). Each
 * RFC event has its own method: the user calls (section 3.10.1-3.10.6, via {@link TcpSocket}),
 * SEGMENT ARRIVES (3.10.7, split per state and per step) and the timeouts (3.10.8). After every
 * event the application is notified and {@link #transmit} sends whatever the windows allow.
 *
 * <p>Simplifications, each deliberate: no urgent data (URG is ignored, as RFC 6093 advises for
 * new applications); no SACK or timestamps (options are parsed but not used); no Nagle delay,
 * as the link is virtual; congestion control is RFC 5681 slow start, congestion avoidance and
 * fast retransmit without NewReno's partial-ACK handling. After a retransmission timeout the
 * sender goes back to SND.UNA (as smoltcp does) and relies on the peer's reassembly queue.
 */
final class TcpConnection implements TcpSocket {
  private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
  static final long NONE = Long.MAX_VALUE;

  /** How the connection hands a segment to the engine. */
  interface Output {
    void emit(FourTuple tuple, TcpRepr segment);
  }

  private final FourTuple tuple;
  private final TcpConfig config;
  private final Output output;
  private final TcpApplication app;
  /** Opened by a local OPEN call rather than by a SYN to a listener. */
  private final boolean active;
  private TcpState state;

  // ---- Send sequence variables (RFC 9293 section 3.3.1) ----
  private int iss;
  private int sndUna;
  private int sndNxt;
  /** Highest sequence number sent plus one; SND.NXT falls back to SND.UNA on a timeout. */
  private int sndMax;
  /**
   * End of the last zero-window probe. The probe byte does not advance SND.MAX (bare ACKs
   * carry SND.MAX and must stay acceptable to a peer whose window is shut), but an ACK that
   * covers it is valid.
   */
  private int probeEnd;
  /** SND.WND, already scaled. */
  private int sndWnd;
  /** The largest window the peer has offered, for sender-side SWS avoidance. */
  private int maxSndWnd;
  private int sndWl1;
  private int sndWl2;
  private int sndWndShift;
  /** Both SYNs carry the window scale option (RFC 7323 section 2.2). */
  private boolean windowScaling;
  /** Effective send MSS: the peer's announced MSS (RFC 9293 3.7.1), at most ours. */
  private int sndMss;

  // ---- Receive sequence variables ----
  private int irs;
  private int rcvNxt;
  private int rcvWndShift;
  /** RCV.NXT + window at our last advertisement; never moved left (RFC 9293 3.8.6). */
  private int advertisedRight;

  // ---- Buffers ----
  private final ByteRing sendBuf;
  /** Sequence number of the first byte in {@link #sendBuf}. */
  private int sendBufSeq;
  private final ByteRing recvBuf;
  private final Assembler assembler;
  /** The application called CLOSE: a FIN follows the buffered data at {@link #finSeq()}. */
  private boolean finQueued;
  /** The peer's FIN has been processed (end of stream after the buffered data). */
  private boolean finReceived;
  /** A FIN arrived beyond a hole and waits for the data before it. */
  private boolean finPending;
  private int finPendingSeq;

  // ---- Congestion control (RFC 5681) ----
  private final CongestionControl congestion = new CongestionControl();

  // ---- Timers, as absolute virtual deadlines (RFC 9293 3.8.1, RFC 6298) ----
  private final RttEstimator rtt;
  private long retransmitDeadline = NONE;
  private int retransmits;
  private boolean rttTiming;
  private int rttSeq;
  private long rttStartNs;
  private long persistDeadline = NONE;
  private long persistIntervalNs;
  private long timeWaitDeadline = NONE;
  private long finWait2Deadline = NONE;
  private long delayedAckDeadline = NONE;
  private int segmentsSinceAck;
  private boolean ackNow;
  /** The application acted outside an event; the engine should poll at once. */
  private boolean outputPending;
  private long nowNs;

  // ---- Pending application notifications ----
  private boolean notifyOpen;
  private boolean notifyReadable;
  private boolean notifyWritable;
  private boolean notifyPeerClosed;
  private boolean notifyClosed;
  private boolean closedNotified;
  private boolean openedOnce;
  private TcpError closeError;

  private TcpConnection(FourTuple tuple, TcpConfig config, Output output, TcpApplication app,
      boolean active, int iss) {
    this.tuple = tuple;
    this.config = config;
    this.output = output;
    this.app = app;
    this.active = active;
    this.iss = iss;
    this.sendBuf = new ByteRing(config.sendBufferSize());
    this.recvBuf = new ByteRing(config.recvBufferSize());
    this.assembler = new Assembler(config.maxOutOfOrderRanges());
    this.rtt = new RttEstimator(config);
    this.sndMss = Math.min(config.mss(), 536);
    this.state = active ? TcpState.CLOSED : TcpState.LISTEN;
  }

  /** A connection in LISTEN for one arriving SYN (the listener itself lives in the engine). */
  static TcpConnection listening(FourTuple tuple, TcpConfig config, Output output,
      TcpApplication app, int iss) {
    return new TcpConnection(tuple, config, output, app, false, iss);
  }

  /** OPEN, active (RFC 9293 section 3.10.1): sends SYN and enters SYN-SENT. */
  static TcpConnection open(FourTuple tuple, TcpConfig config, Output output, TcpApplication app,
      int iss, long nowNs) {
    TcpConnection c = new TcpConnection(tuple, config, output, app, true, iss);
    c.nowNs = nowNs;
    c.sndUna = iss;
    c.sndNxt = iss;
    c.sndMax = iss;
    c.probeEnd = iss;
    c.sendBufSeq = iss + 1;
    c.state = TcpState.SYN_SENT;
    c.transmit();
    return c;
  }

  // =====================================================================================
  // SEGMENT ARRIVES (RFC 9293 section 3.10.7)
  // =====================================================================================

  void segmentArrives(TcpRepr seg, long now) {
    nowNs = now;
    switch (state) {
      case CLOSED -> { }
      case LISTEN -> listenRecv(seg);
      case SYN_SENT -> synSentRecv(seg);
      default -> synchronizedRecv(seg);
    }
    afterEvent();
  }

  /** Section 3.10.7.2: only a SYN starts a connection; an ACK gets RST, a RST is ignored. */
  private void listenRecv(TcpRepr seg) {
    if (seg.has(FLAG_RST)) {
      return;
    }
    if (seg.has(FLAG_ACK)) {
      sendReset(seg.ack());
      state = TcpState.CLOSED;
      return;
    }
    if (!seg.has(FLAG_SYN)) {
      return;
    }
    irs = seg.seq();
    rcvNxt = irs + 1;
    negotiateOptions(seg.options());
    sndUna = iss;
    sndNxt = iss;
    sndMax = iss;
    probeEnd = iss;
    sendBufSeq = iss + 1;
    sndWnd = seg.window(); // never scaled in a SYN (RFC 7323 section 2.2)
    sndWl1 = seg.seq();
    sndWl2 = iss;
    state = TcpState.SYN_RECEIVED;
    // Text in a SYN is rare; it is taken once the handshake completes and the peer resends it.
  }

  /** Section 3.10.7.3. */
  private void synSentRecv(TcpRepr seg) {
    boolean hasAck = seg.has(FLAG_ACK);
    // First: the ACK must acknowledge our SYN.
    if (hasAck && (SeqNum.le(seg.ack(), iss) || SeqNum.gt(seg.ack(), sndMax))) {
      if (!seg.has(FLAG_RST)) {
        sendReset(seg.ack());
      }
      return;
    }
    // Second: a RST with an acceptable ACK means the peer refused.
    if (seg.has(FLAG_RST)) {
      if (hasAck) {
        LOG.debug("{}: connection refused", tuple);
        enterClosed(TcpError.REFUSED);
      }
      return;
    }
    // Fourth: the SYN.
    if (!seg.has(FLAG_SYN)) {
      return;
    }
    irs = seg.seq();
    rcvNxt = irs + 1;
    negotiateOptions(seg.options());
    if (hasAck) {
      sndWnd = seg.window(); // unscaled in a SYN (RFC 7323 section 2.2)
      sndWl1 = seg.seq();
      sndWl2 = seg.ack();
      ackOurData(seg.ack());
      establish();
      ackNow = true;
    } else {
      // Simultaneous open (section 3.5, figure 8): answer SYN,ACK from SYN-RECEIVED.
      sndWnd = seg.window();
      sndWl1 = seg.seq();
      sndWl2 = sndUna;
      state = TcpState.SYN_RECEIVED;
      sndNxt = iss;
      retransmitDeadline = NONE;
    }
  }

  /** Section 3.10.7.4: SYN-RECEIVED and every synchronized state, step by step. */
  private void synchronizedRecv(TcpRepr seg) {
    if (state == TcpState.SYN_RECEIVED && isRetransmittedSyn(seg)) {
      // Our SYN,ACK was lost; resend it now rather than waiting for our own timer.
      sndNxt = iss;
      return;
    }
    if (!checkSequence(seg)) {
      return;
    }
    if (seg.has(FLAG_RST)) {
      checkReset(seg);
      return;
    }
    if (seg.has(FLAG_SYN)) {
      // RFC 5961 section 4.2: a SYN in a synchronized state gets a challenge ACK, never a reset.
      ackNow = true;
      return;
    }
    if (!seg.has(FLAG_ACK)) {
      return;
    }
    if (state == TcpState.SYN_RECEIVED && !synReceivedAck(seg)) {
      return;
    }
    if (!checkAck(seg)) {
      return;
    }
    if (!ackStateTransitions()) {
      return;
    }
    processText(seg);
    checkFin(seg);
  }

  private boolean isRetransmittedSyn(TcpRepr seg) {
    return seg.has(FLAG_SYN) && !seg.has(FLAG_ACK) && !seg.has(FLAG_RST) && seg.seq() == irs;
  }

  /**
   * First step: the acceptability test of section 3.10.7.4's table. An unacceptable segment is
   * answered with an ACK unless it carries RST. When our window is zero, the ACK in a segment at
   * RCV.NXT is still honoured, as the section's "special allowance" asks: that is how a
   * zero-window probe's acknowledgment gets through.
   */
  private boolean checkSequence(TcpRepr seg) {
    int segLen = seg.segLen();
    int rcvWnd = recvBuf.free();
    boolean acceptable;
    if (segLen == 0) {
      acceptable = rcvWnd == 0 ? seg.seq() == rcvNxt : SeqNum.inWindow(seg.seq(), rcvNxt, rcvWnd);
    } else {
      acceptable = rcvWnd != 0
          && (SeqNum.inWindow(seg.seq(), rcvNxt, rcvWnd)
              || SeqNum.inWindow(seg.seq() + segLen - 1, rcvNxt, rcvWnd));
    }
    if (acceptable) {
      return true;
    }
    if (seg.has(FLAG_RST)) {
      return false;
    }
    if (rcvWnd == 0 && seg.seq() == rcvNxt && seg.has(FLAG_ACK) && state.isSynchronized()) {
      checkAck(seg);
      ackStateTransitions();
    }
    if (state == TcpState.TIME_WAIT && seg.has(FLAG_FIN)) {
      // A retransmitted FIN: our ACK was lost. Restart the 2 MSL wait (section 3.10.7.4, step 8).
      timeWaitDeadline = nowNs + 2 * config.mslNs();
    }
    ackNow = true;
    return false;
  }

  /**
   * Second step, with RFC 5961 section 3.2: only a RST exactly at RCV.NXT resets; one elsewhere
   * in the window gets a challenge ACK, so a blind attacker must guess the exact number.
   */
  private void checkReset(TcpRepr seg) {
    if (seg.seq() != rcvNxt) {
      ackNow = true;
      return;
    }
    LOG.debug("{}: reset by peer in {}", tuple, state);
    switch (state) {
      case SYN_RECEIVED -> enterClosed(active ? TcpError.REFUSED : null);
      case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> enterClosed(TcpError.RESET);
      default -> enterClosed(closedNotified ? null : TcpError.RESET);
    }
  }

  /** Fifth step in SYN-RECEIVED: an ACK of our SYN establishes the connection. */
  private boolean synReceivedAck(TcpRepr seg) {
    if (SeqNum.le(seg.ack(), sndUna) || SeqNum.gt(seg.ack(), sndMax)) {
      sendReset(seg.ack());
      return false;
    }
    sndWnd = seg.window() << sndWndShift;
    sndWl1 = seg.seq();
    sndWl2 = seg.ack();
    establish();
    return true;
  }

  /**
   * Fifth step: acknowledgment processing. Returns false if the segment is to be dropped: it
   * acknowledges data never sent, or (RFC 5961 section 5.2) data older than the largest window
   * the peer ever offered, which only a blind injector would claim; both get an ACK.
   */
  private boolean checkAck(TcpRepr seg) {
    int ack = seg.ack();
    boolean probeAck = SeqNum.le(ack, probeEnd) && SeqNum.lt(sndMax, probeEnd);
    if ((SeqNum.gt(ack, sndMax) && !probeAck)
        || SeqNum.lt(ack, sndUna - Math.max(maxSndWnd, 1))) {
      ackNow = true;
      return false;
    }
    int scaledWindow = seg.window() << sndWndShift;
    if (SeqNum.gt(ack, sndUna)) {
      ackOurData(ack);
    } else if (ack == sndUna && seg.payload().length == 0 && !seg.has(FLAG_FIN)
        && scaledWindow == sndWnd && sndMax != sndUna) {
      duplicateAck();
    }
    // Window update, guarded against old segments by SND.WL1/SND.WL2.
    if (SeqNum.lt(sndWl1, seg.seq()) || (sndWl1 == seg.seq() && SeqNum.le(sndWl2, ack))) {
      sndWnd = scaledWindow;
      maxSndWnd = Math.max(maxSndWnd, sndWnd);
      sndWl1 = seg.seq();
      sndWl2 = ack;
    }
    return true;
  }

  /** New data acknowledged: free the send buffer, sample the RTT and restart the timer. */
  private void ackOurData(int ack) {
    int dataAcked = Math.max(0, Math.min(ack - sendBufSeq, sendBuf.len()));
    if (dataAcked > 0) {
      sendBuf.discard(dataAcked);
      sendBufSeq += dataAcked;
      notifyWritable = true;
    }
    sndUna = ack;
    sndMax = SeqNum.max(sndMax, ack); // an acknowledged probe byte counts as sent
    if (SeqNum.lt(sndNxt, ack)) {
      sndNxt = ack;
    }
    // RFC 6298 section 3 (Karn): only segments sent once are timed, see sendData.
    if (rttTiming && SeqNum.ge(ack, rttSeq)) {
      rtt.sample(nowNs - rttStartNs);
      rttTiming = false;
    }
    retransmits = 0;
    // RFC 6298 section 5.2 and 5.3.
    retransmitDeadline = sndUna == sndMax ? NONE : nowNs + rtt.rtoNs();
    congestion.onNewAck(dataAcked);
  }

  /** RFC 5681 section 3.2: the third duplicate ACK retransmits the first unacked segment. */
  private void duplicateAck() {
    if (congestion.onDuplicateAck(SeqNum.diff(sndMax, sndUna))) {
      retransmitFirstSegment();
    }
  }

  /** The per-state part of the fifth step. Returns false if processing ends here. */
  private boolean ackStateTransitions() {
    boolean finAcked = finQueued && sndUna == finSeq() + 1;
    switch (state) {
      case FIN_WAIT_1 -> {
        if (finAcked) {
          state = TcpState.FIN_WAIT_2;
          finWait2Deadline = nowNs + config.finWait2TimeoutNs();
        }
      }
      case CLOSING -> {
        if (finAcked) {
          enterTimeWait();
        }
        return false;
      }
      case LAST_ACK -> {
        if (finAcked) {
          enterClosed(null);
        }
        return false;
      }
      case TIME_WAIT -> {
        return true;
      }
      default -> { }
    }
    return true;
  }

  /**
   * Seventh step: segment text. Data before RCV.NXT is trimmed, data beyond the window is cut,
   * and what remains is written into the receive buffer at its offset. Out-of-order bytes wait
   * there, tracked by the {@link Assembler}, until the hole before them is filled.
   */
  private void processText(TcpRepr seg) {
    byte[] payload = seg.payload();
    if (payload.length == 0 || !state.acceptsText()) {
      return;
    }
    int dataSeq = seg.seq() + (seg.has(FLAG_SYN) ? 1 : 0);
    int skip = Math.max(0, SeqNum.diff(rcvNxt, dataSeq));
    if (skip >= payload.length) {
      ackNow = true; // a pure duplicate: the peer missed our ACK
      return;
    }
    int offset = SeqNum.diff(dataSeq + skip, rcvNxt);
    int n = Math.min(payload.length - skip, recvBuf.free() - offset);
    if (n <= 0) {
      ackNow = true;
      return;
    }
    if (n < payload.length - skip) {
      ackNow = true; // trimmed at the right window edge
    }
    boolean hadHoles = offset > 0 || !assembler.isEmpty();
    recvBuf.writeUnallocated(offset, payload, skip, n);
    if (!assembler.add(offset, offset + n)) {
      LOG.debug("{}: reassembly queue full, dropping {} bytes", tuple, n);
      ackNow = true;
      return;
    }
    int ready = assembler.popFront();
    if (ready > 0) {
      recvBuf.enqueueUnallocated(ready);
      rcvNxt += ready;
      notifyReadable = true;
    }
    if (hadHoles || !assembler.isEmpty()) {
      // RFC 5681 section 4.2: ACK out-of-order data, and data that fills a hole, at once.
      ackNow = true;
    } else if (++segmentsSinceAck >= 2) {
      // RFC 9293 section 3.8.6.3: an ACK for at least every second full-sized segment.
      ackNow = true;
    } else if (delayedAckDeadline == NONE) {
      delayedAckDeadline = nowNs + config.delayedAckNs();
    }
    if (finPending && finPendingSeq == rcvNxt) {
      finPending = false;
      finArrived();
    }
  }

  /** Eighth step: FIN, possibly beyond a hole, in which case it waits for the data. */
  private void checkFin(TcpRepr seg) {
    if (!seg.has(FLAG_FIN)) {
      return;
    }
    int finSeq = seg.seq() + (seg.has(FLAG_SYN) ? 1 : 0) + seg.payload().length;
    if (finSeq == rcvNxt) {
      finArrived();
    } else if (SeqNum.gt(finSeq, rcvNxt) && SeqNum.le(finSeq, rcvNxt + recvBuf.free())) {
      finPending = true;
      finPendingSeq = finSeq;
      ackNow = true;
    }
  }

  private void finArrived() {
    if (finReceived) {
      return;
    }
    rcvNxt += 1;
    finReceived = true;
    ackNow = true;
    notifyPeerClosed = true;
    switch (state) {
      case SYN_RECEIVED, ESTABLISHED -> state = TcpState.CLOSE_WAIT;
      case FIN_WAIT_1 -> {
        if (sndUna == finSeq() + 1) {
          enterTimeWait();
        } else {
          state = TcpState.CLOSING;
        }
      }
      case FIN_WAIT_2 -> enterTimeWait();
      default -> { }
    }
  }

  // =====================================================================================
  // User calls (RFC 9293 sections 3.10.2-3.10.6)
  // =====================================================================================

  @Override
  public int write(byte[] src, int off, int len) {
    if (!state.canSend() || finQueued) {
      return -1;
    }
    int n = sendBuf.enqueue(src, off, len);
    if (n > 0) {
      outputPending = true;
    }
    return n;
  }

  @Override
  public int writable() {
    return state.canSend() && !finQueued ? sendBuf.free() : 0;
  }

  @Override
  public int read(byte[] dst, int off, int len) {
    int n = recvBuf.dequeue(dst, off, len);
    if (n > 0) {
      if (windowUpdateDue()) {
        outputPending = true;
      }
      return n;
    }
    return finReceived ? -1 : 0;
  }

  @Override
  public int readable() {
    return recvBuf.len();
  }

  @Override
  public boolean peerClosed() {
    return finReceived;
  }

  /**
   * CLOSE (section 3.10.4). In SYN-SENT and SYN-RECEIVED the FIN is queued until the connection
   * is established, rather than deleting the TCB as the RFC allows in SYN-SENT, so that data
   * written before the handshake completes is still delivered.
   */
  @Override
  public void close() {
    switch (state) {
      case SYN_SENT, SYN_RECEIVED -> finQueued = true;
      case ESTABLISHED -> {
        finQueued = true;
        state = TcpState.FIN_WAIT_1;
      }
      case CLOSE_WAIT -> {
        finQueued = true;
        state = TcpState.LAST_ACK;
      }
      case LISTEN -> state = TcpState.CLOSED;
      default -> { }
    }
    outputPending = true;
  }

  /** ABORT (section 3.10.5): RST in the synchronized states and SYN-RECEIVED. */
  @Override
  public void abort() {
    if (state != TcpState.CLOSED && state != TcpState.LISTEN && state != TcpState.SYN_SENT) {
      emit(sndMax, FLAG_RST, new byte[0], TcpOptions.NONE);
    }
    closedNotified = true; // the application asked; it needs no callback
    enterClosed(null);
  }

  @Override
  public FourTuple tuple() {
    return tuple;
  }

  @Override
  public TcpState state() {
    return state;
  }

  @Override
  public long nowNs() {
    return nowNs;
  }

  // =====================================================================================
  // Timeouts (RFC 9293 section 3.10.8)
  // =====================================================================================

  /** The earliest deadline of this connection, or {@link #NONE}. */
  long pollAt() {
    if (state == TcpState.CLOSED) {
      return NONE;
    }
    long t = outputPending ? nowNs : NONE;
    t = Math.min(t, retransmitDeadline);
    t = Math.min(t, persistDeadline);
    t = Math.min(t, timeWaitDeadline);
    t = Math.min(t, finWait2Deadline);
    return Math.min(t, delayedAckDeadline);
  }

  /** Runs every timer due at {@code now}, then transmits. */
  void poll(long now) {
    nowNs = Math.max(nowNs, now);
    outputPending = false;
    if (timeWaitDeadline <= now) {
      timeWaitDeadline = NONE;
      enterClosed(null);
    }
    if (finWait2Deadline <= now) {
      LOG.debug("{}: no FIN from the peer in FIN-WAIT-2, dropping the connection", tuple);
      finWait2Deadline = NONE;
      enterClosed(null);
    }
    if (retransmitDeadline <= now) {
      retransmissionTimeout();
    }
    if (persistDeadline <= now) {
      persistTimeout();
    }
    if (delayedAckDeadline <= now) {
      delayedAckDeadline = NONE;
      ackNow = true;
    }
    afterEvent();
  }

  /**
   * RFC 6298 section 5.4-5.6: back off, and go back to SND.UNA with a congestion window of one
   * segment (RFC 5681 section 3.1). After {@code maxRetransmits} the connection is reset and
   * the application told {@link TcpError#TIMEOUT} (RFC 1122 section 4.2.3.5).
   */
  private void retransmissionTimeout() {
    retransmitDeadline = NONE;
    if (retransmits >= config.maxRetransmits()) {
      LOG.debug("{}: giving up after {} retransmissions: {}", tuple, retransmits, describe());
      if (state != TcpState.SYN_SENT) {
        emit(sndMax, FLAG_RST, new byte[0], TcpOptions.NONE);
      }
      enterClosed(TcpError.TIMEOUT);
      return;
    }
    retransmits++;
    rtt.backoff();
    rttTiming = false;
    congestion.onRetransmissionTimeout(SeqNum.diff(sndMax, sndUna));
    sndNxt = sndUna;
  }

  /**
   * Section 3.8.6.1: while the peer's window is zero, probe with one byte of new data at
   * growing intervals. The byte is not counted as sent, so a probe the peer rejects is not
   * retransmitted; one it accepts is acknowledged like any data.
   */
  private void persistTimeout() {
    persistDeadline = NONE;
    int offset = SeqNum.diff(sndNxt, sendBufSeq);
    if (sndWnd != 0 || offset < 0 || offset >= sendBuf.len()) {
      return;
    }
    byte[] probe = new byte[1];
    sendBuf.peek(offset, probe, 0, 1);
    emit(sndNxt, FLAG_ACK, probe, TcpOptions.NONE);
    probeEnd = sndNxt + 1;
    persistIntervalNs = Math.min(persistIntervalNs * 2, config.rtoMaxNs());
    persistDeadline = nowNs + persistIntervalNs;
  }

  // =====================================================================================
  // State changes
  // =====================================================================================

  private void establish() {
    state = finQueued ? TcpState.FIN_WAIT_1 : TcpState.ESTABLISHED;
    maxSndWnd = Math.max(maxSndWnd, sndWnd);
    congestion.start(sndMss);
    advertisedRight = rcvNxt + Math.min(recvBuf.free(), 0xffff);
    notifyOpen = true;
    notifyWritable = true;
  }

  /** Section 3.10.7.4: TIME-WAIT lasts 2 MSL; the application is done with the connection. */
  private void enterTimeWait() {
    state = TcpState.TIME_WAIT;
    finWait2Deadline = NONE;
    retransmitDeadline = NONE;
    persistDeadline = NONE;
    timeWaitDeadline = nowNs + 2 * config.mslNs();
    notifyClosed = true;
  }

  private void enterClosed(TcpError error) {
    // A passive connection that never opened has no application waiting to be told.
    boolean appKnows = active || openedOnce || notifyOpen;
    if (appKnows && !closedNotified && !notifyClosed) {
      notifyClosed = true;
      closeError = error;
    }
    state = TcpState.CLOSED;
    retransmitDeadline = NONE;
    persistDeadline = NONE;
    timeWaitDeadline = NONE;
    finWait2Deadline = NONE;
    delayedAckDeadline = NONE;
    outputPending = false;
  }

  /** Reads the options of the peer's SYN (RFC 9293 3.7.1 MSS; RFC 7323 2.2 window scale). */
  private void negotiateOptions(TcpOptions options) {
    int peerMss = options.mss() > 0 ? options.mss() : 536; // RFC 9293 3.7.1 default
    sndMss = Math.max(64, Math.min(peerMss, config.mss()));
    // An active opener always offers scaling; a passive one answers in kind.
    windowScaling = options.windowScale() >= 0;
    if (windowScaling) {
      sndWndShift = Math.min(options.windowScale(), TcpOptions.MAX_WINDOW_SCALE);
      rcvWndShift = config.recvWindowShift();
    } else {
      sndWndShift = 0;
      rcvWndShift = 0;
    }
  }

  // =====================================================================================
  // Output
  // =====================================================================================

  private void afterEvent() {
    deliverNotifications();
    transmit();
  }

  /** Calls the application for everything that happened; callbacks may call back in. */
  private void deliverNotifications() {
    if (app == null) {
      return;
    }
    if (notifyOpen) {
      notifyOpen = false;
      openedOnce = true;
      app.onOpen(this);
    }
    if (notifyReadable && state != TcpState.CLOSED) {
      notifyReadable = false;
      app.onReadable(this);
    }
    if (notifyPeerClosed && state != TcpState.CLOSED) {
      notifyPeerClosed = false;
      app.onPeerClosed(this);
    }
    if (notifyWritable && state.canSend() && !finQueued) {
      notifyWritable = false;
      app.onWritable(this);
    }
    if (notifyClosed && !closedNotified) {
      notifyClosed = false;
      closedNotified = true;
      app.onClosed(this, closeError);
    }
  }

  /** Sends what the state and the windows allow: handshake, data, FIN, or a bare ACK. */
  private void transmit() {
    outputPending = false;
    switch (state) {
      case CLOSED, LISTEN -> {
        return;
      }
      case SYN_SENT, SYN_RECEIVED -> {
        if (sndNxt == iss) {
          sendSyn();
        } else if (ackNow && state == TcpState.SYN_RECEIVED) {
          sendAck();
        }
        return;
      }
      case TIME_WAIT -> {
        if (ackNow) {
          sendAck();
        }
        return;
      }
      default -> { }
    }
    boolean sent = sendData();
    if (!sent && (ackNow || windowUpdateDue())) {
      sendAck();
    }
    updatePersistTimer();
  }

  private void sendSyn() {
    boolean synAck = state == TcpState.SYN_RECEIVED;
    TcpOptions options = TcpOptions.mssOnly(config.mss());
    if (!synAck || windowScaling) {
      options = options.withWindowScale(config.recvWindowShift());
    }
    emit(iss, synAck ? FLAG_SYN | FLAG_ACK : FLAG_SYN, new byte[0], options);
    if (retransmits == 0 && !rttTiming) {
      rttTiming = true;
      rttSeq = iss + 1;
      rttStartNs = nowNs;
    }
    sndNxt = iss + 1;
    sndMax = SeqNum.max(sndMax, sndNxt);
    if (retransmitDeadline == NONE) {
      retransmitDeadline = nowNs + rtt.rtoNs();
    }
  }

  /**
   * Sends new (or, after a timeout, resent) data from SND.NXT while the send window and the
   * congestion window allow, and the FIN once the buffer is drained. Returns whether anything
   * was sent.
   */
  private boolean sendData() {
    boolean sentAny = false;
    while (true) {
      int offset = SeqNum.diff(sndNxt, sendBufSeq);
      int avail = sendBuf.len() - offset;
      if (avail < 0) {
        return sentAny; // the FIN is already out
      }
      int inFlight = SeqNum.diff(sndNxt, sndUna);
      long usable = Math.max(0L, (long) Math.min(sndWnd, congestion.window()) - inFlight);
      int n = (int) Math.min(Math.min(avail, usable), sndMss);
      boolean fin = finQueued && n == avail;
      if (n == 0 && !fin) {
        return sentAny;
      }
      // Sender-side silly window avoidance (section 3.8.6.2.1): a short segment only if it
      // empties the buffer, fills half the peer's largest window, or nothing is in flight
      // (then no ACK would come to open the window further).
      if (n < sndMss && n < avail && n < maxSndWnd / 2 && inFlight > 0) {
        return sentAny;
      }
      byte[] payload = new byte[n];
      sendBuf.peek(offset, payload, 0, n);
      int flags = FLAG_ACK | (n > 0 && n == avail ? FLAG_PSH : 0) | (fin ? FLAG_FIN : 0);
      boolean fresh = sndNxt == sndMax;
      emit(sndNxt, flags, payload, TcpOptions.NONE);
      int segLen = n + (fin ? 1 : 0);
      if (fresh && !rttTiming) {
        rttTiming = true;
        rttSeq = sndNxt + segLen;
        rttStartNs = nowNs;
      }
      sndNxt += segLen;
      sndMax = SeqNum.max(sndMax, sndNxt);
      if (retransmitDeadline == NONE) {
        retransmitDeadline = nowNs + rtt.rtoNs();
      }
      sentAny = true;
    }
  }

  /** Fast retransmit: one segment from SND.UNA, leaving SND.NXT where it is. */
  private void retransmitFirstSegment() {
    int offset = SeqNum.diff(sndUna, sendBufSeq);
    int avail = sendBuf.len() - offset;
    if (offset < 0 || avail < 0) {
      return;
    }
    int n = Math.min(Math.min(avail, sndMss), SeqNum.diff(sndMax, sndUna));
    boolean fin = finQueued && n == avail && SeqNum.gt(sndMax, finSeq());
    byte[] payload = new byte[n];
    sendBuf.peek(offset, payload, 0, n);
    rttTiming = false; // Karn: the timed segment may be this one
    emit(sndUna, FLAG_ACK | (fin ? FLAG_FIN : 0), payload, TcpOptions.NONE);
  }

  /**
   * A bare ACK carries SND.MAX, not the rewound SND.NXT: after a timeout the peer may already
   * hold bytes beyond SND.NXT, and an ACK numbered below its RCV.NXT would fail its
   * acceptability test and be dropped with its acknowledgment, deadlocking two rewound peers.
   */
  private void sendAck() {
    emit(sndMax, FLAG_ACK, new byte[0], TcpOptions.NONE);
  }

  private void sendReset(int seq) {
    emit(seq, FLAG_RST, new byte[0], TcpOptions.NONE);
  }

  /** Arms the persist timer while the peer's window is shut and data waits (section 3.8.6.1). */
  private void updatePersistTimer() {
    boolean blocked = sndWnd == 0 && sndNxt == sndUna
        && SeqNum.diff(sndNxt, sendBufSeq) < sendBuf.len();
    if (!blocked) {
      persistDeadline = NONE;
      persistIntervalNs = 0;
    } else if (persistDeadline == NONE) {
      persistIntervalNs = persistIntervalNs == 0 ? rtt.rtoNs() : persistIntervalNs;
      persistDeadline = nowNs + persistIntervalNs;
    }
  }

  /**
   * Receiver-side silly window avoidance (section 3.8.6.2.2): the right edge moves only by at
   * least min(half the buffer, one MSS). Returns the window to advertise now.
   */
  private int windowToAdvertise() {
    int free = recvBuf.free();
    int current = Math.max(0, SeqNum.diff(advertisedRight, rcvNxt));
    int threshold = Math.min(recvBuf.capacity() / 2, config.mss());
    return free - current >= threshold ? free : Math.min(current, free);
  }

  /**
   * Whether a bare window update is worth a segment: the window we may now offer grew (by the
   * SWS rule above) while what the peer last heard is under half the buffer, so it may stall.
   * Otherwise the new window rides on the next ACK, and delayed ACKs stay delayed.
   */
  private boolean windowUpdateDue() {
    if (!state.acceptsText() || finReceived) {
      return false;
    }
    int current = Math.max(0, SeqNum.diff(advertisedRight, rcvNxt));
    return current < recvBuf.capacity() / 2 && windowToAdvertise() > current;
  }

  /** Builds one segment; every segment after the SYN carries ACK (section 3.10.7.4). */
  private void emit(int seq, int flags, byte[] payload, TcpOptions options) {
    boolean synchronizing = (flags & FLAG_SYN) != 0;
    int window;
    if ((flags & FLAG_RST) != 0) {
      window = 0;
    } else if (synchronizing) {
      window = Math.min(recvBuf.free(), 0xffff); // a SYN's window is never scaled (RFC 7323)
    } else {
      int w = windowToAdvertise();
      window = Math.min(w >>> rcvWndShift, 0xffff);
      advertisedRight = SeqNum.max(advertisedRight, rcvNxt + (window << rcvWndShift));
    }
    int ack = (flags & FLAG_ACK) != 0 ? rcvNxt : 0;
    TcpRepr seg = new TcpRepr(tuple.localPort(), tuple.remotePort(), seq, ack, flags, window, 0,
        options, payload);
    if ((flags & FLAG_ACK) != 0) {
      ackNow = false;
      delayedAckDeadline = NONE;
      segmentsSinceAck = 0;
    }
    output.emit(tuple, seg);
  }

  /** Sequence number of our FIN, meaningful once {@link #finQueued}. */
  private int finSeq() {
    return sendBufSeq + sendBuf.len();
  }

  // ---- Accessors for the engine and tests ----

  int iss() {
    return iss;
  }

  int sndUna() {
    return sndUna;
  }

  int sndNxt() {
    return sndNxt;
  }

  int sndWnd() {
    return sndWnd;
  }

  int rcvNxt() {
    return rcvNxt;
  }

  int sndMss() {
    return sndMss;
  }

  long rtoNs() {
    return rtt.rtoNs();
  }

  boolean isClosed() {
    return state == TcpState.CLOSED;
  }

  /** The TCB's variables, for logs. */
  String describe() {
    return state + " iss=" + u32(iss) + " sndUna=" + u32(sndUna) + " sndNxt=" + u32(sndNxt)
        + " sndMax=" + u32(sndMax) + " sndWnd=" + sndWnd + " cwnd=" + congestion.window()
        + " sendBuf=" + sendBuf.len() + "@" + u32(sendBufSeq) + " finQueued=" + finQueued
        + " rcvNxt=" + u32(rcvNxt) + " recvBuf=" + recvBuf.len()
        + " ooo=" + assembler.rangeCount() + " rto=" + rtt.rtoNs();
  }

  private static String u32(int v) {
    return Integer.toUnsignedString(v);
  }

  @Override
  public String toString() {
    return "TcpConnection[" + tuple + " " + state + "]";
  }
}
