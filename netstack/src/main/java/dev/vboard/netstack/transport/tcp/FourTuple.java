package dev.vboard.netstack.transport.tcp;

/**
 * The key of a connection (RFC 9293 section 3.3.1: a connection is identified by its pair of
 * sockets). Addresses are IPv4 addresses in host order.
 */
public record FourTuple(int localIp, int localPort, int remoteIp, int remotePort) {

  @Override
  public String toString() {
    return ip(localIp) + ":" + localPort + "<->" + ip(remoteIp) + ":" + remotePort;
  }

  static String ip(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }
}
