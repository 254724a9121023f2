/*
 * Output the way minimal bare-metal examples write it: straight into UART0 DATA without
 * polling STATE.TXFULL (the start-up code has set CTRL.TXEN). QEMU 7.2 transmits each byte
 * at once (its TX never stays full), so nothing is lost and no overrun is flagged; firmware
 * written against QEMU relies on that.
 */
#include <stdint.h>

#include "mps2_an385.h"
#include "semihost.h"

static void raw_puts(const char *s) {
  while (*s) {
    UART_DATA(UART0_BASE) = (unsigned char)*s++;
  }
}

static void raw_hex(uint32_t v) {
  static const char digits[] = "0123456789abcdef";
  for (int shift = 28; shift >= 0; shift -= 4) {
    UART_DATA(UART0_BASE) = (unsigned char)digits[(v >> shift) & 0xf];
  }
}

int main(void) {
  raw_puts("uart_nopoll: written without polling TXFULL, a line long enough to overrun any"
           " real transmitter many times over\n");
  raw_puts("uart_nopoll: state=");
  raw_hex(UART_STATE(UART0_BASE));
  raw_puts(" intstatus=");
  raw_hex(UART_INTSTATUS(UART0_BASE));
  raw_puts("\n");
  return 0;
}
