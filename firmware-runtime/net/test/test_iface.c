/* ARP, IPv4 input rules and ICMP echo through the in-memory link. */
#include <string.h>

#include "harness.h"
#include "net_internal.h"

static size_t arp_frame(uint8_t *f, uint16_t op, const uint8_t *sha, uint32_t spa, uint32_t tpa, const uint8_t *dst) {
  struct eth_hdr eh = {.type = ETHERTYPE_ARP};
  memcpy(eh.dst, dst, 6);
  memcpy(eh.src, sha, 6);
  eth_emit(f, &eh);
  struct arp_pkt a = {.op = op, .spa = spa, .tpa = tpa};
  memcpy(a.sha, sha, 6);
  arp_emit(f + ETH_HDR_LEN, &a);
  return ETH_HDR_LEN + ARP_LEN;
}

static const uint8_t BCAST[6] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
static const uint8_t OTHER_MAC[6] = {0x02, 0, 0, 0, 0, 0x99};
#define OTHER_IP NET_IP4(10, 0, 2, 99)

static void arpRequestForMyAddressGetsReply(void) {
  link_setup();
  uint8_t f[64];
  inject(f, arp_frame(f, ARP_OP_REQUEST, OTHER_MAC, OTHER_IP, MY_IP, BCAST));
  const struct frame *r = drain();
  CHECK(r != NULL);
  struct eth_hdr eh;
  eth_parse(r->data, r->len, &eh);
  CHECK_EQ(eh.type, ETHERTYPE_ARP);
  CHECK(memcmp(eh.dst, OTHER_MAC, 6) == 0);
  struct arp_pkt a;
  CHECK_EQ(arp_parse(r->data + ETH_HDR_LEN, r->len - ETH_HDR_LEN, &a), ARP_LEN);
  CHECK_EQ(a.op, ARP_OP_REPLY);
  CHECK_EQ(a.spa, MY_IP);
  CHECK(memcmp(a.sha, MY_MAC, 6) == 0);
  CHECK_EQ(a.tpa, OTHER_IP);
  uint8_t mac[6];
  CHECK(arp_lookup(OTHER_IP, mac)); /* the requester was learned (RFC 826) */
  CHECK(memcmp(mac, OTHER_MAC, 6) == 0);
}

static void arpRequestForOtherAddressIsIgnored(void) {
  link_setup();
  uint8_t f[64];
  inject(f, arp_frame(f, ARP_OP_REQUEST, OTHER_MAC, OTHER_IP, NET_IP4(10, 0, 2, 77), BCAST));
  CHECK_EQ(link_pending(), 0);
  uint8_t mac[6];
  CHECK(!arp_lookup(OTHER_IP, mac));
}

static void unresolvedDestinationQueuesFrameUntilReply(void) {
  link_setup();
  CHECK_EQ(net_ping(OTHER_IP, 1, 1, 8), 0);
  const struct frame *r = drain();
  CHECK(r != NULL);
  struct arp_pkt a;
  CHECK_EQ(arp_parse(r->data + ETH_HDR_LEN, r->len - ETH_HDR_LEN, &a), ARP_LEN);
  CHECK_EQ(a.op, ARP_OP_REQUEST);
  CHECK_EQ(a.tpa, OTHER_IP);
  CHECK_EQ(link_pending(), 0);
  uint8_t f[64];
  inject(f, arp_frame(f, ARP_OP_REPLY, OTHER_MAC, OTHER_IP, MY_IP, MY_MAC));
  r = drain();
  CHECK(r != NULL);
  struct parsed p;
  CHECK_EQ(parse_frame(r, &p), 0);
  CHECK(memcmp(p.eth.dst, OTHER_MAC, 6) == 0);
  CHECK_EQ(p.ip.proto, IP_PROTO_ICMP);
  CHECK_EQ(p.ip.dst, OTHER_IP);
}

static void arpRequestIsRetriedThenAbandoned(void) {
  link_setup();
  net_ping(OTHER_IP, 1, 1, 8);
  CHECK(drain() != NULL);
  run_until(test_now + NET_ARP_RETRY_MS - 1);
  CHECK_EQ(link_pending(), 0);
  run_until(test_now + 1);
  CHECK_EQ(link_pending(), 1); /* one retry, exactly at the retry interval */
  link_clear();
  run_until(test_now + 10 * NET_ARP_RETRY_MS);
  CHECK_EQ(link_pending(), NET_ARP_MAX_TRIES - 2);
}

static void arpEntryAgesOut(void) {
  link_setup();
  uint8_t mac[6];
  CHECK(arp_lookup(PEER_IP, mac));
  run_until(test_now + NET_ARP_MAX_AGE_MS - 1);
  CHECK(arp_lookup(PEER_IP, mac));
  run_until(test_now + 1);
  CHECK(!arp_lookup(PEER_IP, mac));
}

