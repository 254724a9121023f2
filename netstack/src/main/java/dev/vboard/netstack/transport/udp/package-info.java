/**
 * UDP (RFC 768): {@link dev.vboard.netstack.transport.udp.UdpLayer} validates datagrams and
 * dispatches them by (address, port) to {@link dev.vboard.netstack.transport.udp.UdpHandler}s;
 * unclaimed datagrams to the outside world go to a fallback handler, where the NAT plugs in.
 */
package dev.vboard.netstack.transport.udp;
