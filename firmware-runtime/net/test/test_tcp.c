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

static void establishedRecvDataIsAckedAndReadable(void) {
  CHECK_EQ(established_fixture(), 0);
  inject_tcp(PPORT, LPORT, peer_nxt, my_nxt, TCP_ACK | TCP_PSH, PEER_WND, 0, "hello", 5);
  struct parsed p;
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.flags, TCP_ACK);
  CHECK_EQ(p.tcp.ack, peer_nxt + 5);
  CHECK_EQ(p.tcp.wnd, NET_TCP_RX_BUF - 5);
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
    CHECK_EQ(next_tcp(&p), 0);
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
  static uint8_t big[NET_TCP_RX_BUF];
  memset(big, 'x', sizeof big);
  uint32_t seq = peer_nxt;
  for (size_t off = 0; off < sizeof big; off += 512) {
    inject_tcp(PPORT, LPORT, seq, my_nxt, TCP_ACK, PEER_WND, 0, big + off, 512);
    seq += 512;
  }
  struct parsed p;
  while (link_pending() > 1) {
    drain();
  }
  CHECK_EQ(next_tcp(&p), 0);
  CHECK_EQ(p.tcp.wnd, 0);
  uint8_t buf[NET_TCP_RX_BUF];
  CHECK_EQ(net_recv(cfd, buf, sizeof buf), NET_TCP_RX_BUF);
  CHECK_EQ(next_tcp(&p), 0); /* window update */
  CHECK_EQ(p.tcp.wnd, NET_TCP_RX_BUF);
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
    {"establishedRecvDataIsAckedAndReadable", establishedRecvDataIsAckedAndReadable},
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
    {0, 0},
};
