package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.transport.tcp.FourTuple;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.TcpPacket;
import java.util.HashMap;
import java.util.Map;

/**
 * Sits in front of the TCP layer so that an outbound NAT connection is answered only once the
 * host has answered, as QEMU's slirp does: the guest's SYN is held while the host socket
 * connects, then delivered again, so the guest sees SYN-ACK only if the host accepted and
 * "connection refused" (RST) if it refused.
 *
 * <p>The TCP engine cannot defer a SYN itself: its fallback acceptor must answer at once, and
 * refusing makes it send RST. So while {@link TcpNat} holds a SYN ({@link #hold}), the RST the
 * engine emits for that connection during the same call is swallowed here, and the SYN is kept
 * for {@link #release}. A retransmitted SYN replaces the held one. Everything else passes
 * through unchanged.
 */
final class SynGate implements IpProtocolHandler {
  private final IpProtocolHandler tcp;
  private final IpSender toGuest;
  private final Map<FourTuple, Held> held = new HashMap<>();
  /** The connection whose SYN is being held during the current call, or null. */
  private FourTuple holding;

  private record Held(Ipv4Repr ip, byte[] segment) { }

  /**
   * @param tcp the TCP layer
   * @param toGuest the iface layer's sender, for what a released SYN's processing sends
   */
  SynGate(IpProtocolHandler tcp, IpSender toGuest) {
    this.tcp = tcp;
    this.toGuest = toGuest;
  }

  /** Called by the NAT's acceptor during a SYN's processing: keep that SYN, drop its RST. */
  void hold(FourTuple tuple) {
    holding = tuple;
  }

  /** The host connect for {@code tuple} is settled: process its held SYN again, now. */
  void release(FourTuple tuple, long nowNs) {
    Held h = held.remove(tuple);
    if (h != null) {
      receive(h.ip(), h.segment(), nowNs, toGuest);
    }
  }

  @Override
  public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    FourTuple outer = holding;
    holding = null;
    try {
      tcp.receive(ip, payload, nowNs, (src, dst, protocol, seg) -> {
        if (!isFor(holding, src, dst, seg)) {
          out.send(src, dst, protocol, seg);
        }
      });
      if (holding != null) {
        held.put(holding, new Held(ip, payload));
      }
    } finally {
      holding = outer;
    }
  }

  /** True if {@code seg} goes from the local to the remote end of {@code t}. */
  private static boolean isFor(FourTuple t, int src, int dst, byte[] seg) {
    if (t == null || src != t.localIp() || dst != t.remoteIp()
        || seg.length < TcpPacket.HEADER_LEN) {
      return false;
    }
    int srcPort = (seg[TcpPacket.SRC_PORT] & 0xff) << 8 | (seg[TcpPacket.SRC_PORT + 1] & 0xff);
    int dstPort = (seg[TcpPacket.DST_PORT] & 0xff) << 8 | (seg[TcpPacket.DST_PORT + 1] & 0xff);
    return srcPort == t.localPort() && dstPort == t.remotePort();
  }

  /** SYNs waiting for their host connect. */
  int heldCount() {
    return held.size();
  }

  @Override
  public long pollAt() {
    return tcp.pollAt();
  }

  @Override
  public void poll(long nowNs, IpSender out) {
    tcp.poll(nowNs, out);
  }
}
