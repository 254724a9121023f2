/* TCP state machine tests (RFC 9293), driven segment by segment through the socket API.
 * Fixtures are named after states; the peer is played by the test. */
#include <errno.h>
#include <string.h>

#include "harness.h"
#include "socket.h"
#include "tcp.h"

#define LPORT 1234
#define PPORT 40000
#define PEER_ISS 5000u
#define PEER_WND 8192

/* The receive ring of the first connections (wide while the pool lasts, netconfig.h), and the
 * window field that offers it without scaling. */
#define FIRST_RX_RING (NET_TCP_WIDE_CONNS > 0 ? NET_TCP_WIDE_RX_BUF : NET_TCP_RX_BUF)
#define UNSCALED(w) ((w) > 0xFFFF ? 0xFFFF : (w))

static int lfd;         /* listening socket */
static int cfd;         /* connection socket */
static uint32_t my_iss; /* our initial sequence number */
static uint32_t peer_nxt, my_nxt;

/* listen(): a socket listening on LPORT with backlog 4. */
static int listen_fixture(void) {
  link_setup();
  lfd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {0, LPORT};
  if (net_bind(lfd, &a) != 0 || net_listen(lfd, 4) != 0) {
    return -1;
  }
  return 0;
}

/* synReceived(): the peer's SYN arrived and our SYN-ACK went out. */
static int syn_received_fixture(void) {
  if (listen_fixture() != 0) {
    return -1;
  }
  inject_tcp(PPORT, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 1000, NULL, 0);
  struct parsed p;
  if (next_tcp(&p) != 0 || p.tcp.flags != (TCP_SYN | TCP_ACK) || p.tcp.ack != PEER_ISS + 1) {
    return -1;
  }
  my_iss = p.tcp.seq;
  my_nxt = my_iss + 1;
  peer_nxt = PEER_ISS + 1;
  return 0;
}

/* established(): handshake completed and the connection accepted as cfd. */
static int established_fixture(void) {
  if (syn_received_fixture() != 0) {
    return -1;
  }
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, NULL, 0);
  struct net_sockaddr peer;
  cfd = net_accept(lfd, &peer);
  return cfd >= 0 && peer.addr == PEER_IP && peer.port == PPORT && link_pending() == 0 ? 0 : -1;
}

static void peer_ack(uint16_t wnd) { inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, wnd, 0, NULL, 0); }

static void listenAnswersSynWithSynAckAndMss(void) {
  CHECK_EQ(listen_fixture(), 0);
  inject_tcp(PPORT, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 1000, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_SYN | TCP_ACK);
  CHECK_EQ(p.tcp.ack, PEER_ISS + 1);
  CHECK_EQ(p.tcp.mss, NET_TCP_MSS);
  CHECK_EQ(p.tcp.sport, LPORT);
  CHECK_EQ(p.tcp.dport, PPORT);
  CHECK_EQ(net_accept(lfd, NULL), -EAGAIN); /* not before the handshake completes */
}

static void synReceivedAckCompletesHandshakeForAccept(void) {
  CHECK_EQ(established_fixture(), 0);
  struct net_sockaddr me;
  CHECK_EQ(net_getsockname(cfd, &me), 0);
  CHECK_EQ(me.port, LPORT);
  struct net_pollfd p = {cfd, NET_POLLOUT, 0};
  CHECK_EQ(net_poll_fds(&p, 1, 0), 1);
}

/* Delayed ACK (RFC 9293 3.8.6.3): a lone segment is acknowledged NET_TCP_DELACK_MS later,
 * not before, if no reply carries the ACK first. */
static void establishedRecvDataIsReadableAndAckedAfterTheDelay(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK | TCP_PSH, PEER_WND, 0, "hello", 5);
  uint32_t t0 = test_now;
  run_until(t0 + NET_TCP_DELACK_MS - 1);
  CHECK_EQ(link_pending(), 0);
  run_until(t0 + NET_TCP_DELACK_MS);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(p.tcp.ack, peer_nxt + 5);
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING - 5));
  run_until(t0 + 10 * NET_TCP_DELACK_MS);
  CHECK_EQ(link_pending(), 0); /* exactly one ACK */
  char buf[16];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), 5);
  CHECK(memcmp(buf, "hello", 5) == 0);
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), -EAGAIN);
}

