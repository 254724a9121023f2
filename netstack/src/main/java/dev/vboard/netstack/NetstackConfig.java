package dev.vboard.netstack;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.nat.NatConfig;
import dev.vboard.netstack.transport.dhcp.DhcpConfig;
import dev.vboard.netstack.transport.dns.DnsResolver;
import dev.vboard.netstack.transport.dns.StaticResolver;
import dev.vboard.netstack.transport.tcp.TcpConfig;
import dev.vboard.netstack.wire.Ipv4Address;
import java.util.List;
import java.util.Map;

/**
 * Everything the user-mode network is built from. {@link #defaults()} is QEMU's {@code -nic
 * user} layout: 10.0.2.0/24, gateway and services at 10.0.2.2, DNS at 10.0.2.3, DHCP from
 * 10.0.2.15.
 *
 * @param dnsAddr the DNS server's address (must be one of {@code iface.virtualHosts()})
 * @param resolver answers the DNS server's lookups
 * @param dnsTtlSeconds TTL on DNS answers
 * @param virtualServices whether echo, discard, daytime, qotd and chargen run on the gateway
 * @param epochSeconds the Unix time virtual time 0 stands for (daytime service)
 * @param quotes the qotd quotes, cycled in order; empty for the built-in list
 * @param tcp the TCP engine's parameters
 * @param nat host sockets, port forwards and host DNS; {@link NatConfig#disabled()} by default,
 *     so that a netstack built from {@link #defaults()} does no I/O
 */
public record NetstackConfig(IfaceConfig iface, DhcpConfig dhcp, int dnsAddr, DnsResolver resolver,
    int dnsTtlSeconds, boolean virtualServices, long epochSeconds, List<String> quotes,
    TcpConfig tcp, NatConfig nat) {
  /** 2000-01-01T00:00:00Z: a fixed, recognisable start for virtual dates. */
  public static final long DEFAULT_EPOCH_SECONDS = 946_684_800L;
  public static final int DEFAULT_LEASE_SECONDS = 86_400;
  /** Sixteen guests, 10.0.2.15 to 10.0.2.30, as QEMU's slirp (NB_BOOTP_CLIENTS). */
  public static final int DEFAULT_POOL_SIZE = 16;

  public NetstackConfig {
    quotes = List.copyOf(quotes);
    // The iface layer answers ARP and IP only for its virtual hosts: a server elsewhere would
    // be unreachable.
    if (!iface.isVirtualHost(dnsAddr) || !iface.isVirtualHost(dhcp.serverAddr())) {
      throw new IllegalArgumentException("DNS and DHCP server addresses must be virtual hosts");
    }
  }

  public static NetstackConfig defaults() {
    IfaceConfig iface = IfaceConfig.slirpDefaults();
    int dns = Ipv4Address.of(10, 0, 2, 3);
    DhcpConfig dhcp = new DhcpConfig(iface.gateway(), Ipv4Address.of(10, 0, 2, 15),
        DEFAULT_POOL_SIZE, iface.netmask(), iface.gateway(), List.of(dns), DEFAULT_LEASE_SECONDS);
    return new NetstackConfig(iface, dhcp, dns, new StaticResolver(Map.of()), 300, true,
        DEFAULT_EPOCH_SECONDS, List.of(), TcpConfig.defaults(), NatConfig.disabled());
  }

  public NetstackConfig withResolver(DnsResolver r) {
    return new NetstackConfig(iface, dhcp, dnsAddr, r, dnsTtlSeconds, virtualServices,
        epochSeconds, quotes, tcp, nat);
  }

  public NetstackConfig withVirtualServices(boolean on) {
    return new NetstackConfig(iface, dhcp, dnsAddr, resolver, dnsTtlSeconds, on, epochSeconds,
        quotes, tcp, nat);
  }

  /** Replaces the built-in quotes; an empty list means the built-in ones. */
  public NetstackConfig withQuotes(List<String> q) {
    return new NetstackConfig(iface, dhcp, dnsAddr, resolver, dnsTtlSeconds, virtualServices,
        epochSeconds, q, tcp, nat);
  }

  public NetstackConfig withTcp(TcpConfig t) {
    return new NetstackConfig(iface, dhcp, dnsAddr, resolver, dnsTtlSeconds, virtualServices,
        epochSeconds, quotes, t, nat);
  }

  /** Host sockets: {@code NatConfig.hostAccess()}, {@code --restrict}, {@code --hostfwd}. */
  public NetstackConfig withNat(NatConfig n) {
    return new NetstackConfig(iface, dhcp, dnsAddr, resolver, dnsTtlSeconds, virtualServices,
        epochSeconds, quotes, tcp, n);
  }
}
