/*
 * ARP (RFC 826) with a small cache: entries age out after NET_ARP_MAX_AGE_MS, unresolved
 * entries retry their request every NET_ARP_RETRY_MS and give up after NET_ARP_MAX_TRIES.
 * Each entry holds one frame waiting for resolution (RFC 1122 2.3.2.2 asks for at least one).
 */
#include <errno.h>
#include <string.h>

#include "net_internal.h"

enum arp_state { ARP_FREE, ARP_PENDING, ARP_RESOLVED };

struct arp_entry {
  enum arp_state state;
  uint32_t ip;
  uint8_t mac[6];
  uint32_t updated; /* resolution time, or last request time while pending */
  uint8_t tries;
  uint16_t pending_len;
  uint8_t pending[NET_FRAME_MAX];
};

static struct arp_entry cache[NET_ARP_ENTRIES];

void arp_reset(void) { memset(cache, 0, sizeof cache); }

static struct arp_entry *find(uint32_t ip) {
  for (int i = 0; i < NET_ARP_ENTRIES; i++) {
    if (cache[i].state != ARP_FREE && cache[i].ip == ip) {
      return &cache[i];
    }
  }
  return NULL;
}

/* A free entry, else the oldest resolved one, else the oldest pending one. */
static struct arp_entry *alloc_entry(void) {
  struct arp_entry *victim = NULL;
  for (int i = 0; i < NET_ARP_ENTRIES; i++) {
    struct arp_entry *e = &cache[i];
    if (e->state == ARP_FREE) {
      return e;
    }
    if (victim == NULL || (e->state == ARP_RESOLVED && victim->state == ARP_PENDING) ||
        (e->state == victim->state && net_time_before(e->updated, victim->updated))) {
      victim = e;
    }
  }
  return victim;
}

int arp_lookup(uint32_t ip, uint8_t mac[6]) {
  struct arp_entry *e = find(ip);
  if (e == NULL || e->state != ARP_RESOLVED) {
    return 0;
  }
  memcpy(mac, e->mac, 6);
  return 1;
}

static void send_arp(uint16_t op, const uint8_t *dst_mac, const uint8_t *tha, uint32_t tpa) {
  uint8_t frame[ETH_HDR_LEN + ARP_LEN];
  struct eth_hdr eh = {.type = ETHERTYPE_ARP};
  memcpy(eh.dst, dst_mac, 6);
  memcpy(eh.src, net_if.mac, 6);
  eth_emit(frame, &eh);
  struct arp_pkt a = {.op = op, .spa = net_if.ip, .tpa = tpa};
  memcpy(a.sha, net_if.mac, 6);
  memcpy(a.tha, tha, 6);
  arp_emit(frame + ETH_HDR_LEN, &a);
  net_if.stats.tx_frames++;
  net_if.output(net_if.output_ctx, frame, sizeof frame);
}

static void send_request(struct arp_entry *e) {
  static const uint8_t bcast[6] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, zero[6];
  send_arp(ARP_OP_REQUEST, bcast, zero, e->ip);
  e->updated = net_if.now;
  e->tries++;
}

static void flush_pending(struct arp_entry *e) {
  if (e->pending_len) {
    memcpy(e->pending, e->mac, 6);
    net_if.stats.tx_frames++;
    net_if.output(net_if.output_ctx, e->pending, e->pending_len);
    e->pending_len = 0;
  }
}

void arp_input(const uint8_t *frame, size_t len) {
  struct arp_pkt a;
  if (arp_parse(frame + ETH_HDR_LEN, len - ETH_HDR_LEN, &a) < 0) {
    net_if.stats.rx_dropped++;
    return;
  }
  /* RFC 826 "Packet Reception": update an existing entry from any packet; add one only if the
   * packet is for us. */
  int for_me = net_if.ip != 0 && a.tpa == net_if.ip;
  struct arp_entry *e = find(a.spa);
  if (e == NULL && for_me && a.spa != 0) {
    e = alloc_entry();
    e->state = ARP_FREE;
    e->pending_len = 0;
  }
  if (e != NULL && a.spa != 0) {
    e->ip = a.spa;
    memcpy(e->mac, a.sha, 6);
    e->state = ARP_RESOLVED;
    e->updated = net_if.now;
    e->tries = 0;
    flush_pending(e);
  }
  if (for_me && a.op == ARP_OP_REQUEST) {
    send_arp(ARP_OP_REPLY, a.sha, a.sha, a.spa);
  }
}

int arp_output(uint32_t next_hop, uint8_t *frame, size_t len) {
  struct arp_entry *e = find(next_hop);
  if (e != NULL && e->state == ARP_RESOLVED) {
    memcpy(frame, e->mac, 6);
    net_if.stats.tx_frames++;
    return net_if.output(net_if.output_ctx, frame, len) == 0 ? 0 : -ENOBUFS;
  }
  if (e == NULL) {
    e = alloc_entry();
    memset(e, 0, offsetof(struct arp_entry, pending));
    e->state = ARP_PENDING;
    e->ip = next_hop;
    send_request(e);
  }
  /* The newest frame replaces an older one still waiting: it is the most useful to send. */
  memcpy(e->pending, frame, len);
  e->pending_len = (uint16_t)len;
  return 0;
}

void arp_poll(uint32_t now) {
  for (int i = 0; i < NET_ARP_ENTRIES; i++) {
    struct arp_entry *e = &cache[i];
    if (e->state == ARP_RESOLVED && !net_time_before(now, e->updated + NET_ARP_MAX_AGE_MS)) {
      e->state = ARP_FREE;
    } else if (e->state == ARP_PENDING && !net_time_before(now, e->updated + NET_ARP_RETRY_MS)) {
      if (e->tries >= NET_ARP_MAX_TRIES) {
        e->state = ARP_FREE; /* unreachable: drop the queued frame */
        e->pending_len = 0;
      } else {
        send_request(e);
      }
    }
  }
}

uint32_t arp_poll_at(uint32_t now) {
  uint32_t t = NET_FAR_FUTURE(now);
  for (int i = 0; i < NET_ARP_ENTRIES; i++) {
    const struct arp_entry *e = &cache[i];
    if (e->state == ARP_RESOLVED) {
      t = net_earliest(t, e->updated + NET_ARP_MAX_AGE_MS);
    } else if (e->state == ARP_PENDING) {
      t = net_earliest(t, e->updated + NET_ARP_RETRY_MS);
    }
  }
  return t;
}
