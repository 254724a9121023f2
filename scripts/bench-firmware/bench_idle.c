/*
 * Idle benchmark: SysTick every 10 ms of virtual time (25 MHz core clock), WFI in between, for
 * 60 virtual seconds (6000 ticks). Prints one line at the end and exits 0. The time an emulator
 * takes for this measures how cheaply it skips idle time. bench_idle_rtos.c builds the same
 * program with a 1 kHz tick.
 */
#include <stdio.h>

#include "mps2_an385.h"

#ifndef SECONDS
#define SECONDS 60
#endif
#ifndef TICKS_PER_SECOND
#define TICKS_PER_SECOND 100
#endif

static volatile unsigned ticks;

/* The handler stops SysTick itself so that no late tick can be counted after the last one. */
void SysTick_Handler(void) {
  if (++ticks == SECONDS * TICKS_PER_SECOND) {
    SYST_CSR = 0;
  }
}

int main(void) {
  SYST_RVR = SYSCLK_HZ / TICKS_PER_SECOND - 1;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
  WAIT_FOR(ticks >= SECONDS * TICKS_PER_SECOND);
  printf("bench_idle: %u virtual seconds, ticks=%u\n", (unsigned)SECONDS, ticks);
  return 0;
}
