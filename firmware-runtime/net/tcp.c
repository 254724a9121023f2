#include "tcp.h"

#include <errno.h>
#include <string.h>

#include "net_internal.h"
#include "udp.h"

static struct tcp_pcb pcbs[NET_TCP_PCBS];
static uint32_t iss_counter;

/* Rings (see netconfig.h): a small pair per block, and the pool of wide pairs (RX then TX, in
 * the memory net_tcp_wide_pool gave) with the block that holds each. Kept out of the blocks so
 * that allocating a block clears only its fields. */
static uint8_t small_rx[NET_TCP_PCBS][NET_TCP_RX_BUF];
static uint8_t small_tx[NET_TCP_PCBS][NET_TCP_TX_BUF];
#if NET_TCP_WIDE_CONNS > 0
static uint8_t *wide_pool;
static struct tcp_pcb *wide_owner[NET_TCP_WIDE_CONNS];
#endif

void net_tcp_wide_pool(void *mem) {
#if NET_TCP_WIDE_CONNS > 0
  wide_pool = mem;
#else
  (void)mem;
#endif
}

#define SEQ_LT(a, b) ((int32_t)((a) - (b)) < 0)
#define SEQ_LEQ(a, b) ((int32_t)((a) - (b)) <= 0)
#define SEQ_GT(a, b) ((int32_t)((a) - (b)) > 0)
#define SEQ_GEQ(a, b) ((int32_t)((a) - (b)) >= 0)

void tcp_reset(void) {
  memset(pcbs, 0, sizeof pcbs);
#if NET_TCP_WIDE_CONNS > 0
  memset(wide_owner, 0, sizeof wide_owner);
#endif
  iss_counter = 0x1000;
}

/* ---- rings: n bytes in or out at position pos (taken modulo the size), in two pieces ---- */

static void ring_put(uint8_t *ring, uint32_t size, uint32_t pos, const uint8_t *src, uint32_t n) {
  pos %= size;
  uint32_t first = size - pos < n ? size - pos : n;
  memcpy(ring + pos, src, first);
  memcpy(ring, src + first, n - first);
}

static void ring_get(const uint8_t *ring, uint32_t size, uint32_t pos, uint8_t *dst, uint32_t n) {
  pos %= size;
  uint32_t first = size - pos < n ? size - pos : n;
  memcpy(dst, ring + pos, first);
  memcpy(dst + first, ring, n - first);
}

/* A connection about to send its SYN or SYN-ACK (which offers the window) takes a wide pair of
 * rings if one is free, unless it kept one from an earlier attempt (connect after a refusal). */
static void take_wide_rings(struct tcp_pcb *p) {
#if NET_TCP_WIDE_CONNS > 0
  int slot = -1;
  for (int i = 0; i < NET_TCP_WIDE_CONNS; i++) {
    if (wide_owner[i] == p) {
      return;
    }
    if (wide_owner[i] == NULL && slot < 0) {
      slot = i;
    }
  }
  if (slot >= 0 && wide_pool != NULL) {
    wide_owner[slot] = p;
    p->rx = wide_pool + (uint32_t)slot * (NET_TCP_WIDE_RX_BUF + NET_TCP_WIDE_TX_BUF);
    p->tx = p->rx + NET_TCP_WIDE_RX_BUF;
    p->rx_size = NET_TCP_WIDE_RX_BUF;
    p->tx_size = NET_TCP_WIDE_TX_BUF;
  }
#else
  (void)p;
#endif
}

const char *tcp_state_name(enum tcp_state s) {
  static const char *const names[] = {"CLOSED",     "LISTEN",     "SYN_SENT",   "SYN_RECEIVED",
                                      "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT",
                                      "CLOSING",    "LAST_ACK",   "TIME_WAIT"};
  return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "?";
}

/* ============================== allocation and lookup ============================== */

static void free_pcb(struct tcp_pcb *p) {
  p->used = 0;
#if NET_TCP_WIDE_CONNS > 0
  for (int i = 0; i < NET_TCP_WIDE_CONNS; i++) {
    if (wide_owner[i] == p) {
      wide_owner[i] = NULL;
    }
  }
#endif
}

/* A free block; when every block is taken, the oldest orphan in TIME_WAIT is recycled
 * (RFC 9293 3.6.1 lets a host cut TIME_WAIT short when it must). */
static struct tcp_pcb *alloc_pcb(void) {
  struct tcp_pcb *p = NULL;
  for (int i = 0; i < NET_TCP_PCBS && p == NULL; i++) {
    if (!pcbs[i].used) {
      p = &pcbs[i];
    }
  }
  for (int i = 0; i < NET_TCP_PCBS && p == NULL; i++) {
    struct tcp_pcb *q = &pcbs[i];
    if (q->state == TCP_TIME_WAIT && !q->user_owned) {
      p = q;
    }
  }
  if (p == NULL) {
    return NULL;
  }
  free_pcb(p); /* a recycled TIME_WAIT block gives back its wide rings */
  memset(p, 0, sizeof *p);
  p->used = 1;
  p->rx = small_rx[p - pcbs];
  p->tx = small_tx[p - pcbs];
  p->rx_size = NET_TCP_RX_BUF;
  p->tx_size = NET_TCP_TX_BUF;
  p->rto = NET_TCP_RTO_INIT_MS;
  p->snd_mss = NET_TCP_DEFAULT_MSS;
  return p;
}

struct tcp_pcb *tcp_new(void) {
  struct tcp_pcb *p = alloc_pcb();
  if (p) {
    p->user_owned = 1;
  }
  return p;
}

static int port_in_use(uint16_t port) {
  for (int i = 0; i < NET_TCP_PCBS; i++) {
    if (pcbs[i].used && pcbs[i].local_port == port && pcbs[i].parent == NULL) {
      return 1;
    }
  }
  return 0;
}

