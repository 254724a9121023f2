package dev.vboard.netstack.transport.dhcp;

import java.util.List;

/**
 * What the DHCP server hands out.
 *
 * @param serverAddr our address: server identifier (option 54) and reply source
 * @param poolStart first address handed out (10.0.2.15, as QEMU's slirp)
 * @param poolSize how many consecutive addresses follow it
 * @param subnetMask option 1
 * @param router option 3
 * @param dnsServers option 6
 * @param leaseSeconds option 51; T1 and T2 are derived (RFC 2131 section 4.4.5)
 */
public record DhcpConfig(int serverAddr, int poolStart, int poolSize, int subnetMask, int router,
    List<Integer> dnsServers, int leaseSeconds) {
  public DhcpConfig {
    dnsServers = List.copyOf(dnsServers);
    if (poolSize <= 0 || leaseSeconds <= 0) {
      throw new IllegalArgumentException("DHCP pool size and lease time must be positive");
    }
  }

  public boolean inPool(int addr) {
    long index = (addr & 0xffff_ffffL) - (poolStart & 0xffff_ffffL);
    return index >= 0 && index < poolSize;
  }
}
