/*
 * Board port of vbpy's network interface (py/port_net.h) over the runtime's socket API
 * (net/socket.h) and network glue (loop/netsys.h).
 *
 *   bring-up  lazily, on the first socket(), name resolution or network call: DHCP through
 *             rt_net_start (NET_UP_TIMEOUT_MS); no Ethernet device is -ENODEV;
 *   errors    the stack returns newlib's errno numbers, which differ from Linux's (newlib
 *             sys/errno.h: EINPROGRESS 119, ETIMEDOUT 116, ...): lx() maps them to VB_E*;
 *   waiting   port_net_poll services the stack and sleeps in WFI until an interrupt or the
 *             next stack timer, with the wake-up-while-masked idiom of loop/netsys.c, so a
 *             blocking call never spins; the console UART (VB_FD_STDIN) is pollable;
 *   Ctrl-C    each wake-up without a console entry calls port_sleep_us(0), the board port's
 *             interrupt check, which raises KeyboardInterrupt for a pending Ctrl-C;
 *   options   TCP_NODELAY turns the stack's Nagle algorithm off (net_setsockopt); the rest,
 *             SO_REUSEADDR included, are accepted and ignored (binds only check live sockets).
 */
#include <errno.h>
#include <string.h>

#include "console.h"
#include "cpu.h"
#include "dhcp.h"
#include "net.h"
#include "netsys.h"
#include "port.h"
#include "port_net.h"
#include "rt_timebase.h"

/* Soft interrupts pending (py/sched.h, which this file cannot include: py.h's name table
 * clashes with newlib's errno macro). */
extern volatile uint8_t sched_pending;
#include "socket.h"

#define NET_UP_TIMEOUT_MS 10000u
#define HOUR_MS 3600000u

/* newlib errno to the Linux numbers of port_net.h */
static int lx(int r) {
  if (r >= 0) return r;
  switch (-r) {
  case EAGAIN: return -VB_EAGAIN;
  case EINPROGRESS: return -VB_EINPROGRESS;
  case EALREADY: return -VB_EALREADY;
  case ECONNREFUSED: return -VB_ECONNREFUSED;
  case ECONNRESET: return -VB_ECONNRESET;
  case ECONNABORTED: return -VB_ECONNABORTED;
  case ETIMEDOUT: return -VB_ETIMEDOUT;
  case ENOTCONN: return -VB_ENOTCONN;
  case EISCONN: return -VB_EISCONN;
  case EADDRINUSE: return -VB_EADDRINUSE;
  case EADDRNOTAVAIL: return -VB_EADDRNOTAVAIL;
  case ENETUNREACH: return -VB_ENETUNREACH;
  case EHOSTUNREACH: return -VB_EHOSTUNREACH;
  case EMSGSIZE: return -VB_EMSGSIZE;
  case ENOBUFS: return -VB_ENOBUFS;
  case ENOMEM: return -VB_ENOMEM;
  case EOPNOTSUPP: return -VB_EOPNOTSUPP;
  case EAFNOSUPPORT: return -VB_EAFNOSUPPORT;
  case ENOTSOCK: return -VB_ENOTSOCK;
  case EBADF: return -VB_EBADF;
  case EPIPE: return -VB_EPIPE;
  case ENODEV: return -VB_ENODEV;
  case ENOENT: return -VB_ENOENT;
  default: return -VB_EINVAL;
  }
}

static int net_up(void) { return rt_net_running() ? 0 : lx(rt_net_start(RT_NET_DHCP, NET_UP_TIMEOUT_MS)); }

/* One wait step, after the caller ran the stack and found nothing ready: sleeps until an
 * interrupt, the deadline or the next stack timer. It must not run the stack itself: a frame
 * processed here would make a socket ready and the WFI would then sleep past it. console: the
 * caller polls the UART, so leave its bytes (and any Ctrl-C in them) to the reader instead of
 * the interrupt check. */
static void wait_step(uint32_t deadline, int console) {
  if (!console) port_sleep_us(0); /* the board port's Ctrl-C check */
  if (rt_net_running()) deadline = net_earliest(deadline, net_poll_at(rt_ticks_ms()));
  uint32_t m = cpu_irq_save();
  if (!rt_net_rx_pending() && !rt_console_readable() && !sched_pending &&
      net_time_before(rt_ticks_ms(), deadline)) {
    rt_timebase_wake_at(deadline);
    cpu_wfi(); /* a pending interrupt ends WFI even while masked; its handler runs after restore */
  }
  cpu_irq_restore(m);
}

static void to_sa(struct net_sockaddr *sa, uint32_t addr, uint16_t port) {
  sa->addr = addr;
  sa->port = port;
}

int port_net_socket(int type) {
  int r = net_up();
  return r < 0 ? r : lx(net_socket(type == VB_SOCK_DGRAM ? NET_SOCK_DGRAM : NET_SOCK_STREAM));
}

int port_net_close(int s) { return lx(net_close(s)); }

