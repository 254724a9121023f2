package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.MacAddress;
import java.util.List;

/**
 * Addresses of the virtual network as the iface layer sees it.
 *
 * @param network network address, e.g. 10.0.2.0
 * @param netmask e.g. 255.255.255.0
 * @param virtualHosts the addresses the stack answers for itself (gateway 10.0.2.2, DNS 10.0.2.3)
 * @param gateway the router address; datagrams we emit from addresses outside the subnet
 *     (NAT replies) carry its MAC
 * @param mtu largest IPv4 datagram we emit (Ethernet: 1500)
 */
public record IfaceConfig(int network, int netmask, List<Integer> virtualHosts, int gateway,
    int mtu) {
  public IfaceConfig {
    virtualHosts = List.copyOf(virtualHosts);
  }

  /** The SLIRP defaults: 10.0.2.0/24, gateway 10.0.2.2, DNS 10.0.2.3, MTU 1500. */
  public static IfaceConfig slirpDefaults() {
    int gw = Ipv4Address.of(10, 0, 2, 2);
    return new IfaceConfig(Ipv4Address.of(10, 0, 2, 0), Ipv4Address.of(255, 255, 255, 0),
        List.of(gw, Ipv4Address.of(10, 0, 2, 3)), gw, 1500);
  }

  public boolean inSubnet(int addr) {
    return (addr & netmask) == network;
  }

  public int subnetBroadcast() {
    return network | ~netmask;
  }

  public boolean isVirtualHost(int addr) {
    return virtualHosts.contains(addr);
  }

  /**
   * The MAC of a virtual host. Like QEMU's slirp ("emulated hosts use the MAC addr
   * 52:55:IP:IP:IP:IP", slirp.c), each virtual host's MAC is 52:55 followed by its IPv4 address,
   * so 10.0.2.2 is 52:55:0a:00:02:02. 0x52 has the locally administered bit set and the group bit
   * clear, so these never collide with a vendor-assigned NIC address.
   */
  public static MacAddress hostMac(int addr) {
    return new MacAddress(0x5255_0000_0000L | (addr & 0xffff_ffffL));
  }

  /** True if {@code mac} is one of our virtual hosts' MACs. */
  public boolean isVirtualMac(MacAddress mac) {
    long bits = mac.bits();
    return (bits >>> 32) == 0x5255 && isVirtualHost((int) bits);
  }
}
