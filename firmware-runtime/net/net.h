/*
 * The network stack's interface to the system: feed received frames in, call net_poll when
 * the clock reaches net_poll_at, and give it a function that transmits frames. Time is passed
 * in (milliseconds, wrapping), never read, so the host tests drive it frame by frame.
 *
 * Layers, downward dependencies only: wire (codecs) <- iface (Ethernet, ARP, IPv4, ICMP)
 * <- udp, tcp <- dhcp, dns <- socket. Nothing here may be called from an interrupt handler.
 */
#ifndef NET_H
#define NET_H

#include <stddef.h>
#include <stdint.h>

#include "netconfig.h"

typedef int (*net_output_fn)(void *ctx, const uint8_t *frame, size_t len);

struct net_stats {
  uint32_t rx_frames, tx_frames, rx_dropped, ip_fragments_dropped, bad_checksums;
};

struct net_iface {
  uint8_t mac[6];
  uint32_t ip, mask, gw, dns; /* 0 until configured (DHCP or static) */
  net_output_fn output;
  void *output_ctx;
  uint32_t now;
  uint16_t ip_id;
  struct net_stats stats;
  /* Last ICMP echo reply seen (for ping). */
  uint16_t ping_id, ping_seq;
  uint32_t ping_from;
  int ping_replies;
};

extern struct net_iface net_if;

/* Resets every layer and binds the stack to a MAC and a frame transmitter. */
void net_init(const uint8_t mac[6], net_output_fn output, void *ctx, uint32_t now);

/* Gives the stack NET_TCP_WIDE_POOL_BYTES of memory for the wide TCP rings (netconfig.h), kept
 * for good; without it every connection has small rings. The contents need no clearing, so the
 * system can take it from uncleared RAM instead of .bss (see loop/netsys.c). */
void net_tcp_wide_pool(void *mem);

/* Sets the IPv4 configuration by hand (DHCP calls this too). */
void net_set_ipv4(uint32_t ip, uint32_t mask, uint32_t gw, uint32_t dns);

/* Processes one received Ethernet frame (without FCS). */
void net_input(const uint8_t *frame, size_t len, uint32_t now);

/* Runs every timer that is due at now (ARP, TCP retransmission and TIME_WAIT, DHCP, DNS). */
void net_poll(uint32_t now);

/* The next time net_poll has work, as an absolute time; now + a long time if none. */
uint32_t net_poll_at(uint32_t now);

/* Sends an ICMP echo request with datalen pattern bytes. Returns 0 or a negative errno. */
int net_ping(uint32_t dst, uint16_t id, uint16_t seq, size_t datalen);

/* Wrapping time comparison: non-zero if a is before b. */
static inline int net_time_before(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

/* Earliest of two absolute deadlines. */
static inline uint32_t net_earliest(uint32_t a, uint32_t b) { return net_time_before(a, b) ? a : b; }

/* Formats an address as dotted quad into buf (16 bytes). */
char *net_ip_str(uint32_t ip, char *buf);

/* Parses a dotted quad; returns 0 and sets *ip, or -1. */
int net_ip_parse(const char *s, uint32_t *ip);

#endif
