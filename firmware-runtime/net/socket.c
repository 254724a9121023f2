#include "socket.h"

#include <errno.h>
#include <string.h>

#include "dns.h"
#include "net_internal.h"
#include "tcp.h"
#include "udp.h"

struct dgram {
  uint32_t src;
  uint16_t sport;
  uint16_t len;
  uint8_t data[NET_UDP_DGRAM_MAX];
};

struct udp_queue {
  int used;
  struct dgram q[NET_UDP_QUEUE];
  int head, count;
  uint32_t dropped;
};

enum sock_kind { SOCK_FREE, SOCK_TCP, SOCK_UDP };

struct sock {
  enum sock_kind kind;
  struct tcp_pcb *tcp;
  uint16_t bound_port; /* TCP: port chosen by bind before listen/connect */
  struct udp_pcb *udp;
  struct udp_queue *uq;
  uint32_t peer_addr; /* UDP connect filter, 0 = none */
  uint16_t peer_port;
  uint8_t rd_shut;
  int connect_reported;
};

static struct sock socks[NET_MAX_SOCKETS];
static struct udp_queue uqueues[NET_UDP_PCBS];
static const struct net_sys_ops *sys_ops;

void net_sys_set(const struct net_sys_ops *ops) { sys_ops = ops; }

static struct sock *get(int fd) {
  if (fd < 0 || fd >= NET_MAX_SOCKETS || socks[fd].kind == SOCK_FREE) {
    return NULL;
  }
  return &socks[fd];
}

static int alloc_fd(void) {
  for (int i = 0; i < NET_MAX_SOCKETS; i++) {
    if (socks[i].kind == SOCK_FREE) {
      memset(&socks[i], 0, sizeof socks[i]);
      return i;
    }
  }
  return -EMFILE;
}

static void udp_sock_recv(struct udp_pcb *pcb, void *arg, uint32_t src, uint16_t sport,
                          const uint8_t *data, size_t len) {
  (void)pcb;
  struct sock *s = arg;
  if (s->peer_addr && (src != s->peer_addr || sport != s->peer_port)) {
    return;
  }
  struct udp_queue *uq = s->uq;
  if (uq->count == NET_UDP_QUEUE || len > NET_UDP_DGRAM_MAX) {
    uq->dropped++;
    return;
  }
  struct dgram *d = &uq->q[(uq->head + uq->count) % NET_UDP_QUEUE];
  d->src = src;
  d->sport = sport;
  d->len = (uint16_t)len;
  memcpy(d->data, data, len);
  uq->count++;
}

int net_socket(int type) {
  if (type != NET_SOCK_STREAM && type != NET_SOCK_DGRAM) {
    return -EPROTONOSUPPORT;
  }
  int fd = alloc_fd();
  if (fd < 0) {
    return fd;
  }
  struct sock *s = &socks[fd];
  if (type == NET_SOCK_STREAM) {
    s->tcp = tcp_new();
    if (s->tcp == NULL) {
      return -ENOMEM;
    }
    s->kind = SOCK_TCP;
  } else {
    for (int i = 0; i < NET_UDP_PCBS && s->uq == NULL; i++) {
      if (!uqueues[i].used) {
        s->uq = &uqueues[i];
        memset(s->uq, 0, sizeof *s->uq);
        s->uq->used = 1;
      }
    }
    if (s->uq == NULL) {
      return -ENOMEM;
    }
    s->kind = SOCK_UDP;
  }
  return fd;
}

static int udp_ensure_bound(struct sock *s, uint16_t port) {
  if (s->udp) {
    return port == 0 ? 0 : -EINVAL;
  }
  int err = 0;
  s->udp = udp_bind(port, udp_sock_recv, s, &err);
  return s->udp ? 0 : err;
}

int net_bind(int fd, const struct net_sockaddr *local) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_UDP) {
    return udp_ensure_bound(s, local->port);
  }
  if (s->tcp->local_port != 0) {
    return -EINVAL;
  }
  return tcp_bind(s->tcp, local->port);
}

int net_listen(int fd, int backlog) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_TCP) {
    return -EOPNOTSUPP;
  }
  return tcp_listen(s->tcp, backlog);
}

int net_accept(int fd, struct net_sockaddr *peer) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_TCP || s->tcp->state != TCP_LISTEN) {
    return -EINVAL;
  }
  int nfd = alloc_fd();
  if (nfd < 0) {
    return nfd;
  }
  struct tcp_pcb *c = tcp_accept(s->tcp);
  if (c == NULL) {
    return -EAGAIN;
  }
  socks[nfd].kind = SOCK_TCP;
  socks[nfd].tcp = c;
  socks[nfd].connect_reported = 1;
  if (peer) {
    peer->addr = c->remote_ip;
    peer->port = c->remote_port;
  }
  return nfd;
}

int net_connect(int fd, const struct net_sockaddr *remote) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_UDP) {
    int err = udp_ensure_bound(s, 0);
    if (err) {
      return err;
    }
    s->peer_addr = remote->addr;
    s->peer_port = remote->port;
    return 0;
  }
  if (s->tcp->state == TCP_ESTABLISHED) {
    return -EISCONN;
  }
  return tcp_connect(s->tcp, remote->addr, remote->port);
}

int net_send(int fd, const void *buf, size_t len) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_UDP) {
    if (!s->peer_addr) {
      return -EDESTADDRREQ;
    }
    struct net_sockaddr to = {s->peer_addr, s->peer_port};
    return net_sendto(fd, buf, len, &to);
  }
  return tcp_write(s->tcp, buf, len);
}

int net_recv(int fd, void *buf, size_t len) { return net_recvfrom(fd, buf, len, NULL); }

