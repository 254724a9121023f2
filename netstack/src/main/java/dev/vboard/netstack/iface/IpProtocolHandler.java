package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.Ipv4Repr;

/**
 * The way up: the iface layer hands every valid, unfragmented IPv4 datagram of one protocol to
 * the handler registered for it (see {@link EthernetInterface#register}). UDP and TCP implement
 * this.
 *
 * <p>Every call gets the current virtual time in nanoseconds and an {@link IpSender} for replies;
 * a handler reads no clock and starts no thread. Frames sent through the sender during a call are
 * returned by the iface call that made it; frames sent between calls wait for the next one.
 */
public interface IpProtocolHandler {
  /** No deadline: {@link #pollAt()} returns this when the handler has no timer armed. */
  long NEVER = Long.MAX_VALUE;

  /**
   * One received datagram. The header has been validated (version, lengths, header checksum, not
   * a fragment); the transport checks its own checksum.
   *
   * @param ip the IPv4 header fields; {@code ip.payloadLen()} equals {@code payload.length}
   * @param payload a private copy of the IPv4 payload (the transport segment)
   */
  void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out);

  /** The next virtual time at which {@link #poll} has work (a timer), or {@link #NEVER}. */
  default long pollAt() {
    return NEVER;
  }

  /** Runs the timers due at {@code nowNs}; may send. */
  default void poll(long nowNs, IpSender out) {
  }
}
