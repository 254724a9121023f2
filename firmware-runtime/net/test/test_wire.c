/* Codec tests against captured bytes: deconstruct, construct, parse(emit(x)) == x. */
#include <string.h>

#include "harness.h"

/* RFC 1071 section 3 example: the sum of 00 01 f2 03 f4 f5 f6 f7 is ddf2, checksum 220d. */
static void checksumMatchesRfc1071Example(void) {
  static const uint8_t data[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
  CHECK_EQ(cksum_fold(cksum_add(0, data, sizeof data)), 0x220d);
}

static void checksumPadsOddLength(void) {
  static const uint8_t data[] = {0x12, 0x34, 0x56};
  CHECK_EQ(cksum_fold(cksum_add(0, data, sizeof data)), (uint16_t)~(0x1234 + 0x5600));
}

/* A captured IPv4 header (UDP, 192.168.0.1 -> 192.168.0.199, checksum 0xb861). */
static const uint8_t ipv4_bytes[] = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                                     0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};

static void ipv4ParseReadsCapturedHeader(void) {
  uint8_t buf[0x73] = {0};
  memcpy(buf, ipv4_bytes, sizeof ipv4_bytes);
  struct ipv4_hdr h;
  CHECK_EQ(ipv4_parse(buf, sizeof buf, &h), 20);
  CHECK_EQ(h.total_len, 0x73);
  CHECK_EQ(h.flags_frag, IPV4_FLAG_DF);
  CHECK_EQ(h.ttl, 64);
  CHECK_EQ(h.proto, IP_PROTO_UDP);
  CHECK_EQ(h.src, NET_IP4(192, 168, 0, 1));
  CHECK_EQ(h.dst, NET_IP4(192, 168, 0, 199));
}

static void ipv4EmitReproducesCapturedHeader(void) {
  struct ipv4_hdr h = {.total_len = 0x73, .id = 0, .flags_frag = IPV4_FLAG_DF, .ttl = 64, .proto = IP_PROTO_UDP,
                       .src = NET_IP4(192, 168, 0, 1), .dst = NET_IP4(192, 168, 0, 199)};
  uint8_t buf[20];
  CHECK_EQ(ipv4_emit(buf, &h), 20);
  CHECK(memcmp(buf, ipv4_bytes, 20) == 0);
}

static void ipv4ParseRejectsBadChecksum(void) {
  uint8_t buf[0x73] = {0};
  memcpy(buf, ipv4_bytes, sizeof ipv4_bytes);
  buf[11] ^= 1;
  struct ipv4_hdr h;
  CHECK_EQ(ipv4_parse(buf, sizeof buf, &h), -1);
}

static void ipv4ParseRejectsTruncatedPacket(void) {
  struct ipv4_hdr h;
  CHECK_EQ(ipv4_parse(ipv4_bytes, sizeof ipv4_bytes, &h), -1); /* total_len 0x73 > 20 */
}

static void arpRoundTrips(void) {
  struct arp_pkt a = {.op = ARP_OP_REPLY, .sha = {1, 2, 3, 4, 5, 6}, .spa = 0x0a000202, .tha = {7, 8, 9, 10, 11, 12},
                      .tpa = 0x0a00020f};
  uint8_t buf[ARP_LEN];
  CHECK_EQ(arp_emit(buf, &a), ARP_LEN);
  CHECK_EQ(buf[0], 0);
  CHECK_EQ(buf[1], 1); /* hardware type Ethernet */
  CHECK_EQ(buf[2], 0x08);
  CHECK_EQ(buf[7], 2);
  struct arp_pkt b;
  CHECK_EQ(arp_parse(buf, sizeof buf, &b), ARP_LEN);
  CHECK(memcmp(&a, &b, sizeof a) == 0 || (a.op == b.op && a.spa == b.spa && a.tpa == b.tpa &&
                                          memcmp(a.sha, b.sha, 6) == 0 && memcmp(a.tha, b.tha, 6) == 0));
}

static void udpRoundTripsWithChecksum(void) {
  uint8_t buf[64];
  memcpy(buf + UDP_HDR_LEN, "ping", 4);
  struct udp_hdr h = {.sport = 1234, .dport = 7, .len = 12};
  udp_emit(buf, MY_IP, PEER_IP, &h);
  struct udp_hdr g;
  CHECK_EQ(udp_parse(buf, 12, MY_IP, PEER_IP, &g), UDP_HDR_LEN);
  CHECK_EQ(g.sport, 1234);
  CHECK_EQ(g.dport, 7);
  CHECK_EQ(g.len, 12);
  buf[9] ^= 0x20;
  CHECK_EQ(udp_parse(buf, 12, MY_IP, PEER_IP, &g), -1);
}

