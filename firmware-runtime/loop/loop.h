/*
 * The event loop: a deadline-ordered timer list, a ready queue of callbacks, and level-
 * triggered watches on sockets and the console UART. When nothing is runnable it sleeps in
 * WFI until the next interrupt (timebase alarm, Ethernet, UART), using the wake-up-while-masked
 * idiom: mask interrupts, check for work, arm the timebase for the next deadline, WFI, unmask.
 * It never busy-waits, and with a tickless timebase (rt_timebase.h) it wakes only for a
 * deadline or a device interrupt, not on every millisecond.
 *
 * This is the loop the Python VM's asyncio runs on: it can drive it one step at a time with
 * loop_run_once, or hand control to loop_run. No allocation: timers are caller-owned structs.
 * None of these functions may be called from an interrupt handler.
 */
#ifndef RT_LOOP_H
#define RT_LOOP_H

#include <stdint.h>

#ifndef LOOP_MAX_READY
#define LOOP_MAX_READY 32
#endif
#ifndef LOOP_MAX_WATCHES
#define LOOP_MAX_WATCHES 24
#endif

typedef void (*loop_cb)(void *arg);
/* fd is the socket (or LOOP_FD_CONSOLE); revents the NET_POLL* bits that are ready. */
typedef void (*loop_io_cb)(int fd, short revents, void *arg);

#define LOOP_FD_CONSOLE (-2)

struct loop_timer {
  uint32_t deadline;
  uint32_t seq; /* insertion order breaks deadline ties */
  loop_cb cb;
  void *arg;
  struct loop_timer *next;
  uint8_t active;
};

void loop_init(void);
uint32_t loop_now(void);

/* Runs cb(arg) on the next iteration. Returns 0, or -ENOBUFS when the queue is full. */
int loop_call_soon(loop_cb cb, void *arg);

/* (Re)starts t to run cb(arg) once, delay_ms from now. */
void loop_timer_start(struct loop_timer *t, uint32_t delay_ms, loop_cb cb, void *arg);
void loop_timer_cancel(struct loop_timer *t);

/* Calls cb whenever fd is ready for events (level-triggered) until unwatched. fd may be
 * LOOP_FD_CONSOLE with NET_POLLIN. Returns 0 or -ENOBUFS. Watching an fd again replaces it. */
int loop_watch(int fd, short events, loop_io_cb cb, void *arg);
void loop_unwatch(int fd);

/* One iteration: network service, expired timers, ready watches, ready callbacks; then, if
 * may_sleep and the iteration ran nothing, sleep until the next deadline (the earliest timer
 * or stack timer) or, with none, until any interrupt. Returns the number of callbacks run. */
int loop_run_once(int may_sleep);

/* How many times the idle path has executed WFI since loop_init (each return is a wake-up). */
uint32_t loop_wfi_count(void);

/* Iterates until loop_stop or until there is nothing left (no timers, watches, callbacks). */
void loop_run(void);
void loop_stop(void);

/* The time of the next timer, or now + 1 h if none. */
uint32_t loop_next_deadline(void);

#endif
