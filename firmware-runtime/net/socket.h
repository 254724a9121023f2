/*
 * A BSD-like, non-blocking socket API over the stack. Calls return a value >= 0 on success or
 * a negative errno (-EAGAIN, -EINPROGRESS, -ECONNREFUSED, -ECONNRESET, -ETIMEDOUT, -ENOTCONN,
 * -EADDRINUSE, ...); nothing ever waits except net_poll_fds with a timeout. Addresses are
 * IPv4 in host byte order. Not callable from interrupt handlers.
 */
#ifndef NET_SOCKET_H
#define NET_SOCKET_H

#include <stddef.h>
#include <stdint.h>

#define NET_SOCK_STREAM 1
#define NET_SOCK_DGRAM 2

#define NET_SHUT_RD 0
#define NET_SHUT_WR 1
#define NET_SHUT_RDWR 2

#define NET_POLLIN 0x001
#define NET_POLLOUT 0x004
#define NET_POLLERR 0x008
#define NET_POLLHUP 0x010
#define NET_POLLNVAL 0x020

struct net_sockaddr {
  uint32_t addr;
  uint16_t port;
};

struct net_pollfd {
  int fd;
  short events;
  short revents;
};

int net_socket(int type);
int net_bind(int fd, const struct net_sockaddr *local);
int net_listen(int fd, int backlog);
/* Returns a new socket for an established connection, or -EAGAIN. */
int net_accept(int fd, struct net_sockaddr *peer);
/* TCP: -EINPROGRESS, then poll for NET_POLLOUT and read the outcome with net_sock_error.
 * UDP: sets the default destination and filters received datagrams to it. */
int net_connect(int fd, const struct net_sockaddr *remote);
int net_send(int fd, const void *buf, size_t len);
/* Returns 0 at end of stream, -EAGAIN when no data is waiting. */
int net_recv(int fd, void *buf, size_t len);
int net_sendto(int fd, const void *buf, size_t len, const struct net_sockaddr *to);
int net_recvfrom(int fd, void *buf, size_t len, struct net_sockaddr *from);
int net_shutdown(int fd, int how);
int net_close(int fd);
int net_getsockname(int fd, struct net_sockaddr *out);
int net_getpeername(int fd, struct net_sockaddr *out);
/* setsockopt: the one option is NET_IPPROTO_TCP / NET_TCP_NODELAY on a TCP socket (value 1
 * sends small segments at once, 0 coalesces them with Nagle's algorithm; accepted connections
 * inherit the listener's). 0, -EBADF, or -ENOPROTOOPT for anything else. */
#define NET_IPPROTO_TCP 6
#define NET_TCP_NODELAY 1
int net_setsockopt(int fd, int level, int opt, int value);
/* The pending error (SO_ERROR): 0 once a connect succeeded, else -errno; clears it. */
int net_sock_error(int fd);

/* getaddrinfo-style resolution of host (name or dotted quad) and port: 0 with *out filled,
 * -EINPROGRESS while the DNS query runs (call again), or the failure (-ENOENT, -ETIMEDOUT). */
int net_getaddrinfo(const char *host, uint16_t port, struct net_sockaddr *out);

/* Readiness of one socket for the given events (NET_POLL*), without waiting. */
short net_sock_ready(int fd, short events);

/* poll(2) over sockets: returns the number of ready entries, 0 on timeout. timeout_ms < 0
 * waits forever, 0 does not wait. Waiting runs the stack through the system hooks below. */
int net_poll_fds(struct net_pollfd *fds, int n, int timeout_ms);

/* How the socket layer waits: the event loop installs these (loop/netsys.c). */
struct net_sys_ops {
  uint32_t (*now_ms)(void);
  /* Receives pending frames and runs due timers. */
  void (*service)(void);
  /* Sleeps until an interrupt or the deadline; returns at once if work is already pending. */
  void (*idle)(uint32_t deadline);
};
void net_sys_set(const struct net_sys_ops *ops);

#endif
