/* Host test double of drivers/systick.h: time is the test's variable. */
#ifndef RT_SYSTICK_H
#define RT_SYSTICK_H

#include <stdint.h>

uint32_t rt_ticks_ms(void);

#endif
