package dev.vboard.netstack.transport.dns;

import java.util.List;

/**
 * Answers the DNS server's A lookups. The deterministic {@link StaticResolver} is the default;
 * a resolver that asks the host's own resolver belongs to the NAT I/O edge and plugs in here.
 */
@FunctionalInterface
public interface DnsResolver {
  /**
   * The IPv4 addresses of {@code name} (lower case, no trailing dot), in answer order; empty if
   * the name does not exist, which the server reports as NXDOMAIN.
   */
  List<Integer> lookupA(String name);
}
