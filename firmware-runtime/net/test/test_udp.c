/* UDP sockets, the DHCP client exchange and the DNS resolver through the in-memory link. */
#include <errno.h>
#include <string.h>

#include "dhcp.h"
#include "dns.h"
#include "harness.h"
#include "socket.h"

static void udpSocketReceivesDatagramWithSource(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_DGRAM);
  CHECK(fd >= 0);
  struct net_sockaddr local = {0, 5000};
  CHECK_EQ(net_bind(fd, &local), 0);
  char buf[32];
  CHECK_EQ(net_recv(fd, buf, sizeof buf), -EAGAIN);
  inject_udp(PEER_IP, MY_IP, 7, 5000, "hello", 5);
  struct net_pollfd p = {fd, NET_POLLIN, 0};
  CHECK_EQ(net_poll_fds(&p, 1, 0), 1);
  struct net_sockaddr from;
  CHECK_EQ(net_recvfrom(fd, buf, sizeof buf, &from), 5);
  CHECK(memcmp(buf, "hello", 5) == 0);
  CHECK_EQ(from.addr, PEER_IP);
  CHECK_EQ(from.port, 7);
  net_close(fd);
}

static void udpSendtoEmitsValidDatagram(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_DGRAM);
  struct net_sockaddr to = {PEER_IP, 7};
  CHECK_EQ(net_sendto(fd, "echo me", 7, &to), 7);
  struct parsed p;
  CHECK_EQ(parse_frame(drain(), &p), 0);
  CHECK_EQ(p.ip.proto, IP_PROTO_UDP);
  CHECK_EQ(p.udp.dport, 7);
  CHECK(p.udp.sport >= NET_EPHEMERAL_FIRST);
  CHECK_EQ(p.data_len, 7);
  CHECK(memcmp(p.data, "echo me", 7) == 0);
  struct net_sockaddr me;
  net_getsockname(fd, &me);
  CHECK_EQ(me.port, p.udp.sport);
  net_close(fd);
}

static void udpBindTwiceIsAddressInUse(void) {
  link_setup();
  int a = net_socket(NET_SOCK_DGRAM), b = net_socket(NET_SOCK_DGRAM);
  struct net_sockaddr local = {0, 6000};
  CHECK_EQ(net_bind(a, &local), 0);
  CHECK_EQ(net_bind(b, &local), -EADDRINUSE);
  net_close(a);
  net_close(b);
}

static void connectedUdpSocketFiltersOtherSenders(void) {
  link_setup();
  int fd = net_socket(NET_SOCK_DGRAM);
  struct net_sockaddr peer = {PEER_IP, 7};
  CHECK_EQ(net_connect(fd, &peer), 0);
  struct net_sockaddr me;
  net_getsockname(fd, &me);
  inject_udp(PEER_IP, MY_IP, 9, me.port, "x", 1);
  char buf[4];
  CHECK_EQ(net_recv(fd, buf, sizeof buf), -EAGAIN);
  inject_udp(PEER_IP, MY_IP, 7, me.port, "y", 1);
  CHECK_EQ(net_recv(fd, buf, sizeof buf), 1);
  CHECK_EQ(buf[0], 'y');
  net_close(fd);
}

static void datagramToClosedPortGetsPortUnreachable(void) {
  link_setup();
  inject_udp(PEER_IP, MY_IP, 5353, 9, "nobody", 6);
  struct parsed p;
  CHECK_EQ(parse_frame(drain(), &p), 0);
  CHECK_EQ(p.ip.proto, IP_PROTO_ICMP);
  CHECK_EQ(p.ip.dst, PEER_IP);
  CHECK_EQ(p.l4[0], ICMP_DEST_UNREACH);
  CHECK_EQ(p.l4[1], ICMP_CODE_PORT_UNREACH);
  CHECK_EQ(p.l4_len, 8 + 20 + 8); /* header, quoted IPv4 header, first 8 bytes */
  CHECK_EQ(rd32(p.l4 + 8 + 12), PEER_IP);   /* quoted source */
  CHECK_EQ(rd16(p.l4 + 8 + 20 + 2), 9);     /* quoted destination port */
  CHECK_EQ(cksum_fold(cksum_add(0, p.l4, p.l4_len)), 0);
}

static void broadcastToClosedPortIsDroppedSilently(void) {
  link_setup();
  inject_udp(PEER_IP, 0xFFFFFFFFu, 5353, 9, "nobody", 6);
  CHECK_EQ(link_pending(), 0);
}

/* ---- DHCP ---- */

#define SERVER_IP NET_IP4(10, 0, 2, 2)
#define OFFER_IP NET_IP4(10, 0, 2, 15)

static uint32_t xid_of(const struct parsed *p) { return rd32(p->data + 4); }

