/*
 * Unaligned accesses (ARMv7-M ARM A3.2.1, B3.2.8 CCR.UNALIGN_TRP): LDREX/STREX and their
 * halfword forms fault (UsageFault UNALIGNED) whatever the trap bit says; with UNALIGN_TRP set,
 * every unaligned halfword or word access faults too, also in code that already ran while the
 * bit was clear. LDRD and LDM fault in both passes (align_multi covers the multiple and dual
 * forms in depth).
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define CCR_UNALIGN_TRP (1u << 3)
#define SHCSR_USGFAULTENA (1u << 18)

static volatile uint32_t words[4] __attribute__((aligned(8)));
static volatile uint32_t faulted_cfsr;
static volatile unsigned faults;

void usage_fault_record(uint32_t *frame) {
  faulted_cfsr = SCB_CFSR;
  SCB_CFSR = faulted_cfsr;
  faults++;
  fault_frame_skip(frame);
}

FAULT_FRAME_HANDLER(UsageFault_Handler, usage_fault_record)

#define ROUTINE(name, body)                                                        \
  __attribute__((naked, noinline)) static void name(void) {                        \
    __asm volatile("ldr r0, =words + 1\n\tldr r3, =words + 2\n\t" body "bx lr\n\t" \
                   ".ltorg\n\t" ::: "memory");                                       \
  }

ROUTINE(t_ldrh, "ldrh r1, [r0]\n\t")
ROUTINE(t_strh, "strh r1, [r0]\n\t")
ROUTINE(t_ldr, "ldr r1, [r3]\n\t")
ROUTINE(t_str, "str r1, [r3]\n\t")
ROUTINE(t_ldrex, "ldrex r1, [r3]\n\t")
ROUTINE(t_strex, "strex r1, r2, [r3]\n\t")
ROUTINE(t_ldrexh, "ldrexh r1, [r0]\n\t")
ROUTINE(t_ldrd, "ldrd r1, r2, [r3]\n\t")
ROUTINE(t_ldm, "ldm r3, {r1, r2}\n\t")

struct test {
  const char *name;
  void (*run)(void);
};

static const struct test TESTS[] = {
    {"ldrh", t_ldrh},     {"strh", t_strh},   {"ldr", t_ldr},
    {"str", t_str},       {"ldrex", t_ldrex}, {"strex", t_strex},
    {"ldrexh", t_ldrexh}, {"ldrd", t_ldrd},   {"ldm", t_ldm},
};

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  for (int trap = 0; trap < 2; trap++) {
    if (trap) {
      SCB_CCR |= CCR_UNALIGN_TRP;
    }
    for (unsigned i = 0; i < sizeof TESTS / sizeof TESTS[0]; i++) {
      faults = 0;
      faulted_cfsr = 0;
      TESTS[i].run();
      printf("%s %-7s faults %u, CFSR %08lx\n", trap ? "trap   " : "no trap", TESTS[i].name,
             faults, (unsigned long)faulted_cfsr);
    }
  }
  SCB_CCR &= ~CCR_UNALIGN_TRP;
  return 0;
}
