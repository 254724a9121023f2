/*
 * A stacking error on exception entry (ARMv7-M ARM B1.5.6: a derived BusFault, CFSR.STKERR),
 * as QEMU 7.2 takes it: the derived fault is pended next to the exception being entered and
 * the higher-priority one runs first, on the frame as far as it got. An SVC issued with the
 * process stack pointing at unmapped space therefore runs its fault handler first, with the
 * SVC left pending: a HardFault (HFSR.FORCED) while BusFault is disabled, the BusFault handler
 * (which outranks SVCall at equal priority by its lower number) once it is enabled. Each
 * scenario reports from its handler and resets the board for the next (.noinit RAM).
 */
#include <stdio.h>

#include "mps2_an385.h"

#define SHCSR_BUSFAULTENA_BIT (1u << 17)

__attribute__((section(".noinit"))) static volatile uint32_t scenario;
__attribute__((section(".noinit"))) static volatile uint32_t magic;

void SVC_Handler(void) { printf("SVCall ran\n"); }

void report(uint32_t lr) {
  uint32_t ipsr;
  __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  printf("scenario %lu: IPSR %lu, LR %08lx, CFSR %08lx, HFSR %08lx, SHCSR %08lx, "
         "ICSR VECTPENDING %lu\n",
         (unsigned long)scenario, (unsigned long)ipsr, (unsigned long)lr,
         (unsigned long)SCB_CFSR, (unsigned long)SCB_HFSR, (unsigned long)SCB_SHCSR,
         (unsigned long)((SCB_ICSR >> 12) & 0x1ffu));
  scenario++;
  board_reset(); /* the next scenario */
}

/* Both handlers run on MSP (Handler mode), which is fine; only PSP is bad. */
__attribute__((naked)) void HardFault_Handler(void) {
  __asm volatile("mov r0, lr\n\tb report\n\t");
}

__attribute__((naked)) void BusFault_Handler(void) {
  __asm volatile("mov r0, lr\n\tb report\n\t");
}

/* Thread mode on PSP = 0x30000100 (unmapped on AN385), then SVC. */
static void svc_on_bad_process_stack(void) {
  __asm volatile(
      "ldr r0, =0x30000100\n\t"
      "msr psp, r0\n\t"
      "mrs r0, control\n\t"
      "orr r0, r0, #2\n\t"
      "msr control, r0\n\t"
      "isb\n\t"
      "svc 0\n\t"
      ".ltorg\n\t" ::: "r0", "memory");
}

int main(void) {
  if (magic != 0x5ca1ab1eu) {
    magic = 0x5ca1ab1eu;
    scenario = 0;
  }
  switch (scenario) {
    case 0:
      printf("SVC with the process stack unmapped, BusFault disabled\n");
      svc_on_bad_process_stack();
      break;
    case 1:
      printf("SVC with the process stack unmapped, BusFault enabled\n");
      SCB_SHCSR |= SHCSR_BUSFAULTENA_BIT;
      svc_on_bad_process_stack();
      break;
    default:
      printf("done\n");
      magic = 0;
      return 0;
  }
  printf("no fault\n");
  return 1;
}
