#include "dns.h"

#include <errno.h>
#include <string.h>

#include "net_internal.h"
#include "udp.h"

#define DNS_PORT 53
#define DNS_HDR_LEN 12
#define DNS_TYPE_A 1
#define DNS_CLASS_IN 1
#define DNS_FLAG_QR 0x8000
#define DNS_FLAG_RD 0x0100

enum dns_entry_state { DNS_FREE, DNS_PENDING, DNS_DONE, DNS_FAILED };

struct dns_entry {
  enum dns_entry_state state;
  char name[NET_DNS_NAME_MAX];
  uint16_t id;
  uint32_t ip;
  int error;
  uint32_t deadline; /* retry time while pending, expiry when done */
  int tries;
};

static struct dns_entry entries[NET_DNS_ENTRIES];
static struct udp_pcb *pcb;
static uint16_t next_id;

void dns_reset(void) {
  memset(entries, 0, sizeof entries);
  pcb = NULL;
  next_id = 0x1000;
}

/* Encodes name as RFC 1035 3.1 labels; returns the encoded length or -1. */
static int encode_name(uint8_t *out, const char *name) {
  int n = 0;
  const char *label = name;
  while (1) {
    const char *dot = strchr(label, '.');
    size_t len = dot ? (size_t)(dot - label) : strlen(label);
    if (len == 0 && dot == NULL) {
      break; /* trailing dot or empty name */
    }
    if (len == 0 || len > 63) {
      return -1;
    }
    out[n++] = (uint8_t)len;
    memcpy(out + n, label, len);
    n += (int)len;
    if (!dot) {
      break;
    }
    label = dot + 1;
  }
  out[n++] = 0;
  return n;
}

static void send_query(struct dns_entry *e) {
  uint8_t q[DNS_HDR_LEN + NET_DNS_NAME_MAX + 8];
  memset(q, 0, DNS_HDR_LEN);
  wr16(q, e->id);
  wr16(q + 2, DNS_FLAG_RD);
  wr16(q + 4, 1); /* QDCOUNT */
  int n = encode_name(q + DNS_HDR_LEN, e->name);
  wr16(q + DNS_HDR_LEN + n, DNS_TYPE_A);
  wr16(q + DNS_HDR_LEN + n + 2, DNS_CLASS_IN);
  udp_sendto(pcb, 0, net_if.dns, DNS_PORT, q, (size_t)(DNS_HDR_LEN + n + 4));
  e->tries++;
  e->deadline = net_if.now + (NET_DNS_RETRY_MS << (e->tries - 1));
}

/* Skips a possibly compressed name (RFC 1035 4.1.4); returns the offset after it or -1. */
static int skip_name(const uint8_t *m, size_t len, size_t off) {
  while (off < len) {
    uint8_t l = m[off];
    if (l == 0) {
      return (int)off + 1;
    }
    if ((l & 0xC0) == 0xC0) {
      return off + 2 <= len ? (int)off + 2 : -1;
    }
    off += 1u + l;
  }
  return -1;
}

