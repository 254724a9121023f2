/*
 * qotd: the Quote of the Day client (RFC 865). Connects to 10.0.2.2:17 (QEMU's user network
 * forwards it to the host's port 17), prints everything the server sends until it closes,
 * and exits 0 if a quote arrived. An optional argument names another host (or dotted quad).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "net.h"
#include "netsys.h"
#include "socket.h"

#define QOTD_PORT 17
#define TIMEOUT_MS 10000

/* Waits for one of events on fd; returns the revents or 0 on timeout. */
static short wait_for(int fd, short events, int timeout_ms) {
  struct net_pollfd p = {fd, events, 0};
  return net_poll_fds(&p, 1, timeout_ms) > 0 ? p.revents : 0;
}

int main(int argc, char **argv) {
  const char *host = argc > 1 ? argv[1] : "10.0.2.2";
  int err = rt_net_start(RT_NET_DHCP, 15000);
  if (err) {
    printf("qotd: network start failed (%d)\n", err);
    return 1;
  }
  struct net_sockaddr addr;
  while ((err = net_getaddrinfo(host, QOTD_PORT, &addr)) == -EINPROGRESS) {
    net_poll_fds(NULL, 0, 50);
  }
  if (err) {
    printf("qotd: cannot resolve %s (%d)\n", host, err);
    return 1;
  }
  int fd = net_socket(NET_SOCK_STREAM);
  err = net_connect(fd, &addr);
  if (err != -EINPROGRESS && err != 0) {
    printf("qotd: connect failed (%d)\n", err);
    return 1;
  }
  if (!wait_for(fd, NET_POLLOUT, TIMEOUT_MS) || (err = net_sock_error(fd)) != 0) {
    printf("qotd: connect failed (%d)\n", err ? err : -ETIMEDOUT);
    return 1;
  }
  char buf[512];
  size_t total = 0;
  for (;;) {
    int n = net_recv(fd, buf, sizeof buf);
    if (n > 0) {
      fwrite(buf, 1, (size_t)n, stdout);
      total += (size_t)n;
    } else if (n == 0) {
      break;
    } else if (n == -EAGAIN) {
      if (!wait_for(fd, NET_POLLIN, TIMEOUT_MS)) {
        printf("\nqotd: timed out\n");
        return 1;
      }
    } else {
      printf("\nqotd: recv failed (%d)\n", n);
      return 1;
    }
  }
  fflush(stdout);
  net_close(fd);
  return total > 0 ? 0 : 1;
}