static void establishedSendIsSegmentedByPeerMss(void) {
  CHECK_EQ(established_fixture(), 0);
  uint8_t data[1500];
  for (int i = 0; i < 1500; i++) {
    data[i] = (uint8_t)i;
  }
  CHECK_EQ(net_send(cfd, data, sizeof data), 1500);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.seq, my_nxt);
  CHECK_EQ(p.data_len, 1000); /* the peer's MSS option */
  CHECK(memcmp(p.data, data, 1000) == 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.seq, my_nxt + 1000);
  CHECK_EQ(p.data_len, 500);
  CHECK(p.tcp.flags & TCP_PSH);
  CHECK(memcmp(p.data, data + 1000, 500) == 0);
}

static void establishedRetransmitsUnackedDataAfterRto(void) {
  CHECK_EQ(established_fixture(), 0);
  CHECK_EQ(net_send(cfd, "abc", 3), 3);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  uint32_t t0 = test_now;
  run_until(t0 + NET_TCP_RTO_INIT_MS - 1);
  CHECK_EQ(link_pending(), 0);
  run_until(t0 + NET_TCP_RTO_INIT_MS);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.seq, my_nxt);
  CHECK_EQ(p.data_len, 3);
  /* Exponential backoff: the next retransmission comes 2 RTO later (RFC 6298 5.5). */
  uint32_t t1 = test_now;
  run_until(t1 + 2 * NET_TCP_RTO_INIT_MS - 1);
  CHECK_EQ(link_pending(), 0);
  run_until(t1 + 2 * NET_TCP_RTO_INIT_MS);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.seq, my_nxt);
  /* The ACK stops the timer. */
  my_nxt += 3;
  peer_ack(PEER_WND);
  run_until(test_now + 60000);
  CHECK_EQ(link_pending(), 0);
}

static void establishedGivesUpWithTimeoutAfterMaxRetries(void) {
  CHECK_EQ(established_fixture(), 0);
  net_send(cfd, "abc", 3);
  run_until(test_now + 10 * 60000);
  CHECK_EQ(net_sock_error(cfd), -ETIMEDOUT);
  CHECK_EQ(net_send(cfd, "x", 1), -ETIMEDOUT);
  int retransmissions = 0, resets = 0;
  struct parsed p;
  while (next_tcp(&p) == 0) {
    retransmissions += p.data_len == 3;
    resets += (p.tcp.flags & TCP_RST) != 0;
  }
  CHECK_EQ(retransmissions, 1 + NET_TCP_MAX_RETRIES);
  CHECK_EQ(resets, 1);
}

static void establishedOutOfOrderSegmentGetsDuplicateAck(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt + 100, my_nxt, TCP_ACK, PEER_WND, 0, "late", 4);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.ack, peer_nxt);
  char buf[8];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), -EAGAIN);
}

static void establishedReassemblesSegmentsArrivingOutOfOrder(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt + 6, my_nxt, TCP_ACK, PEER_WND, 0, "ghi", 3);
  inject_tcp(PPORT, LPORT, peer_nxt + 3, my_nxt, TCP_ACK, PEER_WND, 0, "def", 3);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.ack, peer_nxt); /* duplicate ACKs while the gap is open */
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, "abc", 3);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.ack, peer_nxt + 9); /* the gap filled: everything acknowledged at once */
  char buf[16];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), 9);
  CHECK(memcmp(buf, "abcdefghi", 9) == 0);
}

static void establishedOverlappingRetransmissionDeliversOnlyNewBytes(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, "abc", 3);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, "abcdef", 6);
  char buf[16];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), 6);
  CHECK(memcmp(buf, "abcdef", 6) == 0);
}

