/*
 * The interface layer: Ethernet demultiplexing, IPv4 input and output (RFC 791), ICMP echo
 * (RFC 792). Fragments are dropped: the stack never sends them, and RFC 1122 3.3.2 lets a host
 * with a small reassembly buffer refuse them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "net_internal.h"

struct net_iface net_if;

static uint8_t tx_frame[NET_FRAME_MAX];

uint8_t *ip_tx_payload(void) { return tx_frame + NET_IP_PAYLOAD_OFF; }

void net_init(const uint8_t mac[6], net_output_fn output, void *ctx, uint32_t now) {
  memset(&net_if, 0, sizeof net_if);
  memcpy(net_if.mac, mac, 6);
  net_if.output = output;
  net_if.output_ctx = ctx;
  net_if.now = now;
  net_if.ip_id = 1;
  arp_reset();
  udp_reset();
  tcp_reset();
  dhcp_reset();
  dns_reset();
}

void net_set_ipv4(uint32_t ip, uint32_t mask, uint32_t gw, uint32_t dns) {
  net_if.ip = ip;
  net_if.mask = mask;
  net_if.gw = gw;
  net_if.dns = dns;
}

int ip_route_ok(uint32_t dst) {
  if (dst == 0xFFFFFFFFu) {
    return 1;
  }
  if (net_if.ip == 0) {
    return 0;
  }
  return ((dst ^ net_if.ip) & net_if.mask) == 0 || net_if.gw != 0;
}

int ip_send(uint32_t src, uint32_t dst, uint8_t proto, size_t len) {
  if (len > NET_IP_PAYLOAD_MAX) {
    return -EMSGSIZE;
  }
  if (!ip_route_ok(dst)) {
    return -ENETUNREACH;
  }
  struct ipv4_hdr ih = {
      .tos = 0,
      .total_len = (uint16_t)(IPV4_HDR_LEN + len),
      .id = net_if.ip_id++,
      .flags_frag = IPV4_FLAG_DF,
      .ttl = NET_IP_TTL,
      .proto = proto,
      .src = src ? src : net_if.ip,
      .dst = dst,
  };
  ipv4_emit(tx_frame + ETH_HDR_LEN, &ih);
  struct eth_hdr eh = {.type = ETHERTYPE_IPV4};
  memcpy(eh.src, net_if.mac, 6);
  memset(eh.dst, 0xFF, 6);
  eth_emit(tx_frame, &eh);
  size_t flen = ETH_HDR_LEN + IPV4_HDR_LEN + len;
  uint32_t bcast = net_if.ip | ~net_if.mask;
  if (dst == 0xFFFFFFFFu || (net_if.mask != 0 && dst == bcast)) {
    net_if.stats.tx_frames++;
    return net_if.output(net_if.output_ctx, tx_frame, flen) == 0 ? 0 : -ENOBUFS;
  }
  /* RFC 1122 3.3.1.1: on-link destinations directly, everything else via the gateway. */
  uint32_t hop = (((dst ^ net_if.ip) & net_if.mask) == 0) ? dst : net_if.gw;
  return arp_output(hop, tx_frame, flen);
}

static void icmp_input(const struct ipv4_hdr *ip, const uint8_t *msg, size_t len) {
  struct icmp_echo e;
  if (icmp_parse(msg, len, &e) < 0) {
    net_if.stats.bad_checksums++;
    return;
  }
  if (e.type == ICMP_ECHO_REQUEST && e.code == 0) {
    /* RFC 792: the reply echoes identifier, sequence number and data. */
    if (len > NET_IP_PAYLOAD_MAX) {
      return;
    }
    uint8_t *out = ip_tx_payload();
    memmove(out, msg, len);
    e.type = ICMP_ECHO_REPLY;
    icmp_emit(out, len, &e);
    ip_send(0, ip->src, IP_PROTO_ICMP, len);
  } else if (e.type == ICMP_ECHO_REPLY) {
    net_if.ping_id = e.id;
    net_if.ping_seq = e.seq;
    net_if.ping_from = ip->src;
    net_if.ping_replies++;
  }
}

void icmp_send_unreachable(const struct ipv4_hdr *ip, const uint8_t *payload, size_t len, uint8_t code) {
  size_t quoted = len < 8 ? len : 8;
  uint8_t *out = ip_tx_payload();
  /* Type 3 message: 4 unused bytes after the checksum, then the quote (RFC 792 p. 4). */
  memmove(out + ICMP_HDR_LEN, payload - ip->hdr_len, ip->hdr_len + quoted);
  struct icmp_echo e = {.type = ICMP_DEST_UNREACH, .code = code, .id = 0, .seq = 0};
  size_t total = ICMP_HDR_LEN + ip->hdr_len + quoted;
  icmp_emit(out, total, &e);
  ip_send(0, ip->src, IP_PROTO_ICMP, total);
}

