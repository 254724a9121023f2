package dev.vboard.netstack.iface;

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
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The virtual hosts' side of the Ethernet segment: answers ARP for them, validates IPv4, answers
 * ICMP echo, and hands UDP and TCP to the registered {@link IpProtocolHandler}s.
 *
 * <p>{@link #process} takes one frame from the guest and returns the frames to send back;
 * {@link #poll} runs the handlers' timers. Nothing here reads a clock or throws on guest bytes:
 * every malformed frame is dropped and counted in {@link DropCounters}.
 */
public final class EthernetInterface {
  private final IfaceConfig config;
  private final DropCounters drops;
  private final NeighborCache neighbors = new NeighborCache();
  private final PendingDatagrams pending = new PendingDatagrams();
  /** TreeMap so that polling visits handlers in a fixed order. */
  private final Map<Integer, IpProtocolHandler> handlers = new TreeMap<>();
  private final List<byte[]> out = new ArrayList<>();
  /** Frames that must follow everything else in {@link #out}: see {@link #bindGuest}. */
  private final List<byte[]> outLast = new ArrayList<>();
  private final IpSender sender = this::sendIp;

  public EthernetInterface(IfaceConfig config, DropCounters drops) {
    this.config = config;
    this.drops = drops;
  }

  /** Routes IPv4 protocol {@code protocol} (UDP, TCP) to {@code handler}; replaces any previous. */
  public void register(int protocol, IpProtocolHandler handler) {
    handlers.put(protocol, handler);
  }

  public IfaceConfig config() {
    return config;
  }

  /** The sender the handlers use; frames sent through it outside process/poll wait for the next. */
  public IpSender sender() {
    return sender;
  }

  /**
   * Binds guest address {@code addr} to {@code mac} without waiting for ARP: the DHCP server
   * calls this when it acknowledges a lease, whose REQUEST names the client's hardware address
   * (chaddr, RFC 2131 section 2), so the guest's MAC is known as soon as its address is.
   * Datagrams held for the address go out after the frames of the current call, so the guest
   * gets the ACK that configures the address before them. Ignores addresses outside the subnet,
   * the virtual hosts' and group MACs.
   */
  public void bindGuest(int addr, MacAddress mac) {
    if (!config.inSubnet(addr) || mac.isMulticast() || config.isVirtualHost(addr)) {
      return;
    }
    neighbors.learn(addr, mac);
    for (PendingDatagrams.Held held : pending.release(addr)) {
      outLast.add(held.frameTo(mac));
    }
  }

  // ---------------------------------------------------------------- entry points

  /** Handles one frame from the guest; returns the frames to send to it, in order. */
  public List<byte[]> process(byte[] frame, long nowNs) {
    try {
      receiveEthernet(frame, nowNs);
    } catch (WireException e) {
      drops.drop(Layer.ETHERNET, e);
    }
    return takeOutput();
  }

  /** Earliest deadline of any handler, or {@link IpProtocolHandler#NEVER}. */
  public long pollAt() {
    long at = IpProtocolHandler.NEVER;
    for (IpProtocolHandler h : handlers.values()) {
      at = Math.min(at, h.pollAt());
    }
    return at;
  }

  /** Runs every handler's timers due at {@code nowNs}; returns the frames they send. */
  public List<byte[]> poll(long nowNs) {
    for (IpProtocolHandler h : handlers.values()) {
      if (h.pollAt() <= nowNs) {
        h.poll(nowNs, sender);
      }
    }
    return takeOutput();
  }

  private List<byte[]> takeOutput() {
    out.addAll(outLast);
    outLast.clear();
    if (out.isEmpty()) {
      return List.of();
    }
    List<byte[]> frames = List.copyOf(out);
    out.clear();
    return frames;
  }

  // ---------------------------------------------------------------- Ethernet

  private void receiveEthernet(byte[] frame, long nowNs) throws WireException {
    EthernetFrame view = EthernetFrame.wrap(frame);
    EthernetRepr eth = EthernetRepr.parse(view);
    // Accept broadcast and our virtual MACs only: a NIC's address filter does the same.
    if (!eth.dst().isBroadcast() && !config.isVirtualMac(eth.dst())) {
      drops.drop(Layer.ETHERNET, DropReason.NOT_FOR_US, eth);
      return;
    }
    if (eth.src().isMulticast()) {
      drops.drop(Layer.ETHERNET, DropReason.BAD_SOURCE, eth);
      return;
    }
    // Any frame names its sender, even one with no IPv4 source yet (a DHCP DISCOVER from
    // 0.0.0.0): replies to addresses outside the subnet can go to it at once.
    neighbors.heard(eth.src());
    switch (eth.etherType()) {
      case EtherType.ARP -> receiveArp(eth, view);
      case EtherType.IPV4 -> receiveIpv4(eth, view, nowNs);
      default -> drops.drop(Layer.ETHERNET, DropReason.UNKNOWN_ETHERTYPE, eth);
    }
  }

  // ---------------------------------------------------------------- ARP (RFC 826)

  private void receiveArp(EthernetRepr eth, EthernetFrame view) {
    ArpRepr arp;
    try {
      arp = ArpRepr.parse(ArpPacket.wrap(view.buffer(), view.payloadOffset(),
          view.payloadLength()));
    } catch (WireException e) {
      drops.drop(Layer.ARP, e);
      return;
    }
    // RFC 826 merges the sender into the table before looking at the opcode; a probe
    // (sender IP 0, RFC 5227) still teaches us the MAC but no binding.
    learn(arp.senderIp(), arp.senderMac());
    if (arp.operation() != ArpRepr.REQUEST) {
      return;
    }
    if (!config.isVirtualHost(arp.targetIp())) {
      drops.drop(Layer.ARP, DropReason.NOT_FOR_US, arp);
      return;
    }
    MacAddress ours = IfaceConfig.hostMac(arp.targetIp());
    ArpRepr reply = new ArpRepr(ArpRepr.REPLY, ours, arp.targetIp(), arp.senderMac(),
        arp.senderIp());
    byte[] payload = new byte[reply.bufferLen()];
    reply.emit(payload, 0);
    out.add(new EthernetRepr(ours, arp.senderMac(), EtherType.ARP)
        .frame(payload, 0, payload.length));
  }

  // ---------------------------------------------------------------- IPv4 (RFC 791)

  private void receiveIpv4(EthernetRepr eth, EthernetFrame view, long nowNs) {
    Ipv4Packet packet;
    Ipv4Repr ip;
    try {
      packet = Ipv4Packet.wrap(view.buffer(), view.payloadOffset(), view.payloadLength());
      ip = Ipv4Repr.parse(packet);
    } catch (WireException e) {
      drops.drop(Layer.IPV4, e);
      return;
    }
    if (ip.src() == Ipv4Address.BROADCAST || Ipv4Address.isMulticast(ip.src())
        || ip.src() == config.subnetBroadcast()) {
      drops.drop(Layer.IPV4, DropReason.BAD_SOURCE, ip);
      return;
    }
    if (Ipv4Address.isMulticast(ip.dst())) {
      drops.drop(Layer.IPV4, DropReason.NOT_FOR_US, ip);
      return;
    }
    if (config.inSubnet(ip.src())) {
      learn(ip.src(), eth.src());
    }
    byte[] payload = new byte[ip.payloadLen()];
    System.arraycopy(packet.buffer(), packet.payloadOffset(), payload, 0, payload.length);
    if (ip.protocol() == IpProtocol.ICMP) {
      receiveIcmp(ip, payload);
      return;
    }
    IpProtocolHandler handler = handlers.get(ip.protocol());
    if (handler == null) {
      drops.drop(Layer.IPV4, DropReason.UNKNOWN_PROTOCOL, ip);
      return;
    }
    handler.receive(ip, payload, nowNs, sender);
  }

  private void sendIp(int src, int dst, int protocol, byte[] payload) {
    Ipv4Repr ip = Ipv4Repr.of(src, dst, protocol, payload.length);
    if (ip.totalLen() > config.mtu()) {
      drops.drop(Layer.IPV4, DropReason.OVERSIZE, ip);
      return;
    }
    MacAddress dstMac = resolve(dst);
    if (dstMac == null && !config.inSubnet(dst)) {
      drops.drop(Layer.IPV4, DropReason.NO_NEIGHBOR, ip);
      return;
    }
    // Datagrams from outside the subnet (NAT replies) come through the router.
    MacAddress srcMac = IfaceConfig.hostMac(config.inSubnet(src) ? src : config.gateway());
    byte[] datagram = new byte[ip.totalLen()];
    ip.emit(datagram, 0);
    System.arraycopy(payload, 0, datagram, ip.bufferLen(), payload.length);
    if (dstMac == null) {
      // Hold it and ask (RFC 1122 section 2.3.2.2); every new datagram repeats the request, so
      // the transport's retransmissions double as ARP retries.
      for (PendingDatagrams.Held lost : pending.hold(dst,
          new PendingDatagrams.Held(srcMac, datagram))) {
        drops.drop(Layer.IPV4, DropReason.NO_NEIGHBOR, "held too long: " + lost.datagram().length
            + " bytes from " + lost.srcMac());
      }
      sendArpRequest(dst);
      return;
    }
    out.add(new EthernetRepr(srcMac, dstMac, EtherType.IPV4)
        .frame(datagram, 0, datagram.length));
  }

  /** Records a binding and sends what waited for it, oldest first. */
  private void learn(int addr, MacAddress mac) {
    neighbors.learn(addr, mac);
    if (addr == 0 || !pending.waiting(addr)) {
      return;
    }
    for (PendingDatagrams.Held held : pending.release(addr)) {
      out.add(held.frameTo(mac));
    }
  }

  /**
   * The link-layer destination of a datagram. An address outside the subnet (a guest configured
   * by hand, or one talking before it has an address) goes to the guest we heard from last: with
   * one guest, the usual case, that is always right. An unknown address inside the subnet is
   * resolved by ARP first, like a real host, and the datagram waits in {@link PendingDatagrams}
   * until the reply comes.
   */
  private MacAddress resolve(int dst) {
    if (dst == Ipv4Address.BROADCAST || dst == config.subnetBroadcast()) {
      return MacAddress.BROADCAST;
    }
    MacAddress mac = neighbors.lookup(dst);
    if (mac != null || config.inSubnet(dst)) {
      return mac;
    }
    return neighbors.lastGuest();
  }

  /** RFC 826 request from the gateway: who has {@code target}? */
  private void sendArpRequest(int target) {
    MacAddress ours = IfaceConfig.hostMac(config.gateway());
    ArpRepr request = new ArpRepr(ArpRepr.REQUEST, ours, config.gateway(), MacAddress.ZERO,
        target);
    byte[] payload = new byte[request.bufferLen()];
    request.emit(payload, 0);
    out.add(new EthernetRepr(ours, MacAddress.BROADCAST, EtherType.ARP)
        .frame(payload, 0, payload.length));
  }

  // ---------------------------------------------------------------- ICMP (RFC 792)

  private void receiveIcmp(Ipv4Repr ip, byte[] payload) {
    IcmpPacket packet;
    IcmpRepr icmp;
    try {
      packet = IcmpPacket.wrap(payload, 0, payload.length);
      icmp = IcmpRepr.parse(packet);
    } catch (WireException e) {
      drops.drop(Layer.ICMP, e);
      return;
    }
    if (icmp.type() != IcmpRepr.ECHO_REQUEST) {
      drops.drop(Layer.ICMP, DropReason.UNHANDLED, "type " + icmp.type());
      return;
    }
    if (!config.isVirtualHost(ip.dst())) {
      // TODO: pinging the outside world needs the NAT layer (ICMP sockets); none yet.
      drops.drop(Layer.ICMP, DropReason.NO_ROUTE, "echo to " + Ipv4Address.toString(ip.dst()));
      return;
    }
    // RFC 792, "Echo or Echo Reply Message": swap addresses, type 0, same identifier, sequence
    // number and data.
    IcmpRepr reply = new IcmpRepr(IcmpRepr.ECHO_REPLY, 0, icmp.rest());
    byte[] msg = new byte[reply.bufferLen(packet.payloadLength())];
    reply.emit(msg, 0, payload, packet.payloadOffset(), packet.payloadLength());
    sendIp(ip.dst(), ip.src(), IpProtocol.ICMP, msg);
  }
}
