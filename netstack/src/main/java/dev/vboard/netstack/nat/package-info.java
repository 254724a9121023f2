/**
 * Host sockets and port forwards: the only I/O boundary of the netstack.
 *
 * <p>Contract: {@link dev.vboard.netstack.nat.Nat} owns every host socket behind one
 * {@link java.nio.channels.Selector}, all non-blocking, serviced with {@code selectNow()} from the
 * netstack's {@code poll(nowNs)} on the simulation thread; no thread is started. Open sockets add
 * no deadline to {@code pollAt()}: they wake the embedder instead. The one blocking call,
 * {@code awaitHostIo}, is a marked real-time edge for the emulator's idle loop, ended by a ready
 * socket or by {@code wakeHostIo} from any thread. It plugs in
 * from above: the TCP engine's fallback acceptor (SYNs no virtual service takes), the UDP layer's
 * fallback, a router in front of UDP for the gateway's unbound ports, and a host
 * {@link dev.vboard.netstack.transport.dns.DnsResolver}. What the host sends is handed down
 * through the TCP engine's sockets and the iface layer's {@link dev.vboard.netstack.iface.IpSender}.
 *
 * <p>Off by default ({@link dev.vboard.netstack.nat.NatConfig#disabled()}): a netstack that does
 * no I/O stays deterministic. Forwards are configured as
 * {@link dev.vboard.netstack.nat.PortForward}s in QEMU's {@code hostfwd} syntax.
 */
package dev.vboard.netstack.nat;