static void offLinkDestinationGoesToGateway(void) {
  link_setup();
  CHECK_EQ(net_ping(NET_IP4(8, 8, 8, 8), 1, 1, 8), 0);
  const struct frame *r = drain();
  struct parsed p;
  CHECK_EQ(parse_frame(r, &p), 0);
  CHECK(memcmp(p.eth.dst, PEER_MAC, 6) == 0);
  CHECK_EQ(p.ip.dst, NET_IP4(8, 8, 8, 8));
}

static void echoRequestGetsReplyWithSameIdSeqAndData(void) {
  link_setup();
  uint8_t msg[8 + 20];
  for (int i = 0; i < 20; i++) {
    msg[8 + i] = (uint8_t)i;
  }
  struct icmp_echo e = {.type = ICMP_ECHO_REQUEST, .id = 0x1234, .seq = 7};
  icmp_emit(msg, sizeof msg, &e);
  uint8_t f[128];
  inject(f, build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_ICMP, msg, sizeof msg));
  const struct frame *r = drain();
  CHECK(r != NULL);
  struct parsed p;
  CHECK_EQ(parse_frame(r, &p), 0);
  CHECK_EQ(p.ip.proto, IP_PROTO_ICMP);
  CHECK_EQ(p.ip.dst, PEER_IP);
  CHECK_EQ(p.l4_len, sizeof msg);
  struct icmp_echo g;
  CHECK_EQ(icmp_parse(p.l4, p.l4_len, &g), ICMP_HDR_LEN);
  CHECK_EQ(g.type, ICMP_ECHO_REPLY);
  CHECK_EQ(g.id, 0x1234);
  CHECK_EQ(g.seq, 7);
  CHECK(memcmp(p.l4 + 8, msg + 8, 20) == 0);
}

static void echoReplyIsRecordedForPing(void) {
  link_setup();
  uint8_t msg[8];
  struct icmp_echo e = {.type = ICMP_ECHO_REPLY, .id = 0x4242, .seq = 3};
  icmp_emit(msg, sizeof msg, &e);
  uint8_t f[64];
  inject(f, build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_ICMP, msg, sizeof msg));
  CHECK_EQ(net_if.ping_replies, 1);
  CHECK_EQ(net_if.ping_seq, 3);
  CHECK_EQ(net_if.ping_from, PEER_IP);
}

static void fragmentsAreDropped(void) {
  link_setup();
  uint8_t msg[8];
  struct icmp_echo e = {.type = ICMP_ECHO_REQUEST, .id = 1, .seq = 1};
  icmp_emit(msg, sizeof msg, &e);
  uint8_t f[64];
  size_t n = build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_ICMP, msg, sizeof msg);
  struct ipv4_hdr ih = {.total_len = 28, .id = 9, .flags_frag = IPV4_FLAG_MF, .ttl = 64, .proto = IP_PROTO_ICMP,
                        .src = PEER_IP, .dst = MY_IP};
  ipv4_emit(f + ETH_HDR_LEN, &ih);
  inject(f, n);
  CHECK_EQ(link_pending(), 0);
  CHECK_EQ(net_if.stats.ip_fragments_dropped, 1);
}

static void badIpChecksumIsDropped(void) {
  link_setup();
  uint8_t msg[8];
  struct icmp_echo e = {.type = ICMP_ECHO_REQUEST, .id = 1, .seq = 1};
  icmp_emit(msg, sizeof msg, &e);
  uint8_t f[64];
  size_t n = build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_ICMP, msg, sizeof msg);
  f[ETH_HDR_LEN + 10] ^= 0xFF;
  inject(f, n);
  CHECK_EQ(link_pending(), 0);
}

static void framesForOtherMacsAreIgnored(void) {
  link_setup();
  uint8_t msg[8];
  struct icmp_echo e = {.type = ICMP_ECHO_REQUEST, .id = 1, .seq = 1};
  icmp_emit(msg, sizeof msg, &e);
  uint8_t f[64];
  size_t n = build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_ICMP, msg, sizeof msg);
  f[5] ^= 1;
  inject(f, n);
  CHECK_EQ(link_pending(), 0);
}

const struct test_case iface_tests[] = {
    {"arpRequestForMyAddressGetsReply", arpRequestForMyAddressGetsReply},
    {"arpRequestForOtherAddressIsIgnored", arpRequestForOtherAddressIsIgnored},
    {"unresolvedDestinationQueuesFrameUntilReply", unresolvedDestinationQueuesFrameUntilReply},
    {"arpRequestIsRetriedThenAbandoned", arpRequestIsRetriedThenAbandoned},
    {"arpEntryAgesOut", arpEntryAgesOut},
    {"offLinkDestinationGoesToGateway", offLinkDestinationGoesToGateway},
    {"echoRequestGetsReplyWithSameIdSeqAndData", echoRequestGetsReplyWithSameIdSeqAndData},
    {"echoReplyIsRecordedForPing", echoReplyIsRecordedForPing},
    {"fragmentsAreDropped", fragmentsAreDropped},
    {"badIpChecksumIsDropped", badIpChecksumIsDropped},
    {"framesForOtherMacsAreIgnored", framesForOtherMacsAreIgnored},
    {0, 0},
};
