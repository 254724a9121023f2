package dev.vboard.netstack;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.EthernetInterface;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.link.Link;
import dev.vboard.netstack.transport.dhcp.DhcpServer;
import dev.vboard.netstack.transport.dns.DnsServer;
import dev.vboard.netstack.transport.service.QuoteBook;
import dev.vboard.netstack.transport.service.VirtualService;
import dev.vboard.netstack.transport.service.VirtualServices;
import dev.vboard.netstack.transport.tcp.TcpLayer;
import dev.vboard.netstack.transport.tcp.service.TcpVirtualServices;
import dev.vboard.netstack.transport.udp.UdpLayer;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user-mode network as one object: the host side of the guest's Ethernet wire, in the manner
 * of QEMU's {@code -nic user}. Builds the layers from a {@link NetstackConfig} and wires them:
 * iface, then UDP with DHCP, DNS and the virtual services bound on it, then TCP with the same
 * virtual services. {@link #registerTransport} replaces a transport (tests, a different TCP).
 *
 * <p>Deterministic: the same frames at the same virtual times give the same frames back.
 */
public final class Netstack implements Link {
  private final NetstackConfig config;
  private final DropCounters drops = new DropCounters();
  private final EthernetInterface iface;
  private final UdpLayer udp;
  private final TcpLayer tcp;
  private final List<VirtualService> services;
  private long framesFromGuest;
  private long framesToGuest;

  public Netstack(NetstackConfig config) {
    this.config = config;
    this.iface = new EthernetInterface(config.iface(), drops);
    this.udp = new UdpLayer(config.iface(), drops);
    iface.register(IpProtocol.UDP, udp);
    udp.bind(Ipv4Address.ANY, DhcpServer.SERVER_PORT, new DhcpServer(config.dhcp(), drops));
    udp.bind(config.dnsAddr(), DnsServer.PORT,
        new DnsServer(config.resolver(), config.dnsTtlSeconds(), drops));
    QuoteBook quotes = config.quotes().isEmpty() ? QuoteBook.builtIn()
        : QuoteBook.of(config.quotes());
    this.services = config.virtualServices()
        ? VirtualServices.defaults(config.epochSeconds(), quotes) : List.of();
    VirtualServices.bindUdp(udp, config.iface().gateway(), services);
    this.tcp = new TcpLayer(config.tcp(), drops);
    iface.register(IpProtocol.TCP, tcp);
    TcpVirtualServices.bind(tcp.engine(), config.iface().gateway(), services);
  }

  public NetstackConfig config() {
    return config;
  }

  /** Plugs a transport in for IPv4 protocol {@code protocol}, replacing any built-in one. */
  public void registerTransport(int protocol, IpProtocolHandler handler) {
    iface.register(protocol, handler);
  }

  /** The UDP layer, for the NAT's fallback handler and extra bindings. */
  public UdpLayer udp() {
    return udp;
  }

  /** The built-in TCP layer: listeners, active opens and (later) the NAT fallback. */
  public TcpLayer tcp() {
    return tcp;
  }

  /** The services running on the gateway (empty when disabled), to offer over TCP as well. */
  public List<VirtualService> virtualServices() {
    return services;
  }

  public DropCounters drops() {
    return drops;
  }

  @Override
  public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
    framesFromGuest++;
    return counted(iface.process(frame, nowNs));
  }

  @Override
  public long pollAt() {
    return iface.pollAt();
  }

  @Override
  public List<byte[]> poll(long nowNs) {
    return counted(iface.poll(nowNs));
  }

  private List<byte[]> counted(List<byte[]> frames) {
    framesToGuest += frames.size();
    return frames;
  }

  /**
   * Counters for {@code --stats}: {@code rx.frames} (from the guest), {@code tx.frames} (to the
   * guest) and {@code drop.<layer>.<reason>} for every non-zero drop counter, sorted by name.
   */
  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    out.put("rx.frames", framesFromGuest);
    out.put("tx.frames", framesToGuest);
    drops.snapshot().forEach((k, v) -> out.put("drop." + k, v));
    return out;
  }
}