static void tcpRoundTripsWithMssOption(void) {
  uint8_t buf[64];
  struct tcp_hdr h = {.sport = 40000, .dport = 80, .seq = 0x01020304, .ack = 0xa0b0c0d0, .flags = TCP_SYN | TCP_ACK,
                      .wnd = 2048, .mss = 1460};
  CHECK_EQ(tcp_emit(buf, 0, MY_IP, PEER_IP, &h), 24);
  CHECK_EQ(buf[12], 6 << 4);
  struct tcp_hdr g;
  CHECK_EQ(tcp_parse(buf, 24, MY_IP, PEER_IP, &g), 24);
  CHECK_EQ(g.seq, h.seq);
  CHECK_EQ(g.ack, h.ack);
  CHECK_EQ(g.flags, h.flags);
  CHECK_EQ(g.wnd, 2048);
  CHECK_EQ(g.mss, 1460);
  CHECK_EQ(tcp_parse(buf, 24, MY_IP, PEER_IP + 1, &g), -1); /* pseudo-header covers addresses */
}

/* Window Scale (RFC 7323 2.2): emitted after the MSS option as NOP, kind 3, length 3, shift. */
static void tcpEmitsWindowScaleAfterMss(void) {
  uint8_t buf[64];
  struct tcp_hdr h = {.sport = 40000, .dport = 80, .seq = 1, .flags = TCP_SYN, .wnd = 65535, .mss = 1460,
                      .wscale = 7 + 1};
  CHECK_EQ(tcp_hdr_size(&h), 28);
  CHECK_EQ(tcp_emit(buf, 0, MY_IP, PEER_IP, &h), 28);
  CHECK_EQ(buf[12], 7 << 4);
  static const uint8_t opts[8] = {2, 4, 0x05, 0xb4, 1, 3, 3, 7};
  CHECK(memcmp(buf + 20, opts, sizeof opts) == 0);
  struct tcp_hdr g;
  CHECK_EQ(tcp_parse(buf, 28, MY_IP, PEER_IP, &g), 28);
  CHECK_EQ(g.mss, 1460);
  CHECK_EQ(g.wscale, 7 + 1);
  h.mss = 0; /* alone, it still ends on a 32-bit boundary */
  CHECK_EQ(tcp_emit(buf, 0, MY_IP, PEER_IP, &h), 24);
  CHECK(memcmp(buf + 20, opts + 4, 4) == 0);
}

/* A SYN as Linux sends it: MSS, SACK permitted, timestamps, NOP, window scale 7; the options we
 * do not use are skipped, and a shift above 14 counts as 14 (RFC 7323 2.3). */
