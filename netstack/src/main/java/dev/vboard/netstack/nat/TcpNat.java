package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.transport.tcp.FourTuple;
import dev.vboard.netstack.transport.tcp.TcpAcceptor;
import dev.vboard.netstack.transport.tcp.TcpApplication;
import dev.vboard.netstack.transport.tcp.TcpEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound TCP NAT: the TCP engine's fallback acceptor, so it sees the SYNs no virtual service
 * listens for. A SYN towards a destination with a host counterpart ({@link HostRoute#target})
 * starts a non-blocking host connect and is held by the {@link SynGate}; once the host has
 * answered, the gate delivers the SYN again and this acceptor either takes the connection with
 * a {@link TcpBridge} over the connected channel, or refuses it (RST: "connection refused"), as
 * QEMU's slirp does. Destinations with no host counterpart and every SYN under
 * {@code --restrict} are refused at once.
 */
final class TcpNat implements TcpAcceptor {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");

  private final IfaceConfig iface;
  private final NatConfig config;
  private final HostIo io;
  private final NatCounters counters;
  private final TcpEngine engine;
  private final SynGate gate;
  private final Map<FourTuple, SocketChannel> connecting = new HashMap<>();
  /** Host connects that succeeded, waiting for their SYN to come back through the gate. */
  private final Map<FourTuple, SocketChannel> connected = new HashMap<>();
  /** Host connects that failed, likewise. */
  private final Set<FourTuple> failed = new HashSet<>();
  private final List<TcpBridge> bridges = new ArrayList<>();

  TcpNat(IfaceConfig iface, NatConfig config, HostIo io, NatCounters counters, TcpEngine engine,
      SynGate gate) {
    this.iface = iface;
    this.config = config;
    this.io = io;
    this.counters = counters;
    this.engine = engine;
    this.gate = gate;
  }

  @Override
  public TcpApplication accept(FourTuple tuple, long nowNs) {
    InetSocketAddress target = config.outbound()
        ? HostRoute.target(iface, tuple.localIp(), tuple.localPort()) : null;
    if (target == null) {
      LOG.debug("{}: no host route{}, refusing", tuple, config.restrict() ? " (restricted)" : "");
      counters.tcpRefused++;
      return null;
    }
    SocketChannel ready = connected.remove(tuple);
    if (ready != null) {
      return bridge(tuple, ready, target);
    }
    if (failed.remove(tuple)) {
      counters.tcpRefused++;
      return null;
    }
    if (connecting.containsKey(tuple)) {
      gate.hold(tuple); // a retransmitted SYN while the host has not answered
      return null;
    }
    return startConnect(tuple, target);
  }

  private TcpApplication startConnect(FourTuple tuple, InetSocketAddress target) {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      if (channel.connect(target)) {
        counters.tcpOpened++;
        return bridge(tuple, channel, target);
      }
      SocketChannel ch = channel;
      io.register(channel, SelectionKey.OP_CONNECT, (k, now) -> settle(tuple, ch, now));
      connecting.put(tuple, channel);
      gate.hold(tuple);
      return null;
    } catch (IOException | RuntimeException e) {
      // e.g. no route on the host: the guest sees the same as a closed port.
      LOG.debug("{}: host connect to {} failed at once: {}", tuple, target, e.toString());
      counters.tcpRefused++;
      closeQuietly(channel);
      return null;
    }
  }

  /** The host answered the connect: hand the outcome to the held SYN. */
  private void settle(FourTuple tuple, SocketChannel channel, long nowNs) {
    try {
      if (!channel.finishConnect()) {
        return;
      }
      connected.put(tuple, channel);
      counters.tcpOpened++;
    } catch (IOException e) {
      LOG.debug("{}: host connect failed: {}", tuple, e.toString());
      failed.add(tuple);
      closeQuietly(channel);
    }
    connecting.remove(tuple);
    gate.release(tuple, nowNs);
    // The SYN normally consumes the outcome; if it could not (no SYN held, connection table
    // full), the host socket has no guest side and goes.
    closeQuietly(connected.remove(tuple));
    failed.remove(tuple);
  }

  private TcpApplication bridge(FourTuple tuple, SocketChannel channel,
      InetSocketAddress target) {
    TcpBridge bridge = new TcpBridge(channel, config.bufferBytes(), counters,
        tuple + " -> " + target, () -> engine.connection(tuple));
    try {
      bridge.attach(io, null);
    } catch (IOException e) {
      LOG.debug("{}: cannot watch the host socket: {}", tuple, e.toString());
      counters.tcpRefused++;
      closeQuietly(channel);
      return null;
    }
    bridges.removeIf(TcpBridge::isDone);
    bridges.add(bridge);
    return bridge;
  }

  /** Live bridges and host connects in progress. */
  int openCount() {
    bridges.removeIf(TcpBridge::isDone);
    return bridges.size() + connecting.size();
  }

  static void closeQuietly(Channel c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
  }
}
