/*
 * UDP (RFC 768) bindings: a port plus a receive callback. Used by UDP sockets, DHCP and DNS.
 */
#ifndef NET_UDP_H
#define NET_UDP_H

#include <stddef.h>
#include <stdint.h>

struct udp_pcb;
typedef void (*udp_recv_fn)(struct udp_pcb *pcb, void *arg, uint32_t src, uint16_t sport,
                            const uint8_t *data, size_t len);

struct udp_pcb {
  int used;
  uint16_t local_port;
  udp_recv_fn recv;
  void *arg;
};

/* Binds port (0 picks an ephemeral one). Returns NULL and sets *err (-EADDRINUSE, -ENOMEM). */
struct udp_pcb *udp_bind(uint16_t port, udp_recv_fn recv, void *arg, int *err);
void udp_unbind(struct udp_pcb *pcb);

/* Sends a datagram from the pcb's port; src 0 means the interface address. 0 or -errno. */
int udp_sendto(struct udp_pcb *pcb, uint32_t src, uint32_t dst, uint16_t dport,
               const uint8_t *data, size_t len);

/* Whether a UDP or TCP port is in use (shared ephemeral port allocator). */
uint16_t net_ephemeral_port(int (*in_use)(uint16_t port));

#endif