/* Finds an option in a captured DHCP message; returns a pointer to its length byte. */
static const uint8_t *opt(const struct parsed *p, uint8_t code) {
  const uint8_t *o = p->data + 240, *end = p->data + p->data_len;
  while (o < end && *o != 255) {
    if (*o == 0) {
      o++;
      continue;
    }
    if (*o == code) {
      return o + 1;
    }
    o += 2 + o[1];
  }
  return NULL;
}

static void inject_dhcp_reply(uint32_t xid, uint8_t type, uint32_t lease_s) {
  uint8_t m[300];
  memset(m, 0, sizeof m);
  m[0] = 2;
  m[1] = 1;
  m[2] = 6;
  wr32(m + 4, xid);
  wr32(m + 16, OFFER_IP);
  wr32(m + 20, SERVER_IP);
  memcpy(m + 28, MY_MAC, 6);
  wr32(m + 236, 0x63825363u);
  uint8_t *o = m + 240;
  *o++ = 53, *o++ = 1, *o++ = type;
  *o++ = 54, *o++ = 4, wr32(o, SERVER_IP), o += 4;
  *o++ = 1, *o++ = 4, wr32(o, NET_IP4(255, 255, 255, 0)), o += 4;
  *o++ = 3, *o++ = 4, wr32(o, SERVER_IP), o += 4;
  *o++ = 6, *o++ = 4, wr32(o, DNS_IP), o += 4;
  *o++ = 51, *o++ = 4, wr32(o, lease_s), o += 4;
  *o++ = 255;
  inject_udp(SERVER_IP, 0xFFFFFFFFu, 67, 68, m, sizeof m);
}

static void dhcpDiscoverOfferRequestAckBindsAddress(void) {
  link_setup_unconfigured();
  CHECK_EQ(dhcp_start(test_now), 0);
  struct parsed p;
  CHECK_EQ(parse_frame(drain(), &p), 0);
  CHECK_EQ(p.ip.dst, 0xFFFFFFFFu);
  CHECK_EQ(p.ip.src, 0);
  CHECK_EQ(p.udp.sport, 68);
  CHECK_EQ(p.udp.dport, 67);
  CHECK(p.data_len >= 300);
  CHECK_EQ(opt(&p, 53)[1], 1); /* DHCPDISCOVER */
  CHECK(memcmp(p.data + 28, MY_MAC, 6) == 0);
  uint32_t xid = xid_of(&p);

  inject_dhcp_reply(xid, 2, 3600); /* OFFER */
  CHECK_EQ(parse_frame(drain(), &p), 0);
  CHECK_EQ(opt(&p, 53)[1], 3); /* DHCPREQUEST */
  CHECK_EQ(rd32(opt(&p, 50) + 1), OFFER_IP);
  CHECK_EQ(rd32(opt(&p, 54) + 1), SERVER_IP);
  CHECK_EQ(dhcp_state(), DHCP_REQUESTING);

  inject_dhcp_reply(xid, 5, 3600); /* ACK */
  CHECK_EQ(dhcp_state(), DHCP_BOUND);
  CHECK_EQ(net_if.ip, OFFER_IP);
  CHECK_EQ(net_if.mask, NET_IP4(255, 255, 255, 0));
  CHECK_EQ(net_if.gw, SERVER_IP);
  CHECK_EQ(net_if.dns, DNS_IP);
}

static void dhcpRenewsAtHalfLeaseWithUnicastRequest(void) {
  link_setup_unconfigured();
  dhcp_start(test_now);
  struct parsed p;
  parse_frame(drain(), &p);
  uint32_t xid = xid_of(&p);
  inject_dhcp_reply(xid, 2, 100);
  link_clear();
  inject_dhcp_reply(xid, 5, 100);
  /* The server's MAC must resolve for the unicast renewal. */
  run_until(test_now + 50000 - 1);
  CHECK_EQ(link_pending(), 0);
  run_until(test_now + 1);
  CHECK_EQ(dhcp_state(), DHCP_RENEWING);
  const struct frame *f = drain();
  CHECK(f != NULL);
  struct eth_hdr eh;
  eth_parse(f->data, f->len, &eh);
  CHECK_EQ(eh.type, ETHERTYPE_ARP); /* resolving the server before the unicast REQUEST */
}

static void dhcpFallsBackToStaticAddressWithoutServer(void) {
  link_setup_unconfigured();
  dhcp_start(test_now);
  run_until(test_now + 120000);
  CHECK_EQ(dhcp_state(), DHCP_FALLBACK);
  CHECK_EQ(net_if.ip, NET_STATIC_IP);
  CHECK_EQ(net_if.gw, NET_STATIC_GW);
}

