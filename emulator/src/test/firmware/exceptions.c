/*
 * Exception priorities, preemption and nesting (ARMv7-M ARM B1.5.4 "Exception priorities and
 * preemption", B3.4 NVIC, B3.2.6 AIRCR.PRIGROUP, B1.4.3 PRIMASK/BASEPRI). Interrupts are pended
 * by software (NVIC_STIR and NVIC_ISPR) on lines no AN385 device drives (22..31), and every
 * handler logs its entry (">") and exit ("<"); main prints each scenario's order.
 *
 * Priorities are multiples of 0x20 because the AN385 Cortex-M3 implements 3 priority bits
 * (QEMU 7.2 keeps all 8): only values whose low 5 bits are zero behave the same on both.
 */
#include <stdio.h>

#include "eventlog.h"
#include "mps2_an385.h"

#define IRQ_A 22
#define IRQ_B 23
#define IRQ_C 24
#define IRQ_D 25
#define IRQ_E 26
#define IRQ_F 27
#define IRQ_G 28

static inline void pend_stir(int irq) {
  NVIC_STIR = (uint32_t)irq;
  dsb_isb();
}

static inline void pend_ispr(int irq) {
  nvic_pend(irq);
  dsb_isb();
}

/* The active exception number and RETTOBASE (ICSR bit 11): 1 when no other exception is active. */
static void log_icsr(void) {
  uint32_t icsr = SCB_ICSR;
  char buf[24];
  snprintf(buf, sizeof buf, "v%lu/r%lu", (unsigned long)(icsr & ICSR_VECTACTIVE_MASK),
           (unsigned long)((icsr >> 11) & 1));
  log_event(buf);
}

/* ---- Scenario 1: a higher-priority interrupt pended from a handler preempts it at once. */
/* ---- Scenario 2: a lower-priority one pended from a handler waits, then tail-chains. */
static int scenario;

void IRQ22_Handler(void) {
  log_event("A>");
  log_icsr();
  if (scenario == 1) {
    pend_stir(IRQ_B);  /* priority 0x40 < A's 0xc0: preempts now */
    log_event("A-after-B");
  }
  log_event("A<");
}

void IRQ23_Handler(void) {
  log_event("B>");
  log_icsr();
  /* Both A and B active in scenario 1: IABR shows the nesting. */
  log_hex(NVIC_IABR >> IRQ_A & 0x3f);
  if (scenario == 2) {
    pend_ispr(IRQ_C);  /* priority 0xa0 > B's 0x40: must wait for B to return */
    log_event("B-after-C-pend");
  }
  log_event("B<");
}

void IRQ24_Handler(void) {
  log_event("C>");
  log_icsr();
  log_event("C<");
}

void IRQ25_Handler(void) { log_event("D"); }
void IRQ26_Handler(void) { log_event("E"); }

void IRQ27_Handler(void) {
  log_event("F>");
  if (scenario == 6) {
    pend_ispr(IRQ_G);  /* same group priority under PRIGROUP 5: no preemption */
    log_event("F-after-G-pend");
  }
  log_event("F<");
}

void IRQ28_Handler(void) {
  log_event("G>");
  if (scenario == 7) {
    pend_ispr(IRQ_F);  /* different group under PRIGROUP 0: preempts */
    log_event("G-after-F-pend");
  }
  log_event("G<");
}

/* NMI (priority -2) and SysTick pended through ICSR. */
void NMI_Handler(void) {
  log_event("NMI>");
  log_icsr();
  log_event("NMI<");
}

void SysTick_Handler(void) {
  log_event("SysTick>");
  log_icsr();
  log_event("SysTick<");
}

/* PendSV at the lowest priority: pended inside a handler, it runs only when all have returned. */
void PendSV_Handler(void) {
  log_event("PendSV>");
  log_icsr();
  log_event("PendSV<");
}

