/*
 * Interfaces between the stack's layers; not for applications.
 */
#ifndef NET_INTERNAL_H
#define NET_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "wire.h"

/* Offset of the IP payload in the transmit buffer (Ethernet + IPv4 headers). */
#define NET_IP_PAYLOAD_OFF (ETH_HDR_LEN + IPV4_HDR_LEN)
#define NET_IP_PAYLOAD_MAX (NET_MTU - IPV4_HDR_LEN)

/* The single transmit buffer: a layer writes its packet at ip_tx_payload() and calls ip_send.
 * Nothing may be queued there across calls. */
uint8_t *ip_tx_payload(void);

/* Sends the len bytes at ip_tx_payload() to dst (255.255.255.255 = link broadcast), resolving
 * the next hop with ARP. src 0 means "my address". Returns 0 or a negative errno. */
int ip_send(uint32_t src, uint32_t dst, uint8_t proto, size_t len);

/* Whether dst would be reachable (have an address and a route). */
int ip_route_ok(uint32_t dst);

void arp_reset(void);
void arp_input(const uint8_t *frame, size_t len);
void arp_poll(uint32_t now);
uint32_t arp_poll_at(uint32_t now);
/* Sends the complete frame (Ethernet header included) to next_hop; if the MAC is unknown it
 * is queued (one per entry) while ARP resolves it. */
int arp_output(uint32_t next_hop, uint8_t *frame, size_t len);
/* Cache lookup (for tests and diagnostics); returns 1 and copies the MAC if present. */
int arp_lookup(uint32_t ip, uint8_t mac[6]);

/* Sends ICMP destination unreachable (RFC 792) quoting the offending datagram: its IPv4 header
 * (just before payload) and the first 8 payload bytes. */
void icmp_send_unreachable(const struct ipv4_hdr *ip, const uint8_t *payload, size_t len, uint8_t code);

void udp_reset(void);
void udp_input(const struct ipv4_hdr *ip, const uint8_t *seg, size_t len);

void tcp_reset(void);
void tcp_input(const struct ipv4_hdr *ip, const uint8_t *seg, size_t len);
void tcp_poll(uint32_t now);
uint32_t tcp_poll_at(uint32_t now);

void dhcp_reset(void);
void dhcp_poll(uint32_t now);
uint32_t dhcp_poll_at(uint32_t now);

void dns_reset(void);
void dns_poll(uint32_t now);
uint32_t dns_poll_at(uint32_t now);

#define NET_FAR_FUTURE(now) ((now) + 3600000u)

#endif
