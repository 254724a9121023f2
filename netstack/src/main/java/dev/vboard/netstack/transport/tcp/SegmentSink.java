package dev.vboard.netstack.transport.tcp;

/**
 * Where the TCP engine hands finished segments down to the IPv4 layer. The segment is complete
 * (checksum included) and owned by the callee.
 */
@FunctionalInterface
public interface SegmentSink {
  void send(int srcIp, int dstIp, byte[] segment);
}
