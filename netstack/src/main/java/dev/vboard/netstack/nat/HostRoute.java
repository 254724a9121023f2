package dev.vboard.netstack.nat;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.wire.Ipv4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a guest destination lands on the host. QEMU's slirp convention: the gateway (10.0.2.2)
 * stands for the host itself, reached on its loopback 127.0.0.1; any address outside the virtual
 * network is the real one. Everything else (the DNS address, other addresses of the virtual
 * subnet, broadcast, multicast, 0/8 and 127/8) has no host counterpart.
 */
final class HostRoute {
  private static final int LOOPBACK = Ipv4Address.of(127, 0, 0, 1);

  private HostRoute() { }

  /** The host socket address for guest destination {@code addr:port}, or null if none. */
  static InetSocketAddress target(IfaceConfig iface, int addr, int port) {
    if (addr == iface.gateway()) {
      return socketAddress(LOOPBACK, port);
    }
    int firstOctet = addr >>> 24;
    if (iface.inSubnet(addr) || addr == Ipv4Address.BROADCAST || Ipv4Address.isMulticast(addr)
        || firstOctet == 0 || firstOctet == 127 || port == 0) {
      return null;
    }
    return socketAddress(addr, port);
  }

  static InetSocketAddress socketAddress(int addr, int port) {
    return new InetSocketAddress(inet(addr), port);
  }

  static InetAddress inet(int addr) {
    byte[] b = {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always an IPv4 address", e);
    }
  }

  /** The IPv4 address in host order, or 0 if {@code a} is not IPv4. */
  static int addr(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != 4) {
      return 0;
    }
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }
}