static void establishedCloseSendsFinAndReachesTimeWait(void) {
  CHECK_EQ(established_fixture(), 0);
  struct tcp_pcb *pcb = NULL;
  net_close(cfd);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_FIN | TCP_ACK);
  CHECK_EQ(p.tcp.seq, my_nxt);
  my_nxt++;
  peer_ack(PEER_WND); /* FIN_WAIT_2 */
  CHECK_EQ(link_pending(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_FIN | TCP_ACK, PEER_WND, 0, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(p.tcp.ack, peer_nxt + 1);
  /* TIME_WAIT answers a retransmitted FIN, then disappears after 2 MSL: a segment afterwards
   * gets a reset. */
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_FIN | TCP_ACK, PEER_WND, 0, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  run_until(test_now + 2 * NET_TCP_MSL_MS);
  inject_tcp(PPORT, LPORT, peer_nxt + 1, my_nxt, TCP_ACK, PEER_WND, 0, "z", 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK(p.tcp.flags & TCP_RST);
  (void)pcb;
}

static void establishedRecvFinIsEndOfStreamAndHalfCloseStillSends(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_FIN | TCP_ACK, PEER_WND, 0, "bye", 3);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.ack, peer_nxt + 4);
  char buf[8];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), 3);
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), 0); /* CLOSE_WAIT: end of stream */
  CHECK_EQ(net_send(cfd, "reply", 5), 5);      /* half-close: we can still send */
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 5);
  net_close(cfd); /* LAST_ACK */
  CHECK_EQ(next_tcp(&p), 0);
  CHECK(p.tcp.flags & TCP_FIN);
  CHECK_EQ(p.tcp.seq, my_nxt + 5);
}

static void establishedRstResetsConnection(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, 0, TCP_RST, 0, 0, NULL, 0);
  char buf[4];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), -ECONNRESET);
  struct net_pollfd p = {cfd, NET_POLLIN, 0};
  CHECK_EQ(net_poll_fds(&p, 1, 0), 1);
  CHECK(p.revents & NET_POLLERR);
}

static void establishedRstOutsideExactSequenceGetsChallengeAck(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt + 10, 0, TCP_RST, 0, 0, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(net_sock_error(cfd), 0);
}

static void establishedZeroWindowIsProbed(void) {
  CHECK_EQ(established_fixture(), 0);
  peer_ack(0);
  CHECK_EQ(net_send(cfd, "wait", 4), 4);
  CHECK_EQ(link_pending(), 0); /* nothing may go out into a zero window */
  run_until(test_now + NET_TCP_RTO_INIT_MS);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 1); /* one-byte window probe */
  peer_ack(PEER_WND);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 4);
  CHECK_EQ(p.tcp.seq, my_nxt);
}

static void closedPortAnswersSynWithRst(void) {
  link_setup();
  inject_tcp(PPORT, 9999, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_RST | TCP_ACK);
  CHECK_EQ(p.tcp.ack, PEER_ISS + 1);
}

static void connectSendsSynAndCompletesOnSynAck(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {PEER_IP, 17};
  CHECK_EQ(net_connect(fd, &a), -EINPROGRESS);
  CHECK_EQ(net_sock_error(fd), -EINPROGRESS);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_SYN);
  CHECK_EQ(p.tcp.dport, 17);
  CHECK_EQ(p.tcp.mss, NET_TCP_MSS);
  uint16_t my_port = p.tcp.sport;
  uint32_t iss = p.tcp.seq;
  inject_tcp(17, my_port, PEER_ISS, iss + 1, TCP_SYN | TCP_ACK, PEER_WND, 1460, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(p.tcp.ack, PEER_ISS + 1);
  CHECK_EQ(net_sock_error(fd), 0);
  struct net_sockaddr peer;
  CHECK_EQ(net_getpeername(fd, &peer), 0);
  CHECK_EQ(peer.port, 17);
  /* The server speaks and closes (QOTD, RFC 865). */
  inject_tcp(17, my_port, PEER_ISS + 1, iss + 1, TCP_ACK | TCP_PSH | TCP_FIN, PEER_WND, 0, "quote\r\n", 7);
  char buf[16];
  CHECK_EQ(net_recv(fd, buf, sizeof buf), 7);
  CHECK_EQ(net_recv(fd, buf, sizeof buf), 0);
  net_close(fd);
}