int tcp_bind(struct tcp_pcb *pcb, uint16_t port) {
  if (port == 0) {
    port = net_ephemeral_port(port_in_use);
  } else if (port_in_use(port)) {
    return -EADDRINUSE;
  }
  pcb->local_port = port;
  return 0;
}

/* RFC 6528 suggests a clock plus a hash; we have no secret, so a clock (250 per ms, as
 * RFC 9293 3.4.1's 4 us tick) plus a per-connection step keeps sequences from overlapping. */
static uint32_t new_iss(void) {
  iss_counter += 64000u;
  return iss_counter + net_if.now * 250u;
}

static uint32_t rx_space(const struct tcp_pcb *p) { return p->rx_size - p->rx_len; }

/* The window field we would send: the free receive space, scaled except on a SYN (RFC 7323 2.2)
 * and so rounded down to a multiple of 2^shift (2.4 lets that move the right edge back by less
 * than one unit), capped at what 16 bits hold. */
static uint32_t wnd_field(const struct tcp_pcb *p, uint32_t shift) {
  uint32_t w = rx_space(p) >> shift;
  return w > 0xFFFF ? 0xFFFF : w;
}

/* ================================== output ================================== */

/* Sends one segment: flags, sequence number, and len bytes of the transmit ring from offset
 * off (data bytes after snd_una). */
static void send_segment(struct tcp_pcb *p, uint8_t flags, uint32_t seq, size_t off, size_t len) {
  struct tcp_hdr h = {
      .sport = p->local_port,
      .dport = p->remote_port,
      .seq = seq,
      .ack = (flags & TCP_ACK) ? p->rcv_nxt : 0,
      .flags = flags,
      .mss = (flags & TCP_SYN) ? NET_TCP_MSS : 0,
      /* Window Scale goes on our SYN, and on a SYN-ACK only if the peer's SYN had it. */
      .wscale = (flags & TCP_SYN) && (!(flags & TCP_ACK) || p->ws_ok) ? NET_TCP_WSCALE + 1 : 0,
  };
  uint32_t shift = (flags & TCP_SYN) ? 0 : p->rcv_shift;
  h.wnd = (uint16_t)wnd_field(p, shift);
  p->rcv_adv = p->rcv_nxt + ((uint32_t)h.wnd << shift);
  uint8_t *out = ip_tx_payload();
  int hl = tcp_hdr_size(&h);
  ring_get(p->tx, p->tx_size, p->tx_head + (uint32_t)off, out + hl, (uint32_t)len);
  tcp_emit(out, len, p->local_ip, p->remote_ip, &h);
  ip_send(p->local_ip, p->remote_ip, IP_PROTO_TCP, (size_t)hl + len);
  if (flags & TCP_ACK) {
    p->ack_now = 0;
    p->ack_delayed = 0;
  }
}

/* A reset in answer to a segment that has no connection (RFC 9293 3.10.7.1). */
static void send_reset_for(const struct ipv4_hdr *ip, const struct tcp_hdr *th, size_t seg_len) {
  struct tcp_hdr h = {.sport = th->dport, .dport = th->sport};
  if (th->flags & TCP_ACK) {
    h.seq = th->ack;
    h.flags = TCP_RST;
  } else {
    h.seq = 0;
    h.ack = th->seq + (uint32_t)seg_len;
    h.flags = TCP_RST | TCP_ACK;
  }
  uint8_t *out = ip_tx_payload();
  tcp_emit(out, 0, ip->dst, ip->src, &h);
  ip_send(ip->dst, ip->src, IP_PROTO_TCP, TCP_HDR_LEN);
}

static void arm_rtx(struct tcp_pcb *p) {
  p->rtx_active = 1;
  p->rtx_deadline = net_if.now + p->rto;
}

/* Data bytes sent but not acknowledged. */
static uint32_t data_in_flight(const struct tcp_pcb *p) {
  uint32_t f = p->snd_nxt - p->snd_una;
  if (p->fin_sent && f > 0 && p->snd_nxt == p->snd_max) {
    f--; /* the FIN's sequence number is not a data byte */
  }
  return f;
}

static int can_send_data(const struct tcp_pcb *p) {
  switch (p->state) {
    case TCP_ESTABLISHED:
    case TCP_CLOSE_WAIT:
    case TCP_FIN_WAIT_1:
    case TCP_CLOSING:
    case TCP_LAST_ACK:
      return 1;
    default:
      return 0;
  }
}