int main(void) {
  printf("exceptions: start\n");
  NVIC_IPR_BYTE(IRQ_A) = 0xc0;
  NVIC_IPR_BYTE(IRQ_B) = 0x40;
  NVIC_IPR_BYTE(IRQ_C) = 0xa0;
  NVIC_IPR_BYTE(IRQ_D) = 0x80;
  NVIC_IPR_BYTE(IRQ_E) = 0x80;
  SCB_SHPR_BYTE(EXC_PENDSV) = 0xe0;
  printf("ipr A=%02x B=%02x C=%02x pendsv=%02x\n", NVIC_IPR_BYTE(IRQ_A), NVIC_IPR_BYTE(IRQ_B),
         NVIC_IPR_BYTE(IRQ_C), SCB_SHPR_BYTE(EXC_PENDSV));
  for (int irq = IRQ_A; irq <= IRQ_G; irq++) {
    nvic_enable(irq);
  }
  printf("iser=%08lx\n", (unsigned long)NVIC_ISER);

  scenario = 1;
  pend_stir(IRQ_A);
  log_flush("preempt");

  scenario = 2;
  pend_stir(IRQ_B);
  log_flush("tailchain");

  /* Scenario 3: PRIMASK holds pended interrupts; equal priorities then run in IRQ-number order. */
  scenario = 3;
  irq_disable();
  pend_ispr(IRQ_E);
  pend_ispr(IRQ_D);
  printf("primask=%lu ispr=%08lx vectpending=%lu isrpending=%lu\n", (unsigned long)get_primask(),
         (unsigned long)NVIC_ISPR, (unsigned long)((SCB_ICSR >> 12) & 0x1ff),
         (unsigned long)((SCB_ICSR >> 22) & 1));
  log_event("unmask");
  irq_enable();
  dsb_isb();
  log_flush("primask");

  /* Scenario 4: BASEPRI masks priorities numerically >= its value, lets higher ones through. */
  scenario = 4;
  set_basepri(0x80);
  pend_ispr(IRQ_D);  /* 0x80: masked */
  pend_ispr(IRQ_B);  /* 0x40: taken */
  log_event("basepri-0");
  printf("basepri=%02lx pending D=%lu\n", (unsigned long)get_basepri(),
         (unsigned long)(NVIC_ISPR >> IRQ_D & 1));
  set_basepri(0);
  dsb_isb();
  log_flush("basepri");

  /* Scenario 5: BASEPRI_MAX only raises the mask (a lower priority write is ignored). */
  scenario = 5;
  set_basepri(0x60);
  set_basepri_max(0xa0);
  printf("basepri after max(0xa0)=%02lx\n", (unsigned long)get_basepri());
  set_basepri_max(0x40);
  printf("basepri after max(0x40)=%02lx\n", (unsigned long)get_basepri());
  set_basepri(0);

  /* Scenario 6: AIRCR.PRIGROUP 5 splits priority into group [7:6] and subpriority [5:0]. F (0xa0)
   * and G (0x80) share group 0x80, so G pended inside F does not preempt it. */
  scenario = 6;
  SCB_AIRCR = AIRCR_VECTKEY | (5u << 8);
  printf("aircr=%08lx\n", (unsigned long)SCB_AIRCR);
  NVIC_IPR_BYTE(IRQ_F) = 0xa0;
  NVIC_IPR_BYTE(IRQ_G) = 0x80;
  pend_stir(IRQ_F);
  log_flush("subpriority-no-preempt");

  /* With both pending, the lower subpriority value wins even over a lower IRQ number. */
  irq_disable();
  pend_ispr(IRQ_F);
  pend_ispr(IRQ_G);
  scenario = 0;
  irq_enable();
  dsb_isb();
  log_flush("subpriority-order");

  /* Scenario 7: PRIGROUP 0 (all implemented bits are group priority): G at 0xa0 is preempted by
   * F at 0x80. */
  scenario = 7;
  SCB_AIRCR = AIRCR_VECTKEY | (0u << 8);
  printf("aircr=%08lx\n", (unsigned long)SCB_AIRCR);
  NVIC_IPR_BYTE(IRQ_F) = 0x80;
  NVIC_IPR_BYTE(IRQ_G) = 0xa0;
  pend_stir(IRQ_G);
  log_flush("group-preempt");

  /* Scenario 8: PendSV at the lowest priority runs at once from thread mode, and after every
   * other pending interrupt when pended together with one. */
  scenario = 8;
  NVIC_IPR_BYTE(IRQ_C) = 0x20;
  SCB_ICSR = ICSR_PENDSVSET;
  dsb_isb();
  log_event("thread");
  log_flush("pendsv");

  irq_disable();
  SCB_ICSR = ICSR_PENDSVSET;
  pend_ispr(IRQ_C);
  irq_enable();
  dsb_isb();
  log_flush("pendsv-after-irq");

  /* ICPR clears a pending interrupt before it is taken. */
  irq_disable();
  pend_ispr(IRQ_D);
  nvic_unpend(IRQ_D);
  irq_enable();
  dsb_isb();
  log_event("none");
  log_flush("icpr");

  /* A disabled interrupt stays pending until enabled. */
  nvic_disable(IRQ_E);
  pend_ispr(IRQ_E);
  log_event("disabled");
  printf("pending E while disabled=%lu\n", (unsigned long)(NVIC_ISPR >> IRQ_E & 1));
  nvic_enable(IRQ_E);
  dsb_isb();
  log_flush("enable");

  /* NMIPENDSET: NMI is taken even with PRIMASK set (B1.5.4: priority -2). PENDSTSET pends
   * SysTick with the timer itself disabled. */
  irq_disable();
  SCB_ICSR = ICSR_PENDSTSET;
  dsb_isb();
  printf("pendst while primask: icsr.pendstset=%lu\n", (unsigned long)(SCB_ICSR >> 26 & 1));
  SCB_ICSR = 1u << 31; /* NMIPENDSET */
  dsb_isb();
  log_event("after-nmi");
  irq_enable();
  dsb_isb();
  log_flush("nmi-systick");

  printf("exceptions: done\n");
  return 0;
}
