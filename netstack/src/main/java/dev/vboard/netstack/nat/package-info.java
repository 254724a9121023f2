/**
 * Host sockets and port forwards: the only I/O boundary of the netstack. So far only the
 * forward configuration exists; the sockets are for a later session.
 *
 * <p>Where it plugs in: outgoing UDP to addresses outside the virtual hosts reaches
 * {@link dev.vboard.netstack.transport.udp.UdpLayer#setFallback}; TCP the same way through the TCP
 * engine; a host resolver implements {@link dev.vboard.netstack.transport.dns.DnsResolver}. The
 * NAT owns the host sockets, polls them only at the real-time edge and injects what they receive
 * as datagrams through an {@link dev.vboard.netstack.iface.IpSender}. Forwards are configured as
 * {@link dev.vboard.netstack.nat.PortForward}s, in QEMU's {@code hostfwd} syntax. Everything below
 * this package stays deterministic.
 */
package dev.vboard.netstack.nat;
