package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.wire.TcpPacket.FLAG_ACK;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_RST;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_SYN;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP layer of the user-mode network: a table of connections keyed by 4-tuple, the
 * listening ports, and the segments without a connection (RFC 9293 section 3.10.7.1).
 *
 * <p>Boundary: the IPv4 layer calls {@link #segmentArrived} with each TCP payload and the
 * engine hands its segments to a {@link SegmentSink}. Time comes in with every call;
 * {@link #pollAt()} is the next deadline of any connection and {@link #poll} runs what is due.
 * Single-threaded; iteration order is insertion order, so runs are reproducible.
 */
public final class TcpEngine {
  private static final Logger LOG = LoggerFactory.getLogger(TcpEngine.class);
  /** IANA's dynamic port range (RFC 6335 section 6), for active opens without a port. */
  private static final int EPHEMERAL_FIRST = 49152;
  private static final int EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;

  private final TcpConfig config;
  private final SegmentSink sink;
  private final IssGenerator issGenerator;
  private final Map<FourTuple, TcpConnection> connections = new LinkedHashMap<>();
  /** Listening sockets keyed by (address, port); address 0 listens on every address. */
  private final Map<Long, TcpAcceptor> listeners = new HashMap<>();
  private final TcpConnection.Output output = this::emit;
  /** Takes SYNs for which no port listens, e.g. to the NAT; null refuses them with RST. */
  private TcpAcceptor fallback;
  private int nextEphemeral;

  public TcpEngine(TcpConfig config, SegmentSink sink) {
    this(config, sink, IssGenerator.rfc6528(config.issSeed()));
  }

  public TcpEngine(TcpConfig config, SegmentSink sink, IssGenerator issGenerator) {
    this.config = config;
    this.sink = sink;
    this.issGenerator = issGenerator;
  }

  public TcpConfig config() {
    return config;
  }

  /** OPEN, passive: SYNs to {@code localIp:port} (0 = any address) go to {@code acceptor}. */
  public void listen(int localIp, int port, TcpAcceptor acceptor) {
    listeners.put(listenerKey(localIp, port), acceptor);
  }

  public void unlisten(int localIp, int port) {
    listeners.remove(listenerKey(localIp, port));
  }

  /**
   * Where SYNs go when no listener matches: the NAT plugs in here and opens a host socket per
   * accepted connection. Without one, such SYNs are refused with RST.
   */
  public void setFallbackAcceptor(TcpAcceptor acceptor) {
    this.fallback = acceptor;
  }

  /**
   * OPEN, active (RFC 9293 section 3.10.1): sends SYN now. The application hears
   * {@code onOpen}, or {@code onClosed} with {@link TcpError#REFUSED} or
   * {@link TcpError#TIMEOUT}. Used by port forwards, where the host connects to a guest server.
   *
   * @throws IllegalStateException if the 4-tuple is in use
   */
  public TcpSocket connect(FourTuple tuple, TcpApplication app, long nowNs) {
    if (connections.containsKey(tuple)) {
      throw new IllegalStateException("connection already exists: " + tuple);
    }
    int iss = issGenerator.iss(tuple, nowNs);
    TcpConnection c = TcpConnection.open(tuple, config, output, app, iss, nowNs);
    connections.put(tuple, c);
    return c;
  }

  /** Active open from an ephemeral port of {@code localIp}, chosen deterministically. */
  public TcpSocket connect(int localIp, int remoteIp, int remotePort, TcpApplication app,
      long nowNs) {
    for (int i = 0; i < EPHEMERAL_COUNT; i++) {
      int port = EPHEMERAL_FIRST + (nextEphemeral + i) % EPHEMERAL_COUNT;
      FourTuple t = new FourTuple(localIp, port, remoteIp, remotePort);
      if (!connections.containsKey(t)) {
        nextEphemeral = (nextEphemeral + i + 1) % EPHEMERAL_COUNT;
        return connect(t, app, nowNs);
      }
    }
    throw new IllegalStateException("no free ephemeral port towards " + FourTuple.ip(remoteIp));
  }

  /**
   * A TCP segment from the IPv4 layer ({@code len} bytes at {@code off}, the IPv4 payload).
   * Malformed segments and bad checksums are logged and dropped, as a host would.
   */
  public void segmentArrived(int srcIp, int dstIp, byte[] seg, int off, int len, long nowNs) {
    TcpRepr repr;
    try {
      repr = TcpRepr.parse(srcIp, dstIp, seg, off, len);
    } catch (WireException e) {
      LOG.debug("dropping TCP segment from {}: {}", FourTuple.ip(srcIp), e.getMessage());
      return;
    }
    segmentArrived(srcIp, dstIp, repr, nowNs);
  }

  /** As above, for a segment already parsed. */
  public void segmentArrived(int srcIp, int dstIp, TcpRepr seg, long nowNs) {
    FourTuple tuple = new FourTuple(dstIp, seg.dstPort(), srcIp, seg.srcPort());
    LOG.trace("{} in: {}", tuple, seg);
    TcpConnection c = connections.get(tuple);
    if (c != null && c.isClosed()) {
      connections.remove(tuple); // aborted by its application since the last event
      c = null;
    }
    if (c != null && c.state() == TcpState.TIME_WAIT && isNewSyn(seg, c)) {
      // RFC 9293 section 3.10.7.4 (RFC 1122 4.2.2.13): a new SYN may reopen a TIME-WAIT pair.
      connections.remove(tuple);
      c = null;
    }
    if (c == null) {
      c = passiveOpen(tuple, seg, nowNs);
      if (c == null) {
        return;
      }
    }
    c.segmentArrives(seg, nowNs);
    if (c.isClosed()) {
      connections.remove(tuple);
    }
  }

  private static boolean isNewSyn(TcpRepr seg, TcpConnection c) {
    return seg.has(FLAG_SYN) && !seg.has(FLAG_ACK) && !seg.has(FLAG_RST)
        && SeqNum.gt(seg.seq(), c.rcvNxt());
  }

  /** A SYN for a listening port gets a new connection in LISTEN; anything else is CLOSED's. */
  private TcpConnection passiveOpen(FourTuple tuple, TcpRepr seg, long nowNs) {
    TcpAcceptor acceptor = listeners.get(listenerKey(tuple.localIp(), tuple.localPort()));
    if (acceptor == null) {
      acceptor = listeners.get(listenerKey(0, tuple.localPort()));
    }
    if (acceptor == null) {
      acceptor = fallback;
    }
    boolean plainSyn = seg.has(FLAG_SYN) && !seg.has(FLAG_ACK) && !seg.has(FLAG_RST);
    if (acceptor == null || !plainSyn) {
      closedRecv(tuple, seg);
      return null;
    }
    if (!roomForOne()) {
      LOG.debug("{}: connection table full ({}), refusing", tuple, connections.size());
      closedRecv(tuple, seg);
      return null;
    }
    TcpApplication app = acceptor.accept(tuple, nowNs);
    if (app == null) {
      closedRecv(tuple, seg);
      return null;
    }
    int iss = issGenerator.iss(tuple, nowNs);
    TcpConnection c = TcpConnection.listening(tuple, config, output, app, iss);
    connections.put(tuple, c);
    return c;
  }

  /**
   * Whether the table can take one more connection. A full table first gives up its oldest
   * connection in TIME-WAIT (Linux, past {@code tcp_max_tw_buckets}, keeps no TIME-WAIT state
   * at all; we drop it only when the room is needed): that state only guards against old
   * duplicates of a pair that is done (RFC 9293 section 3.4.2), its application has been told
   * it closed, and a guest that opens and closes more connections per 2 MSL than the table
   * holds would otherwise fill it and see its new SYNs refused.
   */
  private boolean roomForOne() {
    if (connections.size() < config.maxConnections()) {
      return true;
    }
    for (Iterator<TcpConnection> it = connections.values().iterator(); it.hasNext(); ) {
      TcpConnection c = it.next();
      if (c.isClosed() || c.state() == TcpState.TIME_WAIT) {
        it.remove(); // insertion order: the oldest such connection, deterministically
        return true;
      }
    }
    return false;
  }

  /**
   * Section 3.10.7.1, CLOSED: a RST is dropped; otherwise answer with a RST that the sender
   * will accept, <SEQ=SEG.ACK><CTL=RST> or <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
   */
  private void closedRecv(FourTuple tuple, TcpRepr seg) {
    if (seg.has(FLAG_RST)) {
      return;
    }
    TcpRepr rst = seg.has(FLAG_ACK)
        ? new TcpRepr(tuple.localPort(), tuple.remotePort(), seg.ack(), 0, FLAG_RST, 0, 0,
            TcpOptions.NONE, new byte[0])
        : new TcpRepr(tuple.localPort(), tuple.remotePort(), 0, seg.seq() + seg.segLen(),
            FLAG_RST | FLAG_ACK, 0, 0, TcpOptions.NONE, new byte[0]);
    emit(tuple, rst);
  }

  /**
   * The earliest deadline of any connection, {@code Long.MAX_VALUE} if none. A deadline at or
   * before the last time seen means "poll now" (an application wrote outside a callback).
   */
  public long pollAt() {
    long t = Long.MAX_VALUE;
    for (TcpConnection c : connections.values()) {
      t = Math.min(t, c.pollAt());
    }
    return t;
  }

  /** Runs every connection whose deadline has come, and forgets the closed ones. */
  public void poll(long nowNs) {
    connections.values().removeIf(TcpConnection::isClosed);
    // A snapshot, because applications may open connections from their callbacks.
    List<TcpConnection> due = new ArrayList<>();
    for (TcpConnection c : connections.values()) {
      if (c.pollAt() <= nowNs) {
        due.add(c);
      }
    }
    for (TcpConnection c : due) {
      c.poll(nowNs);
      if (c.isClosed()) {
        connections.remove(c.tuple());
      }
    }
  }

  /** Connections not yet closed, TIME-WAIT included. */
  public int connectionCount() {
    int n = 0;
    for (TcpConnection c : connections.values()) {
      n += c.isClosed() ? 0 : 1;
    }
    return n;
  }

  /** The connection with this 4-tuple (local side first), or null. */
  public TcpSocket connection(FourTuple tuple) {
    return connections.get(tuple);
  }

  /** Package-private view for tests that check sequence variables. */
  TcpConnection connectionState(FourTuple tuple) {
    return connections.get(tuple);
  }

  private void emit(FourTuple tuple, TcpRepr seg) {
    LOG.trace("{} out: {}", tuple, seg);
    sink.send(tuple.localIp(), tuple.remoteIp(), seg.toBytes(tuple.localIp(), tuple.remoteIp()));
  }

  private static long listenerKey(int ip, int port) {
    return ((ip & 0xffffffffL) << 16) | port;
  }
}
