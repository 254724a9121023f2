/* Soft interrupts: work that asynchronous events (a hardware alarm, a signal) ask the VM to run
 * at its next safe point, as MicroPython's scheduler does. Interrupt handlers never run Python:
 * they only set flags (sched_alarm_isr); the VM notices them at its periodic poll (vm.c), in
 * time.sleep, in select.poll waits (which then end early, so asyncio sees what a callback did)
 * and, on the board, while input() waits. Python code reaches this through
 * micropython.schedule and machine.Timer (mod_machine.c). */
#ifndef VBPY_SCHED_H
#define VBPY_SCHED_H

#include "py.h"

#define SCHED_DEPTH 8 /* queued micropython.schedule calls (MicroPython's default is 4) */

/* A machine.Timer: callback(timer) at deadline_us (port_ticks_us), then every period_us. */
typedef struct {
  Obj hdr;
  Value callback;
  uint64_t deadline_us;
  uint64_t period_us;
  uint8_t periodic, armed;
} SoftTimer;

/* Nonzero when sched_run has work. Set from interrupt context; read anywhere. */
extern volatile uint8_t sched_pending;
/* Set when a scheduled function or timer callback has run; cleared by whoever waits for it
 * (vb_poll: a poll ends early after callbacks, so a loop sees what they changed). */
extern uint8_t sched_ran;

/* Interrupt/signal context: the port's alarm (port_alarm_at) has gone off. */
void sched_alarm_isr(void);

/* Runs pending callbacks unless already inside one. Exceptions (Exception subclasses) from a
 * callback are printed and dropped, as MicroPython's protected calls do; BaseExceptions such as
 * KeyboardInterrupt and SystemExit propagate. */
void sched_run(void);

/* micropython.schedule: false when the queue is full. */
bool sched_schedule(Value func, Value arg);

/* Arms (or re-arms) a timer at its deadline; stops one. */
void sched_timer_start(SoftTimer *t);
void sched_timer_stop(SoftTimer *t);

/* Sleeps us microseconds (time.sleep), running callbacks as they come due. */
void sched_sleep_us(uint64_t us);

/* The VM's poll countdown (vm.c): set to 1 to poll at the next backward jump or call. */
extern unsigned vm_poll_countdown;

#endif
