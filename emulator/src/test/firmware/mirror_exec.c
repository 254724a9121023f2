/*
 * AN385's RAM mirrors are the same memory at a second address (QEMU maps them as aliases of
 * the RAM regions): data written through one view reads back through the other, and code runs
 * from either view: a compiled function through the SSRAM1 mirror at +4 MiB, and a routine
 * written into SSRAM2/3 and block RAM run through their mirrors.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define SSRAM1_MIRROR 0x00400000u
#define SSRAM23_MIRROR 0x00400000u /* offset of 0x20400000 from 0x20000000 */
#define BLOCKRAM 0x01000000u
#define BLOCKRAM_MIRROR3 0x0100c000u

static uint16_t routine[4] __attribute__((aligned(8)));

__attribute__((noinline)) static int twice(int x) { return 2 * x + 1; }

typedef int fn(int);

static int call(uintptr_t address, int arg) {
  __asm volatile("dsb\n\tisb" ::: "memory");
  return ((fn *)(address | 1u))(arg);
}

int main(void) {
  /* movs r0,#42; bx lr */
  static const uint16_t code[2] = {0x202a, 0x4770};
  routine[0] = code[0];
  routine[1] = code[1];
  uintptr_t here = (uintptr_t)routine;
  printf("routine in SSRAM2/3: %d, through the mirror: %d\n", call(here, 0),
         call(here + SSRAM23_MIRROR, 0));

  volatile uint16_t *block = (volatile uint16_t *)BLOCKRAM;
  block[0] = code[0];
  block[1] = code[1];
  printf("routine in block RAM: %d, through its third mirror: %d\n", call(BLOCKRAM, 0),
         call(BLOCKRAM_MIRROR3, 0));

  uintptr_t f = (uintptr_t)twice & ~1u;
  printf("twice(20) from SSRAM1: %d, from its mirror: %d\n", call(f, 20),
         call(f + SSRAM1_MIRROR, 20));

  /* Data written through a mirror is the memory itself. */
  *(volatile uint32_t *)(0x20400000u + 0x100) = 0x600dcafe;
  printf("word written through the SSRAM2/3 mirror reads %08lx below it\n",
         (unsigned long)*(volatile uint32_t *)(0x20000000u + 0x100));
  return 0;
}
