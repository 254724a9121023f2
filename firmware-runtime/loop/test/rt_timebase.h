/*
 * Host test double of drivers/rt_timebase.h: time is the test's variable (test_now) and moves
 * only in WFI, to the alarm the loop armed, to the console input, or (with no alarm) to the
 * tickless counter's wrap interrupt, as on the board.
 */
#ifndef RT_TIMEBASE_H
#define RT_TIMEBASE_H

#include <stdint.h>

/* cmsdk_timebase.c's counter wraps every 2^32 cycles at 25 MHz: 171798.69 ms. */
#define FAKE_COUNTER_WRAP_MS 171798u

uint32_t rt_ticks_ms(void);
void rt_timebase_wake_at(uint32_t deadline_ms);
void rt_timebase_wake_never(void);

#endif
