/*
 * A PendSV context switch between two threads on their own process stacks, the way an RTOS
 * kernel does it (ARMv7-M ARM B1.5.6 exception entry and return, B1.5.8 EXC_RETURN; B1.4.4
 * CONTROL). Thread A runs privileged, thread B unprivileged; both yield with SVC 1, whose
 * handler pends PendSV; PendSV saves r4-r11 on the outgoing PSP and restores the incoming one.
 */
#include <stdio.h>
#include <stdlib.h>

#include "mps2_an385.h"

#define STACK_WORDS 512
#define ROUNDS 4

struct thread {
  uint32_t *sp;      /* saved PSP, pointing at the r4-r11 block below the hardware frame */
  uint32_t control;  /* CONTROL value the thread runs with (SPSEL=1, nPRIV as chosen) */
};

static uint32_t stack_a[STACK_WORDS] __attribute__((aligned(8)));
static uint32_t stack_b[STACK_WORDS] __attribute__((aligned(8)));
static uint32_t boot_stack[32] __attribute__((aligned(8)));
static struct thread threads[2];
static int current = -1;
static unsigned switches;

static void yield(void) { __asm volatile("svc 1" ::: "memory"); }

static void thread_a(void) {
  for (int i = 0; i < ROUNDS; i++) {
    printf("A%d control=%lu ipsr=%lu\n", i, (unsigned long)get_control(),
           (unsigned long)get_ipsr());
    yield();
  }
  for (;;) {
    yield();
  }
}

static void thread_b(void) {
  for (int i = 0; i < ROUNDS; i++) {
    printf("B%d control=%lu\n", i, (unsigned long)get_control());
    yield();
  }
  printf("switches=%u\n", switches);
  /* QEMU 7.2 refuses semihosting from unprivileged code (without -semihosting-config
   * userspace=on the BKPT is an ordinary debug event and escalates to HardFault), so the
   * unprivileged thread asks the kernel to exit for it. */
  __asm volatile("svc 2" ::: "memory");
}

/* Builds the frame exception return pops (B1.5.6: r0-r3, r12, lr, pc, xPSR) with r4-r11 below. */
static uint32_t *initial_frame(uint32_t *stack_top, void (*entry)(void)) {
  uint32_t *sp = stack_top - 8;
  sp[0] = 0;                                   /* r0 */
  sp[1] = 0;                                   /* r1 */
  sp[2] = 0;                                   /* r2 */
  sp[3] = 0;                                   /* r3 */
  sp[4] = 0;                                   /* r12 */
  sp[5] = 0xffffffffu;                         /* lr: a thread must never return */
  sp[6] = (uint32_t)entry & ~1u;               /* pc */
  sp[7] = 0x01000000u;                         /* xPSR: Thumb bit */
  sp -= 8;
  for (int i = 0; i < 8; i++) {
    sp[i] = 0x04040404u * (uint32_t)(i + 4);   /* r4..r11 marker values */
  }
  return sp;
}

/* Called from PendSV with the outgoing thread's PSP (after r4-r11 were pushed); returns the
 * incoming thread's. */
uint32_t *switch_context(uint32_t *psp) {
  if (current >= 0) {
    threads[current].sp = psp;
  }
  current = current == 0 ? 1 : 0;
  switches++;
  __asm volatile("msr control, %0\n\tisb" ::"r"(threads[current].control) : "memory");
  return threads[current].sp;
}

__attribute__((naked)) void PendSV_Handler(void) {
  __asm volatile(
      "mrs r0, psp\n\t"
      "stmdb r0!, {r4-r11}\n\t"
      "bl switch_context\n\t"
      "ldmia r0!, {r4-r11}\n\t"
      "msr psp, r0\n\t"
      "ldr lr, =0xfffffffd\n\t" /* EXC_RETURN: thread mode, process stack */
      "bx lr\n\t");
}

/* Reads the SVC number from the instruction before the stacked return address (B1.5.6). */
void svc_dispatch(uint32_t *frame) {
  uint8_t number = ((const uint8_t *)frame[6])[-2];
  if (number == 1) {
    SCB_ICSR = ICSR_PENDSVSET;  /* yield: the switch runs once SVCall has returned */
  } else {
    exit(0);
  }
}

__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp\n\t"
      "mrsne r0, psp\n\t"
      "b svc_dispatch\n\t");
}

int main(void) {
  printf("pendsv: start control=%lu\n", (unsigned long)get_control());
  /* SVCall above PendSV so the switch is deferred until the SVC handler has returned. */
  SCB_SHPR_BYTE(EXC_SVCALL) = 0x80;
  SCB_SHPR_BYTE(EXC_PENDSV) = 0xe0;
  threads[0].sp = initial_frame(stack_a + STACK_WORDS, thread_a);
  threads[0].control = 2;  /* SPSEL: process stack, privileged */
  threads[1].sp = initial_frame(stack_b + STACK_WORDS, thread_b);
  threads[1].control = 3;  /* SPSEL: process stack, unprivileged */
  /* The first PendSV saves a context nobody resumes; give it a scratch process stack. */
  __asm volatile("msr psp, %0" ::"r"(boot_stack + 32) : "memory");
  SCB_ICSR = ICSR_PENDSVSET;
  dsb_isb();
  printf("pendsv: main resumed (must not happen)\n");
  return 1;
}
