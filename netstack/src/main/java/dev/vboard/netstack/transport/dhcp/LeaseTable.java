package dev.vboard.netstack.transport.dhcp;

import dev.vboard.netstack.wire.MacAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pool's bindings. Allocation is deterministic: a client keeps its address while its lease
 * (or offer) lives and even after, unless the address was given to someone else; otherwise it
 * gets the lowest free address of the pool, so the first client is 10.0.2.15, the next .16 ...
 */
final class LeaseTable {
  private final DhcpConfig config;
  private final Map<MacAddress, Lease> byClient = new HashMap<>();
  private final Map<Integer, Lease> byAddr = new HashMap<>();
  /** Addresses a client declined (RFC 2131 section 3.1 step 5): in use by someone unknown. */
  private final Set<Integer> declined = new HashSet<>();

  LeaseTable(DhcpConfig config) {
    this.config = config;
  }

  Lease of(MacAddress client) {
    return byClient.get(client);
  }

  /** True if {@code addr} is in the pool and nobody else holds a live lease or offer on it. */
  boolean availableTo(int addr, MacAddress client, long nowNs) {
    if (!config.inPool(addr) || declined.contains(addr)) {
      return false;
    }
    Lease holder = byAddr.get(addr);
    return holder == null || holder.client().equals(client) || holder.expired(nowNs);
  }

  /** The address to offer: the client's previous one, the one it asks for, or the lowest free. */
  Integer choose(MacAddress client, Integer requested, long nowNs) {
    Lease old = byClient.get(client);
    if (old != null && availableTo(old.addr(), client, nowNs)) {
      return old.addr();
    }
    if (requested != null && availableTo(requested, client, nowNs)) {
      return requested;
    }
    for (int i = 0; i < config.poolSize(); i++) {
      int addr = config.poolStart() + i;
      if (availableTo(addr, client, nowNs)) {
        return addr;
      }
    }
    return null;
  }

  void bind(MacAddress client, int addr, long expiresNs, boolean committed) {
    release(client);
    Lease stale = byAddr.remove(addr);
    if (stale != null) {
      byClient.remove(stale.client());
    }
    Lease lease = new Lease(client, addr, expiresNs, committed);
    byClient.put(client, lease);
    byAddr.put(addr, lease);
  }

  void release(MacAddress client) {
    Lease lease = byClient.remove(client);
    if (lease != null) {
      byAddr.remove(lease.addr());
    }
  }

  void decline(MacAddress client, int addr) {
    Lease lease = byClient.get(client);
    if (lease != null && lease.addr() == addr) {
      release(client);
    }
    if (config.inPool(addr)) {
      declined.add(addr);
    }
  }
}
