package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.transport.udp.UdpDatagram;
import dev.vboard.netstack.transport.udp.UdpLayer;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.UdpPacket;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.Set;

/**
 * Sits in front of the {@link UdpLayer} so that UDP to the gateway's unbound ports reaches the
 * host (QEMU: 10.0.2.2 is the host's loopback). The UDP layer itself sends ICMP port unreachable
 * for a virtual host's closed port and calls its fallback only for addresses beyond the virtual
 * hosts, so the ports the netstack serves on the gateway (DHCP and the virtual services) are
 * given here as a set; every other datagram to the gateway goes to the {@link UdpNat}.
 * Everything else, and anything malformed (the UDP layer counts it), passes through unchanged.
 */
final class GatewayUdpRouter implements IpProtocolHandler {
  private final UdpLayer udp;
  private final UdpNat nat;
  private final int gateway;
  private final Set<Integer> servedPorts;

  GatewayUdpRouter(UdpLayer udp, UdpNat nat, int gateway, Set<Integer> servedPorts) {
    this.udp = udp;
    this.nat = nat;
    this.gateway = gateway;
    this.servedPorts = Set.copyOf(servedPorts);
  }

  @Override
  public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    if (ip.dst() == gateway) {
      try {
        UdpPacket packet = UdpPacket.wrap(payload);
        UdpRepr repr = UdpRepr.parse(packet, ip.src(), ip.dst());
        if (!servedPorts.contains(repr.dstPort())) {
          nat.receive(new UdpDatagram(ip.src(), repr.srcPort(), ip.dst(), repr.dstPort(),
              packet.payload()), nowNs, (src, sp, dst, dp, data) -> out.send(src, dst,
                  IpProtocol.UDP, new UdpRepr(sp, dp).datagram(src, dst, data)));
          return;
        }
      } catch (WireException e) {
        // fall through: the UDP layer counts the malformed datagram
      }
    }
    udp.receive(ip, payload, nowNs, out);
  }

  @Override
  public long pollAt() {
    return udp.pollAt();
  }

  @Override
  public void poll(long nowNs, IpSender out) {
    udp.poll(nowNs, out);
  }
}
