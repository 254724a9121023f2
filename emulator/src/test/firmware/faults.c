/*
 * Synchronous faults and their status registers (ARMv7-M ARM B1.5.14 "Fault behavior", B3.2.15
 * CFSR, B3.2.16 HFSR, B3.2.18 BFAR; B1.5.4 priority escalation). Each case triggers a fault,
 * the handler records which exception ran and the fault registers, clears them (write one to
 * clear), and resumes the program past the fault; main prints the record.
 *
 * Nothing is mapped at 0x60000000 on AN385 (QEMU hw/arm/mps2.c leaves it unassigned), so a load
 * there is a precise data bus error and a branch there an instruction bus error.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define UNMAPPED 0x60000000u

enum recovery {
  SKIP_INSN,   /* resume after the faulting instruction (16- or 32-bit) */
  RETURN_LR,   /* resume at the stacked LR: the fault happened at a branch target */
  RESUME,      /* resume at the stacked PC: it already points past the cause */
};

struct fault_record {
  int exception;
  uint32_t cfsr, hfsr, bfar, shcsr;
  uint32_t stacked_pc;
  int count;
};

static volatile enum recovery recovery;
static volatile struct fault_record rec;

/* Labels on the faulting instructions, so the stacked PC can be checked without printing an
 * address that moves whenever the code changes. */
extern const char fault_load[], fault_udf[], fault_div[], fault_unaligned[], fault_in_irq[],
    after_masked_svc[];

void fault_common(uint32_t *frame) {
  rec.exception = (int)(get_ipsr() & 0x1ff);
  rec.cfsr = SCB_CFSR;
  rec.hfsr = SCB_HFSR;
  rec.bfar = SCB_BFAR;
  rec.shcsr = SCB_SHCSR;
  rec.stacked_pc = frame[6];
  rec.count++;
  SCB_CFSR = rec.cfsr;
  SCB_HFSR = rec.hfsr;
  if (recovery == SKIP_INSN) {
    /* A first half-word of 0b11101, 0b11110 or 0b11111 starts a 32-bit Thumb-2 instruction. */
    uint16_t first = *(const uint16_t *)frame[6];
    frame[6] += (first & 0xf800u) >= 0xe800u ? 4 : 2;
  } else if (recovery == RETURN_LR) {
    frame[6] = frame[5] & ~1u;
    frame[7] |= 1u << 24; /* xPSR.T: an INVSTATE fault stacks it clear */
  }
}

/* The frame is on MSP or PSP as EXC_RETURN bit 2 says (B1.5.8); tests run on MSP. */
#define FAULT_ENTRY(name)                   \
  __attribute__((naked)) void name(void) {  \
    __asm volatile("tst lr, #4\n\t"         \
                   "ite eq\n\t"             \
                   "mrseq r0, msp\n\t"      \
                   "mrsne r0, psp\n\t"      \
                   "b fault_common\n\t");   \
  }

FAULT_ENTRY(HardFault_Handler)
FAULT_ENTRY(BusFault_Handler)
FAULT_ENTRY(UsageFault_Handler)
FAULT_ENTRY(MemManage_Handler)

/* Prints the record; expected_pc is where the fault must have been taken. */
static void report(const char *what, uint32_t expected_pc) {
  printf("%s: exc=%d cfsr=%08lx hfsr=%08lx", what, rec.exception, (unsigned long)rec.cfsr,
         (unsigned long)rec.hfsr);
  if (rec.cfsr & (1u << 15)) { /* BFARVALID */
    printf(" bfar=%08lx", (unsigned long)rec.bfar);
  }
  printf(" pc-ok=%d", rec.stacked_pc == expected_pc);
  printf(" count=%d\n", rec.count);
  rec.exception = 0;
  rec.count = 0;
}

__attribute__((noinline)) static uint32_t load_unmapped(void) {
  register uint32_t addr __asm__("r0") = UNMAPPED;
  register uint32_t value __asm__("r1") = 0x12345678u;
  __asm volatile(
      ".global fault_load\n"
      "fault_load: ldr r1, [r0]\n\t"
      : "+r"(value)
      : "r"(addr)
      : "memory");
  return value;
}

__attribute__((noinline)) static void undefined_instruction(void) {
  __asm volatile(
      ".global fault_udf\n"
      "fault_udf: udf #7\n\t" ::: "memory");
}

__attribute__((noinline)) static uint32_t divide(uint32_t a, uint32_t b) {
  register uint32_t ra __asm__("r0") = a;
  register uint32_t rb __asm__("r1") = b;
  __asm volatile(
      ".global fault_div\n"
      "fault_div: udiv r0, r0, r1\n\t"
      : "+r"(ra)
      : "r"(rb));
  return ra;
}