static void connectRefusedByRst(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {PEER_IP, 17};
  net_connect(fd, &a);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  inject_tcp(17, p.tcp.sport, 0, p.tcp.seq + 1, TCP_RST | TCP_ACK, 0, 0, NULL, 0);
  CHECK_EQ(net_sock_error(fd), -ECONNREFUSED);
  struct net_pollfd pf = {fd, NET_POLLOUT, 0};
  CHECK_EQ(net_poll_fds(&pf, 1, 0), 1);
  net_close(fd);
}

static void connectSynIsRetransmittedThenTimesOut(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {PEER_IP, 17};
  net_connect(fd, &a);
  run_until(test_now + 10 * 60000);
  int syns = 0;
  struct parsed p;
  while (next_tcp(&p) == 0) {
    syns += p.tcp.flags == TCP_SYN;
  }
  CHECK_EQ(syns, 1 + NET_TCP_SYN_RETRIES);
  CHECK_EQ(net_sock_error(fd), -ETIMEDOUT);
}

static void listenBacklogLimitsPendingConnections(void) {
  CHECK_EQ(listen_fixture(), 0);
  /* listen() asked for 4; the queue is raised to NET_TCP_LISTEN_MIN so a burst is absorbed, and
   * the SYNs beyond it are dropped for the client to retry. */
  for (int i = 0; i < NET_TCP_LISTEN_MIN + 2; i++) {
    inject_tcp((uint16_t)(PPORT + i), LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
  }
  CHECK_EQ(link_pending(), NET_TCP_LISTEN_MIN);
}

static void manyConnectionsAreIndependent(void) {
  CHECK_EQ(listen_fixture(), 0);
  int fds[4];
  for (int i = 0; i < 4; i++) {
    uint16_t port = (uint16_t)(PPORT + i);
    inject_tcp(port, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
    struct parsed p;
    CHECK_EQ(next_tcp(&p), 0);
    inject_tcp(port, LPORT, PEER_ISS + 1, p.tcp.seq + 1, TCP_ACK, PEER_WND, 0, NULL, 0);
    char msg[2] = {(char)('a' + i), 0};
    inject_tcp(port, LPORT, PEER_ISS + 1, p.tcp.seq + 1, TCP_ACK, PEER_WND, 0, msg, 1);
    run_until(test_now + NET_TCP_DELACK_MS);
    CHECK_EQ(next_tcp(&p), 0);
    CHECK_EQ(p.tcp.ack, PEER_ISS + 2);
    fds[i] = net_accept(lfd, NULL);
    CHECK(fds[i] >= 0);
  }
  for (int i = 0; i < 4; i++) {
    char c;
    CHECK_EQ(net_recv(fds[i], &c, 1), 1);
    CHECK_EQ(c, 'a' + i);
  }
}

static void receiveWindowFillsAndReopensWithUpdate(void) {
  CHECK_EQ(established_fixture(), 0);
  static uint8_t big[FIRST_RX_RING];
  memset(big, 'x', sizeof big);
  uint32_t seq = peer_nxt;
  for (size_t off = 0; off < sizeof big; off += 1024) {
    inject_tcp(PPORT, LPORT, seq, my_nxt, TCP_ACK, PEER_WND, 0, big + off, 1024);
    seq += 1024;
  }
  struct parsed p;
  while (link_pending() > 1) {
    drain();
  }
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.wnd, 0);
  static uint8_t buf[FIRST_RX_RING];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), FIRST_RX_RING);
  CHECK_EQ(next_tcp(&p), 0); /* window update */
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING));
  CHECK_EQ(link_pending(), 0);
}

/* ---- window scaling (RFC 7323 2) ---- */

