/*
 * Idle costs nothing: one loop timer 60 s ahead and no other work. Prints the ticks before and
 * after, the elapsed milliseconds and how many times the loop's WFI returned (one with the
 * tickless timebase, 60000 with a 1 kHz SysTick).
 *
 * With virtual time (QEMU -icount shift=0,sleep=off, or vboard) it takes well under a second
 * of host time and elapsed is exactly 60000 ms. In real time the wake-up can be late by the
 * host's scheduling latency, so the exit status is 0 when the timer fired neither early nor
 * more than SLEEP_LATE_MS late.
 */
#include <stdio.h>

#include "loop.h"
#include "rt_timebase.h"

#ifndef SLEEP_MS
#define SLEEP_MS 60000u /* -DSLEEP_MS=... for other lengths */
#endif
#define SLEEP_LATE_MS 1000u

static uint32_t woke_at;

static void on_timer(void *arg) {
  (void)arg;
  woke_at = rt_ticks_ms();
}

int main(void) {
  static struct loop_timer t;
  loop_init();
  uint32_t before = rt_ticks_ms();
  uint32_t before_us = rt_ticks_us();
  loop_timer_start(&t, SLEEP_MS, on_timer, NULL);
  loop_run();
  uint32_t after_us = rt_ticks_us();
  uint32_t elapsed = woke_at - before;
  printf("ticks before=%lu ms after=%lu ms\n", (unsigned long)before, (unsigned long)woke_at);
  printf("elapsed=%lu ms (%lu us)\n", (unsigned long)elapsed,
         (unsigned long)(after_us - before_us));
  printf("wfi returns=%lu\n", (unsigned long)loop_wfi_count());
  return elapsed >= SLEEP_MS && elapsed - SLEEP_MS <= SLEEP_LATE_MS ? 0 : 1;
}
