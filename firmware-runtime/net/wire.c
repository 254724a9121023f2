#include "wire.h"

#include <string.h>

/* Whole 32-bit words first, one load each (the board spent five instructions a byte on 16-bit
 * pairs), their halves summed in the host's byte order: a one's-complement sum is the same in
 * either order once swapped back (RFC 1071 2(B)) and may be folded at any point (2(C)). The
 * 32-bit accumulator cannot overflow below 128 KiB, far above any packet. */
uint32_t cksum_add(uint32_t sum, const uint8_t *data, size_t len) {
  uint32_t acc = 0;
  for (; len >= 4; len -= 4, data += 4) {
    uint32_t w;
    memcpy(&w, data, 4); /* an unaligned word load on Cortex-M3 and on the host */
    acc += (w & 0xFFFF) + (w >> 16);
  }
  acc = (acc & 0xFFFF) + (acc >> 16);
  acc = (acc & 0xFFFF) + (acc >> 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  acc = (acc >> 8 | acc << 8) & 0xFFFF;
#endif
  sum += acc;
  size_t i = 0;
  for (; i + 1 < len; i += 2) {
    sum += (uint32_t)(data[i] << 8 | data[i + 1]);
  }
  if (i < len) {
    sum += (uint32_t)data[i] << 8; /* odd byte padded with zero (RFC 1071 4.1) */
  }
  return sum;
}

uint16_t cksum_fold(uint32_t sum) {
  while (sum >> 16) {
    sum = (sum & 0xFFFF) + (sum >> 16);
  }
  return (uint16_t)~sum;
}

uint32_t cksum_pseudo(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len) {
  return (src >> 16) + (src & 0xFFFF) + (dst >> 16) + (dst & 0xFFFF) + proto + len;
}

int eth_parse(const uint8_t *buf, size_t len, struct eth_hdr *h) {
  if (len < ETH_HDR_LEN) {
    return -1;
  }
  memcpy(h->dst, buf, 6);
  memcpy(h->src, buf + 6, 6);
  h->type = rd16(buf + 12);
  return ETH_HDR_LEN;
}

int eth_emit(uint8_t *buf, const struct eth_hdr *h) {
  memcpy(buf, h->dst, 6);
  memcpy(buf + 6, h->src, 6);
  wr16(buf + 12, h->type);
  return ETH_HDR_LEN;
}

/* RFC 826 packet: hrd=1 (Ethernet), pro=0x0800, hln=6, pln=4, op, sha, spa, tha, tpa. */
int arp_parse(const uint8_t *buf, size_t len, struct arp_pkt *a) {
  if (len < ARP_LEN || rd16(buf) != 1 || rd16(buf + 2) != ETHERTYPE_IPV4 || buf[4] != 6 ||
      buf[5] != 4) {
    return -1;
  }
  a->op = rd16(buf + 6);
  memcpy(a->sha, buf + 8, 6);
  a->spa = rd32(buf + 14);
  memcpy(a->tha, buf + 18, 6);
  a->tpa = rd32(buf + 24);
  return ARP_LEN;
}

int arp_emit(uint8_t *buf, const struct arp_pkt *a) {
  wr16(buf, 1);
  wr16(buf + 2, ETHERTYPE_IPV4);
  buf[4] = 6;
  buf[5] = 4;
  wr16(buf + 6, a->op);
  memcpy(buf + 8, a->sha, 6);
  wr32(buf + 14, a->spa);
  memcpy(buf + 18, a->tha, 6);
  wr32(buf + 24, a->tpa);
  return ARP_LEN;
}

int ipv4_parse(const uint8_t *buf, size_t len, struct ipv4_hdr *h) {
  if (len < IPV4_HDR_LEN || (buf[0] >> 4) != 4) {
    return -1;
  }
  h->hdr_len = (uint8_t)((buf[0] & 0x0F) * 4);
  h->tos = buf[1];
  h->total_len = rd16(buf + 2);
  h->id = rd16(buf + 4);
  h->flags_frag = rd16(buf + 6);
  h->ttl = buf[8];
  h->proto = buf[9];
  h->src = rd32(buf + 12);
  h->dst = rd32(buf + 16);
  if (h->hdr_len < IPV4_HDR_LEN || h->total_len < h->hdr_len || h->total_len > len) {
    return -1;
  }
  if (cksum_fold(cksum_add(0, buf, h->hdr_len)) != 0) {
    return -1;
  }
  return h->hdr_len;
}

int ipv4_emit(uint8_t *buf, const struct ipv4_hdr *h) {
  buf[0] = 0x45;
  buf[1] = h->tos;
  wr16(buf + 2, h->total_len);
  wr16(buf + 4, h->id);
  wr16(buf + 6, h->flags_frag);
  buf[8] = h->ttl;
  buf[9] = h->proto;
  wr16(buf + 10, 0);
  wr32(buf + 12, h->src);
  wr32(buf + 16, h->dst);
  wr16(buf + 10, cksum_fold(cksum_add(0, buf, IPV4_HDR_LEN)));
  return IPV4_HDR_LEN;
}

int icmp_parse(const uint8_t *buf, size_t len, struct icmp_echo *e) {
  if (len < ICMP_HDR_LEN || cksum_fold(cksum_add(0, buf, len)) != 0) {
    return -1;
  }
  e->type = buf[0];
  e->code = buf[1];
  e->id = rd16(buf + 4);
  e->seq = rd16(buf + 6);
  return ICMP_HDR_LEN;
}

int icmp_emit(uint8_t *buf, size_t len, const struct icmp_echo *e) {
  buf[0] = e->type;
  buf[1] = e->code;
  wr16(buf + 2, 0);
  wr16(buf + 4, e->id);
  wr16(buf + 6, e->seq);
  wr16(buf + 2, cksum_fold(cksum_add(0, buf, len)));
  return ICMP_HDR_LEN;
}

int udp_parse(const uint8_t *buf, size_t len, uint32_t src, uint32_t dst, struct udp_hdr *h) {
  if (len < UDP_HDR_LEN) {
    return -1;
  }
  h->sport = rd16(buf);
  h->dport = rd16(buf + 2);
  h->len = rd16(buf + 4);
  if (h->len < UDP_HDR_LEN || h->len > len) {
    return -1;
  }
  /* A zero checksum means the sender did not compute one (RFC 768). */
  if (rd16(buf + 6) != 0) {
    uint32_t sum = cksum_pseudo(src, dst, IP_PROTO_UDP, h->len);
    if (cksum_fold(cksum_add(sum, buf, h->len)) != 0) {
      return -1;
    }
  }
  return UDP_HDR_LEN;
}

int udp_emit(uint8_t *buf, uint32_t src, uint32_t dst, const struct udp_hdr *h) {
  wr16(buf, h->sport);
  wr16(buf + 2, h->dport);
  wr16(buf + 4, h->len);
  wr16(buf + 6, 0);
  uint16_t c = cksum_fold(cksum_add(cksum_pseudo(src, dst, IP_PROTO_UDP, h->len), buf, h->len));
  wr16(buf + 6, c == 0 ? 0xFFFF : c); /* 0 is "no checksum", so send all ones (RFC 768) */
  return UDP_HDR_LEN;
}

int tcp_parse(const uint8_t *buf, size_t len, uint32_t src, uint32_t dst, struct tcp_hdr *h) {
  if (len < TCP_HDR_LEN) {
    return -1;
  }
  h->sport = rd16(buf);
  h->dport = rd16(buf + 2);
  h->seq = rd32(buf + 4);
  h->ack = rd32(buf + 8);
  h->hdr_len = (uint8_t)((buf[12] >> 4) * 4);
  h->flags = buf[13] & 0x3F;
  h->wnd = rd16(buf + 14);
  h->urg = rd16(buf + 18);
  h->mss = 0;
  h->wscale = 0;
  if (h->hdr_len < TCP_HDR_LEN || h->hdr_len > len) {
    return -1;
  }
  if (cksum_fold(cksum_add(cksum_pseudo(src, dst, IP_PROTO_TCP, (uint16_t)len), buf, len)) != 0) {
    return -1;
  }
  /* Options (RFC 9293 3.2): 0 = end, 1 = no-op, others are kind, length, value. */
  const uint8_t *o = buf + TCP_HDR_LEN, *end = buf + h->hdr_len;
  while (o < end) {
    if (o[0] == 0) {
      break;
    }
    if (o[0] == 1) {
      o++;
      continue;
    }
    if (o + 1 >= end || o[1] < 2 || o + o[1] > end) {
      break; /* malformed options are ignored, the segment is still valid */
    }
    if (o[0] == 2 && o[1] == 4) {
      h->mss = rd16(o + 2);
    } else if (o[0] == 3 && o[1] == 3) {
      h->wscale = (uint8_t)((o[2] > 14 ? 14 : o[2]) + 1); /* 14 at most (RFC 7323 2.3) */
    }
    o += o[1];
  }
  return h->hdr_len;
}

int tcp_emit(uint8_t *buf, size_t data_len, uint32_t src, uint32_t dst, const struct tcp_hdr *h) {
  int hl = tcp_hdr_size(h);
  wr16(buf, h->sport);
  wr16(buf + 2, h->dport);
  wr32(buf + 4, h->seq);
  wr32(buf + 8, h->ack);
  buf[12] = (uint8_t)((hl / 4) << 4);
  buf[13] = h->flags;
  wr16(buf + 14, h->wnd);
  wr16(buf + 16, 0);
  wr16(buf + 18, h->urg);
  uint8_t *o = buf + TCP_HDR_LEN;
  if (h->mss) {
    o[0] = 2;
    o[1] = 4;
    wr16(o + 2, h->mss);
    o += 4;
  }
  if (h->wscale) {
    /* NOP first, so the 3-byte option ends on a 32-bit boundary (RFC 7323 appendix A). */
    o[0] = 1;
    o[1] = 3;
    o[2] = 3;
    o[3] = (uint8_t)(h->wscale - 1);
  }
  uint16_t total = (uint16_t)(hl + data_len);
  wr16(buf + 16, cksum_fold(cksum_add(cksum_pseudo(src, dst, IP_PROTO_TCP, total), buf, total)));
  return hl;
}
