/*
 * DHCP client (RFC 2131, options RFC 2132): DISCOVER -> OFFER -> REQUEST -> ACK, renewal at
 * T1 (unicast to the server) and rebinding at T2 (broadcast), and a static fallback
 * (netconfig.h NET_STATIC_*) when no server answers after NET_DHCP_TRIES discovers.
 */
#ifndef NET_DHCP_H
#define NET_DHCP_H

#include <stdint.h>

enum dhcp_state {
  DHCP_OFF,
  DHCP_SELECTING,
  DHCP_REQUESTING,
  DHCP_BOUND,
  DHCP_RENEWING,
  DHCP_REBINDING,
  DHCP_FALLBACK, /* no server: using the static configuration */
};

/* Starts (or restarts) address acquisition. Returns 0 or -errno. */
int dhcp_start(uint32_t now);
enum dhcp_state dhcp_state(void);
/* Lease details once bound. */
uint32_t dhcp_server(void);
uint32_t dhcp_lease_seconds(void);

#endif
