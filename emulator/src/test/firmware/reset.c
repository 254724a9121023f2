/*
 * System reset requested by software: AIRCR.SYSRESETREQ with the VECTKEY (ARMv7-M ARM B3.2.6).
 * The board resets the core and devices and boots the image again; a word in .noinit (neither
 * loaded nor cleared by the start-up code) counts the boots, so the second boot exits.
 * QEMU 7.2 performs a full system reset: it reloads the image, keeps other RAM contents.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define MAGIC 0x7e5e7000u

__attribute__((section(".noinit"))) static volatile uint32_t boot_marker;
static int initialised = 1234; /* .data: must be fresh again after the reset */

int main(void) {
  uint32_t boots = (boot_marker & 0xfffff000u) == MAGIC ? (boot_marker & 0xfffu) + 1 : 1;
  printf("reset: boot %lu data=%d timer0 ctrl=%lu iser=%08lx\n", (unsigned long)boots,
         initialised, (unsigned long)TIMER_CTRL(TIMER0_BASE), (unsigned long)NVIC_ISER);
  if (boots >= 2) {
    boot_marker = 0;
    printf("reset: done\n");
    return 0;
  }
  initialised = 99;
  boot_marker = MAGIC | boots;
  /* Leave state behind that reset must clear: a pending, enabled interrupt and a running
   * timer. */
  nvic_enable(TIMER0_IRQn);
  TIMER_RELOAD(TIMER0_BASE) = 1000;
  TIMER_CTRL(TIMER0_BASE) = TIMER_CTRL_EN;
  printf("reset: requesting system reset\n");
  fflush(stdout);
  SCB_AIRCR = AIRCR_VECTKEY | (1u << 2); /* SYSRESETREQ */
  dsb_isb();
  for (;;) {
    /* The reset takes effect asynchronously on hardware. */
  }
}
