package dev.vboard.netstack.transport.udp;

/**
 * Receives the datagrams for one bound (address, port), or the unclaimed ones (the NAT plugs in
 * there, see {@link UdpLayer#setFallback}). Called with the current virtual time; replies go
 * through {@code out} during the call.
 */
@FunctionalInterface
public interface UdpHandler {
  void receive(UdpDatagram datagram, long nowNs, UdpSender out);
}
