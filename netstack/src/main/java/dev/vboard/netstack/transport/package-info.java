/**
 * The transport layer and the responders above it: UDP demultiplexing ({@code udp}), the DHCP
 * server ({@code dhcp}), the DNS server ({@code dns}), the virtual services shared by UDP and TCP
 * ({@code service}), and the TCP engine ({@code tcp}).
 *
 * <p>Contract: each transport is an {@link dev.vboard.netstack.iface.IpProtocolHandler}
 * registered with the iface layer; it receives validated IPv4 payloads with the virtual time and
 * replies through an {@link dev.vboard.netstack.iface.IpSender} during the call or from
 * {@code poll}. No clock, no threads, no I/O; drops are counted in the shared
 * {@link dev.vboard.netstack.iface.DropCounters}. Depends on {@code iface} and {@code wire} only.
 */
package dev.vboard.netstack.transport;
