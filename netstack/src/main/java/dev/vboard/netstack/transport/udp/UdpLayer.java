package dev.vboard.netstack.transport.udp;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Packet;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.UdpPacket;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.HashMap;
import java.util.Map;

/**
 * UDP (RFC 768) demultiplexing: validates each datagram and hands it to the handler bound to its
 * destination address and port, or to one bound to the port on any address.
 *
 * <p>A datagram to a virtual host's closed port gets ICMP port unreachable (RFC 1122 section
 * 4.1.3.1), except when it was broadcast (RFC 1122 section 3.2.2: no ICMP errors about
 * broadcasts). A datagram to any other address goes to the fallback handler (the NAT, later) or
 * is dropped.
 */
public final class UdpLayer implements IpProtocolHandler {
  /** How much of the offending datagram an ICMP error quotes (RFC 792: header + 64 bits). */
  private static final int ICMP_QUOTE_LEN = Ipv4Packet.HEADER_LEN + 8;

  private final IfaceConfig config;
  private final DropCounters drops;
  private final Map<Long, UdpHandler> bindings = new HashMap<>();
  private UdpHandler fallback;

  public UdpLayer(IfaceConfig config, DropCounters drops) {
    this.config = config;
    this.drops = drops;
  }

  /** Binds {@code handler} to {@code (addr, port)}; {@link Ipv4Address#ANY} means every address. */
  public void bind(int addr, int port, UdpHandler handler) {
    bindings.put(key(addr, port), handler);
  }

  /** Receives the datagrams to addresses outside the virtual hosts (the NAT plugs in here). */
  public void setFallback(UdpHandler handler) {
    this.fallback = handler;
  }

  private static long key(int addr, int port) {
    return (addr & 0xffff_ffffL) << 16 | port;
  }

  @Override
  public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    UdpRepr udp;
    UdpPacket packet;
    try {
      packet = UdpPacket.wrap(payload);
      udp = UdpRepr.parse(packet, ip.src(), ip.dst());
    } catch (WireException e) {
      drops.drop(Layer.UDP, e);
      return;
    }
    UdpDatagram d = new UdpDatagram(ip.src(), udp.srcPort(), ip.dst(), udp.dstPort(),
        packet.payload());
    UdpSender reply = (src, srcPort, dst, dstPort, data) -> out.send(src, dst, IpProtocol.UDP,
        new UdpRepr(srcPort, dstPort).datagram(src, dst, data));
    boolean broadcast = ip.dst() == Ipv4Address.BROADCAST || ip.dst() == config.subnetBroadcast();
    UdpHandler handler = broadcast ? null : bindings.get(key(ip.dst(), udp.dstPort()));
    if (handler == null) {
      handler = bindings.get(key(Ipv4Address.ANY, udp.dstPort()));
    }
    if (handler != null && (broadcast || config.isVirtualHost(ip.dst()))) {
      handler.receive(d, nowNs, reply);
    } else if (broadcast) {
      drops.drop(Layer.UDP, DropReason.PORT_UNREACHABLE, d);
    } else if (config.isVirtualHost(ip.dst())) {
      drops.drop(Layer.UDP, DropReason.PORT_UNREACHABLE, d);
      sendPortUnreachable(ip, payload, out);
    } else if (fallback != null) {
      fallback.receive(d, nowNs, reply);
    } else {
      drops.drop(Layer.UDP, DropReason.NO_ROUTE, d);
    }
  }

  /** RFC 792 "Destination Unreachable Message", code 3, quoting the IP header and 8 bytes. */
  private void sendPortUnreachable(Ipv4Repr ip, byte[] payload, IpSender out) {
    int quoted = Math.min(ICMP_QUOTE_LEN, ip.bufferLen() + payload.length);
    byte[] quote = new byte[quoted];
    // Our re-emitted header stands in for the original: the fields a sender matches on (addresses,
    // protocol, ports) are identical; options, if the guest sent any, are not quoted.
    new Ipv4Repr(ip.src(), ip.dst(), ip.protocol(), ip.payloadLen(), ip.ttl()).emit(quote, 0);
    System.arraycopy(payload, 0, quote, ip.bufferLen(), quoted - ip.bufferLen());
    IcmpRepr icmp = new IcmpRepr(IcmpRepr.DEST_UNREACHABLE, IcmpRepr.CODE_PORT_UNREACHABLE, 0);
    byte[] msg = new byte[icmp.bufferLen(quoted)];
    icmp.emit(msg, 0, quote, 0, quoted);
    out.send(ip.dst(), ip.src(), IpProtocol.ICMP, msg);
  }
}
