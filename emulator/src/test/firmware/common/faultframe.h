/*
 * Fault handlers that look at the stacked frame and resume after the faulting instruction, as
 * the fault tests need: FAULT_FRAME_HANDLER(name, fn) defines the naked handler `name`, which
 * passes the active stack's frame (MSP or PSP, by EXC_RETURN bit 2; ARMv7-M ARM B1.5.8) to
 * `void fn(uint32_t *frame)`.
 */
#ifndef FAULTFRAME_H
#define FAULTFRAME_H

#include <stdint.h>

#define FAULT_FRAME_HANDLER(name, fn)                 \
  __attribute__((naked)) void name(void) {            \
    __asm volatile("tst lr, #4\n\t"                   \
                   "ite eq\n\t"                       \
                   "mrseq r0, msp\n\t"                \
                   "mrsne r0, psp\n\t"                \
                   "push {r4, lr}\n\t"                \
                   "bl " #fn "\n\t"                   \
                   "pop {r4, pc}\n\t");               \
  }

/* Moves the stacked PC past the 16- or 32-bit instruction it points at (A5.1). */
static inline void fault_frame_skip(uint32_t *frame) {
  uint16_t hw = *(const uint16_t *)frame[6];
  frame[6] += (hw & 0xf800u) >= 0xe800u ? 4 : 2;
}

#endif
