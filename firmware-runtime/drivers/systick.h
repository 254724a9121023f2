/*
 * SysTick timebase (ARMv7-M B3.3): a 1 kHz interrupt counts milliseconds; microseconds come
 * from the millisecond count plus the current value of the down-counter. Implements
 * rt_timebase.h with a periodic tick, so the idle loop wakes every millisecond; boards with a
 * free-running 32-bit timer use the tickless cmsdk_timebase.c instead.
 */
#ifndef RT_SYSTICK_H
#define RT_SYSTICK_H

#include <stdint.h>

#include "rt_timebase.h"

/* Starts SysTick from the processor clock with a 1 ms period. */
void systick_init(uint32_t cpu_hz);

/* The SysTick handler increments this counter. */
extern volatile uint32_t systick_ms;

#endif
