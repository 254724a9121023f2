/* Soft interrupts (sched.h): the micropython.schedule queue and the machine.Timer list.
 *
 * Only sched_alarm_isr runs in interrupt context, and it only sets flags: the queue and the
 * timer list are touched in thread context alone, so nothing here needs masking. The port arms
 * one alarm (port_alarm_at) for the earliest timer; when it goes off, sched_run finds the timers
 * that are due and calls them, earliest deadline first. */
#include "sched.h"

#include "port.h"

_Static_assert(sizeof vm.sched_queue == 2 * SCHED_DEPTH * sizeof(Value), "queue size");

volatile uint8_t sched_pending;
uint8_t sched_ran;
static volatile uint8_t alarm_due;
static uint8_t running; /* a callback never preempts another (MicroPython's rule) */
static uint8_t qhead, qlen;

void sched_alarm_isr(void) {
  alarm_due = 1;
  sched_pending = 1;
  vm_poll_countdown = 1;
}

bool sched_schedule(Value func, Value arg) {
  if (qlen == SCHED_DEPTH) return false;
  unsigned i = 2u * ((qhead + qlen++) % SCHED_DEPTH);
  vm.sched_queue[i] = func;
  vm.sched_queue[i + 1] = arg;
  sched_pending = 1;
  vm_poll_countdown = 1;
  return true;
}

/* ---- timers --------------------------------------------------------------------------------- */

static List *timer_list(void) {
  if (!vm.timers) vm.timers = list_new(0);
  return (List *)vm.timers;
}

static void rearm(void) {
  List *l = timer_list();
  uint64_t first = UINT64_MAX;
  for (size_t i = 0; i < l->len; i++) {
    SoftTimer *t = (SoftTimer *)l->items[i];
    if (t->deadline_us < first) first = t->deadline_us;
  }
  port_alarm_at(first);
}

void sched_timer_start(SoftTimer *t) {
  if (!t->armed) list_append(V(timer_list()), V(t));
  t->armed = 1;
  rearm();
}

void sched_timer_stop(SoftTimer *t) {
  List *l = timer_list();
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == V(t)) list_pop_index(V(l), (intptr_t)i);
  t->armed = 0;
  rearm();
}

/* The earliest timer due at now, or NULL. Ties go to the one armed first. */
static SoftTimer *next_due(uint64_t now) {
  List *l = timer_list();
  SoftTimer *best = NULL;
  for (size_t i = 0; i < l->len; i++) {
    SoftTimer *t = (SoftTimer *)l->items[i];
    if (t->deadline_us <= now && (!best || t->deadline_us < best->deadline_us)) best = t;
  }
  return best;
}

/* ---- running callbacks ---------------------------------------------------------------------- */

static void call_protected(Value func, Value arg) {
  Value handling = vm.cur_exc;
  Nlr n;
  if (NLR_TRY(n)) {
    py_call1(func, arg);
    nlr_pop();
  } else {
    Value e = vm.raised;
    vm.cur_exc = handling;
    if (!isinst(e, &Exception_type)) nlr_jump(e);
    exc_print(e, VNULL);
  }
  vm.cur_exc = handling;
  sched_ran = 1;
}

/* Each timer due on entry fires once per call, so a callback that outlasts a short period
 * cannot starve the main program: the alarm, re-armed in the past, brings the VM back at its
 * next poll. A periodic timer keeps its phase (deadline += period) unless it fell a whole
 * period behind; then it restarts from now instead of firing a burst. */
static void fire_due_timers(void) {
  uint64_t now = port_ticks_us();
  SoftTimer *t;
  while ((t = next_due(now)) != NULL) {
    if (t->periodic) {
      t->deadline_us += t->period_us;
      if (t->deadline_us <= now) t->deadline_us = now + t->period_us;
    } else {
      sched_timer_stop(t);
    }
    call_protected(t->callback, V(t));
  }
  rearm();
}

void sched_run(void) {
  if (running || !sched_pending) return;
  running = 1;
  sched_pending = 0;
  Nlr n;
  if (NLR_TRY(n)) {
    if (alarm_due) {
      alarm_due = 0;
      fire_due_timers();
    }
    while (qlen) {
      unsigned i = 2u * qhead;
      Value func = vm.sched_queue[i], arg = vm.sched_queue[i + 1];
      vm.sched_queue[i] = vm.sched_queue[i + 1] = VNULL;
      qhead = (uint8_t)((qhead + 1) % SCHED_DEPTH);
      qlen--;
      call_protected(func, arg);
    }
    nlr_pop();
  } else {
    running = 0;
    if (qlen) sched_pending = 1; /* what a KeyboardInterrupt cut short runs later */
    nlr_jump(vm.raised);
  }
  running = 0;
}

void sched_sleep_us(uint64_t us) {
  uint64_t end = port_ticks_us() + us;
  for (;;) {
    port_sleep_us(us);
    if (port_interrupt_pending()) raise_type(&KeyboardInterrupt_type);
    sched_run();
    uint64_t now = port_ticks_us();
    if (now >= end) return;
    us = end - now;
  }
}