static void listenOffersWindowScaleOnlyWhenThePeerDoes(void) {
  CHECK_EQ(listen_fixture(), 0);
  inject_tcp(PPORT, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 1000, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.wscale, 0);
  struct tcp_hdr syn = {.sport = PPORT + 1, .dport = LPORT, .seq = PEER_ISS, .flags = TCP_SYN, .wnd = PEER_WND,
                        .mss = 1000, .wscale = 2 + 1};
  inject_tcp_hdr(&syn, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_SYN | TCP_ACK);
  CHECK_EQ(p.tcp.wscale, NET_TCP_WSCALE + 1);
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING)); /* a SYN's window is never scaled */
}

/* With both SYNs offering it, the peer's windows count in units of 2^2 and ours in units of
 * 2^NET_TCP_WSCALE. */
static void establishedWithWindowScaleScalesBothDirections(void) {
  CHECK_EQ(listen_fixture(), 0);
  struct tcp_hdr syn = {.sport = PPORT, .dport = LPORT, .seq = PEER_ISS, .flags = TCP_SYN, .wnd = PEER_WND,
                        .mss = 1000, .wscale = 2 + 1};
  inject_tcp_hdr(&syn, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  my_nxt = p.tcp.seq + 1;
  peer_nxt = PEER_ISS + 1;
  peer_ack(100); /* 400 bytes */
  cfd = net_accept(lfd, NULL);
  CHECK(cfd >= 0);
  static uint8_t data[1000];
  memset(data, 'd', sizeof data);
  CHECK_EQ(net_send(cfd, data, sizeof data), 1000);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 400);
  CHECK_EQ(link_pending(), 0);
  my_nxt += 400;
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK | TCP_PSH, 1000, 0, "hi", 2); /* 4000 bytes */
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 600);
  CHECK_EQ(p.tcp.ack, peer_nxt + 2); /* the delayed ACK rides on the data */
  CHECK_EQ(p.tcp.wnd, UNSCALED((FIRST_RX_RING - 2) >> NET_TCP_WSCALE));
}

static void connectOffersWindowScaleAndDoesNotScaleWithoutTheReply(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {PEER_IP, 17};
  CHECK_EQ(net_connect(fd, &a), -EINPROGRESS);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.wscale, NET_TCP_WSCALE + 1);
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING));
  inject_tcp(17, p.tcp.sport, PEER_ISS, p.tcp.seq + 1, TCP_SYN | TCP_ACK, PEER_WND, 1460, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING));
}

/* The first NET_TCP_WIDE_CONNS connections get wide rings; the next gets small ones, until a
 * wide pair comes back to the pool. */
static void wideRingsGoToTheFirstConnectionsAndReturnToThePool(void) {
  CHECK_EQ(listen_fixture(), 0);
  struct parsed p;
  uint32_t first_iss = 0;
  for (int i = 0; i <= NET_TCP_WIDE_CONNS; i++) {
    inject_tcp((uint16_t)(PPORT + i), LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
    CHECK_EQ(next_tcp(&p), 0);
    CHECK_EQ(p.tcp.wnd, i < NET_TCP_WIDE_CONNS ? UNSCALED(FIRST_RX_RING) : NET_TCP_RX_BUF);
    if (i == 0) {
      first_iss = p.tcp.seq;
    }
  }
  inject_tcp(PPORT, LPORT, PEER_ISS + 1, first_iss + 1, TCP_RST | TCP_ACK, 0, 0, NULL, 0); /* frees it */
  inject_tcp(PPORT + 100, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.dport, PPORT + 100);
  CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING));
}

/* A socket that connects again after a refusal keeps its wide rings instead of taking a second
 * pair: the rest of the pool still serves NET_TCP_WIDE_CONNS - 1 other connections. */
