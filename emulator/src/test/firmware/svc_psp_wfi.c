/*
 * SVC with a number and arguments, EXC_RETURN values, an exception return that moves thread
 * mode onto the process stack, and WFI idling woken by a timer, with and without SLEEPONEXIT
 * (ARMv7-M ARM B1.5.6-B1.5.8 exception entry/return and EXC_RETURN, B1.4.4 CONTROL,
 * B1.5.19 sleep and WFI, B3.2.7 SCR).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mps2_an385.h"

/* Room for printf and exit(), which run on it once main has moved there. */
#define PROCESS_STACK_WORDS 2048

static uint32_t process_stack[PROCESS_STACK_WORDS] __attribute__((aligned(8)));
static volatile uint32_t last_exc_return;
static volatile uint32_t nested_exc_return;
static volatile unsigned timer_ticks;

/* Handler body: frame is the stacked r0-r3, r12, lr, pc, xPSR; exc_return the handler's LR. */
void svc_dispatch(uint32_t *frame, uint32_t exc_return) {
  uint8_t number = ((const uint8_t *)frame[6])[-2];
  last_exc_return = exc_return;
  switch (number) {
    case 0x10: /* add: r0 = r0 + r1 */
      frame[0] = frame[0] + frame[1];
      break;
    case 0x11: /* four arguments, returns a checksum of them in r0 */
      frame[0] = frame[0] * 1000 + frame[1] * 100 + frame[2] * 10 + frame[3];
      break;
    case 0x12: /* report the SVC number itself */
      frame[0] = number;
      break;
    case 0x20: {
      /* Continue thread mode on the process stack at the function in r0: build a frame for it
       * at the top of process_stack and return with EXC_RETURN "thread mode, PSP" (B1.5.8).
       * The MSP frame of the caller is abandoned; the function never returns. */
      uint32_t *psp_frame = process_stack + PROCESS_STACK_WORDS - 8;
      memset(psp_frame, 0, 8 * sizeof(uint32_t));
      psp_frame[5] = 0xffffffffu;        /* lr */
      psp_frame[6] = frame[0] & ~1u;     /* pc */
      psp_frame[7] = 0x01000000u;        /* xPSR: Thumb */
      __asm volatile("msr psp, %0" ::"r"(psp_frame) : "memory");
      last_exc_return = 0xfffffffdu;
      break;
    }
    default:
      frame[0] = 0xdeadu;
      break;
  }
}

/* The naked entry passes the active stack's frame and EXC_RETURN; svc_dispatch returns here and
 * the exception returns with last_exc_return, which 0x20 changes. */
__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "push {r4, lr}\n\t"
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp\n\t"
      "mrsne r0, psp\n\t"
      "tst lr, #4\n\t"
      "it eq\n\t"
      "addeq r0, r0, #8\n\t" /* the frame on MSP sits above the two words pushed here */
      "mov r1, lr\n\t"
      "bl svc_dispatch\n\t"
      "pop {r4, lr}\n\t"
      "ldr r0, =last_exc_return\n\t"
      "ldr lr, [r0]\n\t"
      "bx lr\n\t");
}

static uint32_t svc_add(uint32_t a, uint32_t b) {
  register uint32_t r0 __asm__("r0") = a;
  register uint32_t r1 __asm__("r1") = b;
  __asm volatile("svc 0x10" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static uint32_t svc_four(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  register uint32_t r0 __asm__("r0") = a;
  register uint32_t r1 __asm__("r1") = b;
  register uint32_t r2 __asm__("r2") = c;
  register uint32_t r3 __asm__("r3") = d;
  __asm volatile("svc 0x11" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
  return r0;
}

static uint32_t svc_number(void) {
  register uint32_t r0 __asm__("r0") = 0;
  __asm volatile("svc 0x12" : "+r"(r0)::"memory");
  return r0;
}

/* An SVC issued inside an interrupt handler nests: its EXC_RETURN says "return to handler". */
void IRQ22_Handler(void) {
  svc_number();
  nested_exc_return = last_exc_return;
}

void TIMER0_Handler(void) {
  TIMER_INTSTATUS(TIMER0_BASE) = 1;
  timer_ticks++;
  if (timer_ticks == 3) {
    TIMER_CTRL(TIMER0_BASE) = 0;
  }
}

static void start_timer0(void) {
  TIMER_RELOAD(TIMER0_BASE) = 25000;
  TIMER_VALUE(TIMER0_BASE) = 25000;
  TIMER_CTRL(TIMER0_BASE) = TIMER_CTRL_IRQEN | TIMER_CTRL_EN;
}

static void on_process_stack(void) {
  uint32_t sp;
  __asm volatile("mov %0, sp" : "=r"(sp));
  int on_psp =
      sp > (uint32_t)process_stack && sp <= (uint32_t)(process_stack + PROCESS_STACK_WORDS);
  printf("psp thread: control=%lu sp-in-process-stack=%d\n", (unsigned long)get_control(), on_psp);
  printf("svc from psp: add=%lu exc_return=%08lx\n", (unsigned long)svc_add(1, 1),
         (unsigned long)last_exc_return);

  /* WFI idle: each timer interrupt wakes the core. How many ticks pass per wake-up is not
   * printed: under QEMU it depends on host scheduling (a late vCPU takes two interrupts before
   * it re-checks). The handler stops the timer at tick 3, so the count is exact. */
  nvic_enable(TIMER0_IRQn);
  start_timer0();
  WAIT_FOR(timer_ticks >= 3);
  nvic_disable(TIMER0_IRQn);
  printf("wfi: ticks=%u timer ctrl=%lu\n", timer_ticks, (unsigned long)TIMER_CTRL(TIMER0_BASE));
  exit(0);
}

int main(void) {
  printf("svc: add=%lu exc_return=%08lx\n", (unsigned long)svc_add(40, 2),
         (unsigned long)last_exc_return);
  printf("svc: four=%lu number=%02lx\n", (unsigned long)svc_four(1, 2, 3, 4),
         (unsigned long)svc_number());

  SCB_SHPR_BYTE(EXC_SVCALL) = 0x40;
  NVIC_IPR_BYTE(22) = 0x80;
  nvic_enable(22);
  NVIC_STIR = 22;
  dsb_isb();
  printf("svc from handler: exc_return=%08lx\n", (unsigned long)nested_exc_return);

  /* Exception return onto the process stack; the rest runs there. */
  fflush(stdout);
  register uint32_t entry __asm__("r0") = (uint32_t)on_process_stack;
  __asm volatile("svc 0x20" : "+r"(entry)::"memory");
  printf("svc 0x20 returned to the main stack (must not happen)\n");
  return 1;
}
