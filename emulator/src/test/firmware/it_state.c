/*
 * The IT state (ARMv7-M ARM A7.3.3, B1.5.6 stacked EPSR.IT) across exceptions taken in the middle
 * of an IT block:
 * - an interrupt pended by a store inside the block and taken after an ISB in it: the stacked
 *   xPSR holds the IT state of the next instruction, and the rest of the block still obeys its
 *   conditions when the handler returns;
 * - the divide-by-zero UsageFault (CCR.DIV_0_TRP) of a divide inside the block: it is taken on
 *   the divide, before anything after it runs, with the divide's IT state stacked; the handler
 *   skips the divide, either advancing the stacked IT state as the divide would have (the rest
 *   of the block then runs as written) or not (the next instruction takes the divide's
 *   condition, and the block is one instruction longer).
 * QEMU 7.2 is the reference.
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define CCR_DIV_0_TRP (1u << 4)
#define SHCSR_USGFAULTENA (1u << 18)
#define XPSR_IT_MASK 0x0600fc00u
#define TEST_IRQ 24

static volatile uint32_t stacked_xpsr;
static volatile unsigned entries;
static volatile int advance_it;

static uint32_t itstate_of(uint32_t xpsr) {
  return ((xpsr >> 25) & 3u) | ((xpsr >> 8) & 0xfcu);
}

static uint32_t with_itstate(uint32_t xpsr, uint32_t it) {
  return (xpsr & ~XPSR_IT_MASK) | ((it & 3u) << 25) | ((it & 0xfcu) << 8);
}

void usage_fault_record(uint32_t *frame) {
  stacked_xpsr = frame[7];
  entries++;
  SCB_CFSR = SCB_CFSR;
  fault_frame_skip(frame);
  if (advance_it) { /* ITAdvance (A7.3.3) on the stacked state */
    uint32_t it = itstate_of(frame[7]);
    it = (it & 7u) == 0 ? 0 : (it & 0xe0u) | ((it << 1) & 0x1fu);
    frame[7] = with_itstate(frame[7], it);
  }
}

FAULT_FRAME_HANDLER(UsageFault_Handler, usage_fault_record)

void interrupt_record(uint32_t *frame) {
  stacked_xpsr = frame[7];
  entries++;
}

FAULT_FRAME_HANDLER(IRQ24_Handler, interrupt_record)

/* r0 = the argument (compared with 0), r1 accumulates, r2 = 0 (the divisor). */
#define UNUSED __attribute__((unused))
#define ROUTINE(name, body)                                                           \
  __attribute__((naked, noinline)) static uint32_t name(UNUSED uint32_t arg) {        \
    __asm volatile("push {r4, lr}\n\tmovs r1, #1\n\tmovs r2, #0\n\tcmp r0, #0\n\t" body \
                   "mov r0, r1\n\tpop {r4, pc}\n\t.ltorg\n\t" ::: "memory");            \
  }

/* The store pends IRQ 24 through NVIC_ISPR; the ISB ends the block, the IRQ is taken there. */
ROUTINE(isb_irq, "ldr r3, =0xe000e200\n\tmov r4, #0x1000000\n\t"
                 "itttt eq\n\tstreq r4, [r3]\n\tdsbeq\n\tisbeq\n\taddeq r1, #2\n\t"
                 "ite ne\n\taddne r1, #0x10\n\taddeq r1, #0x20\n\t")
ROUTINE(isb_only, "itete eq\n\taddeq r1, #2\n\taddne r1, #4\n\tisbeq\n\taddne r1, #8\n\t")
ROUTINE(div_first, "itt eq\n\tsdiveq r3, r1, r2\n\taddeq r1, #0x40\n\t")
ROUTINE(div_middle, "itete eq\n\taddeq r1, #2\n\taddne r1, #4\n\tudiveq r3, r1, r2\n\t"
                    "addne r1, #8\n\t")
ROUTINE(div_skipped, "ite ne\n\tsdivne r3, r1, r2\n\taddeq r1, #0x80\n\t")

struct test {
  const char *name;
  uint32_t (*run)(uint32_t);
};

static const struct test TESTS[] = {
    {"isb+irq", isb_irq},      {"isb", isb_only},           {"div first", div_first},
    {"div middle", div_middle}, {"div skipped", div_skipped},
};

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  SCB_CCR |= CCR_DIV_0_TRP;
  NVIC_ISER = 1u << TEST_IRQ;
  for (int adv = 1; adv >= 0; adv--) {
    advance_it = adv;
    for (unsigned i = 0; i < sizeof TESTS / sizeof TESTS[0]; i++) {
      for (uint32_t arg = 0; arg < 2; arg++) {
        entries = 0;
        stacked_xpsr = 0;
        uint32_t r = TESTS[i].run(arg);
        printf("%s %-11s(%lu): r1 %08lx, %u exceptions, stacked IT %02lx\n",
               adv ? "advance" : "keep   ", TESTS[i].name, (unsigned long)arg,
               (unsigned long)r, entries, (unsigned long)itstate_of(stacked_xpsr));
      }
    }
  }
  return 0;
}