/* Sends what the windows allow: new data, the FIN, or a bare ACK if one is owed. */
static void tcp_output(struct tcp_pcb *p) {
  if (p->state == TCP_CLOSED || p->state == TCP_LISTEN) {
    p->ack_now = 0;
    p->ack_delayed = 0;
    return;
  }
  if (p->state == TCP_SYN_SENT || p->state == TCP_SYN_RECEIVED) {
    if (p->snd_nxt == p->iss) {
      uint8_t flags = p->state == TCP_SYN_SENT ? TCP_SYN : (TCP_SYN | TCP_ACK);
      send_segment(p, flags, p->iss, 0, 0);
      p->snd_nxt = p->iss + 1;
      if (SEQ_GT(p->snd_nxt, p->snd_max)) {
        p->snd_max = p->snd_nxt;
      }
      if (!p->rtx_active) {
        arm_rtx(p);
      }
    } else if (p->ack_now) {
      send_segment(p, TCP_ACK, p->snd_nxt, 0, 0);
    }
    return;
  }
  int sent_any = 0;
  if (can_send_data(p)) {
    for (;;) {
      uint32_t flight = p->snd_nxt - p->snd_una;
      uint32_t off = data_in_flight(p);
      if (p->fin_sent && p->snd_nxt == p->snd_max) {
        break; /* everything including FIN is out */
      }
      uint32_t unsent = p->tx_len > off ? p->tx_len - off : 0;
      uint32_t wnd = p->snd_wnd < p->cwnd ? p->snd_wnd : p->cwnd;
      uint32_t room = wnd > flight ? wnd - flight : 0;
      uint32_t n = unsent < p->snd_mss ? unsent : p->snd_mss;
      if (n > room) {
        n = room;
      }
      /* The FIN rides on the segment that carries the last queued byte, or goes alone. */
      int fin = p->fin_queued && !p->fin_sent && off + n == p->tx_len;
      if (n == 0 && !fin) {
        break;
      }
      /* Nagle (RFC 9293 3.7.4, RFC 896) in Minshall's form: a segment shorter than the MSS
       * waits while an earlier short one is unacknowledged, so small writes coalesce, but a
       * reply written after a read (nothing short in flight) and the tail of a large write go
       * at once, as does anything when nothing is in flight (a retransmission after a
       * timeout). TCP_NODELAY turns it off; a FIN never waits. */
      if (n < p->snd_mss && !fin && !p->nodelay && flight > 0 && SEQ_GT(p->snd_small, p->snd_una)) {
        break;
      }
      if (n < p->snd_mss) {
        p->snd_small = p->snd_nxt + n;
      }
      uint8_t flags = TCP_ACK | (n > 0 && off + n == p->tx_len ? TCP_PSH : 0) | (fin ? TCP_FIN : 0);
      send_segment(p, flags, p->snd_nxt, off, n);
      sent_any = 1;
      if (!p->rtt_timing && n > 0 && p->snd_nxt == p->snd_max) {
        /* Karn: time only segments sent for the first time (RFC 6298 3). */
        p->rtt_timing = 1;
        p->rtt_seq = p->snd_nxt + n;
        p->rtt_start = net_if.now;
      }
      p->snd_nxt += n + (fin ? 1 : 0);
      if (fin) {
        p->fin_sent = 1;
      }
      if (SEQ_GT(p->snd_nxt, p->snd_max)) {
        p->snd_max = p->snd_nxt;
      }
      if (!p->rtx_active) {
        arm_rtx(p);
      }
      if (fin) {
        break;
      }
    }
    /* Zero window with data waiting: the retransmission timer doubles as the persist timer
     * (RFC 9293 3.8.6.1), probing with one byte. */
    if (!p->rtx_active && p->snd_wnd == 0 && p->tx_len > data_in_flight(p)) {
      arm_rtx(p);
    }
  }
  if (!sent_any && p->ack_now) {
    send_segment(p, TCP_ACK, p->snd_nxt, 0, 0);
  }
}

/* ================================= user calls ================================= */

int tcp_listen(struct tcp_pcb *pcb, int backlog) {
  if (pcb->state != TCP_CLOSED) {
    return -EINVAL;
  }
  if (pcb->local_port == 0) {
    int err = tcp_bind(pcb, 0);
    if (err) {
      return err;
    }
  }
  if (backlog < NET_TCP_LISTEN_MIN) {
    backlog = NET_TCP_LISTEN_MIN; /* see netconfig.h */
  }
  pcb->backlog = backlog > NET_TCP_BACKLOG_MAX ? NET_TCP_BACKLOG_MAX : backlog;
  pcb->state = TCP_LISTEN;
  return 0;
}

struct tcp_pcb *tcp_accept(struct tcp_pcb *listener) {
  if (listener->state != TCP_LISTEN || listener->accept_n == 0) {
    return NULL;
  }
  for (int i = 0; i < listener->accept_n; i++) {
    struct tcp_pcb *c = listener->accept_q[i];
    if (c->state != TCP_SYN_RECEIVED) {
      memmove(&listener->accept_q[i], &listener->accept_q[i + 1],
              (size_t)(listener->accept_n - i - 1) * sizeof c);
      listener->accept_n--;
      c->parent = NULL;
      c->user_owned = 1;
      return c;
    }
  }
  return NULL;
}

int tcp_connect(struct tcp_pcb *pcb, uint32_t ip, uint16_t port) {
  if (pcb->state != TCP_CLOSED) {
    return pcb->state == TCP_SYN_SENT ? -EALREADY : -EISCONN;
  }
  if (!ip_route_ok(ip)) {
    return -ENETUNREACH;
  }
  if (pcb->local_port == 0) {
    int err = tcp_bind(pcb, 0);
    if (err) {
      return err;
    }
  }
  pcb->local_ip = net_if.ip;
  pcb->remote_ip = ip;
  pcb->remote_port = port;
  pcb->iss = new_iss();
  pcb->snd_una = pcb->snd_nxt = pcb->snd_max = pcb->snd_small = pcb->iss;
  take_wide_rings(pcb);
  pcb->cwnd = NET_TCP_DEFAULT_MSS;
  pcb->ssthresh = 0xFFFF;
  pcb->state = TCP_SYN_SENT;
  pcb->err = 0;
  tcp_output(pcb);
  return -EINPROGRESS;
}

int tcp_write(struct tcp_pcb *pcb, const uint8_t *data, size_t len) {
  if (pcb->err) {
    return pcb->err;
  }
  if (pcb->state == TCP_SYN_SENT || pcb->state == TCP_SYN_RECEIVED) {
    return -EAGAIN;
  }
  if (pcb->state != TCP_ESTABLISHED && pcb->state != TCP_CLOSE_WAIT) {
    return (pcb->fin_queued) ? -EPIPE : -ENOTCONN;
  }
  if (pcb->fin_queued) {
    return -EPIPE;
  }
  size_t room = pcb->tx_size - pcb->tx_len;
  if (room == 0) {
    return -EAGAIN;
  }
  size_t n = len < room ? len : room;
  ring_put(pcb->tx, pcb->tx_size, pcb->tx_head + pcb->tx_len, data, (uint32_t)n);
  pcb->tx_len += (uint32_t)n;
  tcp_output(pcb);
  return (int)n;
}

