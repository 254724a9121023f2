#include "netsys.h"

#include <errno.h>
#include <stddef.h>

#include "console.h"
#include "cpu.h"
#include "dhcp.h"
#include "net.h"
#include "rt_netdev.h"
#include "socket.h"
#include "rt_timebase.h"

#define NETSYS_LINK_WAIT_MS 3000u

void *_sbrk(ptrdiff_t incr); /* lib/syscalls.c */

static struct rt_netdev *dev;
static uint8_t rx_frame[NET_FRAME_MAX + 4];

static int output(void *ctx, const uint8_t *frame, size_t len) {
  struct rt_netdev *d = ctx;
  return d->send(d, frame, len);
}

int rt_net_running(void) { return dev != NULL; }

int rt_net_rx_pending(void) { return dev != NULL && dev->rx_pending; }

void rt_net_service(void) {
  if (dev == NULL) {
    return;
  }
  uint32_t now = rt_ticks_ms();
  if (dev->rx_pending) {
    dev->rx_pending = 0; /* clear before draining: a frame arriving now sets it again */
    int len;
    while ((len = dev->recv(dev, rx_frame, sizeof rx_frame)) > 0) {
      net_input(rx_frame, (size_t)len, now);
    }
  }
  if (!net_time_before(now, net_poll_at(now))) {
    net_poll(now);
  }
}

void rt_idle_until(uint32_t deadline) {
  uint32_t m = cpu_irq_save();
  if (!rt_net_rx_pending() && net_time_before(rt_ticks_ms(), deadline)) {
    rt_timebase_wake_at(deadline); /* a tickless timebase needs an alarm to end the sleep */
    cpu_wfi(); /* a pending interrupt ends WFI even while masked; it runs after restore */
  }
  cpu_irq_restore(m);
}

static const struct net_sys_ops ops = {
    .now_ms = rt_ticks_ms,
    .service = rt_net_service,
    .idle = rt_idle_until,
};

int rt_net_start(int mode, uint32_t timeout_ms) {
  if (dev != NULL) {
    return 0;
  }
  struct rt_netdev *d = board_netdev();
  if (d == NULL) {
    return -ENODEV;
  }
  /* Give auto-negotiation up to NETSYS_LINK_WAIT_MS to report link; go on regardless, since
   * DHCP retries cover a link that comes up late. */
  uint32_t link_end = rt_ticks_ms() + NETSYS_LINK_WAIT_MS;
  while (!d->link_up(d) && net_time_before(rt_ticks_ms(), link_end)) {
    rt_idle_until(rt_ticks_ms() + 10);
  }
  net_init(d->mac, output, d, rt_ticks_ms());
  /* The wide TCP rings come from the RAM above .bss, as the Python heap does: as static arrays
   * they would be zeroed at every boot (about 0.4 instructions a byte, 170 k instructions for
   * the default pool), and rings need no clearing. Without the memory, rings stay small. */
  void *pool = _sbrk((ptrdiff_t)NET_TCP_WIDE_POOL_BYTES);
  if (pool != (void *)-1) {
    net_tcp_wide_pool(pool);
  }
  net_sys_set(&ops);
  dev = d;
  /* Frames that arrived before the stack existed: take them now. */
  d->rx_pending = 1;
  if (mode != RT_NET_DHCP) {
    net_set_ipv4(NET_STATIC_IP, NET_STATIC_MASK, NET_STATIC_GW, NET_STATIC_DNS);
    return 0;
  }
  int err = dhcp_start(rt_ticks_ms());
  if (err) {
    return err;
  }
  uint32_t end = rt_ticks_ms() + timeout_ms;
  for (;;) {
    rt_net_service();
    enum dhcp_state st = dhcp_state();
    if (st == DHCP_BOUND || st == DHCP_FALLBACK) {
      return 0;
    }
    uint32_t now = rt_ticks_ms();
    if (!net_time_before(now, end)) {
      return -ETIMEDOUT;
    }
    rt_idle_until(net_earliest(net_poll_at(now), end));
  }
}