static void connectAgainAfterRefusalKeepsItsOneWidePair(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr a = {PEER_IP, 17};
  struct parsed p;
  for (int attempt = 0; attempt < 2; attempt++) {
    CHECK_EQ(net_connect(fd, &a), -EINPROGRESS);
    CHECK_EQ(next_tcp(&p), 0);
    CHECK_EQ(p.tcp.wnd, UNSCALED(FIRST_RX_RING));
    inject_tcp(17, p.tcp.sport, 0, p.tcp.seq + 1, TCP_RST | TCP_ACK, 0, 0, NULL, 0);
    CHECK_EQ(net_sock_error(fd), -ECONNREFUSED);
  }
  for (int i = 0; i <= NET_TCP_WIDE_CONNS - 1; i++) {
    int other = net_socket(NET_SOCK_STREAM);
    CHECK_EQ(net_connect(other, &a), -EINPROGRESS);
    CHECK_EQ(next_tcp(&p), 0);
    CHECK_EQ(p.tcp.wnd, i < NET_TCP_WIDE_CONNS - 1 ? UNSCALED(FIRST_RX_RING) : NET_TCP_RX_BUF);
  }
}

static void withoutAWidePoolEveryConnectionHasSmallRings(void) {
  CHECK_EQ(listen_fixture(), 0);
  net_tcp_wide_pool(NULL);
  inject_tcp(PPORT, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 0, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.wnd, NET_TCP_RX_BUF);
}

/* ---- delayed ACK (RFC 9293 3.8.6.3) ---- */

static void establishedAcksEverySecondSegmentAtOnce(void) {
  CHECK_EQ(established_fixture(), 0);
  static uint8_t seg[1000];
  memset(seg, 's', sizeof seg);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, seg, sizeof seg);
  CHECK_EQ(link_pending(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt + 1000, my_nxt, TCP_ACK, PEER_WND, 0, seg, sizeof seg);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.ack, peer_nxt + 2000);
  inject_tcp(PPORT, LPORT, peer_nxt + 2000, my_nxt, TCP_ACK, PEER_WND, 0, seg, sizeof seg);
  CHECK_EQ(link_pending(), 0); /* the third waits again */
}

/* Request and reply, as asyncio's echo does (write after read): every reply leaves at once,
 * carrying the ACK of the request; no bare ACK and no timer wait in between. */
static void establishedEchoReplyGoesAtOnceAndCarriesTheAck(void) {
  CHECK_EQ(established_fixture(), 0);
  for (int round = 0; round < 3; round++) {
    inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK | TCP_PSH, PEER_WND, 0, "ping", 4);
    peer_nxt += 4;
    char buf[8];
    CHECK_EQ(net_recv(cfd, buf, sizeof buf), 4);
    CHECK_EQ(link_pending(), 0);
    CHECK_EQ(net_send(cfd, "PING", 4), 4);
    struct parsed p;
    CHECK_EQ(next_tcp(&p), 0);
    CHECK_EQ(p.data_len, 4);
    CHECK_EQ(p.tcp.ack, peer_nxt);
    CHECK_EQ(link_pending(), 0);
    my_nxt += 4;
  }
  peer_ack(PEER_WND); /* a bare ACK of the last reply is not acknowledged */
  run_until(test_now + 10 * NET_TCP_DELACK_MS);
  CHECK_EQ(link_pending(), 0);
}

/* A pushed segment while data of ours waits behind Nagle is acknowledged at once: the peer may
 * be waiting for that ACK just as we wait for its. */
static void establishedPushedSegmentIsAckedAtOnceWhileOurDataWaits(void) {
  CHECK_EQ(established_fixture(), 0);
  CHECK_EQ(net_send(cfd, "a", 1), 1);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(net_send(cfd, "b", 1), 1);
  CHECK_EQ(link_pending(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK | TCP_PSH, PEER_WND, 0, "x", 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 0);
  CHECK_EQ(p.tcp.ack, peer_nxt + 1);
}

/* ---- Nagle (RFC 9293 3.7.4) and TCP_NODELAY ---- */

static void establishedNagleCoalescesSmallWrites(void) {
  CHECK_EQ(established_fixture(), 0);
  CHECK_EQ(net_send(cfd, "a", 1), 1);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0); /* nothing in flight: goes at once */
  CHECK_EQ(p.data_len, 1);
  CHECK_EQ(net_send(cfd, "b", 1), 1);
  CHECK_EQ(net_send(cfd, "c", 1), 1);
  CHECK_EQ(link_pending(), 0); /* held while "a" is unacknowledged */
  my_nxt += 1;
  peer_ack(PEER_WND);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.seq, my_nxt);
  CHECK_EQ(p.data_len, 2);
  CHECK(memcmp(p.data, "bc", 2) == 0);
  CHECK_EQ(link_pending(), 0);
}

