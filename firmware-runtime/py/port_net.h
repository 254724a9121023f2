/* vbpy port layer, network part: the socket interface the VM's socket, select and network
 * modules use (mod_socket.c, mod_select.c, mod_network.c). port_host_net.c implements it over
 * POSIX sockets and poll(2), pyboard/port_board_net.c over the runtime's stack (net/socket.h).
 *
 * Every call is non-blocking except port_net_poll (which waits up to its timeout),
 * port_net_resolve and port_net_if_up; the VM builds blocking sockets and timeouts on top of
 * port_net_poll. Calls return >= 0 on success or a negative errno in Linux numbering (the
 * VB_E* values below, which are also the errno module's and CPython's on Linux), whatever the
 * port's own libc uses. Addresses are IPv4 in host byte order. */
#ifndef VBPY_PORT_NET_H
#define VBPY_PORT_NET_H

#include <stddef.h>
#include <stdint.h>

/* Linux errno numbers (asm-generic/errno-base.h, errno.h) */
#define VB_EPERM 1
#define VB_ENOENT 2
#define VB_EINTR 4
#define VB_EIO 5
#define VB_EBADF 9
#define VB_EAGAIN 11
#define VB_ENOMEM 12
#define VB_EACCES 13
#define VB_EEXIST 17
#define VB_ENODEV 19
#define VB_EINVAL 22
#define VB_EPIPE 32
#define VB_ENOTSOCK 88
#define VB_EMSGSIZE 90
#define VB_EOPNOTSUPP 95
#define VB_EAFNOSUPPORT 97
#define VB_EADDRINUSE 98
#define VB_EADDRNOTAVAIL 99
#define VB_ENETUNREACH 101
#define VB_ECONNABORTED 103
#define VB_ECONNRESET 104
#define VB_ENOBUFS 105
#define VB_EISCONN 106
#define VB_ENOTCONN 107
#define VB_ETIMEDOUT 110
#define VB_ECONNREFUSED 111
#define VB_EHOSTUNREACH 113
#define VB_EALREADY 114
#define VB_EINPROGRESS 115

/* Socket types and options, Linux values (the socket module's constants). */
#define VB_SOCK_STREAM 1
#define VB_SOCK_DGRAM 2
#define VB_SOL_SOCKET 1
#define VB_SO_REUSEADDR 2
#define VB_IPPROTO_TCP 6
#define VB_IPPROTO_UDP 17
#define VB_TCP_NODELAY 1

/* poll(2) event bits, Linux values (also net/socket.h's NET_POLL*). */
#define VB_POLLIN 0x001
#define VB_POLLPRI 0x002 /* urgent data: never reported on the board */
#define VB_POLLOUT 0x004
#define VB_POLLERR 0x008
#define VB_POLLHUP 0x010
#define VB_POLLNVAL 0x020

/* The console input (sys.stdin) as a poll entry: fd 0 on the host, the UART on the board. */
#define VB_FD_STDIN (-2)

typedef struct {
  int fd;
  short events, revents;
} PortPollFd;

/* A socket of type VB_SOCK_*; returns its descriptor (>= 0). */
int port_net_socket(int type);
int port_net_close(int s);
int port_net_bind(int s, uint32_t addr, uint16_t port);
int port_net_listen(int s, int backlog);
/* New descriptor and the peer, or -VB_EAGAIN when no connection waits. */
int port_net_accept(int s, uint32_t *addr, uint16_t *port);
/* TCP: 0 or -VB_EINPROGRESS, then VB_POLLOUT and port_net_sock_error give the outcome. */
int port_net_connect(int s, uint32_t addr, uint16_t port);
int port_net_send(int s, const void *buf, size_t len);
/* 0 at end of stream, -VB_EAGAIN when nothing waits. */
int port_net_recv(int s, void *buf, size_t len);
int port_net_sendto(int s, const void *buf, size_t len, uint32_t addr, uint16_t port);
int port_net_recvfrom(int s, void *buf, size_t len, uint32_t *addr, uint16_t *port);
int port_net_shutdown(int s, int how);
/* The local (peer == 0) or remote address. */
int port_net_sockname(int s, int peer, uint32_t *addr, uint16_t *port);
/* SO_ERROR: 0 or the pending -errno, cleared by reading it. */
int port_net_sock_error(int s);
/* Linux level/option numbers; ports may record and ignore options their stack lacks. */
int port_net_setsockopt(int s, int level, int opt, int value);
/* poll(2): number of ready entries, 0 on timeout (timeout_ms < 0: forever). With n == 0 it
 * just sleeps. The host returns -VB_EINTR when a signal interrupts it; the board waits in WFI
 * and raises KeyboardInterrupt itself on Ctrl-C. The VM calls it through vb_poll. */
int port_net_poll(PortPollFd *fds, int n, int timeout_ms);
/* Name or dotted quad to an address (waits for DNS); 0, or -VB_ENOENT if it does not resolve. */
int port_net_resolve(const char *host, uint32_t *addr);

/* The network interface (the network module). */
typedef struct {
  uint32_t ip, mask, gw, dns;
  uint8_t mac[6];
  uint8_t up;   /* configured and usable */
  uint8_t dhcp; /* address from a DHCP lease */
} PortNetIf;
/* Brings the interface up (the board: DHCP); 0, -VB_ENODEV or -VB_ETIMEDOUT. */
int port_net_if_up(void);
/* The interface's state without bringing it up. */
void port_net_if_info(PortNetIf *out);
/* Host name into buf (NUL terminated). */
void port_net_hostname(char *buf, size_t cap);

#endif
