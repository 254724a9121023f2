package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.EtherType;
import dev.vboard.netstack.wire.EthernetRepr;
import dev.vboard.netstack.wire.MacAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Datagrams waiting for their destination's MAC while an ARP request is out. RFC 1122 section
 * 2.3.2.2: "The link layer SHOULD save (rather than discard) at least one (the latest) packet of
 * each set of packets destined to the same unresolved IP address, and transmit the saved packet
 * when the address has been resolved." Holding them means a port forward's first SYN reaches a
 * guest the moment it answers the ARP, instead of after a TCP retransmission timeout.
 *
 * <p>Bounded twice, so a silent address cannot grow it: {@link #PER_ADDRESS} datagrams per
 * address (the oldest is dropped first) and {@link #ADDRESSES} addresses (the address waiting
 * longest is dropped first). Insertion order makes every eviction deterministic.
 */
final class PendingDatagrams {
  static final int PER_ADDRESS = 4;
  static final int ADDRESSES = 16;

  /** One finished IPv4 datagram and the MAC it will be sent from. */
  record Held(MacAddress srcMac, byte[] datagram) {
    /** The Ethernet frame carrying it, now that the destination is known. */
    byte[] frameTo(MacAddress dstMac) {
      return new EthernetRepr(srcMac, dstMac, EtherType.IPV4).frame(datagram, 0, datagram.length);
    }
  }

  private final Map<Integer, Deque<Held>> byAddress = new LinkedHashMap<>();

  /**
   * Holds {@code held} for {@code addr}; returns the datagrams it pushed out (to count as
   * drops), usually none.
   */
  List<Held> hold(int addr, Held held) {
    List<Held> evicted = new ArrayList<>(0);
    Deque<Held> queue = byAddress.get(addr);
    if (queue == null) {
      if (byAddress.size() == ADDRESSES) {
        Iterator<Deque<Held>> oldest = byAddress.values().iterator();
        evicted.addAll(oldest.next());
        oldest.remove();
      }
      queue = new ArrayDeque<>(PER_ADDRESS);
      byAddress.put(addr, queue);
    }
    if (queue.size() == PER_ADDRESS) {
      evicted.add(queue.removeFirst());
    }
    queue.addLast(held);
    return evicted;
  }

  /** True if datagrams wait for {@code addr} (an ARP request for it is out). */
  boolean waiting(int addr) {
    return byAddress.containsKey(addr);
  }

  /** Removes and returns the datagrams held for {@code addr}, oldest first; empty if none. */
  List<Held> release(int addr) {
    Deque<Held> queue = byAddress.remove(addr);
    return queue == null ? List.of() : List.copyOf(queue);
  }
}
