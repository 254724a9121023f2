/*
 * Tickless timebase over two CMSDK APB timers (Cortex-M System Design Kit TRM, ARM DDI 0479C,
 * "APB timer"), implementing rt_timebase.h:
 *   - the counter timer free-runs with RELOAD = 0xFFFFFFFF; its interrupt counts wraps, so
 *     time is a 64-bit cycle count that is never rewritten and stays exact across any sleep;
 *   - the alarm timer is armed, only while the loop idles, to fire once at its next deadline.
 * While idle with no deadline the only timer interrupt is the counter's wrap, every 2^32
 * cycles (171.8 s at 25 MHz).
 *
 * The board instantiates it and binds the two interrupts (lowest priority, like SysTick):
 *   cmsdk_timebase_init(TIMER1 base, TIMER0 base, PCLK Hz);
 *   TIMER1 IRQ -> cmsdk_timebase_counter_isr(), TIMER0 IRQ -> cmsdk_timebase_alarm_isr().
 */
#ifndef RT_CMSDK_TIMEBASE_H
#define RT_CMSDK_TIMEBASE_H

#include <stdint.h>

#include "rt_timebase.h"

/* Starts the counter from zero and leaves the alarm stopped. pclk_hz must be a multiple of
 * 1 MHz for ticks to be exact. */
void cmsdk_timebase_init(uintptr_t counter_base, uintptr_t alarm_base, uint32_t pclk_hz);

/* PCLK cycles since init; ISR-safe. */
uint64_t cmsdk_timebase_cycles(void);

void cmsdk_timebase_counter_isr(void);
void cmsdk_timebase_alarm_isr(void);

#endif
