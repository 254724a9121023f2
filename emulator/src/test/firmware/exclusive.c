/*
 * The local exclusive monitor (ARMv7-M ARM A3.4): LDREX opens it, STREX succeeds (0) only while
 * it is open for that address, CLREX closes it, and so does every exception entry and return
 * (B1.5.6 ExceptionTaken, B1.5.8 ExceptionReturn: ClearExclusiveLocal), as in QEMU 7.2.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define NVIC_ISER0 REG32(0xe000e100u)
#define NVIC_ISPR0 REG32(0xe000e200u)

static volatile uint32_t word = 5;
static volatile unsigned handled;
static volatile uint32_t handler_loaded;
static volatile uint32_t handler_status = 9;

static uint32_t ldrex(volatile uint32_t *a) {
  uint32_t r;
  __asm volatile("ldrex %0, [%1]" : "=r"(r) : "r"(a) : "memory");
  return r;
}

static uint32_t strex(uint32_t v, volatile uint32_t *a) {
  uint32_t r;
  __asm volatile("strex %0, %1, [%2]" : "=&r"(r) : "r"(v), "r"(a) : "memory");
  return r;
}

static uint32_t ldrexh(volatile uint16_t *a) {
  uint32_t r;
  __asm volatile("ldrexh %0, [%1]" : "=r"(r) : "r"(a) : "memory");
  return r;
}

static uint32_t strexh(uint32_t v, volatile uint16_t *a) {
  uint32_t r;
  __asm volatile("strexh %0, %1, [%2]" : "=&r"(r) : "r"(v), "r"(a) : "memory");
  return r;
}

void TIMER0_Handler(void) { handled++; }
void SVC_Handler(void) { handler_loaded = ldrex(&word); }
void PendSV_Handler(void) { handler_status = strex(handler_loaded + 100, &word); }

static void report(const char *what, uint32_t status) {
  printf("%-34s strex %lu, word %lu, handled %u\n", what, (unsigned long)status,
         (unsigned long)word, handled);
}

int main(void) {
  uint32_t v = ldrex(&word);
  report("ldrex, strex:", strex(v + 1, &word));
  v = ldrex(&word);
  __asm volatile("clrex" ::: "memory");
  report("ldrex, clrex, strex:", strex(v + 1, &word));
  report("strex alone:", strex(99, &word));
  v = ldrex(&word);
  word = 50;
  report("ldrex, store of another value:", strex(v + 1, &word));

  /* An interrupt between LDREX and STREX (IRQ 8 pended through ISPR). */
  NVIC_ISER0 = 1u << TIMER0_IRQn;
  v = ldrex(&word);
  NVIC_ISPR0 = 1u << TIMER0_IRQn;
  __asm volatile("dsb\n\tisb" ::: "memory");
  report("ldrex, interrupt, strex:", strex(v + 1, &word));
  /* The same with a halfword and an SVC in between. */
  static volatile uint16_t half = 3;
  v = ldrexh(&half);
  __asm volatile("svc 0" ::: "memory");
  printf("ldrexh, svc, strexh: strexh %lu, half %u\n", (unsigned long)strexh(v + 1, &half),
         half);
  v = ldrexh(&half);
  printf("ldrexh, strexh: strexh %lu, half %u\n", (unsigned long)strexh(v + 1, &half), half);

  /* LDREX in a handler, STREX after its return; LDREX in thread mode, STREX in a handler. */
  __asm volatile("svc 0" ::: "memory");
  report("ldrex in SVC, strex after return:", strex(handler_loaded + 1, &word));
  handler_loaded = ldrex(&word);
  SCB_ICSR = ICSR_PENDSVSET;
  __asm volatile("dsb\n\tisb" ::: "memory");
  report("ldrex, strex in PendSV:", handler_status);

  /* A retry loop, as an atomic increment is written, across interrupts. */
  unsigned failures = 0;
  for (int i = 0; i < 100; i++) {
    int interrupt = i % 10 == 0; /* the first attempt of every tenth increment */
    do {
      v = ldrex(&word);
      if (interrupt) {
        interrupt = 0;
        NVIC_ISPR0 = 1u << TIMER0_IRQn;
        __asm volatile("dsb\n\tisb" ::: "memory");
      }
    } while (strex(v + 1, &word) != 0 && ++failures);
  }
  printf("atomic increments: word %lu, failed attempts %u, handled %u\n", (unsigned long)word,
         failures, handled);
  return 0;
}
