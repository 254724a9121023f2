#include "loop.h"

#include <errno.h>
#include <stddef.h>

#include "console.h"
#include "cpu.h"
#include "net.h"
#include "netsys.h"
#include "socket.h"
#include "rt_timebase.h"

struct ready_entry {
  loop_cb cb;
  void *arg;
};

struct watch {
  int active;
  int fd;
  short events;
  loop_io_cb cb;
  void *arg;
};

static struct {
  struct loop_timer *timers; /* sorted by (deadline, seq) */
  uint32_t timer_seq;
  struct ready_entry ready[LOOP_MAX_READY];
  int ready_head, ready_count;
  struct watch watches[LOOP_MAX_WATCHES];
  int stopped;
  uint32_t wfi_count;
} L;

/* ================================ time and timers ================================ */

void loop_init(void) {
  L.timers = NULL;
  L.timer_seq = 0;
  L.ready_head = L.ready_count = 0;
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    L.watches[i].active = 0;
  }
  L.stopped = 0;
  L.wfi_count = 0;
}

uint32_t loop_now(void) { return rt_ticks_ms(); }

void loop_timer_cancel(struct loop_timer *t) {
  for (struct loop_timer **pp = &L.timers; *pp; pp = &(*pp)->next) {
    if (*pp == t) {
      *pp = t->next;
      break;
    }
  }
  t->active = 0;
}

void loop_timer_start(struct loop_timer *t, uint32_t delay_ms, loop_cb cb, void *arg) {
  if (t->active) {
    loop_timer_cancel(t);
  }
  t->deadline = loop_now() + delay_ms;
  t->seq = L.timer_seq++;
  t->cb = cb;
  t->arg = arg;
  t->active = 1;
  /* Insert after every timer with an earlier or equal deadline: equal deadlines fire in
   * insertion order. */
  struct loop_timer **pp = &L.timers;
  while (*pp && !net_time_before(t->deadline, (*pp)->deadline)) {
    pp = &(*pp)->next;
  }
  t->next = *pp;
  *pp = t;
}

uint32_t loop_next_deadline(void) {
  uint32_t now = loop_now();
  return L.timers ? L.timers->deadline : now + 3600000u;
}

static int fire_timers(void) {
  int n = 0;
  uint32_t now = loop_now();
  while (L.timers && !net_time_before(now, L.timers->deadline)) {
    struct loop_timer *t = L.timers;
    L.timers = t->next;
    t->active = 0;
    t->cb(t->arg); /* may restart t */
    n++;
  }
  return n;
}

/* ================================= ready queue ================================= */

int loop_call_soon(loop_cb cb, void *arg) {
  if (L.ready_count == LOOP_MAX_READY) {
    return -ENOBUFS;
  }
  L.ready[(L.ready_head + L.ready_count) % LOOP_MAX_READY] = (struct ready_entry){cb, arg};
  L.ready_count++;
  return 0;
}

/* Runs only the callbacks queued before this pass, so a callback that re-queues itself
 * cannot starve timers and I/O. */
static int run_ready(void) {
  int n = L.ready_count;
  for (int i = 0; i < n; i++) {
    struct ready_entry e = L.ready[L.ready_head];
    L.ready_head = (L.ready_head + 1) % LOOP_MAX_READY;
    L.ready_count--;
    e.cb(e.arg);
  }
  return n;
}

/* =================================== watches =================================== */

int loop_watch(int fd, short events, loop_io_cb cb, void *arg) {
  struct watch *free_slot = NULL;
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    struct watch *w = &L.watches[i];
    if (w->active && w->fd == fd) {
      free_slot = w;
      break;
    }
    if (!w->active && free_slot == NULL) {
      free_slot = w;
    }
  }
  if (free_slot == NULL) {
    return -ENOBUFS;
  }
  *free_slot = (struct watch){1, fd, events, cb, arg};
  return 0;
}

void loop_unwatch(int fd) {
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    if (L.watches[i].active && L.watches[i].fd == fd) {
      L.watches[i].active = 0;
    }
  }
}

static short watch_ready(const struct watch *w) {
  if (w->fd == LOOP_FD_CONSOLE) {
    return (w->events & NET_POLLIN) && rt_console_readable() ? NET_POLLIN : 0;
  }
  return net_sock_ready(w->fd, w->events);
}

static int dispatch_watches(void) {
  int n = 0;
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    struct watch *w = &L.watches[i];
    if (!w->active) {
      continue;
    }
    short r = watch_ready(w);
    if (r) {
      w->cb(w->fd, r, w->arg); /* may unwatch or add watches */
      n++;
    }
  }
  return n;
}

static int any_watch_ready(void) {
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    if (L.watches[i].active && watch_ready(&L.watches[i])) {
      return 1;
    }
  }
  return 0;
}

static int has_watches(void) {
  for (int i = 0; i < LOOP_MAX_WATCHES; i++) {
    if (L.watches[i].active) {
      return 1;
    }
  }
  return 0;
}

/* ================================== iteration ================================== */

/* Sleeps until the next timer or stack deadline, or until any interrupt when there is none.
 * Tickless: the timebase is asked for one interrupt at the deadline instead of a periodic
 * tick, so a long sleep costs one wake-up. Mask, re-check, arm, WFI, unmask: an interrupt
 * that arrives after the check still ends the WFI, because a pending interrupt wakes the core
 * even with PRIMASK set (ARMv7-M B1.5.18). */
static void sleep_until_work(void) {
  int has_deadline = L.timers != NULL;
  uint32_t deadline = has_deadline ? L.timers->deadline : 0;
  if (rt_net_running()) {
    uint32_t net_at = net_poll_at(loop_now());
    deadline = has_deadline ? net_earliest(deadline, net_at) : net_at;
    has_deadline = 1;
  }
  uint32_t m = cpu_irq_save();
  if (!rt_net_rx_pending() && !any_watch_ready() &&
      (!has_deadline || net_time_before(loop_now(), deadline))) {
    if (has_deadline) {
      rt_timebase_wake_at(deadline);
    } else {
      rt_timebase_wake_never(); /* only a device interrupt has anything for us */
    }
    cpu_wfi();
    L.wfi_count++;
  }
  cpu_irq_restore(m);
}

int loop_run_once(int may_sleep) {
  rt_net_service();
  int n = fire_timers();
  n += dispatch_watches();
  n += run_ready();
  /* Sleep only after an iteration that found nothing to do: callbacks may have made more. */
  if (may_sleep && n == 0 && L.ready_count == 0 && !L.stopped) {
    sleep_until_work();
  }
  return n;
}

uint32_t loop_wfi_count(void) { return L.wfi_count; }

void loop_stop(void) { L.stopped = 1; }

void loop_run(void) {
  L.stopped = 0;
  while (!L.stopped && (L.timers || L.ready_count > 0 || has_watches())) {
    loop_run_once(1);
  }
}
