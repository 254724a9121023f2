/**
 * A SLIRP-style user-mode network for the emulated board: {@link dev.vboard.netstack.Netstack}
 * is the facade; {@code link} holds the wire interface, capture and the test harness.
 *
 * <p>Layers depend downwards only: {@code wire} (codecs) &lt; {@code iface} (Ethernet, ARP, IPv4,
 * ICMP) &lt; {@code transport} (UDP, TCP, DHCP, DNS, virtual services) &lt; {@code nat} (host
 * I/O). Knows nothing of the CPU. Time is passed in as virtual nanoseconds.
 */
package dev.vboard.netstack;
