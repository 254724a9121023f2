#include "dhcp.h"

#include <errno.h>
#include <string.h>

#include "net_internal.h"
#include "udp.h"

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68
#define BOOTP_REQUEST 1
#define BOOTP_REPLY 2
#define DHCP_FIXED_LEN 236 /* RFC 2131 figure 1, up to the options field */
#define DHCP_MAGIC 0x63825363u
#define DHCP_MIN_LEN 300 /* BOOTP minimum (RFC 1542 2.1) */

/* RFC 2132 option codes. */
#define OPT_PAD 0
#define OPT_SUBNET_MASK 1
#define OPT_ROUTER 3
#define OPT_DNS 6
#define OPT_REQUESTED_IP 50
#define OPT_LEASE_TIME 51
#define OPT_MSG_TYPE 53
#define OPT_SERVER_ID 54
#define OPT_PARAM_LIST 55
#define OPT_T1 58
#define OPT_T2 59
#define OPT_END 255

enum { DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK, DHCPNAK };

static struct {
  enum dhcp_state state;
  struct udp_pcb *pcb;
  uint32_t xid;
  uint32_t offered_ip, server;
  uint32_t mask, gw, dns;
  uint32_t lease_s, t1_s, t2_s;
  uint32_t bound_at;
  uint32_t next_tx; /* retransmission or T1/T2/expiry deadline */
  uint32_t started;
  int tries;
} d;

void dhcp_reset(void) { memset(&d, 0, sizeof d); }

enum dhcp_state dhcp_state(void) { return d.state; }
uint32_t dhcp_server(void) { return d.server; }
uint32_t dhcp_lease_seconds(void) { return d.lease_s; }

static uint8_t *put_opt(uint8_t *p, uint8_t code, uint8_t len, const void *val) {
  p[0] = code;
  p[1] = len;
  memcpy(p + 2, val, len);
  return p + 2 + len;
}

static uint8_t *put_opt32(uint8_t *p, uint8_t code, uint32_t v) {
  uint8_t b[4];
  wr32(b, v);
  return put_opt(p, code, 4, b);
}

/* Builds and sends a DHCP message; ciaddr is set when renewing (RFC 2131 4.3.2 table 4). */
static int send_msg(uint8_t type, uint32_t ciaddr, uint32_t dst) {
  uint8_t m[DHCP_MIN_LEN + 64];
  memset(m, 0, sizeof m);
  m[0] = BOOTP_REQUEST;
  m[1] = 1; /* htype Ethernet */
  m[2] = 6; /* hlen */
  wr32(m + 4, d.xid);
  wr16(m + 8, (uint16_t)((net_if.now - d.started) / 1000u));
  /* Broadcast flag: we cannot receive unicast before we have an address (RFC 2131 4.1). */
  wr16(m + 10, ciaddr ? 0 : 0x8000);
  wr32(m + 12, ciaddr);
  memcpy(m + 28, net_if.mac, 6);
  wr32(m + DHCP_FIXED_LEN, DHCP_MAGIC);
  uint8_t *p = m + DHCP_FIXED_LEN + 4;
  p = put_opt(p, OPT_MSG_TYPE, 1, &type);
  if (type == DHCPREQUEST && d.state == DHCP_REQUESTING) {
    p = put_opt32(p, OPT_REQUESTED_IP, d.offered_ip);
    p = put_opt32(p, OPT_SERVER_ID, d.server);
  }
  static const uint8_t params[] = {OPT_SUBNET_MASK, OPT_ROUTER, OPT_DNS, OPT_LEASE_TIME, OPT_T1, OPT_T2};
  p = put_opt(p, OPT_PARAM_LIST, sizeof params, params);
  *p++ = OPT_END;
  size_t len = (size_t)(p - m);
  if (len < DHCP_MIN_LEN) {
    len = DHCP_MIN_LEN;
  }
  return udp_sendto(d.pcb, ciaddr ? ciaddr : 0, dst, DHCP_SERVER_PORT, m, len);
}

/* Exponential retransmission, 2 s doubling up to 16 s (RFC 2131 4.1 suggests 4 s .. 64 s). */
static uint32_t retry_delay(void) {
  uint32_t delay = NET_DHCP_RETRY_MS << (d.tries < 3 ? d.tries : 3);
  return delay;
}

static void discover(void) {
  d.state = DHCP_SELECTING;
  send_msg(DHCPDISCOVER, 0, 0xFFFFFFFFu);
  d.next_tx = net_if.now + retry_delay();
  d.tries++;
}

static void recv_cb(struct udp_pcb *pcb, void *arg, uint32_t src, uint16_t sport,
                    const uint8_t *m, size_t len);

int dhcp_start(uint32_t now) {
  net_if.now = now;
  if (d.pcb == NULL) {
    int err = 0;
    d.pcb = udp_bind(DHCP_CLIENT_PORT, recv_cb, NULL, &err);
    if (d.pcb == NULL) {
      return err;
    }
  }
  /* A deterministic transaction id derived from the MAC and the time. */
  d.xid = rd32(net_if.mac + 2) ^ (now * 2654435761u);
  d.started = now;
  d.tries = 0;
  discover();
  return 0;
}

/* Finds option code in the options area; returns a pointer to its length byte, or NULL. */
static const uint8_t *find_opt(const uint8_t *opts, size_t len, uint8_t code) {
  size_t i = 0;
  while (i < len) {
    uint8_t c = opts[i];
    if (c == OPT_END) {
      break;
    }
    if (c == OPT_PAD) {
      i++;
      continue;
    }
    if (i + 1 >= len || i + 2 + opts[i + 1] > len) {
      break;
    }
    if (c == code) {
      return &opts[i + 1];
    }
    i += 2u + opts[i + 1];
  }
  return NULL;
}