__attribute__((noinline)) static uint32_t load_unaligned(const void *p) {
  register const void *rp __asm__("r0") = p;
  register uint32_t value __asm__("r1") = 0;
  __asm volatile(
      ".global fault_unaligned\n"
      "fault_unaligned: ldr r1, [r0]\n\t"
      : "=r"(value)
      : "r"(rp)
      : "memory");
  return value;
}

__attribute__((noinline)) static void call_address(uint32_t target) {
  __asm volatile("blx %0" ::"r"(target) : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
}

__attribute__((noinline)) static void thumb_function(void) { }

/* An SVC that cannot be taken because PRIMASK raised the execution priority to 0, SVCall's
 * own priority, escalates to HardFault (B1.5.4); the stacked PC is the return address after
 * the SVC. No SVC handler runs. */
__attribute__((noinline)) static void masked_svc(void) {
  __asm volatile(
      "cpsid i\n\t"
      "svc 0x33\n"
      ".global after_masked_svc\n"
      "after_masked_svc: cpsie i\n\t" ::: "memory");
}

void SVC_Handler(void) { rec.exception = -11; }

/* Fault taken inside an interrupt handler whose priority (0x40) is higher than BusFault's
 * (0x80): BusFault cannot preempt, so it escalates to HardFault (B1.5.4). */
void IRQ22_Handler(void) {
  register uint32_t addr __asm__("r0") = UNMAPPED;
  __asm volatile(
      ".global fault_in_irq\n"
      "fault_in_irq: ldr r0, [r0]\n\t"
      : "+r"(addr)::"memory");
}

int main(void) {
  static uint32_t words[2] = {0x11223344u, 0x55667788u};
  printf("faults: start shcsr=%08lx ccr=%08lx\n", (unsigned long)SCB_SHCSR,
         (unsigned long)SCB_CCR);

  recovery = SKIP_INSN;
  uint32_t v = load_unmapped();
  report("load 0x60000000, BusFault disabled", (uint32_t)fault_load);
  printf("  load result kept r1=%08lx\n", (unsigned long)v);

  SCB_SHCSR |= SHCSR_BUSFAULTENA | SHCSR_USGFAULTENA | SHCSR_MEMFAULTENA;
  dsb_isb();
  printf("shcsr=%08lx\n", (unsigned long)SCB_SHCSR);
  load_unmapped();
  report("load 0x60000000, BusFault enabled", (uint32_t)fault_load);

  recovery = RETURN_LR;
  call_address(UNMAPPED | 1u);
  report("branch to 0x60000000", UNMAPPED);

  recovery = SKIP_INSN;
  SCB_SHCSR &= ~SHCSR_USGFAULTENA;
  dsb_isb();
  undefined_instruction();
  report("udf, UsageFault disabled", (uint32_t)fault_udf);
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  dsb_isb();
  undefined_instruction();
  report("udf, UsageFault enabled", (uint32_t)fault_udf);

  printf("udiv by zero, DIV_0_TRP clear: %lu\n", (unsigned long)divide(7, 0));
  SCB_CCR |= CCR_DIV_0_TRP;
  dsb_isb();
  divide(7, 0);
  SCB_CCR &= ~CCR_DIV_0_TRP;
  report("udiv by zero, DIV_0_TRP set", (uint32_t)fault_div);

  const char *bytes = (const char *)words;
  printf("unaligned load, UNALIGN_TRP clear: %08lx\n",
         (unsigned long)load_unaligned(bytes + 1));
  SCB_CCR |= CCR_UNALIGN_TRP;
  dsb_isb();
  recovery = SKIP_INSN;
  load_unaligned(bytes + 1);
  /* Cleared before printing: newlib's printf makes unaligned accesses of its own. */
  SCB_CCR &= ~CCR_UNALIGN_TRP;
  dsb_isb();
  report("unaligned load, UNALIGN_TRP set", (uint32_t)fault_unaligned);

  /* A BLX to an even address asks for ARM state, which M-profile lacks: INVSTATE (B1.4.2). */
  recovery = RETURN_LR;
  call_address((uint32_t)thumb_function & ~1u);
  report("blx to even address", (uint32_t)thumb_function & ~1u);

  recovery = SKIP_INSN;
  SCB_SHPR_BYTE(EXC_BUSFAULT) = 0x80;
  NVIC_IPR_BYTE(22) = 0x40;
  nvic_enable(22);
  NVIC_STIR = 22;
  dsb_isb();
  report("load in a priority 0x40 handler, BusFault at 0x80", (uint32_t)fault_in_irq);

  recovery = RESUME;
  masked_svc();
  report("svc with PRIMASK set", (uint32_t)after_masked_svc);

  printf("faults: done cfsr=%08lx hfsr=%08lx\n", (unsigned long)SCB_CFSR,
         (unsigned long)SCB_HFSR);
  return 0;
}
