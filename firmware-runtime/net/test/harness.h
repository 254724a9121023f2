/*
 * Host test harness for the stack: a tiny runner and an in-memory link. The stack's output
 * frames are captured in order (drain), frames are injected with a given time (inject), and
 * time advances only through run_until. Peer-side frames are built with the wire codecs.
 */
#ifndef NET_TEST_HARNESS_H
#define NET_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "net.h"
#include "wire.h"

/* ---- runner ---- */
extern int test_failed;
#define CHECK(cond)                                                             \
  do {                                                                          \
    if (!(cond)) {                                                              \
      printf("    %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
      test_failed = 1;                                                          \
      return;                                                                   \
    }                                                                           \
  } while (0)
#define CHECK_EQ(a, b)                                                          \
  do {                                                                          \
    long long _a = (long long)(a), _b = (long long)(b);                         \
    if (_a != _b) {                                                             \
      printf("    %s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, \
             #a, _a, #b, _b);                                                   \
      test_failed = 1;                                                          \
      return;                                                                   \
    }                                                                           \
  } while (0)

struct test_case {
  const char *name;
  void (*fn)(void);
};

/* ---- link ---- */
#define LINK_MAX_FRAMES 64
struct frame {
  uint8_t data[NET_FRAME_MAX];
  size_t len;
};

extern uint32_t test_now;
extern const uint8_t MY_MAC[6];
extern const uint8_t PEER_MAC[6];
#define MY_IP NET_IP4(10, 0, 2, 15)
#define PEER_IP NET_IP4(10, 0, 2, 2)
#define DNS_IP NET_IP4(10, 0, 2, 3)

/* Fresh stack with MY_IP/24, gateway PEER_IP, and PEER_IP and DNS_IP in the ARP cache. */
void link_setup(void);
/* Puts ip (at PEER_MAC) into the ARP cache, as an ARP request from it would. */
void link_learn(uint32_t ip);
/* Fresh stack with no address (for DHCP). */
void link_setup_unconfigured(void);
/* Number of captured frames not yet taken. */
int link_pending(void);
/* Takes the oldest captured frame, or NULL. */
const struct frame *drain(void);
void link_clear(void);
void inject(const uint8_t *frame, size_t len);
/* Runs net_poll at every deadline up to and including t. */
void run_until(uint32_t t);

/* Builds an IPv4 frame from the peer (src) to dst around payload; returns its length. */
size_t build_ipv4(uint8_t *out, uint32_t src, uint32_t dst, uint8_t proto, const uint8_t *payload, size_t len);
/* Builds and injects a TCP segment from the peer. */
void inject_tcp(uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint8_t flags, uint16_t wnd,
                uint16_t mss, const void *data, size_t len);
/* The same with every header field (options included) given; h->wnd is sent as is. */
void inject_tcp_hdr(const struct tcp_hdr *h, const void *data, size_t len);
/* Builds and injects a UDP datagram. */
void inject_udp(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, const void *data, size_t len);

/* Parsed view of a captured IPv4 frame. */
struct parsed {
  struct eth_hdr eth;
  struct ipv4_hdr ip;
  const uint8_t *l4;
  size_t l4_len;
  struct tcp_hdr tcp;
  struct udp_hdr udp;
  const uint8_t *data;
  size_t data_len;
};
/* Parses f as Ethernet/IPv4/(TCP|UDP); returns 0 or -1 (checksums are verified). */
int parse_frame(const struct frame *f, struct parsed *p);
/* Takes the next frame and parses it as TCP; returns 0 or -1. */
int next_tcp(struct parsed *p);

#endif
