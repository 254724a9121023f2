/**
 * The link and network layers of the virtual hosts: Ethernet, ARP, IPv4 and ICMP.
 *
 * <p>Contract: {@link dev.vboard.netstack.iface.EthernetInterface#process} takes one frame from
 * the guest and returns the frames to send back; it never throws on guest bytes and never reads
 * a clock (time comes in as nanoseconds of virtual time). Transports plug in above through
 * {@link dev.vboard.netstack.iface.IpProtocolHandler} (the way up) and send through
 * {@link dev.vboard.netstack.iface.IpSender} (the way down). Depends only on {@code wire}.
 *
 * <p>Policy: IPv4 options are accepted and ignored; fragments are dropped (no reassembly); we
 * never fragment (DF set, datagrams over the MTU are dropped and counted). Drops are counted per
 * {@link dev.vboard.netstack.iface.Layer} and {@link dev.vboard.netstack.iface.DropReason}.
 */
package dev.vboard.netstack.iface;
