/*
 * netcheck: brings the interface up with DHCP, pings the gateway, and sends a UDP datagram to
 * the echo service (RFC 862) at 10.0.2.2:7, expecting it back. Prints one line per check and
 * exits 0 when all pass.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dhcp.h"
#include "net.h"
#include "netsys.h"
#include "socket.h"
#include "rt_timebase.h"

static int failures;

static void report(const char *what, int ok, const char *detail) {
  printf("%s: %s%s%s\n", what, ok ? "ok" : "FAIL", detail[0] ? " " : "", detail);
  if (!ok) {
    failures++;
  }
}

static int check_dhcp(void) {
  int err = rt_net_start(RT_NET_DHCP, 15000);
  char ip[16], gw[16], detail[64];
  snprintf(detail, sizeof detail, "ip=%s gw=%s%s", net_ip_str(net_if.ip, ip), net_ip_str(net_if.gw, gw),
           dhcp_state() == DHCP_BOUND ? "" : " (static fallback)");
  report("dhcp", err == 0 && dhcp_state() == DHCP_BOUND, detail);
  return err;
}

/* Ping with up to 3 tries, 1 s apart; waits by polling no sockets with a timeout. */
static void check_ping(void) {
  int ok = 0;
  uint32_t rtt = 0;
  for (uint16_t seq = 1; seq <= 3 && !ok; seq++) {
    int before = net_if.ping_replies;
    uint32_t t0 = rt_ticks_ms();
    net_ping(net_if.gw, 0x4242, seq, 32);
    while (rt_ticks_ms() - t0 < 1000) {
      net_poll_fds(NULL, 0, 10);
      if (net_if.ping_replies != before && net_if.ping_seq == seq) {
        ok = 1;
        rtt = rt_ticks_ms() - t0;
        break;
      }
    }
  }
  char ip[16], detail[48];
  snprintf(detail, sizeof detail, "%s rtt=%lums", net_ip_str(net_if.gw, ip), (unsigned long)rtt);
  report("ping", ok, ok ? detail : net_ip_str(net_if.gw, ip));
}

static void check_udp_echo(void) {
  static const char msg[] = "vboard netcheck echo";
  char buf[64];
  int ok = 0;
  int fd = net_socket(NET_SOCK_DGRAM);
  struct net_sockaddr to = {NET_IP4(10, 0, 2, 2), 7};
  for (int attempt = 0; attempt < 3 && !ok && fd >= 0; attempt++) {
    net_sendto(fd, msg, sizeof msg - 1, &to);
    struct net_pollfd p = {fd, NET_POLLIN, 0};
    if (net_poll_fds(&p, 1, 1000) > 0) {
      struct net_sockaddr from;
      int n = net_recvfrom(fd, buf, sizeof buf, &from);
      ok = n == (int)sizeof msg - 1 && memcmp(buf, msg, (size_t)n) == 0 && from.port == 7;
    }
  }
  net_close(fd);
  report("udp-echo", ok, "10.0.2.2:7");
}

int main(void) {
  printf("netcheck: starting\n");
  if (check_dhcp() == -ENODEV) {
    printf("netcheck: no network device\n");
    return 1;
  }
  check_ping();
  check_udp_echo();
  printf("netcheck: %s\n", failures ? "FAILED" : "all passed");
  return failures ? 1 : 0;
}
