/**
 * TCP (RFC 9293) for the user-mode network: the host side of every TCP connection the guest
 * makes to a virtual host, and of the connections port forwards open towards the guest.
 *
 * <p>Contract: {@link dev.vboard.netstack.transport.tcp.TcpEngine} takes parsed segments and the
 * virtual time, and emits segments through a {@link dev.vboard.netstack.transport.tcp.SegmentSink};
 * {@link dev.vboard.netstack.transport.tcp.TcpLayer} adapts it to the iface layer. It reads no
 * clock, starts no thread and uses no unseeded randomness: the ISS is a keyed hash of the
 * 4-tuple and the virtual time. Every timer is a per-connection deadline reported through
 * {@code pollAt()}. Applications (virtual services, later NAT sockets) implement
 * {@link dev.vboard.netstack.transport.tcp.TcpApplication} and use the non-blocking
 * {@link dev.vboard.netstack.transport.tcp.TcpSocket}. Depends on {@code wire} and {@code iface}.
 */
package dev.vboard.netstack.transport.tcp;
