/*
 * Wire formats: pure encoders and decoders of protocol headers over byte buffers. No state,
 * no I/O. Every parse validates lengths (and checksums where the header carries one) and
 * returns the header length, or -1; every emit writes the header and returns its length.
 * Addresses and numbers are host order in the structs, network order on the wire.
 */
#ifndef NET_WIRE_H
#define NET_WIRE_H

#include <stddef.h>
#include <stdint.h>

static inline uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t rd32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline void wr16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}
static inline void wr32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* Internet checksum (RFC 1071): one's-complement sum, folded; start with sum 0. */
uint32_t cksum_add(uint32_t sum, const uint8_t *data, size_t len);
uint16_t cksum_fold(uint32_t sum);
/* Sum of the IPv4 pseudo-header (RFC 768, RFC 9293 3.1) for UDP/TCP checksums. */
uint32_t cksum_pseudo(uint32_t src, uint32_t dst, uint8_t proto, uint16_t len);

/* ---- Ethernet II (IEEE 802.3 clause 3) ---- */
#define ETH_HDR_LEN 14
#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_ARP 0x0806
struct eth_hdr {
  uint8_t dst[6];
  uint8_t src[6];
  uint16_t type;
};
int eth_parse(const uint8_t *buf, size_t len, struct eth_hdr *h);
int eth_emit(uint8_t *buf, const struct eth_hdr *h);

/* ---- ARP for IPv4 over Ethernet (RFC 826) ---- */
#define ARP_LEN 28
#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2
struct arp_pkt {
  uint16_t op;
  uint8_t sha[6];
  uint32_t spa;
  uint8_t tha[6];
  uint32_t tpa;
};
int arp_parse(const uint8_t *buf, size_t len, struct arp_pkt *a);
int arp_emit(uint8_t *buf, const struct arp_pkt *a);

/* ---- IPv4 (RFC 791) ---- */
#define IPV4_HDR_LEN 20
#define IP_PROTO_ICMP 1
#define IP_PROTO_TCP 6
#define IP_PROTO_UDP 17
#define IPV4_FLAG_DF 0x4000
#define IPV4_FLAG_MF 0x2000
#define IPV4_FRAG_MASK 0x1FFF
struct ipv4_hdr {
  uint8_t hdr_len; /* bytes; parse only, emit always writes 20 */
  uint8_t tos;
  uint16_t total_len;
  uint16_t id;
  uint16_t flags_frag;
  uint8_t ttl;
  uint8_t proto;
  uint32_t src;
  uint32_t dst;
};
/* Validates version, header length, total length and header checksum. */
int ipv4_parse(const uint8_t *buf, size_t len, struct ipv4_hdr *h);
int ipv4_emit(uint8_t *buf, const struct ipv4_hdr *h);

/* ---- ICMP echo (RFC 792) ---- */
#define ICMP_HDR_LEN 8
#define ICMP_ECHO_REPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_ECHO_REQUEST 8
#define ICMP_CODE_PORT_UNREACH 3
struct icmp_echo {
  uint8_t type;
  uint8_t code;
  uint16_t id;
  uint16_t seq;
};
/* The checksum covers the whole message (header + data, len bytes). */
int icmp_parse(const uint8_t *buf, size_t len, struct icmp_echo *e);
/* Writes the header in front of len - 8 bytes of data already at buf + 8. */
int icmp_emit(uint8_t *buf, size_t len, const struct icmp_echo *e);

/* ---- UDP (RFC 768) ---- */
#define UDP_HDR_LEN 8
struct udp_hdr {
  uint16_t sport;
  uint16_t dport;
  uint16_t len; /* header + data */
};
/* Checks length and, when non-zero, the checksum over the pseudo-header. */
int udp_parse(const uint8_t *buf, size_t len, uint32_t src, uint32_t dst, struct udp_hdr *h);
/* Writes the header in front of h->len - 8 data bytes already at buf + 8, with checksum. */
int udp_emit(uint8_t *buf, uint32_t src, uint32_t dst, const struct udp_hdr *h);

/* ---- TCP (RFC 9293 3.1) ---- */
#define TCP_HDR_LEN 20
#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20
struct tcp_hdr {
  uint16_t sport;
  uint16_t dport;
  uint32_t seq;
  uint32_t ack;
  uint8_t hdr_len; /* bytes, with options */
  uint8_t flags;
  uint16_t wnd;
  uint16_t urg;
  uint16_t mss; /* MSS option value, 0 if absent */
  /* Window Scale option (RFC 7323 2.2) as 1 + shift count, so that 0 means absent (a zeroed
   * header carries no options); only SYN segments carry it. */
  uint8_t wscale;
};
/* Checks the data offset and the checksum of the len-byte segment; reads the MSS and Window
 * Scale options. */
int tcp_parse(const uint8_t *buf, size_t len, uint32_t src, uint32_t dst, struct tcp_hdr *h);
/* Writes the header (with an MSS option when h->mss != 0, then NOP + Window Scale when
 * h->wscale != 0) in front of data_len bytes that the
 * caller placed at buf + tcp_hdr_size(h), and fills in the checksum. Returns the header length. */
int tcp_emit(uint8_t *buf, size_t data_len, uint32_t src, uint32_t dst, const struct tcp_hdr *h);
static inline int tcp_hdr_size(const struct tcp_hdr *h) {
  return TCP_HDR_LEN + (h->mss ? 4 : 0) + (h->wscale ? 4 : 0);
}

#endif
