package dev.vboard.netstack.transport.udp;

/** Sends one UDP datagram towards the guest; the UDP layer adds the header and checksum. */
@FunctionalInterface
public interface UdpSender {
  void send(int srcAddr, int srcPort, int dstAddr, int dstPort, byte[] payload);
}
