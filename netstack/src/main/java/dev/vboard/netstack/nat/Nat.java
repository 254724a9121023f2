package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.transport.tcp.TcpEngine;
import dev.vboard.netstack.transport.tcp.TcpLayer;
import dev.vboard.netstack.transport.udp.UdpLayer;
import dev.vboard.netstack.wire.IpProtocol;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NAT of one netstack: every host socket, behind one {@link HostIo} selector. Plugs into the
 * TCP engine as its fallback acceptor (behind {@link #tcpFront}, which holds SYNs until the host
 * answers), into UDP as the fallback handler (and, through
 * {@link #udpFront}, for the gateway's unbound ports), and binds the port forwards.
 *
 * <p>Pacing contract with the embedder: {@link #poll} services the host sockets without blocking
 * and is called from the netstack's own poll; {@link #pollAt} gives only real deadlines (UDP
 * expiry): no periodic poll for open sockets. Instead the embedder's idle loop blocks in
 * {@link #awaitHostIo} (a ready socket ends the wait at once, {@link #wakeHostIo} from any
 * thread too), and a busy embedder looks at {@link #hostIoReady} every
 * {@link NatConfig#hostPollIntervalNs} or so while {@link #hasHostSockets}.
 * {@link #hostIoActive} says the guest may be waiting on the host, so idle virtual time should
 * not run ahead of the wall clock.
 */
public final class Nat implements AutoCloseable {
  private final NatConfig config;
  private final HostIo io = new HostIo();
  private final NatCounters counters = new NatCounters();
  private final TcpNat tcpNat;
  private final UdpNat udpNat;
  private final IpProtocolHandler udpFront;
  private final SynGate tcpFront;
  private final List<TcpForward> tcpForwards = new ArrayList<>();
  private final List<InetSocketAddress> forwardAddresses = new ArrayList<>();

  /**
   * Builds the NAT and binds the forwards.
   *
   * @param toGuest the iface layer's sender, for datagrams that arrive from the host between
   *     iface calls
   * @param servedUdpPorts the gateway's UDP ports the netstack serves itself
   * @throws java.io.UncheckedIOException if a forward cannot bind its host socket
   */
  public Nat(NatConfig config, IfaceConfig iface, TcpLayer tcpLayer, UdpLayer udp,
      IpSender toGuest, Set<Integer> servedUdpPorts) {
    this.config = config;
    TcpEngine tcp = tcpLayer.engine();
    this.tcpFront = new SynGate(tcpLayer, toGuest);
    this.tcpNat = new TcpNat(iface, config, io, counters, tcp, tcpFront);
    this.udpNat = new UdpNat(iface, config, io, counters, toGuest);
    tcp.setFallbackAcceptor(tcpNat);
    udp.setFallback(udpNat);
    this.udpFront = new GatewayUdpRouter(udp, udpNat, iface.gateway(), servedUdpPorts);
    try {
      for (PortForward f : config.forwards()) {
        if (f.protocol() == IpProtocol.TCP) {
          TcpForward fwd = new TcpForward(f, iface.gateway(), tcp, io, counters,
              config.bufferBytes());
          tcpForwards.add(fwd);
          forwardAddresses.add(fwd.localAddress());
        } else {
          forwardAddresses.add(udpNat.addForward(f));
        }
      }
    } catch (RuntimeException e) {
      io.close(); // release the forwards bound so far
      throw e;
    }
  }

  /** Register this for {@link IpProtocol#TCP} in place of the TCP layer itself. */
  public IpProtocolHandler tcpFront() {
    return tcpFront;
  }

  /** Register this for {@link IpProtocol#UDP} in place of the UDP layer itself. */
  public IpProtocolHandler udpFront() {
    return udpFront;
  }

  /** The bound host address of each forward, in configuration order (real port for port 0). */
  public List<InetSocketAddress> forwardAddresses() {
    return List.copyOf(forwardAddresses);
  }

  /** Services every ready host socket and expires idle UDP flows; never blocks. */
  public void poll(long nowNs) {
    io.poll(nowNs);
    udpNat.expire(nowNs);
  }

  /**
   * When the netstack next needs {@link #poll} for its own deadlines: the next UDP expiry,
   * {@link Long#MAX_VALUE} if none. Open host sockets add no deadline: they wake the embedder
   * through {@link #awaitHostIo} (idle) or are looked at with {@link #hostIoReady} (busy).
   */
  public long pollAt() {
    return udpNat.pollAt();
  }

  /** True while any host socket (a forward's listener included) is open and can become ready. */
  public boolean hasHostSockets() {
    return io.channelCount() > 0;
  }

  /** True if a host socket is ready now; never blocks. Its readiness waits for {@link #poll}. */
  public boolean hostIoReady() {
    return io.anyReady();
  }

  /**
   * True while a guest connection or flow has a host socket, or a forward has a client waiting
   * to be accepted: idle virtual time must then advance no faster than the wall clock.
   */
  public boolean hostIoActive() {
    return tcpNat.openCount() > 0 || udpNat.openCount() > 0 || openForwardCount() > 0
        || io.anyReady();
  }

  private int openForwardCount() {
    int n = 0;
    for (TcpForward f : tcpForwards) {
      n += f.openCount();
    }
    return n;
  }

  /**
   * REAL-TIME EDGE: blocks up to {@code maxWaitNanos} of wall time ({@link Long#MAX_VALUE}: no
   * limit), until a socket is ready or {@link #wakeHostIo}; returns whether a socket is ready.
   */
  public boolean awaitHostIo(long maxWaitNanos) {
    return io.await(maxWaitNanos);
  }

  /** Any thread: ends a current (or the next) {@link #awaitHostIo} at once. */
  public void wakeHostIo() {
    io.wakeup();
  }

  /** Adds {@code nat.*} counters to {@code out}. */
  public void putCounters(Map<String, Long> out) {
    counters.putInto(out);
  }

  public NatCounters counters() {
    return counters;
  }

  /** Closes every host socket; the guest's connections are left to time out. */
  @Override
  public void close() {
    io.close();
  }
}
