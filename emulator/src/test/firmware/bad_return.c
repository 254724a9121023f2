/*
 * Invalid exception returns (ARMv7-M ARM B1.5.8, ExceptionReturn), as QEMU 7.2 takes them: the
 * returning exception is deactivated first, then
 *   - an EXC_RETURN with reserved low bits, or one to Thread mode while another exception is
 *     still active (CCR.NONBASETHRDENA clear), takes an INVPC UsageFault on the existing frame
 *     (nothing is stacked again; LR holds the bad EXC_RETURN);
 *   - a return to Handler mode whose stacked IPSR is 0 (nothing else was active), or to Thread
 *     mode over a frame holding an exception number, unstacks the frame, then takes the INVPC
 *     UsageFault by stacking it again;
 *   - with CCR.NONBASETHRDENA set, the return to Thread mode with an exception still active
 *     passes the first check and meets the second (the frame was stacked in Handler mode);
 *   - 0xFFFFFFE9 (FTYPE clear) is a plain return to Thread mode on a core without an FPU.
 * Each scenario ends in the UsageFault handler, which reports and resets the board for the next
 * one; the scenario number lives in .noinit RAM.
 */
#include <stdio.h>

#include "mps2_an385.h"
#include "semihost.h"

#define SHCSR_USGFAULTENA (1u << 18)

__attribute__((section(".noinit"))) static volatile uint32_t scenario;
__attribute__((section(".noinit"))) static volatile uint32_t magic;

static volatile uint32_t bad_value;

static volatile uint32_t stacked_ipsr;

static uint32_t read_ipsr(void) {
  uint32_t v;
  __asm volatile("mrs %0, ipsr" : "=r"(v));
  return v;
}

/* Returns from SVCall with the EXC_RETURN in bad_value, after writing stacked_ipsr (when not 0)
 * into the IPSR field of the frame on MSP. */
__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "ldr r0, =stacked_ipsr\n\t"
      "ldr r0, [r0]\n\t"
      "cbz r0, 1f\n\t"
      "ldr r1, [sp, #28]\n\t"
      "orr r1, r1, r0\n\t"
      "str r1, [sp, #28]\n\t"
      "1:\n\t"
      "ldr r0, =bad_value\n\t"
      "ldr r0, [r0]\n\t"
      "bx r0\n\t"
      ".ltorg\n\t");
}

/* PendSV (lowest priority) issues the SVC, so that SVCall returns with PendSV still active. */
void PendSV_Handler(void) { __asm volatile("svc 1" ::: "memory"); }

void report_usage_fault(uint32_t *msp, uint32_t lr, uint32_t psp) {
  uint32_t ipsr;
  __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  uint32_t *frame = (lr & 4) ? (uint32_t *)psp : msp;
  printf("scenario %lu: UsageFault CFSR %08lx, LR %08lx, IPSR %lu, SHCSR %08lx, "
         "stacked PC is %s, stacked xPSR %08lx\n",
         (unsigned long)scenario, (unsigned long)SCB_CFSR, (unsigned long)lr,
         (unsigned long)ipsr, (unsigned long)SCB_SHCSR,
         (frame[6] & 0xffff0000u) == 0 ? "in the image" : "not code",
         (unsigned long)(frame[7] & 0x010001ffu)); /* T and the exception number, not the flags */
  scenario++;
  board_reset(); /* the next scenario */
}

__attribute__((naked)) void UsageFault_Handler(void) {
  __asm volatile(
      "mov r0, sp\n\t"
      "mov r1, lr\n\t"
      "mrs r2, psp\n\t"
      "b report_usage_fault\n\t");
}

void HardFault_Handler(void) {
  printf("scenario %lu: HardFault HFSR %08lx CFSR %08lx\n", (unsigned long)scenario,
         (unsigned long)SCB_HFSR, (unsigned long)SCB_CFSR);
  scenario++;
  board_reset(); /* the next scenario */
}

/* SVCall returns with exc_return, over a frame whose IPSR field gets ipsr ORed in. */
static void svc_returning(uint32_t exc_return, uint32_t ipsr) {
  bad_value = exc_return;
  stacked_ipsr = ipsr;
  __asm volatile("svc 0" ::: "memory");
}

/* PendSV issues the SVC, which returns with exc_return. */
static void pendsv_svc_returning(uint32_t exc_return) {
  bad_value = exc_return;
  SCB_ICSR = ICSR_PENDSVSET;
  __asm volatile("dsb\n\tisb" ::: "memory");
}

int main(void) {
  if (magic != 0x5ca1ab1eu) {
    magic = 0x5ca1ab1eu;
    scenario = 0;
  }
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  SCB_SHPR_BYTE(14) = 0xff; /* PendSV lowest */
  SCB_SHPR_BYTE(11) = 0x40; /* SVCall above it */
  switch (scenario) {
    case 0:
      printf("return to Handler mode from the only active exception\n");
      svc_returning(0xfffffff1u, 0);
      break;
    case 1:
      printf("return to Thread mode with PendSV still active\n");
      pendsv_svc_returning(0xfffffff9u);
      break;
    case 2:
      printf("reserved EXC_RETURN 0xfffffff5\n");
      svc_returning(0xfffffff5u, 0);
      break;
    case 3:
      printf("return to Thread mode over a frame that holds an exception number\n");
      svc_returning(0xfffffff9u, 5);
      break;
    case 4:
      /* NONBASETHRDENA lets the return through, but the frame SVCall stacked over PendSV
       * holds PendSV's exception number: the unstacked IPSR contradicts Thread mode. */
      printf("return to Thread mode with PendSV active and NONBASETHRDENA set\n");
      SCB_CCR |= 1u; /* NONBASETHRDENA */
      pendsv_svc_returning(0xfffffff9u);
      break;
    case 5:
      printf("reserved EXC_RETURN 0xfffffff3 with UsageFault disabled\n");
      SCB_SHCSR &= ~SHCSR_USGFAULTENA;
      svc_returning(0xfffffff3u, 0);
      break;
    case 6:
      /* FTYPE (bit 4) clear asks for an FP frame; with no FPU QEMU ignores it. */
      printf("EXC_RETURN 0xffffffe9 on a core without an FPU\n");
      svc_returning(0xffffffe9u, 0);
      printf("returned to Thread mode: IPSR %lu, SHCSR %08lx\n",
             (unsigned long)(read_ipsr()), (unsigned long)SCB_SHCSR);
      scenario++;
      board_reset(); /* the next scenario */
    default:
      printf("done\n");
      magic = 0;
      return 0;
  }
  printf("no fault\n");
  return 1;
}