/* TCP_NODELAY set on the listener is inherited by the accepted connection. */
static void establishedNodelaySendsEveryWrite(void) {
  CHECK_EQ(listen_fixture(), 0);
  CHECK_EQ(net_setsockopt(lfd, NET_IPPROTO_TCP, NET_TCP_NODELAY, 1), 0);
  inject_tcp(PPORT, LPORT, PEER_ISS, 0, TCP_SYN, PEER_WND, 1000, NULL, 0);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  my_nxt = p.tcp.seq + 1;
  peer_nxt = PEER_ISS + 1;
  peer_ack(PEER_WND);
  cfd = net_accept(lfd, NULL);
  CHECK(cfd >= 0);
  CHECK_EQ(net_send(cfd, "a", 1), 1);
  CHECK_EQ(net_send(cfd, "b", 1), 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 1);
  CHECK_EQ(p.data[0], 'b');
}

static void establishedNodelayReleasesWhatNagleHeld(void) {
  CHECK_EQ(established_fixture(), 0);
  CHECK_EQ(net_send(cfd, "a", 1), 1);
  CHECK_EQ(net_send(cfd, "b", 1), 1);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(link_pending(), 0);
  CHECK_EQ(net_setsockopt(cfd, NET_IPPROTO_TCP, NET_TCP_NODELAY, 1), 0);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.data_len, 1);
  CHECK_EQ(p.data[0], 'b');
}

static void setsockoptRejectsOtherOptionsAndSockets(void) {
  link_setup();
  int u = net_socket(NET_SOCK_DGRAM);
  int t = net_socket(NET_SOCK_STREAM);
  CHECK_EQ(net_setsockopt(u, NET_IPPROTO_TCP, NET_TCP_NODELAY, 1), -ENOPROTOOPT);
  CHECK_EQ(net_setsockopt(t, 1, NET_TCP_NODELAY, 1), -ENOPROTOOPT);
  CHECK_EQ(net_setsockopt(t, NET_IPPROTO_TCP, 99, 1), -ENOPROTOOPT);
  CHECK_EQ(net_setsockopt(NET_MAX_SOCKETS, NET_IPPROTO_TCP, NET_TCP_NODELAY, 1), -EBADF);
  CHECK_EQ(net_setsockopt(t, NET_IPPROTO_TCP, NET_TCP_NODELAY, 0), 0);
  net_close(u);
  net_close(t);
}

static void orphanInFinWait2IsReclaimedAfterTimeout(void) {
  CHECK_EQ(established_fixture(), 0);
  net_close(cfd);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  my_nxt++;
  peer_ack(PEER_WND); /* FIN_WAIT_2; the peer never sends its FIN */
  run_until(test_now + NET_TCP_FIN_WAIT_2_MS - 1);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK, PEER_WND, 0, "a", 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK); /* still there */
  run_until(test_now + 1);
  inject_tcp(PPORT, LPORT, peer_nxt + 1, my_nxt, TCP_ACK, PEER_WND, 0, "b", 1);
  CHECK_EQ(next_tcp(&p), 0);
  CHECK(p.tcp.flags & TCP_RST); /* gone */
}