int port_net_bind(int s, uint32_t addr, uint16_t port) {
  struct net_sockaddr sa;
  to_sa(&sa, addr, port);
  return lx(net_bind(s, &sa));
}

int port_net_listen(int s, int backlog) { return lx(net_listen(s, backlog)); }

int port_net_accept(int s, uint32_t *addr, uint16_t *port) {
  struct net_sockaddr sa = {0, 0};
  int r = net_accept(s, &sa);
  *addr = sa.addr;
  *port = sa.port;
  return lx(r);
}

int port_net_connect(int s, uint32_t addr, uint16_t port) {
  struct net_sockaddr sa;
  to_sa(&sa, addr, port);
  return lx(net_connect(s, &sa));
}

int port_net_send(int s, const void *buf, size_t len) { return lx(net_send(s, buf, len)); }

int port_net_recv(int s, void *buf, size_t len) { return lx(net_recv(s, buf, len)); }

int port_net_sendto(int s, const void *buf, size_t len, uint32_t addr, uint16_t port) {
  struct net_sockaddr sa;
  to_sa(&sa, addr, port);
  return lx(net_sendto(s, buf, len, &sa));
}

int port_net_recvfrom(int s, void *buf, size_t len, uint32_t *addr, uint16_t *port) {
  struct net_sockaddr sa = {0, 0};
  int r = net_recvfrom(s, buf, len, &sa);
  *addr = sa.addr;
  *port = sa.port;
  return lx(r);
}

int port_net_shutdown(int s, int how) { return lx(net_shutdown(s, how)); }

int port_net_sockname(int s, int peer, uint32_t *addr, uint16_t *port) {
  struct net_sockaddr sa = {0, 0};
  int r = peer ? net_getpeername(s, &sa) : net_getsockname(s, &sa);
  *addr = sa.addr;
  *port = sa.port;
  return lx(r);
}

int port_net_sock_error(int s) { return lx(net_sock_error(s)); }

int port_net_setsockopt(int s, int level, int opt, int value) {
  if (level == VB_IPPROTO_TCP && opt == VB_TCP_NODELAY) {
    (void)net_setsockopt(s, NET_IPPROTO_TCP, NET_TCP_NODELAY, value); /* UDP: ignored, as before */
  }
  return 0;
}

int port_net_poll(PortPollFd *fds, int n, int timeout_ms) {
  uint32_t end = rt_ticks_ms() + (uint32_t)timeout_ms;
  struct net_pollfd one[n > 0 ? n : 1];
  for (;;) {
    int k = 0, ready = 0, console = 0;
    if (rt_net_running()) rt_net_service();
    for (int i = 0; i < n; i++) {
      fds[i].revents = 0;
      if (fds[i].fd == VB_FD_STDIN) {
        console = 1;
        if (rt_console_readable()) fds[i].revents = fds[i].events & VB_POLLIN;
      } else if (fds[i].fd >= 0) {
        one[k].fd = fds[i].fd;
        one[k].events = fds[i].events;
        one[k].revents = 0;
        if (!rt_net_running()) one[k].revents = VB_POLLNVAL; /* no stack: no such socket */
        k++;
      }
    }
    if (k > 0 && rt_net_running()) net_poll_fds(one, k, 0);
    for (int i = 0, j = 0; i < n; i++) {
      if (fds[i].fd >= 0) fds[i].revents = one[j++].revents;
      ready += fds[i].revents != 0;
    }
    uint32_t now = rt_ticks_ms();
    if (ready || timeout_ms == 0 || (timeout_ms > 0 && !net_time_before(now, end))) return ready;
    if (sched_pending) return -VB_EINTR; /* the VM runs what is due (vb_poll) */
    wait_step(timeout_ms > 0 ? end : now + HOUR_MS, console);
  }
}

int port_net_resolve(const char *host, uint32_t *addr) {
  if (net_ip_parse(host, addr) == 0) return 0;
  int r = net_up();
  if (r < 0) return r;
  struct net_sockaddr sa;
  for (;;) {
    rt_net_service();
    if ((r = net_getaddrinfo(host, 0, &sa)) != -EINPROGRESS) break;
    wait_step(rt_ticks_ms() + HOUR_MS, 0);
  }
  if (r < 0) return -VB_ENOENT;
  *addr = sa.addr;
  return 0;
}

int port_net_if_up(void) { return net_up(); }

void port_net_if_info(PortNetIf *out) {
  memset(out, 0, sizeof *out);
  if (!rt_net_running()) return;
  out->ip = net_if.ip;
  out->mask = net_if.mask;
  out->gw = net_if.gw;
  out->dns = net_if.dns;
  memcpy(out->mac, net_if.mac, sizeof out->mac);
  out->up = 1;
  out->dhcp = dhcp_state() == DHCP_BOUND;
}

void port_net_hostname(char *buf, size_t cap) {
  strncpy(buf, "vboard", cap);
  if (cap > 0) buf[cap - 1] = 0;
}
