/*
 * SysTick (ARMv7-M ARM B3.3) and the CMSDK timers of AN385 (DDI 0479 4.4 APB timer, 4.5 dual
 * timer) raising interrupts. Each timer runs alone and main sleeps in WFI until its handler
 * has counted enough, so the output shows counts and register values, never a raw counter
 * reading that depends on host timing.
 */
#include <stdio.h>

#include "mps2_an385.h"

static volatile unsigned systick_count;
static volatile unsigned timer_count[2];
static volatile unsigned dual_count[2];
static volatile uint32_t timer_status_in_handler[2];
static volatile uint32_t dual_mis_in_handler[2];

void SysTick_Handler(void) {
  if (++systick_count == 5) {
    SYST_CSR = 0;  /* stop after five periods */
  }
}

static void timer_irq(int n, uint32_t base) {
  timer_status_in_handler[n] = TIMER_INTSTATUS(base);
  TIMER_INTSTATUS(base) = 1;  /* INTCLEAR */
  if (++timer_count[n] == 3) {
    TIMER_CTRL(base) = 0;
  }
}

void TIMER0_Handler(void) { timer_irq(0, TIMER0_BASE); }
void TIMER1_Handler(void) { timer_irq(1, TIMER1_BASE); }

/* Both halves of the dual timer share one line (AN385 IRQ 10); MIS says which one fired. */
void DUALTIMER_Handler(void) {
  for (int n = 0; n < 2; n++) {
    uint32_t mis = DT_MIS(n);
    if (mis) {
      dual_mis_in_handler[n] = mis;
      DT_INTCLR(n) = 1;
      if (++dual_count[n] == 3) {
        DT_CONTROL(n) &= ~DT_CTRL_EN;
      }
    }
  }
}

static void systick_tests(void) {
  /* Polled: COUNTFLAG sets when the counter reaches 0 and clears when CSR is read (B3.3.3).
   * The period is long (about 42 ms) so that QEMU, whose timers follow host time, cannot wrap
   * again between the two reads. */
  SYST_RVR = 0xfffff;
  SYST_CVR = 0;  /* any write clears the counter and COUNTFLAG */
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_ENABLE;
  while (!(SYST_CSR & SYST_CSR_COUNTFLAG)) {
  }
  printf("systick countflag after read=%lu rvr=%lu\n",
         (unsigned long)(SYST_CSR >> 16 & 1), (unsigned long)SYST_RVR);
  SYST_CSR = 0;

  /* Interrupt-driven: 1 ms periods, five of them, sleeping in between. */
  SYST_RVR = SYSCLK_HZ / 1000 - 1;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
  WAIT_FOR(systick_count >= 5);
  printf("systick ticks=%u csr=%08lx\n", systick_count, (unsigned long)SYST_CSR);

  /* CLKSOURCE clear: the external reference clock (1 MHz on this board in QEMU 7.2), 2 ms. */
  systick_count = 0;
  SYST_RVR = 1999;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_TICKINT | SYST_CSR_ENABLE;
  WAIT_FOR(systick_count >= 5);
  printf("systick on reference clock ticks=%u csr=%08lx\n", systick_count,
         (unsigned long)SYST_CSR);
}

static void apb_timer_test(int n, uint32_t base, int irq) {
  TIMER_CTRL(base) = 0;
  TIMER_VALUE(base) = 1234;  /* stopped: the value written reads back */
  printf("timer%d stopped value=%lu\n", n, (unsigned long)TIMER_VALUE(base));
  /* Periods of 1 and 2 ms: long enough that the read-back below happens before the timer
   * stops itself, even when QEMU's host thread is descheduled for a while. */
  TIMER_RELOAD(base) = 25000 * (unsigned)(n + 1);
  TIMER_VALUE(base) = 25000 * (unsigned)(n + 1);
  nvic_enable(irq);
  TIMER_CTRL(base) = TIMER_CTRL_IRQEN | TIMER_CTRL_EN;
  uint32_t ctrl = TIMER_CTRL(base);
  uint32_t reload = TIMER_RELOAD(base);
  printf("timer%d ctrl=%lu reload=%lu\n", n, (unsigned long)ctrl, (unsigned long)reload);
  WAIT_FOR(timer_count[n] >= 3);
  nvic_disable(irq);
  printf("timer%d interrupts=%u status-in-handler=%lu status-now=%lu ctrl=%lu\n", n,
         timer_count[n], (unsigned long)timer_status_in_handler[n],
         (unsigned long)TIMER_INTSTATUS(base), (unsigned long)TIMER_CTRL(base));
}

static void dual_timer_test(void) {
  nvic_enable(DUALTIMER_IRQn);
  /* Timer 1: periodic, 32-bit, prescale 1. */
  DT_LOAD(0) = 25000;
  DT_CONTROL(0) = DT_CTRL_EN | DT_CTRL_PERIODIC | DT_CTRL_INTEN | DT_CTRL_SIZE32;
  uint32_t control = DT_CONTROL(0);
  uint32_t bgload = DT_BGLOAD(0);
  printf("dual1 control=%02lx bgload=%lu\n", (unsigned long)control, (unsigned long)bgload);
  WAIT_FOR(dual_count[0] >= 3);
  printf("dual1 interrupts=%u mis-in-handler=%lu ris-now=%lu control=%02lx\n", dual_count[0],
         (unsigned long)dual_mis_in_handler[0], (unsigned long)DT_RIS(0),
         (unsigned long)DT_CONTROL(0));

  /* Timer 2: one-shot fires once and stops at zero; a raw interrupt without INTEN is not
   * signalled (RIS set, MIS clear). */
  DT_LOAD(1) = 3000;
  DT_CONTROL(1) = DT_CTRL_EN | DT_CTRL_ONESHOT | DT_CTRL_SIZE32;
  while (!DT_RIS(1)) {
  }
  printf("dual2 ris=%lu mis=%lu value=%lu\n", (unsigned long)DT_RIS(1),
         (unsigned long)DT_MIS(1), (unsigned long)DT_VALUE(1));
  DT_INTCLR(1) = 1;
  printf("dual2 after intclr ris=%lu\n", (unsigned long)DT_RIS(1));
  nvic_disable(DUALTIMER_IRQn);
}

int main(void) {
  printf("timers: start\n");
  systick_tests();
  apb_timer_test(0, TIMER0_BASE, TIMER0_IRQn);
  apb_timer_test(1, TIMER1_BASE, TIMER1_IRQn);
  dual_timer_test();
  printf("timers: done\n");
  return 0;
}
