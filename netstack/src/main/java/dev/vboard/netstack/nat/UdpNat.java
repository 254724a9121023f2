package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.transport.udp.UdpDatagram;
import dev.vboard.netstack.transport.udp.UdpHandler;
import dev.vboard.netstack.transport.udp.UdpSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP to and from host sockets: the UDP layer's fallback (and the gateway's unbound ports), plus
 * the UDP {@code hostfwd}s. A guest datagram to a new (guest port, destination) pair opens a
 * {@link DatagramChannel} connected to {@link HostRoute#target}; what the host answers on it goes
 * back to the guest from the destination it wrote to. A flow is forgotten after
 * {@link NatConfig#udpIdleNs} of virtual time without traffic either way (QEMU's slirp expires
 * UDP sockets the same way, SO_EXPIRE).
 *
 * <p>Forwards: each datagram a host peer sends to a forward's bound socket reaches the guest from
 * 10.0.2.2, with the peer's port as source port; the guest's answers to that port go back to the
 * peer. Two host peers on the same port at once would share that guest-side port; the later one
 * wins.
 */
final class UdpNat implements UdpHandler {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");
  /** ICMP code 13, "communication administratively prohibited" (RFC 1812 section 5.2.7.1). */
  private static final int CODE_ADMIN_PROHIBITED = 13;
  private static final int MAX_DATAGRAM = 65_507;

  private final IfaceConfig iface;
  private final NatConfig config;
  private final HostIo io;
  private final NatCounters counters;
  private final IpSender toGuest;
  private final Map<UdpFlow, UdpFlow.Binding> flows = new LinkedHashMap<>();
  private final List<DatagramChannel> forwardChannels = new ArrayList<>();
  private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM);

  /**
   * @param toGuest the iface layer's sender: datagrams the host sends arrive between iface calls
   *     and leave with the next one
   */
  UdpNat(IfaceConfig iface, NatConfig config, HostIo io, NatCounters counters, IpSender toGuest) {
    this.iface = iface;
    this.config = config;
    this.io = io;
    this.counters = counters;
    this.toGuest = toGuest;
  }

  /** Binds one UDP forward's host socket; returns its bound address. */
  InetSocketAddress addForward(PortForward forward) {
    try {
      DatagramChannel ch = DatagramChannel.open();
      ch.bind(HostRoute.socketAddress(forward.hostAddr(), forward.hostPort()));
      io.register(ch, SelectionKey.OP_READ, (k, now) -> forwardReadable(ch, forward, now));
      forwardChannels.add(ch);
      return (InetSocketAddress) ch.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException("hostfwd " + forward + ": cannot bind: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- guest to host

  @Override
  public void receive(UdpDatagram d, long nowNs, UdpSender out) {
    UdpFlow flow = new UdpFlow(d.srcAddr(), d.srcPort(), d.dstAddr(), d.dstPort());
    UdpFlow.Binding b = flows.get(flow);
    if (b == null) {
      b = open(flow, d, nowNs);
      if (b == null) {
        return;
      }
    }
    b.lastActiveNs = nowNs;
    try {
      ByteBuffer data = ByteBuffer.wrap(d.payload());
      int n = b.peer == null ? b.channel.write(data) : b.channel.send(data, b.peer);
      if (n == 0 && d.payload().length > 0) {
        counters.udpDropped++; // host send buffer full: UDP may drop, and does
      }
      counters.bytesToHost += n;
    } catch (IOException e) {
      // e.g. PortUnreachableException from an earlier ICMP error on the connected socket.
      LOG.debug("{}: host send failed: {}", d, e.toString());
      counters.udpDropped++;
    }
  }

  private UdpFlow.Binding open(UdpFlow flow, UdpDatagram d, long nowNs) {
    InetSocketAddress target = config.outbound()
        ? HostRoute.target(iface, d.dstAddr(), d.dstPort()) : null;
    if (target == null) {
      counters.udpRefused++;
      LOG.debug("{}: no host route{}", d, config.restrict() ? " (restricted)" : "");
      sendUnreachable(d);
      return null;
    }
    DatagramChannel ch = null;
    try {
      ch = DatagramChannel.open();
      ch.connect(target);
      DatagramChannel channel = ch;
      SelectionKey key = io.register(ch, SelectionKey.OP_READ,
          (k, now) -> flowReadable(flow, channel, now));
      UdpFlow.Binding b = new UdpFlow.Binding(ch, null, key, nowNs);
      flows.put(flow, b);
      counters.udpFlowsOpened++;
      return b;
    } catch (IOException e) {
      LOG.debug("{}: cannot open host socket: {}", d, e.toString());
      counters.udpRefused++;
      TcpNat.closeQuietly(ch);
      sendUnreachable(d);
      return null;
    }
  }

  /**
   * RFC 792 destination unreachable, quoting the datagram's IPv4 header (rebuilt: the fields the
   * guest matches on are the same) and the first 8 bytes of the UDP datagram.
   */
  private void sendUnreachable(UdpDatagram d) {
    byte[] udp = new UdpRepr(d.srcPort(), d.dstPort()).datagram(d.srcAddr(), d.dstAddr(),
        d.payload());
    Ipv4Repr ip = Ipv4Repr.of(d.srcAddr(), d.dstAddr(), IpProtocol.UDP, udp.length);
    byte[] quote = new byte[ip.bufferLen() + 8];
    ip.emit(quote, 0);
    System.arraycopy(udp, 0, quote, ip.bufferLen(), 8);
    int code = config.restrict() ? CODE_ADMIN_PROHIBITED : IcmpRepr.CODE_PORT_UNREACHABLE;
    IcmpRepr icmp = new IcmpRepr(IcmpRepr.DEST_UNREACHABLE, code, 0);
    byte[] msg = new byte[icmp.bufferLen(quote.length)];
    icmp.emit(msg, 0, quote, 0, quote.length);
    // From the gateway: it is the router that cannot deliver (RFC 1812 4.3.2.4).
    toGuest.send(iface.gateway(), d.srcAddr(), IpProtocol.ICMP, msg);
  }

  // ---------------------------------------------------------------- host to guest

  private void flowReadable(UdpFlow flow, DatagramChannel ch, long nowNs) {
    for (;;) {
      receiveBuffer.clear();
      int n;
      try {
        n = ch.read(receiveBuffer);
      } catch (IOException e) {
        // PortUnreachableException: the host said no one listens there.
        LOG.debug("{}: host receive failed: {}", flow, e.toString());
        return;
      }
      if (n <= 0) {
        return;
      }
      deliver(flow, nowNs);
    }
  }

  private void forwardReadable(DatagramChannel ch, PortForward forward, long nowNs) {
    for (;;) {
      receiveBuffer.clear();
      InetSocketAddress peer;
      try {
        peer = (InetSocketAddress) ch.receive(receiveBuffer);
      } catch (IOException e) {
        LOG.debug("hostfwd {}: receive failed: {}", forward, e.toString());
        return;
      }
      if (peer == null) {
        return;
      }
      UdpFlow flow = new UdpFlow(forward.guestAddr(), forward.guestPort(), iface.gateway(),
          peer.getPort());
      UdpFlow.Binding b = flows.get(flow);
      if (b == null || !peer.equals(b.peer)) {
        flows.put(flow, new UdpFlow.Binding(ch, peer, null, nowNs));
        counters.udpFlowsOpened++;
      }
      deliver(flow, nowNs);
    }
  }

  private void deliver(UdpFlow flow, long nowNs) {
    receiveBuffer.flip();
    byte[] data = new byte[receiveBuffer.remaining()];
    receiveBuffer.get(data);
    UdpFlow.Binding b = flows.get(flow);
    if (b != null) {
      b.lastActiveNs = Math.max(b.lastActiveNs, nowNs);
    }
    counters.bytesToGuest += data.length;
    toGuest.send(flow.remoteAddr(), flow.guestAddr(), IpProtocol.UDP,
        new UdpRepr(flow.remotePort(), flow.guestPort()).datagram(flow.remoteAddr(),
            flow.guestAddr(), data));
  }

  // ---------------------------------------------------------------- expiry (virtual time)

  /** The earliest idle expiry, or {@link Long#MAX_VALUE}. */
  long pollAt() {
    long at = Long.MAX_VALUE;
    for (UdpFlow.Binding b : flows.values()) {
      at = Math.min(at, b.lastActiveNs + config.udpIdleNs());
    }
    return at;
  }

  /** Closes the flows idle for {@link NatConfig#udpIdleNs} at {@code nowNs}. */
  void expire(long nowNs) {
    for (Iterator<Map.Entry<UdpFlow, UdpFlow.Binding>> it = flows.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<UdpFlow, UdpFlow.Binding> e = it.next();
      UdpFlow.Binding b = e.getValue();
      if (b.lastActiveNs + config.udpIdleNs() <= nowNs) {
        LOG.debug("{}: idle, closing", e.getKey());
        if (b.ownsChannel()) {
          HostIo.closeQuietly(b.key);
        }
        it.remove();
      }
    }
  }

  /** Flows with an outbound host socket of their own. */
  int openCount() {
    int n = 0;
    for (UdpFlow.Binding b : flows.values()) {
      n += b.ownsChannel() ? 1 : 0;
    }
    return n;
  }
}
