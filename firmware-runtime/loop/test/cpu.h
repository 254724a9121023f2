/*
 * Host test double of lib/cpu.h: PRIMASK is a variable, WFI is a simulated sleep that lets
 * time pass until the next interrupt (see rt_timebase.h) and records whether interrupts were
 * masked.
 */
#ifndef RT_CPU_H
#define RT_CPU_H

#include <stdint.h>

extern uint32_t fake_primask;
void fake_wfi(void);

static inline uint32_t cpu_irq_save(void) {
  uint32_t old = fake_primask;
  fake_primask = 1;
  return old;
}
static inline void cpu_irq_restore(uint32_t primask) { fake_primask = primask; }
static inline void cpu_wfi(void) { fake_wfi(); }

#endif