int net_sendto(int fd, const void *buf, size_t len, const struct net_sockaddr *to) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_UDP) {
    return net_send(fd, buf, len);
  }
  int err = udp_ensure_bound(s, 0);
  if (err) {
    return err;
  }
  err = udp_sendto(s->udp, 0, to->addr, to->port, buf, len);
  return err < 0 ? err : (int)len;
}

int net_recvfrom(int fd, void *buf, size_t len, struct net_sockaddr *from) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_TCP) {
    if (s->rd_shut) {
      return 0;
    }
    int n = tcp_read(s->tcp, buf, len);
    if (n >= 0 && from) {
      from->addr = s->tcp->remote_ip;
      from->port = s->tcp->remote_port;
    }
    return n;
  }
  struct udp_queue *uq = s->uq;
  if (uq->count == 0) {
    return -EAGAIN;
  }
  struct dgram *d = &uq->q[uq->head];
  size_t n = d->len < len ? d->len : len; /* excess bytes are discarded, as for UDP(7) */
  memcpy(buf, d->data, n);
  if (from) {
    from->addr = d->src;
    from->port = d->sport;
  }
  uq->head = (uq->head + 1) % NET_UDP_QUEUE;
  uq->count--;
  return (int)n;
}

int net_shutdown(int fd, int how) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_TCP) {
    return -EOPNOTSUPP;
  }
  if (how == NET_SHUT_RD || how == NET_SHUT_RDWR) {
    s->rd_shut = 1;
  }
  if (how == NET_SHUT_WR || how == NET_SHUT_RDWR) {
    return tcp_shutdown_write(s->tcp);
  }
  return 0;
}

int net_close(int fd) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_TCP) {
    tcp_close(s->tcp);
  } else {
    udp_unbind(s->udp);
    s->uq->used = 0;
  }
  s->kind = SOCK_FREE;
  return 0;
}

int net_getsockname(int fd, struct net_sockaddr *out) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_TCP) {
    out->addr = s->tcp->local_ip ? s->tcp->local_ip : net_if.ip;
    out->port = s->tcp->local_port;
  } else {
    out->addr = net_if.ip;
    out->port = s->udp ? s->udp->local_port : 0;
  }
  return 0;
}

int net_getpeername(int fd, struct net_sockaddr *out) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind == SOCK_TCP) {
    enum tcp_state st = s->tcp->state;
    if (st == TCP_CLOSED || st == TCP_LISTEN || st == TCP_SYN_SENT) {
      return -ENOTCONN;
    }
    out->addr = s->tcp->remote_ip;
    out->port = s->tcp->remote_port;
    return 0;
  }
  if (!s->peer_addr) {
    return -ENOTCONN;
  }
  out->addr = s->peer_addr;
  out->port = s->peer_port;
  return 0;
}

int net_setsockopt(int fd, int level, int opt, int value) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_TCP || level != NET_IPPROTO_TCP || opt != NET_TCP_NODELAY) {
    return -ENOPROTOOPT;
  }
  tcp_set_nodelay(s->tcp, value);
  return 0;
}

int net_sock_error(int fd) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return -EBADF;
  }
  if (s->kind != SOCK_TCP) {
    return 0;
  }
  if (s->tcp->err) {
    return s->tcp->err; /* sticky: a dead connection stays dead */
  }
  if (s->tcp->state == TCP_SYN_SENT) {
    return -EINPROGRESS;
  }
  return 0;
}

int net_getaddrinfo(const char *host, uint16_t port, struct net_sockaddr *out) {
  uint32_t ip;
  int r = dns_lookup(host, &ip);
  if (r == 0) {
    out->addr = ip;
    out->port = port;
  }
  return r;
}

short net_sock_ready(int fd, short events) {
  struct sock *s = get(fd);
  if (s == NULL) {
    return NET_POLLNVAL;
  }
  short r = 0;
  if (s->kind == SOCK_UDP) {
    if (s->uq->count > 0) {
      r |= NET_POLLIN;
    }
    r |= NET_POLLOUT;
  } else {
    const struct tcp_pcb *p = s->tcp;
    if (tcp_readable(p) || s->rd_shut) {
      r |= NET_POLLIN;
    }
    if (tcp_writable(p)) {
      r |= NET_POLLOUT;
    }
    if (p->err) {
      r |= NET_POLLERR;
    }
    if (p->state == TCP_CLOSED && p->snd_max != 0) {
      r |= NET_POLLHUP;
    }
  }
  return (short)(r & (events | NET_POLLERR | NET_POLLHUP | NET_POLLNVAL));
}

static int scan(struct net_pollfd *fds, int n) {
  int ready = 0;
  for (int i = 0; i < n; i++) {
    fds[i].revents = fds[i].fd < 0 ? 0 : net_sock_ready(fds[i].fd, fds[i].events);
    if (fds[i].revents) {
      ready++;
    }
  }
  return ready;
}

int net_poll_fds(struct net_pollfd *fds, int n, int timeout_ms) {
  if (sys_ops) {
    sys_ops->service();
  }
  int ready = scan(fds, n);
  if (ready || timeout_ms == 0 || sys_ops == NULL) {
    return ready;
  }
  uint32_t start = sys_ops->now_ms();
  uint32_t end = start + (uint32_t)timeout_ms;
  for (;;) {
    uint32_t now = sys_ops->now_ms();
    if (timeout_ms > 0 && !net_time_before(now, end)) {
      return 0;
    }
    uint32_t deadline = net_poll_at(now);
    if (timeout_ms > 0) {
      deadline = net_earliest(deadline, end);
    }
    sys_ops->idle(deadline);
    sys_ops->service();
    ready = scan(fds, n);
    if (ready) {
      return ready;
    }
  }
}
