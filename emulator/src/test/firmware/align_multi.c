/*
 * Alignment rules that hold whatever CCR.UNALIGN_TRP says (ARMv7-M ARM A3.2.1, B5.1.3):
 * - LDM, STM, PUSH, POP, LDRD and STRD need a word-aligned address; a misaligned one is the
 *   UNALIGNED UsageFault, taken on the instruction itself before any register or memory
 *   changes (the base of a writeback form keeps its value). LDRD/STRD at an address that is
 *   word- but not doubleword-aligned are fine.
 * - SP bits [1:0] always read as zero: MOV SP, ADD SP and MSR MSP/PSP with a misaligned value
 *   leave SP word-aligned, so a PUSH that follows does not fault.
 * Each test runs with UNALIGN_TRP clear, then set. QEMU 7.2 is the reference.
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define CCR_UNALIGN_TRP (1u << 3)
#define SHCSR_USGFAULTENA (1u << 18)

static volatile uint32_t words[8] __attribute__((aligned(8))) = {
    0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555, 0x66666666, 0x77777777,
    0x88888888};
static volatile uint32_t faulted_cfsr;
static volatile uint32_t faulted_offset;
static volatile unsigned faults;
/* Where each routine starts, to report the stacked PC as an offset into the routine. */
static volatile uint32_t routine_start;

void usage_fault_record(uint32_t *frame) {
  faulted_cfsr = SCB_CFSR;
  SCB_CFSR = faulted_cfsr;
  faulted_offset = frame[6] - routine_start;
  faults++;
  fault_frame_skip(frame);
}

FAULT_FRAME_HANDLER(UsageFault_Handler, usage_fault_record)

/*
 * Each routine returns in r0 a value that shows what the instruction under test did: the base
 * register after a writeback form, a loaded word, or SP's low bits. r3 = words + 2 (misaligned),
 * r2 = words + 4 (word- but not doubleword-aligned).
 */
#define ROUTINE(name, body)                                                              \
  __attribute__((naked, noinline)) static uint32_t name(void) {                          \
    __asm volatile("push {r4-r7}\n\t"                                                    \
                   "ldr r3, =words + 2\n\t"                                              \
                   "ldr r2, =words + 4\n\t"                                              \
                   "movs r0, #0\n\t" body "pop {r4-r7}\n\t"                              \
                   "bx lr\n\t"                                                           \
                   ".ltorg\n\t" ::: "memory");                                             \
  }

ROUTINE(t_ldm_wb, "mov r4, r3\n\tldm r4!, {r5, r6}\n\tsubs r0, r4, r3\n\t")
ROUTINE(t_ldm_w, "ldm.w r3, {r5, r6, r7}\n\tmov r0, r5\n\t")
ROUTINE(t_stm_wb, "mov r4, r3\n\tstmia r4!, {r5, r6}\n\tsubs r0, r4, r3\n\t")
ROUTINE(t_stmdb, "stmdb r3, {r5, r6}\n\t")
ROUTINE(t_ldmdb, "ldmdb r3!, {r5, r6}\n\tmov r0, r3\n\t")
ROUTINE(t_ldrd, "ldrd r5, r6, [r3]\n\tmov r0, r5\n\t")
ROUTINE(t_ldrd_pre, "ldrd r5, r6, [r3, #8]!\n\tmov r0, r3\n\t")
ROUTINE(t_strd, "strd r5, r6, [r3]\n\t")
ROUTINE(t_strd_post, "strd r5, r6, [r3], #8\n\tmov r0, r3\n\t")
ROUTINE(t_ldrd_w4, "ldrd r5, r6, [r2]\n\tmov r0, r6\n\t")
ROUTINE(t_strd_w4, "movs r5, #5\n\tmovs r6, #6\n\tstrd r5, r6, [r2]\n\tldr r0, [r2, #4]\n\t")
ROUTINE(t_ldm_w4, "ldm r2, {r5, r6}\n\tmov r0, r6\n\t")
ROUTINE(t_push_pop, "mov r4, sp\n\tsubs r5, r4, #2\n\tmov sp, r5\n\tpush {r6}\n\t"
                    "pop {r6}\n\tmov r0, sp\n\tmov sp, r4\n\tsubs r0, r4, r0\n\t")
ROUTINE(t_add_sp, "mov r4, sp\n\tmovs r5, #3\n\tadd sp, r5\n\tmov r0, sp\n\tmov sp, r4\n\t"
                  "subs r0, r0, r4\n\t")
ROUTINE(t_msr_msp, "mov r4, sp\n\tsubs r5, r4, #1\n\tmsr msp, r5\n\tmrs r0, msp\n\t"
                   "push {r6}\n\tpop {r6}\n\tmov sp, r4\n\tsubs r0, r4, r0\n\t")
ROUTINE(t_msr_psp, "mrs r4, psp\n\tldr r5, =0x20000403\n\tmsr psp, r5\n\tmrs r0, psp\n\t"
                   "msr psp, r4\n\t")

struct test {
  const char *name;
  uint32_t (*run)(void);
};

static const struct test TESTS[] = {
    {"ldm r4!", t_ldm_wb},     {"ldm.w", t_ldm_w},          {"stmia r4!", t_stm_wb},
    {"stmdb", t_stmdb},        {"ldmdb r3!", t_ldmdb},      {"ldrd", t_ldrd},
    {"ldrd [,#8]!", t_ldrd_pre}, {"strd", t_strd},          {"strd [],#8", t_strd_post},
    {"ldrd word", t_ldrd_w4},  {"strd word", t_strd_w4},    {"ldm word", t_ldm_w4},
    {"push sp-2", t_push_pop}, {"add sp,#3", t_add_sp},     {"msr msp", t_msr_msp},
    {"msr psp", t_msr_psp},
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
      faulted_offset = 0;
      routine_start = (uint32_t)TESTS[i].run & ~1u;
      uint32_t r = TESTS[i].run();
      printf("%s %-11s r0 %08lx faults %u CFSR %08lx at +%lu\n", trap ? "trap   " : "no trap",
             TESTS[i].name, (unsigned long)r, faults, (unsigned long)faulted_cfsr,
             (unsigned long)faulted_offset);
    }
  }
  SCB_CCR &= ~CCR_UNALIGN_TRP;
  printf("words %08lx %08lx %08lx %08lx\n", (unsigned long)words[0], (unsigned long)words[1],
         (unsigned long)words[2], (unsigned long)words[3]);
  return 0;
}
