/*
 * rt_alarm.h over the first timer of the CMSDK APB dual timer (Cortex-M System Design Kit
 * TRM, ARM DDI 0479C, "Dual-input timers"; the timer is the SP804's), in 32-bit one-shot mode
 * clocked by PCLK without prescaling.
 *
 * The board instantiates it and binds the interrupt (TIMINTC, or TIMINT1 where separate):
 *   cmsdk_dualtimer_init(DUALTIMER base, PCLK Hz);   DUALTIMER IRQ -> cmsdk_dualtimer_isr().
 */
#ifndef RT_CMSDK_DUALTIMER_H
#define RT_CMSDK_DUALTIMER_H

#include <stdint.h>

#include "rt_alarm.h"

/* Stops both timers and clears their interrupts. pclk_hz must be a multiple of 1 MHz. */
void cmsdk_dualtimer_init(uintptr_t base, uint32_t pclk_hz);

void cmsdk_dualtimer_isr(void);

#endif
