/*
 * ARMv7-M core helpers shared by every Cortex-M board: interrupt masking, sleep and the NVIC.
 * ARMv7-M B1.4.3 (PRIMASK), B1.5.18 (WFI), B3.4 (NVIC registers).
 */
#ifndef RT_CPU_H
#define RT_CPU_H

#include <stdint.h>

/* Masks interrupts and returns the previous PRIMASK, for nesting. ISR-safe. */
static inline uint32_t cpu_irq_save(void) {
  uint32_t primask;
  __asm volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
  return primask;
}

/* Restores PRIMASK as returned by cpu_irq_save. ISR-safe. */
static inline void cpu_irq_restore(uint32_t primask) {
  __asm volatile("msr primask, %0" ::"r"(primask) : "memory");
}

static inline void cpu_irq_enable(void) { __asm volatile("cpsie i" ::: "memory"); }

static inline void cpu_irq_disable(void) { __asm volatile("cpsid i" ::: "memory"); }

/* Wait for interrupt. With PRIMASK set, a pending interrupt still wakes the core (B1.5.18),
 * which is what makes "mask, check for work, WFI, unmask" free of lost wake-ups. */
static inline void cpu_wfi(void) { __asm volatile("dsb\n wfi" ::: "memory"); }

#define NVIC_ISER ((volatile uint32_t *)0xE000E100u)
#define NVIC_ICER ((volatile uint32_t *)0xE000E180u)
#define NVIC_ICPR ((volatile uint32_t *)0xE000E280u)
#define NVIC_IPR ((volatile uint8_t *)0xE000E400u)

static inline void nvic_enable(int irq) { NVIC_ISER[irq >> 5] = 1u << (irq & 31); }

static inline void nvic_disable(int irq) { NVIC_ICER[irq >> 5] = 1u << (irq & 31); }

static inline void nvic_clear_pending(int irq) { NVIC_ICPR[irq >> 5] = 1u << (irq & 31); }

/* Priority byte; the Cortex-M3 implements the top bits only, so use multiples of 0x20. */
static inline void nvic_set_priority(int irq, uint8_t prio) { NVIC_IPR[irq] = prio; }

#endif