static void dhcpIgnoresRepliesForOtherTransactions(void) {
  link_setup_unconfigured();
  dhcp_start(test_now);
  struct parsed p;
  parse_frame(drain(), &p);
  inject_dhcp_reply(xid_of(&p) + 1, 2, 3600);
  CHECK_EQ(dhcp_state(), DHCP_SELECTING);
  CHECK_EQ(link_pending(), 0);
}

/* ---- DNS ---- */

static void dnsResolvesARecord(void) {
  link_setup();
  uint32_t ip;
  CHECK_EQ(dns_lookup("example.com", &ip), -EINPROGRESS);
  struct parsed p;
  CHECK_EQ(parse_frame(drain(), &p), 0);
  CHECK_EQ(p.ip.dst, DNS_IP);
  CHECK_EQ(p.udp.dport, 53);
  static const uint8_t qname[] = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0};
  CHECK(memcmp(p.data + 12, qname, sizeof qname) == 0);
  CHECK_EQ(rd16(p.data + 12 + sizeof qname), 1); /* QTYPE A */
  /* Answer: the question echoed, then one A record with a compressed name. */
  uint8_t r[128];
  size_t qlen = p.data_len;
  memcpy(r, p.data, qlen);
  wr16(r + 2, 0x8180);
  wr16(r + 6, 1);
  uint8_t *a = r + qlen;
  *a++ = 0xC0, *a++ = 12;
  wr16(a, 1), a += 2;
  wr16(a, 1), a += 2;
  wr32(a, 300), a += 4;
  wr16(a, 4), a += 2;
  wr32(a, NET_IP4(93, 184, 216, 34)), a += 4;
  inject_udp(DNS_IP, MY_IP, 53, p.udp.sport, r, (size_t)(a - r));
  CHECK_EQ(dns_lookup("example.com", &ip), 0);
  CHECK_EQ(ip, NET_IP4(93, 184, 216, 34));
}

static void dnsReportsNxdomain(void) {
  link_setup();
  uint32_t ip;
  dns_lookup("nowhere.invalid", &ip);
  struct parsed p;
  parse_frame(drain(), &p);
  uint8_t r[128];
  memcpy(r, p.data, p.data_len);
  wr16(r + 2, 0x8183);
  inject_udp(DNS_IP, MY_IP, 53, p.udp.sport, r, p.data_len);
  CHECK_EQ(dns_lookup("nowhere.invalid", &ip), -ENOENT);
}

static void dnsTimesOutAfterRetries(void) {
  link_setup();
  uint32_t ip;
  dns_lookup("slow.example", &ip);
  /* Retries after 1 s and 2 s more; failure 4 s after the third query (7 s in all). */
  run_until(test_now + 7000 - 1);
  CHECK_EQ(dns_lookup("slow.example", &ip), -EINPROGRESS);
  run_until(test_now + 1);
  CHECK_EQ(link_pending(), NET_DNS_TRIES);
  CHECK_EQ(dns_lookup("slow.example", &ip), -ETIMEDOUT);
}

static void getaddrinfoResolvesDottedQuadAtOnce(void) {
  link_setup();
  struct net_sockaddr a;
  CHECK_EQ(net_getaddrinfo("10.0.2.2", 17, &a), 0);
  CHECK_EQ(a.addr, PEER_IP);
  CHECK_EQ(a.port, 17);
  CHECK_EQ(link_pending(), 0);
}

const struct test_case udp_tests[] = {
    {"udpSocketReceivesDatagramWithSource", udpSocketReceivesDatagramWithSource},
    {"udpSendtoEmitsValidDatagram", udpSendtoEmitsValidDatagram},
    {"udpBindTwiceIsAddressInUse", udpBindTwiceIsAddressInUse},
    {"connectedUdpSocketFiltersOtherSenders", connectedUdpSocketFiltersOtherSenders},
    {"datagramToClosedPortGetsPortUnreachable", datagramToClosedPortGetsPortUnreachable},
    {"broadcastToClosedPortIsDroppedSilently", broadcastToClosedPortIsDroppedSilently},
    {"dhcpDiscoverOfferRequestAckBindsAddress", dhcpDiscoverOfferRequestAckBindsAddress},
    {"dhcpRenewsAtHalfLeaseWithUnicastRequest", dhcpRenewsAtHalfLeaseWithUnicastRequest},
    {"dhcpFallsBackToStaticAddressWithoutServer", dhcpFallsBackToStaticAddressWithoutServer},
    {"dhcpIgnoresRepliesForOtherTransactions", dhcpIgnoresRepliesForOtherTransactions},
    {"dnsResolvesARecord", dnsResolvesARecord},
    {"dnsReportsNxdomain", dnsReportsNxdomain},
    {"dnsTimesOutAfterRetries", dnsTimesOutAfterRetries},
    {"getaddrinfoResolvesDottedQuadAtOnce", getaddrinfoResolvesDottedQuadAtOnce},
    {0, 0},
};
