package dev.vboard.netstack.iface;

/** The protocol layer at which a drop happened; with {@link DropReason} it names a counter. */
public enum Layer {
  ETHERNET,
  ARP,
  IPV4,
  ICMP,
  UDP,
  TCP,
  DHCP,
  DNS
}
