/*
 * The PC a BusFault stacks is the faulting instruction's, also when another instruction of the
 * same block reaches the same address through a register that changed in between: a load
 * through a volatile pointer (ldr r3, [r3]; ldr r3, [r3]), a base register bumped between two
 * accesses, a store and an LDM. The unaligned trap (CCR.UNALIGN_TRP) stacks the same way. Each
 * PC is printed as an offset into its routine, so the output does not depend on code layout.
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define CCR_UNALIGN_TRP (1u << 3)
#define SHCSR_FAULTENA (7u << 16) /* MemManage, BusFault, UsageFault */

static volatile uint32_t bad_address = 0x30000000u; /* unmapped on AN385 */
static volatile uint32_t stacked_pc;
static volatile uint32_t fault_cfsr;
static volatile uint32_t words[4] __attribute__((aligned(8)));

/* Records the stacked PC and CFSR, clears CFSR, resumes after the instruction. */
void fault_record(uint32_t *frame) {
  stacked_pc = frame[6];
  fault_cfsr = SCB_CFSR;
  SCB_CFSR = fault_cfsr;
  fault_frame_skip(frame);
}

FAULT_FRAME_HANDLER(BusFault_Handler, fault_record)
FAULT_FRAME_HANDLER(UsageFault_Handler, fault_record)

__attribute__((noinline)) static void through_volatile_pointer(void) {
  (void)*(volatile uint32_t *)bad_address;
}

__attribute__((naked, noinline)) static void bumped_base(void) {
  __asm volatile(
      "ldr r0, =words\n\t"
      "ldr r1, [r0]\n\t"
      "ldr r2, =0x30000000 - 4\n\t"
      "sub r0, r0, r0\n\t"
      "add r0, r2, #0\n\t"
      "adds r0, #4\n\t"
      "ldr r1, [r0]\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

__attribute__((naked, noinline)) static void store_then_store(void) {
  __asm volatile(
      "ldr r0, =0x30000000\n\t"
      "movs r1, #0\n\t"
      "str r1, [r0, #8]\n\t"
      "str r1, [r0, #8]\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

__attribute__((naked, noinline)) static void ldm_after_load(void) {
  __asm volatile(
      "push {r4, r5}\n\t"
      "ldr r3, =bad_address\n\t"
      "ldr r3, [r3]\n\t"
      "ldm r3, {r4, r5}\n\t"
      "pop {r4, r5}\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

__attribute__((naked, noinline)) static void unaligned_twice(void) {
  __asm volatile(
      "ldr r0, =words\n\t"
      "ldr r1, [r0, #2]\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

__attribute__((naked, noinline)) static void unaligned_after_bump(void) {
  __asm volatile(
      "ldr r0, =words\n\t"
      "ldr r1, [r0]\n\t"
      "adds r0, #2\n\t"
      "ldr r1, [r0]\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

static void report(const char *name, void (*routine)(void)) {
  stacked_pc = 0;
  fault_cfsr = 0;
  routine();
  uint32_t start = (uint32_t)routine & ~1u;
  printf("%-26s CFSR %08lx, stacked PC at +%lu\n", name, (unsigned long)fault_cfsr,
         (unsigned long)(stacked_pc - start));
}

int main(void) {
  SCB_SHCSR |= SHCSR_FAULTENA;
  report("load through a pointer", through_volatile_pointer);
  report("base bumped between loads", bumped_base);
  report("two stores", store_then_store);
  report("LDM after a load", ldm_after_load);
  SCB_CCR |= CCR_UNALIGN_TRP;
  report("unaligned load", unaligned_twice);
  report("unaligned after a bump", unaligned_after_bump);
  SCB_CCR &= ~CCR_UNALIGN_TRP;
  return 0;
}
