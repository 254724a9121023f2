#include "systick.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SHPR3 (*(volatile uint32_t *)0xE000ED20u)

#define CSR_ENABLE (1u << 0)
#define CSR_TICKINT (1u << 1)
#define CSR_CLKSOURCE (1u << 2)

volatile uint32_t systick_ms;
static uint32_t cycles_per_us;
static uint32_t reload;

void systick_init(uint32_t cpu_hz) {
  cycles_per_us = cpu_hz / 1000000u;
  reload = cpu_hz / 1000u - 1u; /* RVR holds N-1 for a period of N cycles (B3.3.3) */
  systick_ms = 0;
  SYST_CSR = 0;
  SYST_RVR = reload;
  SYST_CVR = 0; /* any write clears the counter and COUNTFLAG */
  /* SysTick gets the lowest priority so device interrupts are never delayed by it. */
  SHPR3 = (SHPR3 & 0x00FFFFFFu) | (0xE0u << 24);
  SYST_CSR = CSR_ENABLE | CSR_TICKINT | CSR_CLKSOURCE;
}

void SysTick_Handler(void) { systick_ms++; }

uint32_t rt_ticks_ms(void) { return systick_ms; }

/* Reads ms, the counter, and ms again: if a tick happened in between, retry, so the two
 * halves belong to the same millisecond. */
uint32_t rt_ticks_us(void) {
  uint32_t ms, cvr;
  do {
    ms = systick_ms;
    cvr = SYST_CVR;
  } while (ms != systick_ms);
  uint32_t elapsed = reload - cvr;
  return ms * 1000u + elapsed / cycles_per_us;
}

/* The 1 kHz tick ends every sleep within a millisecond, which bounds each WFI without an
 * alarm. */
void rt_timebase_wake_at(uint32_t deadline_ms) { (void)deadline_ms; }

void rt_timebase_wake_never(void) {}
