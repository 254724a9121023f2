package dev.vboard.netstack;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.wire.ArpPacket;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.EtherType;
import dev.vboard.netstack.wire.EthernetFrame;
import dev.vboard.netstack.wire.EthernetRepr;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Packet;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.UdpPacket;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;

/** A test guest: builds the frames a guest NIC would send and decodes what comes back. */
final class Guest {
  static final int GATEWAY = Ipv4Address.parse("10.0.2.2");
  static final int DNS = Ipv4Address.parse("10.0.2.3");
  static final MacAddress GATEWAY_MAC = IfaceConfig.hostMac(GATEWAY);

  final MacAddress mac;
  int ip;

  Guest(String mac, String ip) {
    this.mac = MacAddress.parse(mac);
    this.ip = Ipv4Address.parse(ip);
  }

  static Guest standard() {
    return new Guest("52:54:00:12:34:56", "10.0.2.15");
  }

  byte[] arpRequest(int target) {
    ArpRepr arp = new ArpRepr(ArpRepr.REQUEST, mac, ip, MacAddress.ZERO, target);
    byte[] p = new byte[arp.bufferLen()];
    arp.emit(p, 0);
    return new EthernetRepr(mac, MacAddress.BROADCAST, EtherType.ARP).frame(p, 0, p.length);
  }

  byte[] arpReply(MacAddress toMac, int toIp) {
    ArpRepr arp = new ArpRepr(ArpRepr.REPLY, mac, ip, toMac, toIp);
    byte[] p = new byte[arp.bufferLen()];
    arp.emit(p, 0);
    return new EthernetRepr(mac, toMac, EtherType.ARP).frame(p, 0, p.length);
  }

  byte[] ipv4(int dst, int protocol, byte[] payload) {
    Ipv4Repr ip4 = new Ipv4Repr(ip, dst, protocol, payload.length, 64);
    byte[] d = new byte[ip4.totalLen()];
    ip4.emit(d, 0);
    System.arraycopy(payload, 0, d, ip4.bufferLen(), payload.length);
    MacAddress dstMac = dst == Ipv4Address.BROADCAST ? MacAddress.BROADCAST
        : IfaceConfig.hostMac(dst == DNS ? DNS : GATEWAY);
    return new EthernetRepr(mac, dstMac, EtherType.IPV4).frame(d, 0, d.length);
  }

  byte[] udp(int dst, int srcPort, int dstPort, byte[] data) {
    return ipv4(dst, IpProtocol.UDP, new UdpRepr(srcPort, dstPort).datagram(ip, dst, data));
  }

  byte[] ping(int dst, int ident, int seq, byte[] data) {
    IcmpRepr icmp = IcmpRepr.echo(IcmpRepr.ECHO_REQUEST, ident, seq);
    byte[] msg = new byte[icmp.bufferLen(data.length)];
    icmp.emit(msg, 0, data, 0, data.length);
    return ipv4(dst, IpProtocol.ICMP, msg);
  }

  /** A frame as the guest sees it: the Ethernet header and, for IPv4, the datagram. */
  record Received(EthernetRepr eth, Ipv4Repr ip, byte[] ipPayload, ArpRepr arp) {
    UdpRepr udp() throws WireException {
      return UdpRepr.parse(UdpPacket.wrap(ipPayload), ip.src(), ip.dst());
    }

    byte[] udpData() throws WireException {
      return UdpPacket.wrap(ipPayload).payload();
    }
  }

  static Received decode(byte[] frame) throws WireException {
    EthernetFrame f = EthernetFrame.wrap(frame);
    EthernetRepr eth = EthernetRepr.parse(f);
    if (eth.etherType() == EtherType.ARP) {
      return new Received(eth, null, null,
          ArpRepr.parse(ArpPacket.wrap(frame, f.payloadOffset(), f.payloadLength())));
    }
    Ipv4Packet p = Ipv4Packet.wrap(frame, f.payloadOffset(), f.payloadLength());
    Ipv4Repr ip = Ipv4Repr.parse(p);
    byte[] payload = new byte[ip.payloadLen()];
    System.arraycopy(frame, p.payloadOffset(), payload, 0, payload.length);
    return new Received(eth, ip, payload, null);
  }
}
