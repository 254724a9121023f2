/*
 * SysTick timebase (ARMv7-M B3.3): a 1 kHz interrupt counts milliseconds; microseconds come
 * from the millisecond count plus the current value of the down-counter.
 */
#ifndef RT_SYSTICK_H
#define RT_SYSTICK_H

#include <stdint.h>

/* Starts SysTick from the processor clock with a 1 ms period. */
void systick_init(uint32_t cpu_hz);

/* Milliseconds since systick_init. ISR-safe. */
uint32_t rt_ticks_ms(void);

/* Microseconds since systick_init (wraps after ~71 minutes). Call with interrupts enabled. */
uint32_t rt_ticks_us(void);

/* The SysTick handler increments this counter; the event loop watches it. */
extern volatile uint32_t systick_ms;

#endif
