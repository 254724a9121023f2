/*
 * server: listens on TCP port 1234 and answers each connection with its first read, upper-
 * cased, then closes it. Runs on the event loop: one watch for the listener, one per client.
 * Serves forever, or until it has answered the count given as the first argument.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loop.h"
#include "net.h"
#include "netsys.h"
#include "socket.h"

#define PORT 1234
#define MAX_CLIENTS 20
#define IDLE_TIMEOUT_MS 10000

struct client {
  int fd;
  char buf[1024];
  int len, sent;
  struct loop_timer idle;
};

static struct client clients[MAX_CLIENTS];
static long served, limit;
static int listener;

static void client_done(struct client *c) {
  loop_unwatch(c->fd);
  loop_timer_cancel(&c->idle);
  net_close(c->fd);
  c->fd = -1;
}

static void client_timeout(void *arg) { client_done(arg); }

static void client_io(int fd, short revents, void *arg) {
  struct client *c = arg;
  (void)fd;
  if (c->len == 0) {
    int n = net_recv(c->fd, c->buf, sizeof c->buf);
    if (n == -EAGAIN) {
      return;
    }
    if (n <= 0) {
      client_done(c); /* closed or reset before sending anything */
      return;
    }
    for (int i = 0; i < n; i++) {
      c->buf[i] = (char)toupper((unsigned char)c->buf[i]);
    }
    c->len = n;
    loop_watch(c->fd, NET_POLLOUT, client_io, c);
    revents = NET_POLLOUT;
  }
  if (revents & (NET_POLLOUT | NET_POLLERR | NET_POLLHUP)) {
    int n = net_send(c->fd, c->buf + c->sent, (size_t)(c->len - c->sent));
    if (n == -EAGAIN) {
      return;
    }
    if (n < 0) {
      client_done(c);
      return;
    }
    c->sent += n;
    if (c->sent == c->len) {
      client_done(c); /* close sends FIN after the queued answer */
      served++;
      if (limit > 0 && served >= limit) {
        printf("server: answered %ld connections\n", served);
        loop_unwatch(listener);
        net_close(listener);
        loop_stop();
      }
    }
  }
}

static void accept_ready(int fd, short revents, void *arg) {
  (void)revents;
  (void)arg;
  for (;;) {
    struct client *c = NULL;
    for (int i = 0; i < MAX_CLIENTS && c == NULL; i++) {
      if (clients[i].fd < 0) {
        c = &clients[i];
      }
    }
    if (c == NULL) {
      return; /* all slots busy: leave connections in the backlog until one frees */
    }
    int cfd = net_accept(fd, NULL);
    if (cfd < 0) {
      return;
    }
    c->fd = cfd;
    c->len = c->sent = 0;
    loop_watch(cfd, NET_POLLIN, client_io, c);
    loop_timer_start(&c->idle, IDLE_TIMEOUT_MS, client_timeout, c);
  }
}

int main(int argc, char **argv) {
  limit = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
  int err = rt_net_start(RT_NET_DHCP, 15000);
  if (err) {
    printf("server: network start failed (%d)\n", err);
    return 1;
  }
  for (int i = 0; i < MAX_CLIENTS; i++) {
    clients[i].fd = -1;
  }
  loop_init();
  listener = net_socket(NET_SOCK_STREAM);
  struct net_sockaddr local = {0, PORT};
  if ((err = net_bind(listener, &local)) != 0 || (err = net_listen(listener, 16)) != 0) {
    printf("server: cannot listen on %d (%d)\n", PORT, err);
    return 1;
  }
  char ip[16];
  printf("server: listening on %s:%d\n", net_ip_str(net_if.ip, ip), PORT);
  loop_watch(listener, NET_POLLIN, accept_ready, NULL);
  loop_run();
  /* Give the last answers' FINs and ACKs a moment before the process ends. */
  net_poll_fds(NULL, 0, 300);
  return 0;
}
