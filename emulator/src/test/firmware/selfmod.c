/*
 * Code the firmware writes and then runs, as a JIT (MicroPython's native emitters), a copied
 * "ram function" or a loader does: hand-assembled Thumb routines stored into SSRAM2 (.bss),
 * into unused SSRAM1 next to the image and into PSRAM, run, overwritten and run again.
 *
 * The routines that replace each other at one address have the same size but different
 * instructions, so an emulator that remembers anything per translated block by address and
 * size (instruction counts, "holds a SEV", "holds a divide") must notice the rewrite:
 *   - a SEV written over a routine without one sets the event register (the WFE after it
 *     returns at once; ARMv7-M ARM B1.5.18);
 *   - an SDIV by zero written over a routine without a divide traps with CCR.DIV_0_TRP set
 *     (UsageFault DIVBYZERO, B3.2.15).
 * Stores of every width (STRB, STRH, STR, STM through memcpy) rewrite the code; each routine is
 * followed by DSB and ISB before it runs, as the architecture requires.
 */
#include <stdio.h>
#include <string.h>

#include "mps2_an385.h"

#define SYST_CSR REG32(0xe000e010u)
#define SYST_RVR REG32(0xe000e014u)
#define SYST_CVR REG32(0xe000e018u)
#define CCR_DIV_0_TRP (1u << 4)
#define SHCSR_USGFAULTENA (1u << 18)
#define CFSR_DIVBYZERO (1u << 25)

/* Thumb encodings (ARMv7-M ARM A7.7): narrow ones are one halfword, wide ones two. */
#define MOVS_R0(imm) (0x2000u | (imm))
#define ADDS_R0(imm) (0x3000u | (imm))
#define MULS_R0_R1 0x4348u
#define BX_LR 0x4770u
#define NOP 0xbf00u
#define SEV 0xbf40u
#define MOVW_R0_HI(imm) 0xf240u /* imm < 256: i = imm4 = imm3 = 0 */
#define MOVW_R0_LO(imm) (imm)
#define SDIV_R0_R0_R1_HI 0xfb90u
#define SDIV_R0_R0_R1_LO 0xf0f1u

typedef int routine_fn(int a, int b);

/* Three places the routines live: SSRAM2 .bss, SSRAM1 past the image, PSRAM. */
static uint16_t bss_code[16] __attribute__((aligned(8)));
#define SSRAM1_CODE ((uint16_t *)0x00300000u)
#define PSRAM_CODE ((uint16_t *)0x21000100u)

/* Four eight-byte routines; each returns something different in r0. */
static const uint16_t ROUTINES[][4] = {
    {MOVS_R0(1), ADDS_R0(2), ADDS_R0(3), BX_LR},          /* 6, four instructions */
    {MOVW_R0_HI(100), MOVW_R0_LO(100), ADDS_R0(5), BX_LR}, /* 105, three */
    {MOVS_R0(7), MULS_R0_R1, NOP, BX_LR},                  /* 7 * b, four */
    {MOVS_R0(9), SEV, NOP, BX_LR},                         /* 9 and the event, four */
    {SDIV_R0_R0_R1_HI, SDIV_R0_R0_R1_LO, ADDS_R0(1), BX_LR}, /* a / b + 1, three */
};
enum { SIX, HUNDRED_FIVE, SEVEN_TIMES, SEV_NINE, DIVIDE };

static volatile unsigned systicks;
static volatile unsigned usage_faults;
static volatile uint32_t usage_cfsr;

void SysTick_Handler(void) { systicks++; }

/* A divide by zero: note it, clear CFSR and resume after the 32-bit SDIV with r0 = -1. */
__attribute__((naked)) void UsageFault_Handler(void) {
  __asm volatile(
      "ldr r1, =0xe000ed28\n\t"
      "ldr r2, [r1]\n\t"
      "ldr r3, =usage_cfsr\n\t"
      "str r2, [r3]\n\t"
      "str r2, [r1]\n\t" /* write-one-to-clear */
      "ldr r3, =usage_faults\n\t"
      "ldr r2, [r3]\n\t"
      "adds r2, #1\n\t"
      "str r2, [r3]\n\t"
      "ldr r2, [sp, #24]\n\t"
      "adds r2, #4\n\t"
      "str r2, [sp, #24]\n\t"
      "movs r2, #0\n\t"
      "subs r2, #1\n\t"
      "str r2, [sp, #0]\n\t"
      "bx lr\n\t"
      ".ltorg\n\t");
}

static void sync_code(void) { __asm volatile("dsb\n\tisb" ::: "memory"); }

static routine_fn *entry(uint16_t *code) { return (routine_fn *)((uintptr_t)code | 1u); }