static void recv_cb(struct udp_pcb *p, void *arg, uint32_t src, uint16_t sport,
                    const uint8_t *m, size_t len) {
  (void)p;
  (void)arg;
  (void)src;
  if (sport != DNS_PORT || len < DNS_HDR_LEN || !(rd16(m + 2) & DNS_FLAG_QR)) {
    return;
  }
  struct dns_entry *e = NULL;
  for (int i = 0; i < NET_DNS_ENTRIES; i++) {
    if (entries[i].state == DNS_PENDING && entries[i].id == rd16(m)) {
      e = &entries[i];
    }
  }
  if (e == NULL) {
    return;
  }
  uint16_t rcode = rd16(m + 2) & 0xF;
  if (rcode != 0) {
    e->state = DNS_FAILED;
    e->error = rcode == 3 ? -ENOENT : -EHOSTUNREACH;
    e->deadline = net_if.now + 10000u;
    return;
  }
  int off = DNS_HDR_LEN;
  for (int q = 0; q < rd16(m + 4) && off >= 0; q++) {
    off = skip_name(m, len, (size_t)off);
    off = off >= 0 ? off + 4 : -1;
  }
  for (int a = 0; a < rd16(m + 6) && off >= 0; a++) {
    off = skip_name(m, len, (size_t)off);
    if (off < 0 || (size_t)off + 10 > len) {
      break;
    }
    uint16_t type = rd16(m + off), klass = rd16(m + off + 2), rdlen = rd16(m + off + 8);
    uint32_t ttl = rd32(m + off + 4);
    off += 10;
    if ((size_t)off + rdlen > len) {
      break;
    }
    if (type == DNS_TYPE_A && klass == DNS_CLASS_IN && rdlen == 4) {
      e->ip = rd32(m + off);
      e->state = DNS_DONE;
      if (ttl > 3600) {
        ttl = 3600;
      }
      e->deadline = net_if.now + ttl * 1000u;
      return;
    }
    off += rdlen; /* CNAMEs and others: keep looking for the A record */
  }
  e->state = DNS_FAILED;
  e->error = -ENOENT;
  e->deadline = net_if.now + 10000u;
}

int dns_lookup(const char *name, uint32_t *ip) {
  if (net_ip_parse(name, ip) == 0) {
    return 0;
  }
  if (strlen(name) >= NET_DNS_NAME_MAX - 2) {
    return -ENAMETOOLONG;
  }
  for (int i = 0; i < NET_DNS_ENTRIES; i++) {
    struct dns_entry *e = &entries[i];
    if (e->state != DNS_FREE && strcmp(e->name, name) == 0) {
      if (e->state == DNS_DONE) {
        *ip = e->ip;
        return 0;
      }
      return e->state == DNS_PENDING ? -EINPROGRESS : e->error;
    }
  }
  if (net_if.dns == 0) {
    return -ENETUNREACH;
  }
  if (pcb == NULL) {
    int err = 0;
    pcb = udp_bind(0, recv_cb, NULL, &err);
    if (pcb == NULL) {
      return err;
    }
  }
  /* Take a free entry, else evict the one expiring first (never a pending one). */
  struct dns_entry *e = NULL;
  for (int i = 0; i < NET_DNS_ENTRIES; i++) {
    struct dns_entry *c = &entries[i];
    if (c->state == DNS_FREE) {
      e = c;
      break;
    }
    if (c->state != DNS_PENDING && (e == NULL || net_time_before(c->deadline, e->deadline))) {
      e = c;
    }
  }
  if (e == NULL) {
    return -EAGAIN;
  }
  uint8_t scratch[NET_DNS_NAME_MAX + 2];
  if (encode_name(scratch, name) < 0) {
    return -ENOENT;
  }
  memset(e, 0, sizeof *e);
  strcpy(e->name, name);
  e->state = DNS_PENDING;
  e->id = next_id++;
  send_query(e);
  return -EINPROGRESS;
}

void dns_poll(uint32_t now) {
  for (int i = 0; i < NET_DNS_ENTRIES; i++) {
    struct dns_entry *e = &entries[i];
    if (e->state == DNS_FREE || net_time_before(now, e->deadline)) {
      continue;
    }
    if (e->state == DNS_PENDING) {
      if (e->tries >= NET_DNS_TRIES) {
        e->state = DNS_FAILED;
        e->error = -ETIMEDOUT;
        e->deadline = now + 10000u;
      } else {
        send_query(e);
      }
    } else {
      e->state = DNS_FREE; /* cached answer or failure expired */
    }
  }
}

uint32_t dns_poll_at(uint32_t now) {
  uint32_t t = NET_FAR_FUTURE(now);
  for (int i = 0; i < NET_DNS_ENTRIES; i++) {
    if (entries[i].state != DNS_FREE) {
      t = net_earliest(t, entries[i].deadline);
    }
  }
  return t;
}