int tcp_read(struct tcp_pcb *pcb, uint8_t *buf, size_t len) {
  if (pcb->rx_len == 0) {
    if (pcb->err) {
      return pcb->err;
    }
    if (pcb->rx_fin) {
      return 0;
    }
    if (pcb->state == TCP_CLOSED || pcb->state == TCP_LISTEN) {
      return -ENOTCONN;
    }
    return -EAGAIN;
  }
  size_t n = len < pcb->rx_len ? len : pcb->rx_len;
  ring_get(pcb->rx, pcb->rx_size, pcb->rx_head, buf, (uint32_t)n);
  pcb->rx_head = (pcb->rx_head + (uint32_t)n) % pcb->rx_size;
  pcb->rx_len -= (uint32_t)n;
  /* Window update when the right edge would move by an MSS or half the ring (receiver-side
   * SWS avoidance, RFC 9293 3.8.6.2.2). */
  uint32_t edge = pcb->rcv_nxt + (wnd_field(pcb, pcb->rcv_shift) << pcb->rcv_shift);
  uint32_t step = pcb->rx_size / 2 < NET_TCP_MSS ? pcb->rx_size / 2 : NET_TCP_MSS;
  if (pcb->state >= TCP_ESTABLISHED && pcb->state != TCP_TIME_WAIT &&
      (int32_t)(edge - pcb->rcv_adv) >= (int32_t)step) {
    pcb->ack_now = 1;
    tcp_output(pcb);
  }
  return (int)n;
}

int tcp_shutdown_write(struct tcp_pcb *pcb) {
  switch (pcb->state) {
    case TCP_SYN_RECEIVED:
    case TCP_ESTABLISHED:
      pcb->fin_queued = 1;
      pcb->state = TCP_FIN_WAIT_1;
      break;
    case TCP_CLOSE_WAIT:
      pcb->fin_queued = 1;
      pcb->state = TCP_LAST_ACK;
      break;
    case TCP_SYN_SENT:
      pcb->state = TCP_CLOSED;
      return 0;
    default:
      return pcb->fin_queued ? 0 : -ENOTCONN;
  }
  tcp_output(pcb);
  return 0;
}

static void drop_children(struct tcp_pcb *listener) {
  for (int i = 0; i < listener->accept_n; i++) {
    tcp_abort(listener->accept_q[i]);
  }
  listener->accept_n = 0;
}

void tcp_close(struct tcp_pcb *pcb) {
  pcb->user_owned = 0;
  switch (pcb->state) {
    case TCP_LISTEN:
      drop_children(pcb);
      free_pcb(pcb);
      return;
    case TCP_CLOSED:
    case TCP_SYN_SENT:
      free_pcb(pcb);
      return;
    default:
      break;
  }
  if (pcb->rx_len > 0) {
    /* Unread data is lost: tell the peer with RST (RFC 2525 2.17, RFC 1122 4.2.2.13). */
    tcp_abort(pcb);
    return;
  }
  tcp_shutdown_write(pcb);
}

void tcp_abort(struct tcp_pcb *pcb) {
  if (pcb->state != TCP_CLOSED && pcb->state != TCP_LISTEN && pcb->state != TCP_SYN_SENT &&
      pcb->state != TCP_TIME_WAIT) {
    send_segment(pcb, TCP_RST | TCP_ACK, pcb->snd_nxt, 0, 0);
  }
  if (pcb->state == TCP_LISTEN) {
    drop_children(pcb);
  }
  pcb->state = TCP_CLOSED;
  free_pcb(pcb);
}

int tcp_readable(const struct tcp_pcb *pcb) {
  if (pcb->state == TCP_LISTEN) {
    for (int i = 0; i < pcb->accept_n; i++) {
      if (pcb->accept_q[i]->state != TCP_SYN_RECEIVED) {
        return 1;
      }
    }
    return 0;
  }
  return pcb->rx_len > 0 || pcb->rx_fin || pcb->err != 0 ||
         (pcb->state == TCP_CLOSED && pcb->snd_max != 0);
}

int tcp_writable(const struct tcp_pcb *pcb) {
  if (pcb->err) {
    return 1;
  }
  return (pcb->state == TCP_ESTABLISHED || pcb->state == TCP_CLOSE_WAIT) && !pcb->fin_queued &&
         pcb->tx_len < pcb->tx_size;
}

void tcp_set_nodelay(struct tcp_pcb *pcb, int on) {
  pcb->nodelay = on != 0;
  if (on) {
    tcp_output(pcb); /* what Nagle held back goes now, as on Linux */
  }
}

/* ================================== input ================================== */

/* The connection has ended. Sockets keep their pcb (to report the error); orphans go. */
static void enter_closed(struct tcp_pcb *p, int err) {
  p->state = TCP_CLOSED;
  p->rtx_active = 0;
  p->ack_now = 0;
  p->ack_delayed = 0;
  if (err) {
    p->err = err;
  }
  if (p->parent) {
    /* An embryonic or unaccepted child: remove it from the listener's queue. */
    struct tcp_pcb *l = p->parent;
    for (int i = 0; i < l->accept_n; i++) {
      if (l->accept_q[i] == p) {
        memmove(&l->accept_q[i], &l->accept_q[i + 1], (size_t)(l->accept_n - i - 1) * sizeof p);
        l->accept_n--;
        break;
      }
    }
    free_pcb(p);
    return;
  }
  if (!p->user_owned) {
    free_pcb(p);
  }
}

