/*
 * A fault inside the HardFault handler: the core cannot escalate any further and locks up
 * (ARMv7-M ARM B1.5.15). The image prints a line, faults once (HardFault runs and says so),
 * and faults again inside HardFault.
 *
 * Observable behaviour of QEMU 7.2 (checked with qemu-system-arm 7.2): it does not model the
 * lockup state; it reports "qemu: fatal: Lockup: can't escalate 3 to HardFault (current
 * priority -1)" plus a register dump on stderr and aborts (SIGABRT, shell status 134). The
 * UART output up to that point is complete. vboard stops the run with RunResult.Stop.LOCKUP.
 * Nothing after the second fault may print, so "after lockup" must never appear.
 */
#include <stdio.h>

#include "mps2_an385.h"
#include "uart.h"

#define UNMAPPED 0x60000000u

void HardFault_Handler(void) {
  uart_puts("hardfault: cfsr=");
  uart_puthex(SCB_CFSR);
  uart_puts(" hfsr=");
  uart_puthex(SCB_HFSR);
  uart_puts("\nhardfault: faulting again\n");
  (void)*(volatile uint32_t *)UNMAPPED;
  uart_puts("after lockup\n");
  for (;;) {
  }
}

int main(void) {
  printf("lockup: start\n");
  (void)*(volatile uint32_t *)UNMAPPED;
  printf("after first fault\n");
  return 0;
}
