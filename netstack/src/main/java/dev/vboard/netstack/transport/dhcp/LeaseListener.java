package dev.vboard.netstack.transport.dhcp;

import dev.vboard.netstack.wire.MacAddress;

/**
 * Told when the DHCP server acknowledges a lease, so the layers below can bind the client's
 * address to its hardware address (chaddr) without an ARP round trip: a port forward's first
 * SYN to a freshly configured guest then goes out at once.
 */
@FunctionalInterface
public interface LeaseListener {
  LeaseListener NONE = (chaddr, addr) -> { };

  /** Address {@code addr} now belongs to the client with hardware address {@code chaddr}. */
  void acknowledged(MacAddress chaddr, int addr);
}