static void enter_time_wait(struct tcp_pcb *p) {
  p->state = TCP_TIME_WAIT;
  p->rtx_active = 0;
  p->tw_deadline = net_if.now + 2 * NET_TCP_MSL_MS;
}

static struct tcp_pcb *lookup(const struct ipv4_hdr *ip, const struct tcp_hdr *th) {
  struct tcp_pcb *listener = NULL;
  for (int i = 0; i < NET_TCP_PCBS; i++) {
    struct tcp_pcb *p = &pcbs[i];
    if (!p->used || p->local_port != th->dport) {
      continue;
    }
    if (p->state == TCP_LISTEN) {
      listener = p;
    } else if (p->state != TCP_CLOSED && p->remote_port == th->sport && p->remote_ip == ip->src) {
      return p;
    }
  }
  return listener;
}

/* The options of the peer's SYN: MSS, and window scaling if it offered it (RFC 7323 2.2). */
static void apply_peer_options(struct tcp_pcb *p, const struct tcp_hdr *th) {
  p->ws_ok = th->wscale != 0;
  p->snd_shift = p->ws_ok ? th->wscale - 1 : 0;
  p->rcv_shift = p->ws_ok ? NET_TCP_WSCALE : 0;
  uint16_t mss = th->mss ? th->mss : NET_TCP_DEFAULT_MSS;
  p->snd_mss = mss < NET_TCP_MSS ? mss : NET_TCP_MSS;
  /* RFC 5681 3.1: initial window of up to 4 segments for small MSS. */
  p->cwnd = (uint32_t)p->snd_mss * (p->snd_mss > 2190 ? 2 : (p->snd_mss > 1095 ? 3 : 4));
  p->ssthresh = 0xFFFF;
}

static void listen_input(struct tcp_pcb *l, const struct ipv4_hdr *ip, const struct tcp_hdr *th,
                         size_t seg_len) {
  if (th->flags & TCP_RST) {
    return;
  }
  if (th->flags & TCP_ACK) {
    send_reset_for(ip, th, seg_len);
    return;
  }
  if (!(th->flags & TCP_SYN)) {
    return;
  }
  /* The backlog counts embryonic and completed connections alike; a full queue drops the SYN
   * silently so the client retries (as BSD does). */
  if (l->accept_n >= l->backlog) {
    return;
  }
  struct tcp_pcb *c = alloc_pcb();
  if (c == NULL) {
    return;
  }
  c->parent = l;
  c->local_ip = ip->dst;
  c->local_port = l->local_port;
  c->remote_ip = ip->src;
  c->remote_port = th->sport;
  c->irs = th->seq;
  c->rcv_nxt = th->seq + 1;
  c->iss = new_iss();
  c->snd_una = c->snd_nxt = c->snd_max = c->snd_small = c->iss;
  c->nodelay = l->nodelay; /* inherited from the listener, as BSD and Linux do */
  take_wide_rings(c);
  c->snd_wnd = th->wnd;
  c->snd_wl1 = th->seq;
  c->snd_wl2 = c->iss;
  apply_peer_options(c, th);
  c->state = TCP_SYN_RECEIVED;
  l->accept_q[l->accept_n++] = c;
  tcp_output(c);
}

static void syn_sent_input(struct tcp_pcb *p, const struct ipv4_hdr *ip, const struct tcp_hdr *th,
                           size_t seg_len) {
  int ack_ok = 0;
  if (th->flags & TCP_ACK) {
    if (SEQ_LEQ(th->ack, p->iss) || SEQ_GT(th->ack, p->snd_max)) {
      if (!(th->flags & TCP_RST)) {
        send_reset_for(ip, th, seg_len);
      }
      return;
    }
    ack_ok = 1;
  }
  if (th->flags & TCP_RST) {
    if (ack_ok) {
      enter_closed(p, -ECONNREFUSED);
    }
    return;
  }
  if (!(th->flags & TCP_SYN)) {
    return;
  }
  p->irs = th->seq;
  p->rcv_nxt = th->seq + 1;
  apply_peer_options(p, th);
  p->snd_wnd = th->wnd;
  p->snd_wl1 = th->seq;
  p->snd_wl2 = th->ack;
  p->ack_now = 1;
  if (ack_ok) {
    p->snd_una = th->ack;
    p->state = TCP_ESTABLISHED;
    p->rtx_active = 0;
    p->retries = 0;
    if (!p->rtt_valid) {
      p->rto = NET_TCP_RTO_INIT_MS;
    }
  } else {
    /* Simultaneous open (RFC 9293 3.5 figure 8): resend our SYN with the ACK. */
    p->state = TCP_SYN_RECEIVED;
    p->snd_nxt = p->iss;
  }
  tcp_output(p);
}

/* RFC 6298 2.2/2.3: smoothed RTT and variance, RTO = SRTT + 4 RTTVAR, clamped. */
static void rtt_sample(struct tcp_pcb *p, uint32_t r) {
  if (!p->rtt_valid) {
    p->srtt = r;
    p->rttvar = r / 2;
    p->rtt_valid = 1;
  } else {
    uint32_t delta = p->srtt > r ? p->srtt - r : r - p->srtt;
    p->rttvar = (3 * p->rttvar + delta) / 4;
    p->srtt = (7 * p->srtt + r) / 8;
  }
  uint32_t rto = p->srtt + (4 * p->rttvar > 1 ? 4 * p->rttvar : 1);
  p->rto = rto < NET_TCP_RTO_MIN_MS ? NET_TCP_RTO_MIN_MS : (rto > NET_TCP_RTO_MAX_MS ? NET_TCP_RTO_MAX_MS : rto);
}

