/*
 * What the runtime sees of the board's timebase: monotonic milliseconds and microseconds, and
 * a wake-up request for the idle path. Two implementations, chosen by the board:
 *   - systick.c: a 1 kHz SysTick interrupt counts milliseconds; every sleep ends within 1 ms,
 *     so a wake-up request needs no work (simple, but idle costs 1000 wake-ups a second);
 *   - cmsdk_timebase.c: tickless. A free-running 32-bit CMSDK APB timer keeps time and a
 *     second one is armed as a one-shot alarm for the loop's next deadline.
 */
#ifndef RT_TIMEBASE_H
#define RT_TIMEBASE_H

#include <stdint.h>

/* Milliseconds since the timebase started (wraps after ~49.7 days). ISR-safe. */
uint32_t rt_ticks_ms(void);

/* Microseconds since the timebase started (wraps after ~71 minutes). cmsdk_timebase.c: ISR-safe;
 * systick.c: call with interrupts enabled. */
uint32_t rt_ticks_us(void);

/* Idle path, called with interrupts masked just before WFI: make sure an interrupt arrives no
 * later than the start of millisecond deadline_ms (a deadline already due fires at once). */
void rt_timebase_wake_at(uint32_t deadline_ms);

/* Idle path, with interrupts masked: no deadline, sleep until any device interrupt. */
void rt_timebase_wake_never(void);

#endif
