/*
 * Writing UART0 DATA while CTRL.TXEN is clear, as firmware that forgets to enable the
 * transmitter does. QEMU 7.2 (hw/char/cmsdk-apb-uart.c) latches the byte, sets STATE.TXFULL
 * and sends nothing; a second write overruns (STATE.TXOVR); setting TXEN later does not restart
 * the transmitter, so the UART stays silent for good. The register values are reported through
 * semihosting SYS_WRITE0 instead (QEMU's stderr).
 */
#include <stdint.h>

#include "mps2_an385.h"
#include "semihost.h"

static void report(const char *label) {
  static const char digits[] = "0123456789abcdef";
  char line[64];
  unsigned n = 0;
  while (*label) {
    line[n++] = *label++;
  }
  uint32_t values[2] = {UART_STATE(UART0_BASE), UART_INTSTATUS(UART0_BASE)};
  for (int i = 0; i < 2; i++) {
    line[n++] = ' ';
    for (int shift = 28; shift >= 0; shift -= 4) {
      line[n++] = digits[(values[i] >> shift) & 0xf];
    }
  }
  line[n++] = '\n';
  line[n] = '\0';
  semihost_call(SYS_WRITE0, (uintptr_t)line);
}

static void raw_puts(const char *s) {
  while (*s) {
    UART_DATA(UART0_BASE) = (unsigned char)*s++;
  }
}

int main(void) {
  UART_CTRL(UART0_BASE) = 0;
  report("reset state/intstatus:");
  UART_DATA(UART0_BASE) = 'x';
  report("one byte, TXEN clear:");
  raw_puts("lost\n");
  report("overrun:");
  UART_CTRL(UART0_BASE) = UART_CTRL_TXEN;
  raw_puts("still lost\n");
  report("after TXEN:");
  UART_STATE(UART0_BASE) = 0xf; /* write one to clear the overrun flags */
  report("after clearing overruns:");
  return 0;
}