int net_ping(uint32_t dst, uint16_t id, uint16_t seq, size_t datalen) {
  if (datalen > NET_IP_PAYLOAD_MAX - ICMP_HDR_LEN) {
    return -EMSGSIZE;
  }
  uint8_t *out = ip_tx_payload();
  for (size_t i = 0; i < datalen; i++) {
    out[ICMP_HDR_LEN + i] = (uint8_t)('a' + i % 26);
  }
  struct icmp_echo e = {.type = ICMP_ECHO_REQUEST, .code = 0, .id = id, .seq = seq};
  icmp_emit(out, ICMP_HDR_LEN + datalen, &e);
  return ip_send(0, dst, IP_PROTO_ICMP, ICMP_HDR_LEN + datalen);
}

static void ipv4_input(const uint8_t *pkt, size_t len) {
  struct ipv4_hdr ih;
  if (ipv4_parse(pkt, len, &ih) < 0) {
    net_if.stats.rx_dropped++;
    return;
  }
  if ((ih.flags_frag & (IPV4_FLAG_MF | IPV4_FRAG_MASK)) != 0) {
    net_if.stats.ip_fragments_dropped++;
    return;
  }
  /* Accept unicast to us, limited broadcast, and subnet broadcast. Before an address is
   * configured, accept anything, so a DHCP server's unicast offer reaches us (RFC 2131 4.1). */
  uint32_t bcast = net_if.ip | ~net_if.mask;
  if (net_if.ip != 0 && ih.dst != net_if.ip && ih.dst != 0xFFFFFFFFu && ih.dst != bcast) {
    net_if.stats.rx_dropped++;
    return;
  }
  const uint8_t *payload = pkt + ih.hdr_len;
  size_t plen = ih.total_len - ih.hdr_len; /* trims Ethernet padding */
  switch (ih.proto) {
    case IP_PROTO_ICMP:
      icmp_input(&ih, payload, plen);
      break;
    case IP_PROTO_UDP:
      udp_input(&ih, payload, plen);
      break;
    case IP_PROTO_TCP:
      tcp_input(&ih, payload, plen);
      break;
    default:
      net_if.stats.rx_dropped++;
      break;
  }
}

void net_input(const uint8_t *frame, size_t len, uint32_t now) {
  net_if.now = now;
  net_if.stats.rx_frames++;
  struct eth_hdr eh;
  if (eth_parse(frame, len, &eh) < 0) {
    net_if.stats.rx_dropped++;
    return;
  }
  static const uint8_t bcast[6] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  if (memcmp(eh.dst, net_if.mac, 6) != 0 && memcmp(eh.dst, bcast, 6) != 0) {
    net_if.stats.rx_dropped++;
    return;
  }
  switch (eh.type) {
    case ETHERTYPE_ARP:
      arp_input(frame, len);
      break;
    case ETHERTYPE_IPV4:
      ipv4_input(frame + ETH_HDR_LEN, len - ETH_HDR_LEN);
      break;
    default:
      net_if.stats.rx_dropped++;
      break;
  }
}

void net_poll(uint32_t now) {
  net_if.now = now;
  arp_poll(now);
  dhcp_poll(now);
  dns_poll(now);
  tcp_poll(now);
}

uint32_t net_poll_at(uint32_t now) {
  uint32_t t = NET_FAR_FUTURE(now);
  t = net_earliest(t, arp_poll_at(now));
  t = net_earliest(t, dhcp_poll_at(now));
  t = net_earliest(t, dns_poll_at(now));
  t = net_earliest(t, tcp_poll_at(now));
  return t;
}

char *net_ip_str(uint32_t ip, char *buf) {
  snprintf(buf, 16, "%u.%u.%u.%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16 & 255),
           (unsigned)(ip >> 8 & 255), (unsigned)(ip & 255));
  return buf;
}

int net_ip_parse(const char *s, uint32_t *ip) {
  uint32_t v = 0;
  for (int part = 0; part < 4; part++) {
    if (*s < '0' || *s > '9') {
      return -1;
    }
    uint32_t n = 0;
    int digits = 0;
    while (*s >= '0' && *s <= '9') {
      n = n * 10 + (uint32_t)(*s++ - '0');
      if (++digits > 3 || n > 255) {
        return -1;
      }
    }
    v = v << 8 | n;
    if (part < 3 && *s++ != '.') {
      return -1;
    }
  }
  if (*s != '\0') {
    return -1;
  }
  *ip = v;
  return 0;
}