/* A new cumulative ACK: drop acknowledged bytes, time the RTT, grow cwnd, re-arm the timer. */
static void ack_advance(struct tcp_pcb *p, uint32_t ack) {
  uint32_t acked = ack - p->snd_una;
  uint32_t data = acked;
  if (p->fin_sent && ack == p->snd_max) {
    data--; /* the FIN */
  }
  if (data > p->tx_len) {
    data = p->tx_len;
  }
  p->tx_head = (p->tx_head + data) % p->tx_size;
  p->tx_len -= data;
  p->snd_una = ack;
  if (SEQ_LT(p->snd_nxt, ack)) {
    p->snd_nxt = ack;
  }
  if (p->rtt_timing && SEQ_GEQ(ack, p->rtt_seq)) {
    p->rtt_timing = 0;
    rtt_sample(p, net_if.now - p->rtt_start);
  }
  p->retries = 0;
  p->dupacks = 0;
  /* RFC 5681 3.1: slow start below ssthresh, then about one MSS per RTT. */
  if (p->cwnd < p->ssthresh) {
    p->cwnd += acked < p->snd_mss ? acked : p->snd_mss;
  } else {
    p->cwnd += (uint32_t)p->snd_mss * p->snd_mss / (p->cwnd ? p->cwnd : 1) + 1;
  }
  if (p->snd_una == p->snd_max) {
    p->rtx_active = 0;
  } else {
    arm_rtx(p);
  }
}

/* ---- reassembly: out-of-order bytes are written straight into the receive ring at their
 * final position (tail + distance from rcv_nxt); a few ranges remember what is there. ---- */

static void ooo_store(struct tcp_pcb *p, uint32_t seq, const uint8_t *data, size_t dlen) {
  uint32_t off = seq - p->rcv_nxt;
  uint32_t space = rx_space(p);
  if (off >= space) {
    return;
  }
  size_t n = dlen < space - off ? dlen : space - off;
  ring_put(p->rx, p->rx_size, p->rx_head + p->rx_len + off, data, (uint32_t)n);
  uint32_t start = seq, end = seq + (uint32_t)n;
  /* Absorb every range that overlaps or touches [start, end). */
  for (int i = 0; i < p->ooo_n;) {
    if (SEQ_LEQ(p->ooo[i].start, end) && SEQ_GEQ(p->ooo[i].end, start)) {
      start = SEQ_LT(p->ooo[i].start, start) ? p->ooo[i].start : start;
      end = SEQ_GT(p->ooo[i].end, end) ? p->ooo[i].end : end;
      p->ooo[i] = p->ooo[--p->ooo_n];
    } else {
      i++;
    }
  }
  if (p->ooo_n < NET_TCP_OOO_RANGES) {
    p->ooo[p->ooo_n].start = start;
    p->ooo[p->ooo_n].end = end;
    p->ooo_n++;
  }
}

/* After rcv_nxt advanced: ranges that now start at or before it join the in-order data. */
static void ooo_merge(struct tcp_pcb *p) {
  int merged = 1;
  while (merged) {
    merged = 0;
    for (int i = 0; i < p->ooo_n; i++) {
      if (SEQ_LEQ(p->ooo[i].start, p->rcv_nxt)) {
        if (SEQ_GT(p->ooo[i].end, p->rcv_nxt)) {
          uint32_t adv = p->ooo[i].end - p->rcv_nxt;
          p->rx_len += adv;
          p->rcv_nxt = p->ooo[i].end;
        }
        p->ooo[i] = p->ooo[--p->ooo_n];
        merged = 1;
        break;
      }
    }
  }
}

static int fin_acked(const struct tcp_pcb *p) { return p->fin_sent && p->snd_una == p->snd_max; }

