package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.MacAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IPv4 to MAC bindings of the guests, learned from ARP packets (RFC 826, "Packet Reception": the
 * merge step), from the source of IPv4 datagrams and from the DHCP server's acknowledgements.
 * Entries never expire: the wire is virtual and the guests cannot move. The size is capped so
 * that a guest spraying source addresses cannot grow it without bound; the oldest entry goes
 * first, deterministically.
 */
final class NeighborCache {
  private static final int CAPACITY = 256;

  private final Map<Integer, MacAddress> entries = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, MacAddress> eldest) {
      return size() > CAPACITY;
    }
  };
  /** The source MAC of the last frame from a guest: see EthernetInterface#resolve. */
  private MacAddress lastGuest;

  void learn(int addr, MacAddress mac) {
    if (addr != 0) {
      entries.put(addr, mac);
    }
    lastGuest = mac;
  }

  /** A frame came from {@code mac}: it is the guest we heard from last. */
  void heard(MacAddress mac) {
    lastGuest = mac;
  }

  /** The MAC bound to {@code addr}, or null. */
  MacAddress lookup(int addr) {
    return entries.get(addr);
  }

  MacAddress lastGuest() {
    return lastGuest;
  }
}
