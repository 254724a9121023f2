/*
 * A one-shot hardware alarm that interrupts whatever runs: for work that must happen at a
 * deadline even while the CPU computes (the Python VM's machine.Timer). The idle path has its
 * own wake-up alarm in rt_timebase.h; this one is separate so that arming it never disturbs
 * the loop's sleeping.
 *
 * The board picks the timer and binds its interrupt to the driver's ISR, which calls the
 * handler given to rt_alarm_arm_us in interrupt context.
 */
#ifndef RT_ALARM_H
#define RT_ALARM_H

#include <stdint.h>

/* Fires fired() once, from the alarm's interrupt, us microseconds from now (0: at once).
 * Re-arming replaces the previous deadline. Thread context only. */
void rt_alarm_arm_us(uint32_t us, void (*fired)(void));

/* Stops a pending alarm; its handler will not run. Thread context only. */
void rt_alarm_cancel(void);

/* The longest delay rt_alarm_arm_us accepts; callers re-arm for longer waits. */
uint32_t rt_alarm_max_us(void);

#endif
