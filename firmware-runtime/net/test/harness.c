#include "harness.h"

#include <string.h>

#include "net_internal.h"

int test_failed;
uint32_t test_now;
const uint8_t MY_MAC[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
const uint8_t PEER_MAC[6] = {0x52, 0x55, 0x0a, 0x00, 0x02, 0x02};

static struct frame frames[LINK_MAX_FRAMES];
static int head, count;

static int capture(void *ctx, const uint8_t *frame, size_t len) {
  (void)ctx;
  if (count == LINK_MAX_FRAMES) {
    return -1;
  }
  struct frame *f = &frames[(head + count) % LINK_MAX_FRAMES];
  memcpy(f->data, frame, len);
  f->len = len;
  count++;
  return 0;
}

void link_clear(void) { head = count = 0; }

int link_pending(void) { return count; }

const struct frame *drain(void) {
  if (count == 0) {
    return NULL;
  }
  const struct frame *f = &frames[head];
  head = (head + 1) % LINK_MAX_FRAMES;
  count--;
  return f;
}

void link_setup_unconfigured(void) {
  test_now = 1000;
  link_clear();
  net_init(MY_MAC, capture, NULL, test_now);
  static uint8_t wide_pool[NET_TCP_WIDE_POOL_BYTES + 1];
  net_tcp_wide_pool(wide_pool);
}

void link_learn(uint32_t ip) {
  /* An ARP request from ip for us: the stack learns the sender and replies. */
  uint8_t f[ETH_HDR_LEN + ARP_LEN];
  struct eth_hdr eh = {.type = ETHERTYPE_ARP};
  memset(eh.dst, 0xFF, 6);
  memcpy(eh.src, PEER_MAC, 6);
  eth_emit(f, &eh);
  struct arp_pkt a = {.op = ARP_OP_REQUEST, .spa = ip, .tpa = net_if.ip};
  memcpy(a.sha, PEER_MAC, 6);
  arp_emit(f + ETH_HDR_LEN, &a);
  inject(f, sizeof f);
  link_clear();
}

void link_setup(void) {
  link_setup_unconfigured();
  net_set_ipv4(MY_IP, NET_IP4(255, 255, 255, 0), PEER_IP, DNS_IP);
  link_learn(PEER_IP);
  link_learn(DNS_IP);
}

void inject(const uint8_t *frame, size_t len) { net_input(frame, len, test_now); }

void run_until(uint32_t t) {
  for (;;) {
    uint32_t at = net_poll_at(test_now);
    if (net_time_before(t, at)) {
      break;
    }
    test_now = net_time_before(test_now, at) ? at : test_now;
    net_poll(test_now);
    if (net_poll_at(test_now) == test_now) {
      test_now++; /* guard against a deadline that does not move */
    }
  }
  test_now = t;
}

size_t build_ipv4(uint8_t *out, uint32_t src, uint32_t dst, uint8_t proto, const uint8_t *payload, size_t len) {
  struct eth_hdr eh = {.type = ETHERTYPE_IPV4};
  memcpy(eh.dst, MY_MAC, 6);
  memcpy(eh.src, PEER_MAC, 6);
  eth_emit(out, &eh);
  struct ipv4_hdr ih = {.total_len = (uint16_t)(IPV4_HDR_LEN + len), .id = 7, .ttl = 64, .proto = proto,
                        .src = src, .dst = dst};
  ipv4_emit(out + ETH_HDR_LEN, &ih);
  memcpy(out + ETH_HDR_LEN + IPV4_HDR_LEN, payload, len);
  return ETH_HDR_LEN + IPV4_HDR_LEN + len;
}

void inject_tcp(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags, uint16_t wnd,
                uint16_t mss, const void *data, size_t len) {
  struct tcp_hdr h = {.sport = sport, .dport = dport, .seq = seq, .ack = ack, .flags = flags, .wnd = wnd, .mss = mss};
  inject_tcp_hdr(&h, data, len);
}

void inject_tcp_hdr(const struct tcp_hdr *h, const void *data, size_t len) {
  uint8_t seg[NET_FRAME_MAX];
  int hl = tcp_hdr_size(h);
  if (len > 0) {
    memcpy(seg + hl, data, len);
  }
  tcp_emit(seg, len, PEER_IP, MY_IP, h);
  uint8_t f[NET_FRAME_MAX + 64];
  size_t n = build_ipv4(f, PEER_IP, MY_IP, IP_PROTO_TCP, seg, (size_t)hl + len);
  inject(f, n);
}

void inject_udp(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, const void *data, size_t len) {
  uint8_t seg[NET_FRAME_MAX];
  memcpy(seg + UDP_HDR_LEN, data, len);
  struct udp_hdr h = {.sport = sport, .dport = dport, .len = (uint16_t)(UDP_HDR_LEN + len)};
  udp_emit(seg, src, dst, &h);
  uint8_t f[NET_FRAME_MAX + 64];
  size_t n = build_ipv4(f, src, dst, IP_PROTO_UDP, seg, UDP_HDR_LEN + len);
  inject(f, n);
}

int parse_frame(const struct frame *f, struct parsed *p) {
  memset(p, 0, sizeof *p);
  if (eth_parse(f->data, f->len, &p->eth) < 0 || p->eth.type != ETHERTYPE_IPV4) {
    return -1;
  }
  if (ipv4_parse(f->data + ETH_HDR_LEN, f->len - ETH_HDR_LEN, &p->ip) < 0) {
    return -1;
  }
  p->l4 = f->data + ETH_HDR_LEN + p->ip.hdr_len;
  p->l4_len = p->ip.total_len - p->ip.hdr_len;
  if (p->ip.proto == IP_PROTO_TCP) {
    if (tcp_parse(p->l4, p->l4_len, p->ip.src, p->ip.dst, &p->tcp) < 0) {
      return -1;
    }
    p->data = p->l4 + p->tcp.hdr_len;
    p->data_len = p->l4_len - p->tcp.hdr_len;
  } else if (p->ip.proto == IP_PROTO_UDP) {
    if (udp_parse(p->l4, p->l4_len, p->ip.src, p->ip.dst, &p->udp) < 0) {
      return -1;
    }
    p->data = p->l4 + UDP_HDR_LEN;
    p->data_len = p->udp.len - UDP_HDR_LEN;
  }
  return 0;
}

int next_tcp(struct parsed *p) {
  const struct frame *f = drain();
  if (f == NULL || parse_frame(f, p) < 0 || p->ip.proto != IP_PROTO_TCP) {
    return -1;
  }
  return 0;
}
