/* Host port of vbpy's network interface (port_net.h) over POSIX sockets and poll(2).
 * Host-I/O edge, like port_host.c: real sockets, real time in poll.
 *
 * Sockets are opened non-blocking (the VM waits in port_net_poll). errno values pass through:
 * on Linux they are the VB_E* numbers (checked below). The network module sees the honest host
 * view of the loopback interface: 127.0.0.1/255.0.0.0, no gateway, no DHCP, a zero MAC. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4, SOCK_NONBLOCK */
#endif
#include "port_net.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

_Static_assert(EINPROGRESS == VB_EINPROGRESS && ECONNREFUSED == VB_ECONNREFUSED &&
                   ETIMEDOUT == VB_ETIMEDOUT && EAGAIN == VB_EAGAIN && ENOTCONN == VB_ENOTCONN &&
                   EADDRINUSE == VB_EADDRINUSE && SOL_SOCKET == VB_SOL_SOCKET &&
                   SO_REUSEADDR == VB_SO_REUSEADDR && TCP_NODELAY == VB_TCP_NODELAY &&
                   POLLIN == VB_POLLIN && POLLOUT == VB_POLLOUT && POLLHUP == VB_POLLHUP,
               "port_net.h uses Linux numbers");

static int err(void) { return errno == EWOULDBLOCK ? -VB_EAGAIN : -errno; }
static int ret(long r) { return r < 0 ? err() : (int)r; }

static void to_sin(struct sockaddr_in *sin, uint32_t addr, uint16_t port) {
  memset(sin, 0, sizeof *sin);
  sin->sin_family = AF_INET;
  sin->sin_addr.s_addr = htonl(addr);
  sin->sin_port = htons(port);
}

static void from_sin(const struct sockaddr_in *sin, uint32_t *addr, uint16_t *port) {
  *addr = ntohl(sin->sin_addr.s_addr);
  *port = ntohs(sin->sin_port);
}

int port_net_socket(int type) {
  int t = type == VB_SOCK_DGRAM ? SOCK_DGRAM : SOCK_STREAM;
  return ret(socket(AF_INET, t | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
}

int port_net_close(int s) { return ret(close(s)); }

int port_net_bind(int s, uint32_t addr, uint16_t port) {
  struct sockaddr_in sin;
  to_sin(&sin, addr, port);
  return ret(bind(s, (struct sockaddr *)&sin, sizeof sin));
}

int port_net_listen(int s, int backlog) { return ret(listen(s, backlog)); }

int port_net_accept(int s, uint32_t *addr, uint16_t *port) {
  struct sockaddr_in sin;
  socklen_t len = sizeof sin;
  int r = accept4(s, (struct sockaddr *)&sin, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (r < 0) return err();
  from_sin(&sin, addr, port);
  return r;
}

int port_net_connect(int s, uint32_t addr, uint16_t port) {
  struct sockaddr_in sin;
  to_sin(&sin, addr, port);
  return ret(connect(s, (struct sockaddr *)&sin, sizeof sin));
}

int port_net_send(int s, const void *buf, size_t len) { return ret(send(s, buf, len, MSG_NOSIGNAL)); }

int port_net_recv(int s, void *buf, size_t len) { return ret(recv(s, buf, len, 0)); }

int port_net_sendto(int s, const void *buf, size_t len, uint32_t addr, uint16_t port) {
  struct sockaddr_in sin;
  to_sin(&sin, addr, port);
  return ret(sendto(s, buf, len, MSG_NOSIGNAL, (struct sockaddr *)&sin, sizeof sin));
}

int port_net_recvfrom(int s, void *buf, size_t len, uint32_t *addr, uint16_t *port) {
  struct sockaddr_in sin;
  socklen_t sl = sizeof sin;
  memset(&sin, 0, sizeof sin);
  ssize_t r = recvfrom(s, buf, len, 0, (struct sockaddr *)&sin, &sl);
  if (r < 0) return err();
  from_sin(&sin, addr, port);
  return (int)r;
}

int port_net_shutdown(int s, int how) { return ret(shutdown(s, how)); }

int port_net_sockname(int s, int peer, uint32_t *addr, uint16_t *port) {
  struct sockaddr_in sin;
  socklen_t len = sizeof sin;
  memset(&sin, 0, sizeof sin);
  int r = peer ? getpeername(s, (struct sockaddr *)&sin, &len) : getsockname(s, (struct sockaddr *)&sin, &len);
  if (r < 0) return err();
  from_sin(&sin, addr, port);
  return 0;
}

int port_net_sock_error(int s) {
  int e = 0;
  socklen_t len = sizeof e;
  if (getsockopt(s, SOL_SOCKET, SO_ERROR, &e, &len) < 0) return err();
  return -e;
}

int port_net_setsockopt(int s, int level, int opt, int value) {
  return ret(setsockopt(s, level, opt, &value, sizeof value));
}

int port_net_poll(PortPollFd *fds, int n, int timeout_ms) {
  struct pollfd pf[n > 0 ? n : 1];
  for (int i = 0; i < n; i++) {
    pf[i].fd = fds[i].fd == VB_FD_STDIN ? 0 : fds[i].fd;
    pf[i].events = fds[i].events;
    pf[i].revents = 0;
  }
  /* EINTR goes up (vb_poll): a SIGINT must end the wait with KeyboardInterrupt */
  int r = poll(pf, (nfds_t)n, timeout_ms);
  if (r < 0) return err();
  for (int i = 0; i < n; i++) fds[i].revents = pf[i].revents;
  return r;
}

int port_net_resolve(const char *host, uint32_t *addr) {
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_INET;
  if (getaddrinfo(host, NULL, &hints, &res) != 0 || res == NULL) return -VB_ENOENT;
  uint16_t port;
  from_sin((struct sockaddr_in *)res->ai_addr, addr, &port);
  freeaddrinfo(res);
  return 0;
}

int port_net_if_up(void) { return 0; }

void port_net_if_info(PortNetIf *out) {
  memset(out, 0, sizeof *out);
  out->ip = 0x7f000001u;
  out->mask = 0xff000000u;
  out->up = 1;
}

void port_net_hostname(char *buf, size_t cap) {
  if (gethostname(buf, cap) != 0 && cap > 0) buf[0] = 0;
  if (cap > 0) buf[cap - 1] = 0;
}