/* Writes routine r at code with stores of the given width (1, 2, 4 or 0: memcpy). */
static void write_routine(uint16_t *code, int r, int width) {
  const uint16_t *src = ROUTINES[r];
  switch (width) {
    case 1:
      for (int i = 0; i < 8; i++) {
        ((volatile uint8_t *)code)[i] = ((const uint8_t *)src)[i];
      }
      break;
    case 2:
      for (int i = 0; i < 4; i++) {
        ((volatile uint16_t *)code)[i] = src[i];
      }
      break;
    case 4:
      for (int i = 0; i < 2; i++) {
        ((volatile uint32_t *)code)[i] = src[2 * i] | (uint32_t)src[2 * i + 1] << 16;
      }
      break;
    default:
      memcpy(code, src, 8);
      break;
  }
  sync_code();
}

static int run(uint16_t *code, int r, int width, int a, int b) {
  write_routine(code, r, width);
  return entry(code)(a, b);
}

/* Every routine over every other at one address, with every store width. */
static void rewrites(const char *where, uint16_t *code) {
  int sum = 0;
  for (int width = 0; width <= 4; width++) {
    if (width == 3) {
      continue;
    }
    for (int r = SIX; r <= SEVEN_TIMES; r++) {
      for (int s = SIX; s <= SEVEN_TIMES; s++) {
        int first = run(code, r, width, 0, 3);
        int second = run(code, s, width, 0, 3);
        sum = sum * 3 + first * 7 + second;
      }
    }
  }
  printf("%s: rewrites checksum %d\n", where, sum);
}

/* A routine run many times (its translation chained and hot), then patched once. */
static void hot_patch(const char *where, uint16_t *code) {
  write_routine(code, SIX, 2);
  int total = 0;
  for (int i = 0; i < 20000; i++) {
    total += entry(code)(0, 0);
  }
  write_routine(code, HUNDRED_FIVE, 2);
  int patched = entry(code)(0, 0);
  write_routine(code, SEVEN_TIMES, 4);
  int again = entry(code)(0, 6);
  printf("%s: hot %d, patched %d, again %d\n", where, total, patched, again);
}

/* A JIT loop: every pass writes the next routine over the last and runs it. */
static void jit_loop(const char *where, uint16_t *code) {
  unsigned long long sum = 0;
  for (int i = 0; i < 3000; i++) {
    int r = i % 3;
    sum = sum * 31 + (unsigned)run(code, r, (i / 3) % 3 == 0 ? 2 : (i / 3) % 3 == 1 ? 4 : 0, 0,
                                   i & 15);
  }
  printf("%s: jit loop %08lx%08lx\n", where, (unsigned long)(sum >> 32), (unsigned long)sum);
}

/* SEV written where a routine without one ran: the WFE after it must not sleep. */
static void sev_over_plain(uint16_t *code) {
  __asm volatile("sev\n\twfe" ::: "memory"); /* start with the event register clear */
  int plain = run(code, SIX, 2, 0, 0);
  int nine = run(code, SEV_NINE, 2, 0, 0);
  unsigned before = systicks;
  __asm volatile("wfe" ::: "memory");
  unsigned slept = systicks - before;
  printf("sev: plain %d, with SEV %d, WFE slept %u ticks\n", plain, nine, slept);
}

/* An SDIV by zero written where a routine without a divide ran, with DIV_0_TRP set. */
static void divide_over_plain(uint16_t *code) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  SCB_CCR |= CCR_DIV_0_TRP;
  sync_code();
  int plain = run(code, HUNDRED_FIVE, 4, 0, 0);
  int quotient = run(code, DIVIDE, 4, 42, 5);
  int by_zero = run(code, DIVIDE, 4, 42, 0);
  printf("divide: plain %d, 42/5+1 %d, 42/0 gives %d, faults %u, CFSR %08lx\n", plain,
         quotient, by_zero, usage_faults, (unsigned long)usage_cfsr);
  SCB_CCR &= ~CCR_DIV_0_TRP;
  usage_faults = 0;
  /* A plain routine written back over the divide runs plainly again. */
  int back = run(code, SIX, 4, 0, 0);
  printf("divide: plain again %d, faults %u\n", back, usage_faults);
}

int main(void) {
  /* SysTick on the core clock with the longest period: a WFE that sleeps ends at its tick. */
  SYST_RVR = 0x00ffffffu;
  SYST_CVR = 0;
  SYST_CSR = 7u;

  rewrites("ssram2", bss_code);
  rewrites("ssram1", SSRAM1_CODE);
  rewrites("psram", PSRAM_CODE);
  hot_patch("ssram2", bss_code);
  hot_patch("ssram1", SSRAM1_CODE);
  jit_loop("ssram2", bss_code + 4);
  jit_loop("psram", PSRAM_CODE);
  sev_over_plain(bss_code + 8);
  divide_over_plain(SSRAM1_CODE + 8);
  printf("done\n");
  return 0;
}