static uint32_t opt32(const uint8_t *opts, size_t len, uint8_t code, uint32_t dflt) {
  const uint8_t *o = find_opt(opts, len, code);
  return (o && o[0] >= 4) ? rd32(o + 1) : dflt;
}

static void bind_lease(const uint8_t *opts, size_t olen, uint32_t yiaddr) {
  d.offered_ip = yiaddr;
  d.mask = opt32(opts, olen, OPT_SUBNET_MASK, 0xFFFFFF00u);
  d.gw = opt32(opts, olen, OPT_ROUTER, 0);
  d.dns = opt32(opts, olen, OPT_DNS, 0);
  d.lease_s = opt32(opts, olen, OPT_LEASE_TIME, 3600);
  /* RFC 2131 4.4.5: T1 defaults to half the lease, T2 to 7/8 of it. */
  d.t1_s = opt32(opts, olen, OPT_T1, d.lease_s / 2);
  d.t2_s = opt32(opts, olen, OPT_T2, d.lease_s / 8 * 7);
  d.bound_at = net_if.now;
  d.state = DHCP_BOUND;
  d.tries = 0;
  d.next_tx = d.bound_at + d.t1_s * 1000u;
  net_set_ipv4(yiaddr, d.mask, d.gw, d.dns);
}

static void recv_cb(struct udp_pcb *pcb, void *arg, uint32_t src, uint16_t sport,
                    const uint8_t *m, size_t len) {
  (void)pcb;
  (void)arg;
  (void)src;
  if (sport != DHCP_SERVER_PORT || len < DHCP_FIXED_LEN + 4 || m[0] != BOOTP_REPLY ||
      rd32(m + 4) != d.xid || memcmp(m + 28, net_if.mac, 6) != 0 ||
      rd32(m + DHCP_FIXED_LEN) != DHCP_MAGIC) {
    return;
  }
  const uint8_t *opts = m + DHCP_FIXED_LEN + 4;
  size_t olen = len - DHCP_FIXED_LEN - 4;
  const uint8_t *t = find_opt(opts, olen, OPT_MSG_TYPE);
  if (t == NULL || t[0] != 1) {
    return;
  }
  uint32_t yiaddr = rd32(m + 16);
  switch (t[1]) {
    case DHCPOFFER:
      if (d.state == DHCP_SELECTING) {
        d.offered_ip = yiaddr;
        d.server = opt32(opts, olen, OPT_SERVER_ID, src);
        d.state = DHCP_REQUESTING;
        d.tries = 0;
        send_msg(DHCPREQUEST, 0, 0xFFFFFFFFu);
        d.next_tx = net_if.now + retry_delay();
        d.tries++;
      }
      break;
    case DHCPACK:
      if (d.state == DHCP_REQUESTING || d.state == DHCP_RENEWING || d.state == DHCP_REBINDING) {
        bind_lease(opts, olen, yiaddr);
      }
      break;
    case DHCPNAK:
      /* RFC 2131 3.1 step 5 / 4.4.4: start over from INIT. */
      if (d.state == DHCP_REQUESTING || d.state == DHCP_RENEWING || d.state == DHCP_REBINDING) {
        net_set_ipv4(0, 0, 0, 0);
        d.tries = 0;
        discover();
      }
      break;
    default:
      break;
  }
}

void dhcp_poll(uint32_t now) {
  if (d.state == DHCP_OFF || d.state == DHCP_FALLBACK || net_time_before(now, d.next_tx)) {
    return;
  }
  uint32_t expiry = d.bound_at + d.lease_s * 1000u;
  switch (d.state) {
    case DHCP_SELECTING:
    case DHCP_REQUESTING:
      if (d.tries >= NET_DHCP_TRIES) {
        if (NET_STATIC_FALLBACK) {
          d.state = DHCP_FALLBACK;
          net_set_ipv4(NET_STATIC_IP, NET_STATIC_MASK, NET_STATIC_GW, NET_STATIC_DNS);
        } else {
          d.tries = 0;
          discover();
        }
      } else if (d.state == DHCP_SELECTING) {
        discover();
      } else {
        send_msg(DHCPREQUEST, 0, 0xFFFFFFFFu);
        d.next_tx = now + retry_delay();
        d.tries++;
      }
      break;
    case DHCP_BOUND:
      /* T1: renew with the leasing server (RFC 2131 4.4.5). */
      d.state = DHCP_RENEWING;
      /* fall through */
    case DHCP_RENEWING:
    case DHCP_REBINDING:
      if (!net_time_before(now, expiry)) {
        net_set_ipv4(0, 0, 0, 0);
        d.tries = 0;
        discover();
        break;
      }
      if (d.state == DHCP_RENEWING && !net_time_before(now, d.bound_at + d.t2_s * 1000u)) {
        d.state = DHCP_REBINDING;
      }
      send_msg(DHCPREQUEST, net_if.ip, d.state == DHCP_RENEWING ? d.server : 0xFFFFFFFFu);
      /* Retry at half the remaining time, at least 60 s (RFC 2131 4.4.5), capped by expiry. */
      uint32_t remain = expiry - now;
      uint32_t wait = remain / 2 > 60000u ? remain / 2 : 60000u;
      d.next_tx = net_earliest(now + wait, expiry);
      break;
    default:
      break;
  }
}

uint32_t dhcp_poll_at(uint32_t now) {
  if (d.state == DHCP_OFF || d.state == DHCP_FALLBACK) {
    return NET_FAR_FUTURE(now);
  }
  return d.next_tx;
}
