/*
 * Compile-time limits of the network stack. Everything is statically allocated from these;
 * override any of them with -D on the compiler command line.
 */
#ifndef NETCONFIG_H
#define NETCONFIG_H

/* Largest Ethernet frame without FCS (IEEE 802.3: 1500-byte payload + 14-byte header). */
#define NET_FRAME_MAX 1514
#define NET_MTU 1500

/* ARP (RFC 826): cache entries, entry lifetime, request retry interval and count. */
#ifndef NET_ARP_ENTRIES
#define NET_ARP_ENTRIES 8
#endif
#ifndef NET_ARP_MAX_AGE_MS
#define NET_ARP_MAX_AGE_MS 300000u
#endif
#define NET_ARP_RETRY_MS 1000u
#define NET_ARP_MAX_TRIES 4

#ifndef NET_IP_TTL
#define NET_IP_TTL 64
#endif

/* Sockets: total sockets (TCP + UDP, listeners included). */
#ifndef NET_MAX_SOCKETS
#define NET_MAX_SOCKETS 64
#endif

/* UDP: bindings (sockets + DHCP + DNS), queued datagrams per socket, datagram size. */
#ifndef NET_UDP_PCBS
#define NET_UDP_PCBS 8
#endif
#ifndef NET_UDP_QUEUE
#define NET_UDP_QUEUE 4
#endif
#ifndef NET_UDP_DGRAM_MAX
#define NET_UDP_DGRAM_MAX 576
#endif

/* TCP (RFC 9293): connections (including embryonic ones), buffers, timers. */
#ifndef NET_TCP_PCBS
#define NET_TCP_PCBS 64
#endif
/* Every connection has receive and send rings of NET_TCP_RX_BUF and NET_TCP_TX_BUF bytes: the
 * receive ring is the window we offer. Bulk transfers want more than a 2 KiB window, but 64
 * connections with 64 KiB rings would not fit the board's RAM, so the first NET_TCP_WIDE_CONNS
 * connections to open, active or passive, take wide rings from a pool instead and keep them
 * until they are freed; the others keep the small ones. The system hands the pool over with
 * net_tcp_wide_pool (NET_TCP_WIDE_POOL_BYTES). */
#ifndef NET_TCP_RX_BUF
#define NET_TCP_RX_BUF 2048
#endif
#ifndef NET_TCP_TX_BUF
#define NET_TCP_TX_BUF 2048
#endif
#ifndef NET_TCP_WIDE_CONNS
#define NET_TCP_WIDE_CONNS 4
#endif
#ifndef NET_TCP_WIDE_RX_BUF
#define NET_TCP_WIDE_RX_BUF 65536
#endif
#ifndef NET_TCP_WIDE_TX_BUF
#define NET_TCP_WIDE_TX_BUF 32768
#endif
#define NET_TCP_WIDE_POOL_BYTES \
  ((uint32_t)NET_TCP_WIDE_CONNS * (NET_TCP_WIDE_RX_BUF + NET_TCP_WIDE_TX_BUF))
/* Our window scale shift (RFC 7323 2.2): the smallest that lets the 16-bit window field offer
 * the whole wide receive ring. */
#define NET_TCP_SHIFT_FITS(s) ((NET_TCP_WIDE_RX_BUF >> (s)) <= 0xFFFF)
#define NET_TCP_WSCALE                                                                       \
  (NET_TCP_SHIFT_FITS(0) ? 0 : NET_TCP_SHIFT_FITS(1) ? 1 : NET_TCP_SHIFT_FITS(2) ? 2     \
   : NET_TCP_SHIFT_FITS(3) ? 3 : NET_TCP_SHIFT_FITS(4) ? 4 : NET_TCP_SHIFT_FITS(5) ? 5   \
   : NET_TCP_SHIFT_FITS(6) ? 6 : NET_TCP_SHIFT_FITS(7) ? 7 : 8)
/* Delayed ACK (RFC 9293 3.8.6.3, RFC 1122 4.2.3.2: under 0.5 s, and at least every second
 * full-sized segment). 40 ms, Linux's minimum, keeps the stall short when a peer's Nagle waits
 * for our ACK between two small writes; a reply within it carries the ACK. */
#ifndef NET_TCP_DELACK_MS
#define NET_TCP_DELACK_MS 40u
#endif
#ifndef NET_TCP_BACKLOG_MAX
#define NET_TCP_BACKLOG_MAX 48
#endif
/* The smallest listen queue, whatever listen() asks for. A listener's queue holds embryonic and
 * completed connections together, and a SYN that finds it full is dropped for the client to
 * retry after its RTO (1 s, then 2 s, ...). With a queue of 5 (asyncio's default backlog) a
 * burst of 50 clients would take a minute of retries; Linux avoids that with a separate SYN
 * queue (tcp_max_syn_backlog) and lwIP by ignoring the backlog. We keep one queue but give it a
 * floor, so a small backlog still absorbs a burst as long as connections (PCBs) are free. */
#ifndef NET_TCP_LISTEN_MIN
#define NET_TCP_LISTEN_MIN 32
#endif
#ifndef NET_TCP_OOO_RANGES
#define NET_TCP_OOO_RANGES 4 /* out-of-order byte ranges remembered per connection */
#endif
#define NET_TCP_MSS (NET_MTU - 40)
#define NET_TCP_DEFAULT_MSS 536 /* RFC 9293 3.7.1 when the peer sends no MSS option */
#define NET_TCP_RTO_INIT_MS 1000u /* RFC 6298 2.1 */
#define NET_TCP_RTO_MIN_MS 200u   /* below RFC 6298's 1 s, as most stacks do on LANs */
#define NET_TCP_RTO_MAX_MS 60000u
#define NET_TCP_MAX_RETRIES 8
#define NET_TCP_SYN_RETRIES 5
#define NET_TCP_MSL_MS 1000u /* short MSL: TIME_WAIT is 2*MSL (RFC 9293 3.4.2) */
#define NET_TCP_FIN_WAIT_2_MS 60000u /* how long an orphan waits for the peer's FIN */

/* DHCP client (RFC 2131): retries before the static fallback, and the fallback itself. */
#ifndef NET_DHCP_TRIES
#define NET_DHCP_TRIES 4
#endif
#define NET_DHCP_RETRY_MS 2000u
#ifndef NET_STATIC_FALLBACK
#define NET_STATIC_FALLBACK 1
#endif
/* QEMU user networking's defaults (10.0.2.0/24, gateway .2, DNS .3). */
#define NET_STATIC_IP NET_IP4(10, 0, 2, 15)
#define NET_STATIC_MASK NET_IP4(255, 255, 255, 0)
#define NET_STATIC_GW NET_IP4(10, 0, 2, 2)
#define NET_STATIC_DNS NET_IP4(10, 0, 2, 3)

/* DNS client (RFC 1035). */
#define NET_DNS_RETRY_MS 1000u
#define NET_DNS_TRIES 3
#define NET_DNS_NAME_MAX 128

/* Ephemeral ports (RFC 6335 dynamic range). */
#define NET_EPHEMERAL_FIRST 49152u
#define NET_EPHEMERAL_LAST 65535u

#define NET_IP4(a, b, c, d) \
  (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (uint32_t)(d))

#endif
