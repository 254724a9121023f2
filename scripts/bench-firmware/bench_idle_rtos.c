/*
 * The idle benchmark with a 1 kHz SysTick: the tick rate of a typical RTOS configuration
 * (FreeRTOS demos, including its MPS2 one, use configTICK_RATE_HZ 1000), 60000 wake-ups in 60
 * virtual seconds. Same program as bench_idle.c, which ticks at 100 Hz.
 */
#define TICKS_PER_SECOND 1000
#include "bench_idle.c"
