/*
 * TCP (RFC 9293) connection blocks and their calls. Retransmission timeout per RFC 6298 with
 * exponential backoff, slow start and congestion avoidance per RFC 5681 (with fast retransmit
 * on three duplicate ACKs), MSS option (RFC 9293 3.7.1), window scaling (RFC 7323 2), delayed
 * ACKs (RFC 9293 3.8.6.3) and Nagle's algorithm (RFC 9293 3.7.4, off with TCP_NODELAY).
 * In-order data takes the fast path into the receive ring; out-of-order data inside the window
 * is stored in place and merged when the gap fills. Rings live outside the blocks: each block
 * has small ones, and the first NET_TCP_WIDE_CONNS connections to open take wide ones from a
 * pool (netconfig.h).
 */
#ifndef NET_TCP_H
#define NET_TCP_H

#include <stddef.h>
#include <stdint.h>

#include "netconfig.h"

enum tcp_state {
  TCP_CLOSED,
  TCP_LISTEN,
  TCP_SYN_SENT,
  TCP_SYN_RECEIVED,
  TCP_ESTABLISHED,
  TCP_FIN_WAIT_1,
  TCP_FIN_WAIT_2,
  TCP_CLOSE_WAIT,
  TCP_CLOSING,
  TCP_LAST_ACK,
  TCP_TIME_WAIT,
};

struct tcp_pcb {
  int used;
  enum tcp_state state;
  int user_owned; /* a socket holds this pcb; when 0 it is freed once CLOSED */
  uint32_t local_ip, remote_ip;
  uint16_t local_port, remote_port;

  /* Send sequence variables (RFC 9293 3.3.1); snd_max is the highest sequence sent. */
  uint32_t iss, snd_una, snd_nxt, snd_max, snd_wnd, snd_wl1, snd_wl2;
  /* Receive sequence variables. */
  uint32_t irs, rcv_nxt;
  uint16_t snd_mss;
  uint32_t rcv_adv; /* right edge of the window we last advertised (rcv_nxt + window) */
  /* Window scaling (RFC 7323 2.2): on only when both SYNs carried the option. */
  uint8_t ws_ok, snd_shift, rcv_shift;

  /* Transmit ring: bytes from snd_una (after SYN) that are unacknowledged or unsent. */
  uint8_t *tx;
  uint32_t tx_size, tx_head, tx_len;
  /* Receive ring: in-order bytes the application has not read. */
  uint8_t *rx;
  uint32_t rx_size, rx_head, rx_len;

  /* Out-of-order ranges already stored in the receive ring beyond rx_len. */
  struct {
    uint32_t start, end;
  } ooo[NET_TCP_OOO_RANGES];
  uint8_t ooo_n;

  uint8_t fin_queued; /* the application shut down writing */
  uint8_t fin_sent;
  uint8_t rx_fin;     /* the peer's FIN arrived: end of stream after rx */
  uint8_t ack_now;
  uint8_t ack_delayed;   /* an ACK is owed, due by ack_deadline (delayed ACK) */
  uint32_t ack_deadline;
  uint8_t nodelay;       /* TCP_NODELAY: Nagle's algorithm off */
  uint32_t snd_small;    /* end of the last segment shorter than the MSS (Nagle, Minshall) */
  uint8_t dupacks;
  int err; /* pending -errno for the application (ECONNREFUSED, ECONNRESET, ETIMEDOUT) */

  /* Retransmission (RFC 6298). */
  uint32_t rto, srtt, rttvar;
  uint8_t rtt_valid, rtt_timing;
  uint32_t rtt_seq, rtt_start;
  uint8_t rtx_active;
  uint32_t rtx_deadline;
  uint8_t retries;
  uint32_t tw_deadline; /* end of TIME_WAIT, or of FIN_WAIT_2 for an orphan */

  /* Congestion control (RFC 5681). */
  uint32_t cwnd, ssthresh;

  /* Listening: children in SYN_RECEIVED or waiting for accept. */
  struct tcp_pcb *parent;
  int backlog;
  struct tcp_pcb *accept_q[NET_TCP_BACKLOG_MAX];
  int accept_n;
};

/* A new closed pcb owned by the caller, or NULL when all are in use. */
struct tcp_pcb *tcp_new(void);
/* Binds the local port (0 = ephemeral). 0 or -EADDRINUSE. */
int tcp_bind(struct tcp_pcb *pcb, uint16_t port);
/* Passive open with a backlog of connections not yet accepted. 0 or -errno. */
int tcp_listen(struct tcp_pcb *pcb, int backlog);
/* An established connection from the listener's queue, or NULL. */
struct tcp_pcb *tcp_accept(struct tcp_pcb *listener);
/* Active open: sends SYN. Returns -EINPROGRESS (success, in progress) or another -errno. */
int tcp_connect(struct tcp_pcb *pcb, uint32_t ip, uint16_t port);
/* Queues up to len bytes; returns the count queued, -EAGAIN when the buffer is full, or
 * -ENOTCONN, -EPIPE, or the pending error. */
int tcp_write(struct tcp_pcb *pcb, const uint8_t *data, size_t len);
/* Reads up to len bytes; 0 at end of stream, -EAGAIN when nothing is there, or an error. */
int tcp_read(struct tcp_pcb *pcb, uint8_t *buf, size_t len);
/* Sends FIN after the queued data (half-close). */
int tcp_shutdown_write(struct tcp_pcb *pcb);
/* Gives the pcb back: closes gracefully (FIN) and frees it when the handshake ends. */
void tcp_close(struct tcp_pcb *pcb);
/* Sends RST and frees. */
void tcp_abort(struct tcp_pcb *pcb);

/* TCP_NODELAY: 1 sends small segments at once, 0 (the default) coalesces them (Nagle). */
void tcp_set_nodelay(struct tcp_pcb *pcb, int on);

/* Readiness, for poll. */
int tcp_readable(const struct tcp_pcb *pcb);
int tcp_writable(const struct tcp_pcb *pcb);

const char *tcp_state_name(enum tcp_state s);

#endif
