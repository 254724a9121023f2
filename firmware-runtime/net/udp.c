#include "udp.h"

#include <errno.h>
#include <string.h>

#include "net_internal.h"

static struct udp_pcb pcbs[NET_UDP_PCBS];
static uint16_t next_ephemeral = NET_EPHEMERAL_FIRST;

void udp_reset(void) { memset(pcbs, 0, sizeof pcbs); }

uint16_t net_ephemeral_port(int (*in_use)(uint16_t port)) {
  for (uint32_t i = 0; i <= NET_EPHEMERAL_LAST - NET_EPHEMERAL_FIRST; i++) {
    uint16_t p = next_ephemeral;
    next_ephemeral = (p == NET_EPHEMERAL_LAST) ? NET_EPHEMERAL_FIRST : (uint16_t)(p + 1);
    if (!in_use(p)) {
      return p;
    }
  }
  return 0;
}

static int udp_port_in_use(uint16_t port) {
  for (int i = 0; i < NET_UDP_PCBS; i++) {
    if (pcbs[i].used && pcbs[i].local_port == port) {
      return 1;
    }
  }
  return 0;
}

struct udp_pcb *udp_bind(uint16_t port, udp_recv_fn recv, void *arg, int *err) {
  if (port == 0) {
    port = net_ephemeral_port(udp_port_in_use);
  } else if (udp_port_in_use(port)) {
    *err = -EADDRINUSE;
    return NULL;
  }
  for (int i = 0; i < NET_UDP_PCBS; i++) {
    if (!pcbs[i].used) {
      pcbs[i] = (struct udp_pcb){.used = 1, .local_port = port, .recv = recv, .arg = arg};
      return &pcbs[i];
    }
  }
  *err = -ENOMEM;
  return NULL;
}

void udp_unbind(struct udp_pcb *pcb) {
  if (pcb) {
    pcb->used = 0;
  }
}

int udp_sendto(struct udp_pcb *pcb, uint32_t src, uint32_t dst, uint16_t dport,
               const uint8_t *data, size_t len) {
  if (len > NET_IP_PAYLOAD_MAX - UDP_HDR_LEN) {
    return -EMSGSIZE;
  }
  uint8_t *out = ip_tx_payload();
  memmove(out + UDP_HDR_LEN, data, len);
  struct udp_hdr h = {.sport = pcb->local_port, .dport = dport, .len = (uint16_t)(UDP_HDR_LEN + len)};
  udp_emit(out, src ? src : net_if.ip, dst, &h);
  return ip_send(src, dst, IP_PROTO_UDP, UDP_HDR_LEN + len);
}

void udp_input(const struct ipv4_hdr *ip, const uint8_t *seg, size_t len) {
  struct udp_hdr h;
  if (udp_parse(seg, len, ip->src, ip->dst, &h) < 0) {
    net_if.stats.bad_checksums++;
    return;
  }
  for (int i = 0; i < NET_UDP_PCBS; i++) {
    if (pcbs[i].used && pcbs[i].local_port == h.dport) {
      pcbs[i].recv(&pcbs[i], pcbs[i].arg, ip->src, h.sport, seg + UDP_HDR_LEN, h.len - UDP_HDR_LEN);
      return;
    }
  }
  /* No listener: a unicast datagram gets ICMP port unreachable (RFC 1122 3.2.2.1, 4.1.3.1). */
  net_if.stats.rx_dropped++;
  if (ip->dst == net_if.ip && net_if.ip != 0) {
    icmp_send_unreachable(ip, seg, len, ICMP_CODE_PORT_UNREACH);
  }
}