static void synchronized_input(struct tcp_pcb *p, const struct tcp_hdr *th, const uint8_t *data,
                               size_t dlen) {
  uint32_t seq = th->seq;
  uint32_t wnd = rx_space(p);
  uint32_t swnd = (uint32_t)th->wnd << p->snd_shift; /* never a SYN here (RFC 7323 2.2) */
  /* 1. Sequence check (RFC 9293 3.10.7.4), with the fast path for the expected segment. */
  int out_of_order = 0;
  if (seq != p->rcv_nxt) {
    int acceptable;
    if (dlen == 0) {
      acceptable = wnd == 0 ? 0 : (SEQ_GEQ(seq, p->rcv_nxt) && SEQ_LT(seq, p->rcv_nxt + wnd));
    } else if (SEQ_LT(seq, p->rcv_nxt)) {
      /* Old data overlapping rcv_nxt: trim the duplicate prefix. */
      acceptable = SEQ_GT(seq + dlen, p->rcv_nxt);
      if (acceptable) {
        uint32_t dup = p->rcv_nxt - seq;
        data += dup;
        dlen -= dup;
        seq = p->rcv_nxt;
      }
    } else {
      /* Beyond rcv_nxt but inside the window: kept aside for reassembly (the slow path). */
      acceptable = SEQ_LT(seq, p->rcv_nxt + wnd);
      out_of_order = acceptable;
    }
    if (!acceptable) {
      if (!(th->flags & TCP_RST)) {
        p->ack_now = 1; /* duplicate or out of order: re-announce what we expect */
        tcp_output(p);
      }
      return;
    }
  }
  /* 2. RST: exact match resets, in-window gets a challenge ACK (RFC 5961 3.2). */
  if (th->flags & TCP_RST) {
    if (th->seq != p->rcv_nxt) {
      p->ack_now = 1;
      tcp_output(p);
      return;
    }
    if (p->state == TCP_SYN_RECEIVED && p->parent) {
      enter_closed(p, 0);
    } else if (p->state == TCP_CLOSING || p->state == TCP_LAST_ACK || p->state == TCP_TIME_WAIT) {
      enter_closed(p, 0);
    } else {
      p->rx_fin = 0;
      enter_closed(p, -ECONNRESET);
    }
    return;
  }
  /* 4. SYN in a synchronized state: challenge ACK (RFC 9293 3.10.7.4 fourth). */
  if (th->flags & TCP_SYN) {
    p->ack_now = 1;
    tcp_output(p);
    return;
  }
  if (!(th->flags & TCP_ACK)) {
    return;
  }
  /* 5. ACK. */
  if (p->state == TCP_SYN_RECEIVED) {
    if (SEQ_GT(th->ack, p->snd_una) && SEQ_LEQ(th->ack, p->snd_max)) {
      p->state = p->fin_queued ? TCP_FIN_WAIT_1 : TCP_ESTABLISHED;
      p->snd_una = th->ack;
      p->rtx_active = 0;
      p->retries = 0;
      p->snd_wnd = swnd;
      p->snd_wl1 = seq;
      p->snd_wl2 = th->ack;
    } else {
      struct tcp_hdr rst = {.sport = p->local_port, .dport = p->remote_port, .seq = th->ack, .flags = TCP_RST};
      uint8_t *out = ip_tx_payload();
      tcp_emit(out, 0, p->local_ip, p->remote_ip, &rst);
      ip_send(p->local_ip, p->remote_ip, IP_PROTO_TCP, TCP_HDR_LEN);
      return;
    }
  } else if (SEQ_GT(th->ack, p->snd_max)) {
    p->ack_now = 1; /* acknowledges something not yet sent */
    tcp_output(p);
    return;
  } else if (SEQ_GT(th->ack, p->snd_una)) {
    ack_advance(p, th->ack);
  } else if (th->ack == p->snd_una && dlen == 0 && swnd == p->snd_wnd && p->snd_una != p->snd_max &&
             !(th->flags & TCP_FIN)) {
    /* Duplicate ACK: after three, retransmit the first unacknowledged segment (RFC 5681 3.2). */
    if (++p->dupacks == 3) {
      uint32_t flight = p->snd_max - p->snd_una;
      p->ssthresh = flight / 2 > 2u * p->snd_mss ? flight / 2 : 2u * p->snd_mss;
      p->cwnd = p->ssthresh;
      uint32_t n = p->tx_len < p->snd_mss ? p->tx_len : p->snd_mss;
      if (n > 0) {
        send_segment(p, TCP_ACK, p->snd_una, 0, n);
      }
      p->rtt_timing = 0;
    }
  }
  /* Window update from the newest segment (RFC 9293 3.10.7.4, SND.WL1/SND.WL2 rule). */
  if (SEQ_LT(p->snd_wl1, seq) || (p->snd_wl1 == seq && SEQ_LEQ(p->snd_wl2, th->ack))) {
    p->snd_wnd = swnd;
    p->snd_wl1 = seq;
    p->snd_wl2 = th->ack;
  }
  if (p->state == TCP_FIN_WAIT_1 && fin_acked(p)) {
    p->state = TCP_FIN_WAIT_2;
    /* An orphan cannot wait forever for the peer's FIN (RFC 9293 3.10.7.4 lets the host bound
     * FIN-WAIT-2; BSD and Linux use about a minute). */
    p->tw_deadline = net_if.now + NET_TCP_FIN_WAIT_2_MS;
  } else if (p->state == TCP_CLOSING && fin_acked(p)) {
    enter_time_wait(p);
  } else if (p->state == TCP_LAST_ACK && fin_acked(p)) {
    enter_closed(p, 0);
    return;
  }
  /* 7. Data. */
  if (dlen > 0 && (p->state == TCP_ESTABLISHED || p->state == TCP_FIN_WAIT_1 || p->state == TCP_FIN_WAIT_2)) {
    if (out_of_order) {
      /* Store it and send an immediate duplicate ACK (RFC 5681 4.2); a FIN on it is ignored
       * and comes again with the retransmission. */
      ooo_store(p, seq, data, dlen);
      p->ack_now = 1;
      tcp_output(p);
      return;
    }
    size_t n = dlen < rx_space(p) ? dlen : rx_space(p);
    ring_put(p->rx, p->rx_size, p->rx_head + p->rx_len, data, (uint32_t)n);
    p->rx_len += (uint32_t)n;
    p->rcv_nxt += (uint32_t)n;
    /* Delayed ACK (RFC 9293 3.8.6.3, RFC 1122 4.2.3.2): one segment may wait up to
     * NET_TCP_DELACK_MS for a reply to carry its ACK; the second is acknowledged at once. Also
     * at once: data that fills a gap (RFC 5681 4.2); data that leaves less than a segment of
     * window (the peer's sender-side SWS avoidance would wait for our ACK); and a pushed
     * segment while data of ours waits to go (each end would wait for the other's ACK); and
     * anything after we shut down writing, when no reply can carry the ACK. */
    if (p->ack_delayed || p->ooo_n || n < dlen || rx_space(p) < NET_TCP_MSS || p->fin_queued ||
        ((th->flags & TCP_PSH) && p->tx_len > data_in_flight(p))) {
      p->ack_now = 1;
    } else if (!p->ack_now) {
      p->ack_delayed = 1;
      p->ack_deadline = net_if.now + NET_TCP_DELACK_MS;
    }
    ooo_merge(p);
    if (n < dlen) {
      dlen = n; /* the rest did not fit: the FIN (if any) waits for the retransmission */
      tcp_output(p);
      return;
    }
  }
  /* 8. FIN, once every byte before it has arrived. */
  if ((th->flags & TCP_FIN) && seq + dlen == p->rcv_nxt) {
    p->rcv_nxt++;
    p->rx_fin = 1;
    p->ack_now = 1;
    switch (p->state) {
      case TCP_SYN_RECEIVED:
      case TCP_ESTABLISHED:
        p->state = TCP_CLOSE_WAIT;
        break;
      case TCP_FIN_WAIT_1:
        if (fin_acked(p)) {
          enter_time_wait(p);
        } else {
          p->state = TCP_CLOSING;
        }
        break;
      case TCP_FIN_WAIT_2:
        enter_time_wait(p);
        break;
      case TCP_TIME_WAIT:
        enter_time_wait(p); /* a retransmitted FIN restarts the 2 MSL wait */
        break;
      default:
        break;
    }
  }
  tcp_output(p);
}

