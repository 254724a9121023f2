/*
 * netbench: the board side of scripts/bench's net section (issues #4 and #6). One TCP job per
 * run, on the runtime's socket API, timed with the board's own clock:
 *   netbench sink PORT             accept one connection and read it to end of stream
 *   netbench source PORT BYTES     accept one connection, send BYTES, wait for the peer's close
 *   netbench accept PORT COUNT     accept COUNT connections, read each to end of stream, close
 *   netbench put HOST PORT BYTES   connect, send BYTES, shut down writing, wait for the close
 *   netbench dial HOST PORT COUNT  COUNT times: connect, send one byte, wait for the close
 * It prints "netbench: ready" once it listens (or has its address), then at the end
 * "netbench: MODE BYTES bytes COUNT conns MS board-ms" and exits 0; 1 on any failure.
 *
 * The host always closes first, so the board's connections end in LAST-ACK rather than
 * TIME-WAIT (RFC 9293 3.6) and a fast dial loop never runs out of connection blocks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net.h"
#include "netsys.h"
#include "rt_timebase.h"
#include "socket.h"

#define WAIT_MS 60000
#define CHUNK 1460 /* one full-size segment (NET_TCP_MSS) per send */

static char buf[CHUNK];

static int fail(const char *what, int err) {
  printf("netbench: %s failed (%d)\n", what, err);
  return 1;
}

/* Waits up to timeout_ms (< 0: forever) for one of events on fd; 0 or -ETIMEDOUT. */
static int wait_ms(int fd, short events, int timeout_ms) {
  struct net_pollfd p = {fd, events, 0};
  return net_poll_fds(&p, 1, timeout_ms) > 0 ? 0 : -ETIMEDOUT;
}

static int wait_for(int fd, short events) { return wait_ms(fd, events, WAIT_MS); }

/* Reads fd to end of stream; returns the byte count or a negative errno. */
static long drain(int fd) {
  long total = 0;
  for (;;) {
    int n = net_recv(fd, buf, sizeof buf);
    if (n > 0) {
      total += n;
    } else if (n == 0) {
      return total;
    } else if (n != -EAGAIN || wait_for(fd, NET_POLLIN) != 0) {
      return n == -EAGAIN ? -ETIMEDOUT : n;
    }
  }
}

/* Sends len bytes of buf's pattern; 0 or a negative errno. */
static int send_bytes(int fd, unsigned long len) {
  while (len > 0) {
    int n = net_send(fd, buf, len < sizeof buf ? (size_t)len : sizeof buf);
    if (n > 0) {
      len -= (unsigned long)n;
    } else if (n != -EAGAIN || wait_for(fd, NET_POLLOUT) != 0) {
      return n == -EAGAIN ? -ETIMEDOUT : n;
    }
  }
  return 0;
}

static int accept_one(int listener) {
  for (;;) {
    int fd = net_accept(listener, NULL);
    if (fd != -EAGAIN) {
      return fd;
    }
    /* Forever: a listening forward is no host I/O, so virtual time would race past any
     * timeout before the host client starts. */
    if (wait_ms(listener, NET_POLLIN, -1) != 0) {
      return -ETIMEDOUT;
    }
  }
}

static int dial(const struct net_sockaddr *to) {
  int fd = net_socket(NET_SOCK_STREAM);
  int err = net_connect(fd, to);
  if (err == -EINPROGRESS) {
    err = wait_for(fd, NET_POLLOUT);
    if (err == 0) {
      err = net_sock_error(fd);
    }
  }
  if (err != 0) {
    net_close(fd);
    return err;
  }
  return fd;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    printf("usage: netbench sink|source|accept PORT [N] | put|dial HOST PORT N\n");
    return 2;
  }
  const char *mode = argv[1];
  int client = strcmp(mode, "put") == 0 || strcmp(mode, "dial") == 0;
  int at = client ? 3 : 2;
  unsigned long port = strtoul(argv[at], NULL, 10);
  unsigned long n = argc > at + 1 ? strtoul(argv[at + 1], NULL, 10) : 0;
  memset(buf, 'x', sizeof buf);
  int err = rt_net_start(RT_NET_DHCP, 15000);
  if (err) {
    return fail("network start", err);
  }
  struct net_sockaddr peer = {0, (uint16_t)port};
  int listener = -1;
  if (client) {
    while ((err = net_getaddrinfo(argv[2], (uint16_t)port, &peer)) == -EINPROGRESS) {
      net_poll_fds(NULL, 0, 10);
    }
  } else {
    listener = net_socket(NET_SOCK_STREAM);
    struct net_sockaddr local = {0, (uint16_t)port};
    err = net_bind(listener, &local);
    if (err == 0) {
      err = net_listen(listener, NET_TCP_BACKLOG_MAX);
    }
  }
  if (err) {
    return fail(client ? "resolve" : "listen", err);
  }
  printf("netbench: ready\n");
  fflush(stdout);

  long bytes = 0;
  unsigned long conns = 0;
  uint32_t start = 0;
  unsigned long count = strcmp(mode, "accept") == 0 || strcmp(mode, "dial") == 0 ? n : 1;
  for (; conns < count; conns++) {
    int fd = client ? dial(&peer) : accept_one(listener);
    if (fd < 0) {
      return fail(client ? "connect" : "accept", fd);
    }
    if (conns == 0) {
      start = rt_ticks_ms(); /* from the first connection: the host starts when it likes */
    }
    if (strcmp(mode, "source") == 0 || strcmp(mode, "put") == 0) {
      err = send_bytes(fd, n);
      bytes += (long)n;
      if (err == 0 && mode[0] == 'p') {
        err = net_shutdown(fd, NET_SHUT_WR);
      }
    } else if (strcmp(mode, "dial") == 0) {
      err = send_bytes(fd, 1);
      bytes += 1;
    }
    long got = err ? err : drain(fd);
    net_close(fd);
    if (got < 0) {
      return fail("transfer", (int)got);
    }
    bytes += got;
  }
  uint32_t ms = rt_ticks_ms() - start;
  printf("netbench: %s %ld bytes %lu conns %lu board-ms\n", mode, bytes, conns,
         (unsigned long)ms);
  fflush(stdout);
  /* Let the last FIN's acknowledgement leave before the process ends. */
  net_poll_fds(NULL, 0, 200);
  return 0;
}
