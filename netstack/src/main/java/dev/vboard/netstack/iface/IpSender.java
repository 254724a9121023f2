package dev.vboard.netstack.iface;

/**
 * The way down: a transport (UDP, TCP, a responder) hands a finished transport segment to the
 * iface layer, which wraps it in IPv4 and Ethernet and queues the frame for the guest.
 *
 * <p>The payload is the complete segment, transport checksum already filled in (use
 * {@link dev.vboard.netstack.wire.Checksum#pseudoHeader}). Sending never fails: a datagram with no
 * known link-layer destination is dropped and counted, as a host drops on ARP failure.
 */
@FunctionalInterface
public interface IpSender {
  /**
   * Queues one datagram.
   *
   * @param src source address, usually one of the virtual hosts (10.0.2.2, 10.0.2.3)
   * @param dst destination address, a guest address or 255.255.255.255
   * @param protocol IPv4 protocol number ({@link dev.vboard.netstack.wire.IpProtocol})
   * @param payload the whole transport segment; the sender may keep no reference to it
   */
  void send(int src, int dst, int protocol, byte[] payload);
}
