package dev.vboard.netstack;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.EthernetInterface;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.link.Link;
import dev.vboard.netstack.nat.HostResolver;
import dev.vboard.netstack.nat.Nat;
import dev.vboard.netstack.nat.NatConfig;
import dev.vboard.netstack.transport.dhcp.DhcpServer;
import dev.vboard.netstack.transport.dns.DnsResolver;
import dev.vboard.netstack.transport.dns.DnsServer;
import dev.vboard.netstack.transport.service.QuoteBook;
import dev.vboard.netstack.transport.service.VirtualService;
import dev.vboard.netstack.transport.service.VirtualServices;
import dev.vboard.netstack.transport.tcp.TcpLayer;
import dev.vboard.netstack.transport.tcp.service.TcpVirtualServices;
import dev.vboard.netstack.transport.udp.UdpLayer;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The user-mode network as one object: the host side of the guest's Ethernet wire, in the manner
 * of QEMU's {@code -nic user}. Builds the layers from a {@link NetstackConfig} and wires them:
 * iface, then UDP with DHCP, DNS and the virtual services bound on it, then TCP with the same
 * virtual services, then (when {@link NetstackConfig#nat()} enables it) the NAT to real host
 * sockets. {@link #registerTransport} replaces a transport (tests, a different TCP).
 *
 * <p>Deterministic without NAT: the same frames at the same virtual times give the same frames
 * back. With NAT, host sockets are serviced in {@link #poll}; see {@link #hostIoActive} and
 * {@link #awaitHostIo} for pacing the idle loop against them.
 */
public final class Netstack implements Link, AutoCloseable {
  private final NetstackConfig config;
  private final DropCounters drops = new DropCounters();
  private final EthernetInterface iface;
  private final UdpLayer udp;
  private final TcpLayer tcp;
  private final List<VirtualService> services;
  /** Host sockets; null when {@link NatConfig#enabled()} is off. */
  private final Nat nat;
  private long framesFromGuest;
  private long framesToGuest;

  public Netstack(NetstackConfig config) {
    this.config = config;
    this.iface = new EthernetInterface(config.iface(), drops);
    this.udp = new UdpLayer(config.iface(), drops);
    iface.register(IpProtocol.UDP, udp);
    // A lease binds the guest's MAC at once, so forwarded connections need no ARP first.
    udp.bind(Ipv4Address.ANY, DhcpServer.SERVER_PORT, new DhcpServer(config.dhcp(), drops,
        (chaddr, addr) -> iface.bindGuest(addr, chaddr)));
    DnsResolver resolver = config.nat().usesHostResolver()
        ? new HostResolver(config.resolver()) : config.resolver();
    udp.bind(config.dnsAddr(), DnsServer.PORT,
        new DnsServer(resolver, config.dnsTtlSeconds(), drops));
    QuoteBook quotes = config.quotes().isEmpty() ? QuoteBook.builtIn()
        : QuoteBook.of(config.quotes());
    this.services = config.virtualServices()
        ? VirtualServices.defaults(config.epochSeconds(), quotes) : List.of();
    VirtualServices.bindUdp(udp, config.iface().gateway(), services);
    this.tcp = new TcpLayer(config.tcp(), drops);
    iface.register(IpProtocol.TCP, tcp);
    TcpVirtualServices.bind(tcp.engine(), config.iface().gateway(), services);
    this.nat = config.nat().enabled() ? buildNat() : null;
  }

  /**
   * The NAT takes the SYNs and datagrams nothing virtual claims; TCP and UDP reach their layers
   * through its fronts (SYN gate, gateway router).
   */
  private Nat buildNat() {
    Set<Integer> served = new TreeSet<>();
    served.add(DhcpServer.SERVER_PORT);
    for (VirtualService s : services) {
      served.add(s.port());
    }
    Nat n = new Nat(config.nat(), config.iface(), tcp, udp, iface.sender(), served);
    iface.register(IpProtocol.UDP, n.udpFront());
    iface.register(IpProtocol.TCP, n.tcpFront());
    return n;
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

  /**
   * The next deadline: timers only. Open host sockets add none (no periodic poll); see
   * {@link #awaitHostIo} and {@link #hostIoReady} for how the embedder notices them.
   */
  @Override
  public long pollAt() {
    long at = iface.pollAt();
    return nat == null ? at : Math.min(at, nat.pollAt());
  }

  /** Services the host sockets (non-blocking), then runs the timers due at {@code nowNs}. */
  @Override
  public List<byte[]> poll(long nowNs) {
    if (nat != null) {
      nat.poll(nowNs);
    }
    return counted(iface.poll(nowNs));
  }

  // ---------------------------------------------------------------- host I/O pacing

  /**
   * True while the guest may be waiting on a real host socket (a NAT connection or flow, a
   * forwarded connection, or a forward client waiting to be accepted). The emulator's idle loop
   * must then let virtual time advance no faster than the wall clock, so the guest does not time
   * out on a host that simply has not answered yet. Always false without NAT.
   */
  public boolean hostIoActive() {
    return nat != null && nat.hostIoActive();
  }

  /**
   * True while some host socket (a forward's listener included) is open: host I/O may then
   * arrive at any time, so a busy embedder should look at {@link #hostIoReady} every
   * {@link NatConfig#hostPollIntervalNs} or so, and an idle one wait in {@link #awaitHostIo}
   * rather than conclude that nothing can happen. Always false without NAT.
   */
  public boolean hasHostSockets() {
    return nat != null && nat.hasHostSockets();
  }

  /** True if a host socket is ready to be serviced by {@link #poll}; never blocks. */
  public boolean hostIoReady() {
    return nat != null && nat.hostIoReady();
  }

  /**
   * REAL-TIME EDGE: blocks for at most {@code maxWaitNanos} of wall-clock time
   * ({@link Long#MAX_VALUE}: no limit), until a host socket is ready or {@link #wakeHostIo} is
   * called; returns at once without NAT. Returns whether a host socket is ready; call
   * {@link #poll} then. For the emulator's idle loop only, never from the simulation path proper.
   */
  public boolean awaitHostIo(long maxWaitNanos) {
    return nat != null && nat.awaitHostIo(maxWaitNanos);
  }

  /**
   * Any thread: ends a current {@link #awaitHostIo} at once (or the next one, if none is in
   * progress), e.g. because other host input (stdin) arrived. A no-op without NAT.
   */
  public void wakeHostIo() {
    if (nat != null) {
      nat.wakeHostIo();
    }
  }

  /**
   * The bound host address of each {@code --hostfwd}, in configuration order (with the real port
   * when the forward asked for port 0); empty without NAT.
   */
  public List<InetSocketAddress> forwardAddresses() {
    return nat == null ? List.of() : nat.forwardAddresses();
  }

  /** Closes every host socket. The netstack must not be used afterwards. */
  @Override
  public void close() {
    if (nat != null) {
      nat.close();
    }
  }

  private List<byte[]> counted(List<byte[]> frames) {
    framesToGuest += frames.size();
    return frames;
  }

  /**
   * Counters for {@code --stats}: {@code rx.frames} (from the guest), {@code tx.frames} (to the
   * guest), {@code drop.<layer>.<reason>} for every non-zero drop counter and, with NAT,
   * {@code nat.*} (connections opened and refused, bytes each way), sorted by name.
   */
  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    out.put("rx.frames", framesFromGuest);
    out.put("tx.frames", framesToGuest);
    drops.snapshot().forEach((k, v) -> out.put("drop." + k, v));
    if (nat != null) {
      nat.putCounters(out);
    }
    return out;
  }
}