const struct test_case tcp_tests[] = {
    {"orphanInFinWait2IsReclaimedAfterTimeout", orphanInFinWait2IsReclaimedAfterTimeout},
    {"listenAnswersSynWithSynAckAndMss", listenAnswersSynWithSynAckAndMss},
    {"synReceivedAckCompletesHandshakeForAccept", synReceivedAckCompletesHandshakeForAccept},
    {"establishedRecvDataIsReadableAndAckedAfterTheDelay", establishedRecvDataIsReadableAndAckedAfterTheDelay},
    {"establishedSendIsSegmentedByPeerMss", establishedSendIsSegmentedByPeerMss},
    {"establishedRetransmitsUnackedDataAfterRto", establishedRetransmitsUnackedDataAfterRto},
    {"establishedGivesUpWithTimeoutAfterMaxRetries", establishedGivesUpWithTimeoutAfterMaxRetries},
    {"establishedOutOfOrderSegmentGetsDuplicateAck", establishedOutOfOrderSegmentGetsDuplicateAck},
    {"establishedReassemblesSegmentsArrivingOutOfOrder", establishedReassemblesSegmentsArrivingOutOfOrder},
    {"establishedOverlappingRetransmissionDeliversOnlyNewBytes", establishedOverlappingRetransmissionDeliversOnlyNewBytes},
    {"establishedCloseSendsFinAndReachesTimeWait", establishedCloseSendsFinAndReachesTimeWait},
    {"establishedRecvFinIsEndOfStreamAndHalfCloseStillSends", establishedRecvFinIsEndOfStreamAndHalfCloseStillSends},
    {"establishedRstResetsConnection", establishedRstResetsConnection},
    {"establishedRstOutsideExactSequenceGetsChallengeAck", establishedRstOutsideExactSequenceGetsChallengeAck},
    {"establishedZeroWindowIsProbed", establishedZeroWindowIsProbed},
    {"closedPortAnswersSynWithRst", closedPortAnswersSynWithRst},
    {"connectSendsSynAndCompletesOnSynAck", connectSendsSynAndCompletesOnSynAck},
    {"connectRefusedByRst", connectRefusedByRst},
    {"connectSynIsRetransmittedThenTimesOut", connectSynIsRetransmittedThenTimesOut},
    {"listenBacklogLimitsPendingConnections", listenBacklogLimitsPendingConnections},
    {"manyConnectionsAreIndependent", manyConnectionsAreIndependent},
    {"receiveWindowFillsAndReopensWithUpdate", receiveWindowFillsAndReopensWithUpdate},
    {"listenOffersWindowScaleOnlyWhenThePeerDoes", listenOffersWindowScaleOnlyWhenThePeerDoes},
    {"establishedWithWindowScaleScalesBothDirections", establishedWithWindowScaleScalesBothDirections},
    {"connectOffersWindowScaleAndDoesNotScaleWithoutTheReply", connectOffersWindowScaleAndDoesNotScaleWithoutTheReply},
    {"wideRingsGoToTheFirstConnectionsAndReturnToThePool", wideRingsGoToTheFirstConnectionsAndReturnToThePool},
    {"connectAgainAfterRefusalKeepsItsOneWidePair", connectAgainAfterRefusalKeepsItsOneWidePair},
    {"withoutAWidePoolEveryConnectionHasSmallRings", withoutAWidePoolEveryConnectionHasSmallRings},
    {"establishedAcksEverySecondSegmentAtOnce", establishedAcksEverySecondSegmentAtOnce},
    {"establishedEchoReplyGoesAtOnceAndCarriesTheAck", establishedEchoReplyGoesAtOnceAndCarriesTheAck},
    {"establishedPushedSegmentIsAckedAtOnceWhileOurDataWaits", establishedPushedSegmentIsAckedAtOnceWhileOurDataWaits},
    {"establishedNagleCoalescesSmallWrites", establishedNagleCoalescesSmallWrites},
    {"establishedNodelaySendsEveryWrite", establishedNodelaySendsEveryWrite},
    {"establishedNodelayReleasesWhatNagleHeld", establishedNodelayReleasesWhatNagleHeld},
    {"setsockoptRejectsOtherOptionsAndSockets", setsockoptRejectsOtherOptionsAndSockets},
    {0, 0},
};
