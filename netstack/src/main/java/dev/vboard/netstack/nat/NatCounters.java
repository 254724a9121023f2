package dev.vboard.netstack.nat;

import java.util.Map;

/**
 * What the NAT did, for {@code --stats}: connections and flows opened and refused, and the bytes
 * that crossed the host boundary each way. Single-threaded like the rest of the netstack.
 */
public final class NatCounters {
  long tcpOpened;
  long tcpRefused;
  long tcpReset;
  long tcpForwardsAccepted;
  long udpFlowsOpened;
  long udpRefused;
  long udpDropped;
  long bytesToHost;
  long bytesToGuest;

  /** The counters as {@code nat.<name>}, to merge into the netstack's counters. */
  public void putInto(Map<String, Long> out) {
    out.put("nat.tcp.opened", tcpOpened);
    out.put("nat.tcp.refused", tcpRefused);
    out.put("nat.tcp.reset", tcpReset);
    out.put("nat.tcp.forwards_accepted", tcpForwardsAccepted);
    out.put("nat.udp.flows_opened", udpFlowsOpened);
    out.put("nat.udp.refused", udpRefused);
    out.put("nat.udp.dropped", udpDropped);
    out.put("nat.bytes_to_host", bytesToHost);
    out.put("nat.bytes_to_guest", bytesToGuest);
  }

  public long tcpOpened() {
    return tcpOpened;
  }

  public long tcpRefused() {
    return tcpRefused;
  }

  public long bytesToHost() {
    return bytesToHost;
  }

  public long bytesToGuest() {
    return bytesToGuest;
  }
}
