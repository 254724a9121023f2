package dev.vboard.netstack.nat;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.transport.tcp.TcpConfig;
import dev.vboard.netstack.transport.tcp.TcpEngine;
import dev.vboard.netstack.wire.ArpPacket;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.EtherType;
import dev.vboard.netstack.wire.EthernetFrame;
import dev.vboard.netstack.wire.EthernetRepr;
import dev.vboard.netstack.wire.IcmpPacket;
import dev.vboard.netstack.wire.IcmpRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Packet;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.UdpPacket;
import dev.vboard.netstack.wire.UdpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The guest for NAT tests: a second {@link TcpEngine} behind IPv4/Ethernet framing, plus raw UDP
 * and ICMP, talking frames to a {@link Netstack} with virtual time. {@link #runUntil} also
 * services the netstack's host sockets, waiting on them through
 * {@link Netstack#awaitHostIo} when nothing else moves, as the emulator's idle loop would.
 */
final class GuestSide {
  static final long MS = 1_000_000L;
  static final int GATEWAY = Ipv4Address.parse("10.0.2.2");
  static final int IP = Ipv4Address.parse("10.0.2.15");
  static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");

  /** A UDP datagram or ICMP message the guest received. */
  record Datagram(int src, int srcPort, int dstPort, byte[] data) { }

  record Icmp(int src, int type, int code) { }

  final Netstack stack;
  final TcpEngine tcp;
  final List<Datagram> udpReceived = new ArrayList<>();
  final List<Icmp> icmpReceived = new ArrayList<>();
  private final Deque<byte[]> toStack = new ArrayDeque<>();
  private long now;

  GuestSide(Netstack stack) {
    this.stack = stack;
    this.tcp = new TcpEngine(TcpConfig.defaults().withIssSeed(7),
        (src, dst, seg) -> toStack.add(ipv4(dst, IpProtocol.TCP, seg)));
  }

  long now() {
    return now;
  }

  static byte[] ipv4(int dst, int protocol, byte[] payload) {
    Ipv4Repr ip = Ipv4Repr.of(IP, dst, protocol, payload.length);
    byte[] d = new byte[ip.totalLen()];
    ip.emit(d, 0);
    System.arraycopy(payload, 0, d, ip.bufferLen(), payload.length);
    return new EthernetRepr(MAC, IfaceConfig.hostMac(GATEWAY), EtherType.IPV4)
        .frame(d, 0, d.length);
  }

  /** Puts the guest on the wire (an ARP request for the gateway), so its MAC is known. */
  void announce() {
    ArpRepr arp = new ArpRepr(ArpRepr.REQUEST, MAC, IP, MacAddress.ZERO, GATEWAY);
    byte[] p = new byte[arp.bufferLen()];
    arp.emit(p, 0);
    toStack.add(new EthernetRepr(MAC, MacAddress.BROADCAST, EtherType.ARP).frame(p, 0, p.length));
  }

  void sendUdp(int dst, int srcPort, int dstPort, byte[] data) {
    toStack.add(ipv4(dst, IpProtocol.UDP, new UdpRepr(srcPort, dstPort).datagram(IP, dst, data)));
  }

  /**
   * Exchanges frames and advances virtual time (at most 1 ms a step) until {@code done} or
   * {@code limitNs} of virtual time; returns whether {@code done} became true.
   */
  boolean runUntil(BooleanSupplier done, long limitNs) throws WireException {
    long end = now + limitNs;
    while (!done.getAsBoolean()) {
      boolean moved = !toStack.isEmpty();
      while (!toStack.isEmpty()) {
        for (byte[] f : stack.receiveFromGuest(toStack.poll(), now)) {
          toGuest(f);
        }
      }
      long next = Math.min(Math.min(stack.pollAt(), tcp.pollAt()), now + MS);
      if (next > end) {
        return done.getAsBoolean();
      }
      if (!moved && next > now && stack.hostIoActive()) {
        // Idle: let the host catch up in real time rather than racing virtual time ahead.
        stack.awaitHostIo(MS);
      }
      now = Math.max(now, next);
      for (byte[] f : stack.poll(now)) {
        toGuest(f);
      }
      if (tcp.pollAt() <= now) {
        tcp.poll(now);
      }
    }
    return true;
  }

  private void toGuest(byte[] f) throws WireException {
    EthernetFrame eth = EthernetFrame.wrap(f);
    if (eth.etherType() == EtherType.ARP) {
      ArpRepr req = ArpRepr.parse(ArpPacket.wrap(f, eth.payloadOffset(), eth.payloadLength()));
      if (req.operation() == ArpRepr.REQUEST && req.targetIp() == IP) {
        ArpRepr reply = new ArpRepr(ArpRepr.REPLY, MAC, IP, req.senderMac(), req.senderIp());
        byte[] p = new byte[reply.bufferLen()];
        reply.emit(p, 0);
        toStack.add(new EthernetRepr(MAC, req.senderMac(), EtherType.ARP).frame(p, 0, p.length));
      }
      return;
    }
    Ipv4Packet p = Ipv4Packet.wrap(f, eth.payloadOffset(), eth.payloadLength());
    Ipv4Repr ip = Ipv4Repr.parse(p);
    byte[] payload = new byte[ip.payloadLen()];
    System.arraycopy(f, p.payloadOffset(), payload, 0, payload.length);
    switch (ip.protocol()) {
      case IpProtocol.TCP -> tcp.segmentArrived(ip.src(), ip.dst(), payload, 0, payload.length,
          now);
      case IpProtocol.UDP -> {
        UdpPacket u = UdpPacket.wrap(payload);
        UdpRepr r = UdpRepr.parse(u, ip.src(), ip.dst());
        udpReceived.add(new Datagram(ip.src(), r.srcPort(), r.dstPort(), u.payload()));
      }
      case IpProtocol.ICMP -> {
        IcmpRepr icmp = IcmpRepr.parse(IcmpPacket.wrap(payload, 0, payload.length));
        icmpReceived.add(new Icmp(ip.src(), icmp.type(), icmp.code()));
      }
      default -> throw new AssertionError("unexpected protocol " + ip.protocol());
    }
  }
}
