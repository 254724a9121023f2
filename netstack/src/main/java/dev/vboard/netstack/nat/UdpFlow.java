package dev.vboard.netstack.nat;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * One UDP conversation between a guest port and a remote endpoint, as the guest names it.
 * Outbound flows own a connected host channel; forward flows share their forward's bound channel
 * and remember the host peer to answer.
 *
 * @param guestAddr the guest's address
 * @param guestPort the guest's port
 * @param remoteAddr the remote address the guest sees (10.0.2.2 for the host)
 * @param remotePort the remote port the guest sees
 */
record UdpFlow(int guestAddr, int guestPort, int remoteAddr, int remotePort) {

  /** The host side of a flow and its last activity in virtual time. */
  static final class Binding {
    final DatagramChannel channel;
    /** Null for a connected (outbound) channel; the host peer for a forward. */
    final InetSocketAddress peer;
    /** The selector key of an owned channel; null for a forward's shared one. */
    final SelectionKey key;
    long lastActiveNs;

    Binding(DatagramChannel channel, InetSocketAddress peer, SelectionKey key, long nowNs) {
      this.channel = channel;
      this.peer = peer;
      this.key = key;
      this.lastActiveNs = nowNs;
    }

    boolean ownsChannel() {
      return peer == null;
    }
  }
}
