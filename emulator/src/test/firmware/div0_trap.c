/*
 * CCR.DIV_0_TRP (ARMv7-M ARM B3.2.8) applies from the very next instruction, as in QEMU 7.2,
 * which checks it at each divide: a divide by zero right after the store that sets the bit, in
 * the same straight-line code, is a UsageFault (DIVBYZERO); right after the store that clears
 * it, the quotient is 0 and nothing traps.
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define CCR_DIV_0_TRP (1u << 4)
#define SHCSR_USGFAULTENA (1u << 18)

static volatile unsigned traps;
static volatile uint32_t trap_cfsr;

void divide_fault(uint32_t *frame) {
  trap_cfsr = SCB_CFSR;
  SCB_CFSR = trap_cfsr;
  traps++;
  frame[0] = 0xdeadu; /* r0, the quotient the code reads */
  fault_frame_skip(frame);
}

FAULT_FRAME_HANDLER(UsageFault_Handler, divide_fault)

/* Stores CCR (r1 at r2) and divides r0 by r3 with nothing in between; returns the quotient. */
#define UNUSED __attribute__((unused))
__attribute__((naked, noinline)) static uint32_t store_then_divide(UNUSED uint32_t dividend,
                                                                     UNUSED uint32_t ccr,
                                                                     UNUSED uint32_t *address,
                                                                     UNUSED uint32_t divisor) {
  __asm volatile(
      "str r1, [r2]\n\t"
      "sdiv r0, r0, r3\n\t"
      "bx lr\n\t");
}

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  uint32_t *ccr = (uint32_t *)&SCB_CCR;
  uint32_t q = store_then_divide(84, SCB_CCR | CCR_DIV_0_TRP, ccr, 0);
  printf("set, then 84/0: quotient %lx, traps %u, CFSR %08lx\n", (unsigned long)q, traps,
         (unsigned long)trap_cfsr);
  q = store_then_divide(84, SCB_CCR | CCR_DIV_0_TRP, ccr, 2);
  printf("still set, 84/2: quotient %lu, traps %u\n", (unsigned long)q, traps);
  q = store_then_divide(84, SCB_CCR & ~CCR_DIV_0_TRP, ccr, 0);
  printf("cleared, then 84/0: quotient %lu, traps %u\n", (unsigned long)q, traps);
  return 0;
}