static void tcpParsesWindowScaleAmongOtherOptions(void) {
  uint8_t buf[40] = {0x9c, 0x40, 0x04, 0xd2, 0, 0, 0x13, 0x88, 0, 0, 0, 0, 10 << 4, TCP_SYN, 0xfa, 0xf0,
                     0, 0, 0, 0,
                     2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
  wr16(buf + 16, cksum_fold(cksum_add(cksum_pseudo(PEER_IP, MY_IP, IP_PROTO_TCP, 40), buf, 40)));
  struct tcp_hdr g;
  CHECK_EQ(tcp_parse(buf, 40, PEER_IP, MY_IP, &g), 40);
  CHECK_EQ(g.sport, 40000);
  CHECK_EQ(g.dport, 1234);
  CHECK_EQ(g.seq, 5000);
  CHECK_EQ(g.wnd, 64240);
  CHECK_EQ(g.mss, 1460);
  CHECK_EQ(g.wscale, 7 + 1);
  buf[39] = 15;
  wr16(buf + 16, 0);
  wr16(buf + 16, cksum_fold(cksum_add(cksum_pseudo(PEER_IP, MY_IP, IP_PROTO_TCP, 40), buf, 40)));
  CHECK_EQ(tcp_parse(buf, 40, PEER_IP, MY_IP, &g), 40);
  CHECK_EQ(g.wscale, 14 + 1);
  buf[38] = 4; /* a window scale option that overruns the header is ignored */
  wr16(buf + 16, 0);
  wr16(buf + 16, cksum_fold(cksum_add(cksum_pseudo(PEER_IP, MY_IP, IP_PROTO_TCP, 40), buf, 40)));
  CHECK_EQ(tcp_parse(buf, 40, PEER_IP, MY_IP, &g), 40);
  CHECK_EQ(g.wscale, 0);
  CHECK_EQ(g.mss, 1460);
}

static void ipParseAcceptsDottedQuadsOnly(void) {
  uint32_t ip;
  CHECK_EQ(net_ip_parse("10.0.2.2", &ip), 0);
  CHECK_EQ(ip, PEER_IP);
  CHECK_EQ(net_ip_parse("10.0.2", &ip), -1);
  CHECK_EQ(net_ip_parse("10.0.2.256", &ip), -1);
  CHECK_EQ(net_ip_parse("example.com", &ip), -1);
}

/* Property: parse(emit(h)) == h for seeded random headers (xorshift32, seed fixed so every
 * run replays the same cases). */
static uint32_t rng = 0x2545F491u;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

static void tcpParseOfEmitIsIdentityForRandomHeaders(void) {
  for (int i = 0; i < 1000; i++) {
    uint8_t buf[64 + 40], data[40];
    size_t dlen = next_rand() % 40;
    for (size_t k = 0; k < dlen; k++) {
      data[k] = (uint8_t)next_rand();
    }
    struct tcp_hdr h = {.sport = (uint16_t)next_rand(), .dport = (uint16_t)next_rand(), .seq = next_rand(),
                        .ack = next_rand(), .flags = (uint8_t)(next_rand() & 0x3F), .wnd = (uint16_t)next_rand(),
                        .urg = (uint16_t)next_rand(), .mss = (uint16_t)(next_rand() & 1 ? 1 + next_rand() % 65535 : 0),
                        .wscale = (uint8_t)(next_rand() & 1 ? 1 + next_rand() % 15 : 0)};
    int hl = tcp_hdr_size(&h);
    memcpy(buf + hl, data, dlen);
    uint32_t src = next_rand(), dst = next_rand();
    CHECK_EQ(tcp_emit(buf, dlen, src, dst, &h), hl);
    struct tcp_hdr g;
    CHECK_EQ(tcp_parse(buf, (size_t)hl + dlen, src, dst, &g), hl);
    CHECK(g.sport == h.sport && g.dport == h.dport && g.seq == h.seq && g.ack == h.ack);
    CHECK(g.flags == h.flags && g.wnd == h.wnd && g.urg == h.urg && g.mss == h.mss);
    CHECK_EQ(g.wscale, h.wscale);
    CHECK(memcmp(buf + hl, data, dlen) == 0);
    CHECK_EQ(g.hdr_len, hl);
  }
}

static void ipv4AndUdpParseOfEmitIsIdentityForRandomHeaders(void) {
  for (int i = 0; i < 1000; i++) {
    uint8_t buf[128] = {0};
    size_t dlen = next_rand() % 64;
    struct ipv4_hdr h = {.tos = (uint8_t)next_rand(), .total_len = (uint16_t)(IPV4_HDR_LEN + UDP_HDR_LEN + dlen),
                         .id = (uint16_t)next_rand(), .flags_frag = (uint16_t)(next_rand() & 0xFFFF),
                         .ttl = (uint8_t)next_rand(), .proto = IP_PROTO_UDP, .src = next_rand(), .dst = next_rand()};
    ipv4_emit(buf, &h);
    struct udp_hdr u = {.sport = (uint16_t)next_rand(), .dport = (uint16_t)next_rand(), .len = (uint16_t)(UDP_HDR_LEN + dlen)};
    for (size_t k = 0; k < dlen; k++) {
      buf[IPV4_HDR_LEN + UDP_HDR_LEN + k] = (uint8_t)next_rand();
    }
    udp_emit(buf + IPV4_HDR_LEN, h.src, h.dst, &u);
    struct ipv4_hdr g;
    CHECK_EQ(ipv4_parse(buf, h.total_len, &g), IPV4_HDR_LEN);
    CHECK(g.tos == h.tos && g.total_len == h.total_len && g.id == h.id && g.flags_frag == h.flags_frag);
    CHECK(g.ttl == h.ttl && g.proto == h.proto && g.src == h.src && g.dst == h.dst);
    struct udp_hdr v;
    CHECK_EQ(udp_parse(buf + IPV4_HDR_LEN, u.len, h.src, h.dst, &v), UDP_HDR_LEN);
    CHECK(v.sport == u.sport && v.dport == u.dport && v.len == u.len);
  }
}

const struct test_case wire_tests[] = {
    {"tcpParseOfEmitIsIdentityForRandomHeaders", tcpParseOfEmitIsIdentityForRandomHeaders},
    {"ipv4AndUdpParseOfEmitIsIdentityForRandomHeaders", ipv4AndUdpParseOfEmitIsIdentityForRandomHeaders},
    {"checksumMatchesRfc1071Example", checksumMatchesRfc1071Example},
    {"checksumPadsOddLength", checksumPadsOddLength},
    {"ipv4ParseReadsCapturedHeader", ipv4ParseReadsCapturedHeader},
    {"ipv4EmitReproducesCapturedHeader", ipv4EmitReproducesCapturedHeader},
    {"ipv4ParseRejectsBadChecksum", ipv4ParseRejectsBadChecksum},
    {"ipv4ParseRejectsTruncatedPacket", ipv4ParseRejectsTruncatedPacket},
    {"arpRoundTrips", arpRoundTrips},
    {"udpRoundTripsWithChecksum", udpRoundTripsWithChecksum},
    {"tcpRoundTripsWithMssOption", tcpRoundTripsWithMssOption},
    {"tcpEmitsWindowScaleAfterMss", tcpEmitsWindowScaleAfterMss},
    {"tcpParsesWindowScaleAmongOtherOptions", tcpParsesWindowScaleAmongOtherOptions},
    {"ipParseAcceptsDottedQuadsOnly", ipParseAcceptsDottedQuadsOnly},
    {0, 0},
};
