/* Host test double of lib/cpu.h for the driver tests: PRIMASK is a variable. */
#ifndef RT_CPU_H
#define RT_CPU_H

#include <stdint.h>

extern uint32_t fake_primask;

static inline uint32_t cpu_irq_save(void) {
  uint32_t old = fake_primask;
  fake_primask = 1;
  return old;
}
static inline void cpu_irq_restore(uint32_t primask) { fake_primask = primask; }

#endif
