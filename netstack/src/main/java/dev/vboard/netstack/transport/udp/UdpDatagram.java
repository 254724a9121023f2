package dev.vboard.netstack.transport.udp;

import dev.vboard.netstack.wire.Ipv4Address;

/**
 * One received UDP datagram with its endpoints.
 *
 * @param payload the data; owned by the receiver
 */
public record UdpDatagram(int srcAddr, int srcPort, int dstAddr, int dstPort, byte[] payload) {
  @Override
  public String toString() {
    return "UDP " + Ipv4Address.toString(srcAddr) + ":" + srcPort + " > "
        + Ipv4Address.toString(dstAddr) + ":" + dstPort + " len " + payload.length;
  }
}