void tcp_input(const struct ipv4_hdr *ip, const uint8_t *seg, size_t len) {
  struct tcp_hdr th;
  if (tcp_parse(seg, len, ip->src, ip->dst, &th) < 0) {
    net_if.stats.bad_checksums++;
    return;
  }
  const uint8_t *data = seg + th.hdr_len;
  size_t dlen = len - th.hdr_len;
  size_t seg_len = dlen + ((th.flags & TCP_SYN) ? 1 : 0) + ((th.flags & TCP_FIN) ? 1 : 0);
  struct tcp_pcb *p = lookup(ip, &th);
  if (p == NULL) {
    if (!(th.flags & TCP_RST)) {
      send_reset_for(ip, &th, seg_len);
    }
    return;
  }
  switch (p->state) {
    case TCP_LISTEN:
      listen_input(p, ip, &th, seg_len);
      break;
    case TCP_SYN_SENT:
      syn_sent_input(p, ip, &th, seg_len);
      break;
    default:
      synchronized_input(p, &th, data, dlen);
      break;
  }
}

/* ================================== timers ================================== */

/* Retransmission timeout (RFC 6298 5.4-5.7): back off, collapse cwnd, go back to snd_una. */
static void rtx_timeout(struct tcp_pcb *p) {
  if (p->snd_wnd == 0 && p->snd_una == p->snd_max && p->tx_len > 0 && can_send_data(p)) {
    /* Persist timer (RFC 9293 3.8.6.1): probe the zero window with one byte, forever, backing
     * off; the probe byte is not counted as sent, the peer's ACK tells the window. */
    send_segment(p, TCP_ACK, p->snd_una, 0, 1);
    p->rto = p->rto * 2 > NET_TCP_RTO_MAX_MS ? NET_TCP_RTO_MAX_MS : p->rto * 2;
    arm_rtx(p);
    return;
  }
  int limit = (p->state == TCP_SYN_SENT || p->state == TCP_SYN_RECEIVED) ? NET_TCP_SYN_RETRIES : NET_TCP_MAX_RETRIES;
  if (p->retries >= limit) {
    if (p->state != TCP_SYN_SENT) {
      send_segment(p, TCP_RST | TCP_ACK, p->snd_nxt, 0, 0);
    }
    enter_closed(p, -ETIMEDOUT);
    return;
  }
  p->retries++;
  p->rto = p->rto * 2 > NET_TCP_RTO_MAX_MS ? NET_TCP_RTO_MAX_MS : p->rto * 2;
  p->rtt_timing = 0;
  p->rtx_active = 0;
  if (p->state == TCP_SYN_SENT || p->state == TCP_SYN_RECEIVED) {
    p->snd_nxt = p->iss; /* resend SYN / SYN-ACK */
    tcp_output(p);
    return;
  }
  uint32_t flight = p->snd_max - p->snd_una;
  p->ssthresh = flight / 2 > 2u * p->snd_mss ? flight / 2 : 2u * p->snd_mss;
  p->cwnd = p->snd_mss;
  p->snd_nxt = p->snd_una;
  if (p->fin_sent && !fin_acked(p)) {
    p->fin_sent = 0;
    p->snd_max = p->snd_max - 1; /* the FIN goes out again after the data */
  }
  tcp_output(p);
  if (!p->rtx_active && p->snd_una != p->snd_max) {
    arm_rtx(p);
  }
}

void tcp_poll(uint32_t now) {
  for (int i = 0; i < NET_TCP_PCBS; i++) {
    struct tcp_pcb *p = &pcbs[i];
    if (!p->used) {
      continue;
    }
    if ((p->state == TCP_TIME_WAIT || (p->state == TCP_FIN_WAIT_2 && !p->user_owned)) &&
        !net_time_before(now, p->tw_deadline)) {
      enter_closed(p, 0);
    } else if (p->rtx_active && !net_time_before(now, p->rtx_deadline)) {
      rtx_timeout(p);
    } else if (p->ack_now || (p->ack_delayed && !net_time_before(now, p->ack_deadline))) {
      p->ack_now = 1;
      tcp_output(p);
    }
  }
}

uint32_t tcp_poll_at(uint32_t now) {
  uint32_t t = NET_FAR_FUTURE(now);
  for (int i = 0; i < NET_TCP_PCBS; i++) {
    const struct tcp_pcb *p = &pcbs[i];
    if (!p->used) {
      continue;
    }
    if (p->state == TCP_TIME_WAIT || (p->state == TCP_FIN_WAIT_2 && !p->user_owned)) {
      t = net_earliest(t, p->tw_deadline);
    } else if (p->rtx_active) {
      t = net_earliest(t, p->rtx_deadline);
    }
    if (p->ack_now) {
      t = now;
    } else if (p->ack_delayed) {
      t = net_earliest(t, p->ack_deadline);
    }
  }
  return t;
}
