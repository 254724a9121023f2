#include "uart.h"

#include "mps2_an385.h"

void uart_init(void) {
  /* BAUDDIV must be >= 16 on hardware (DDI 0479 4.3.2); QEMU ignores the rate. 25 MHz / 115200. */
  UART_BAUDDIV(UART0_BASE) = SYSCLK_HZ / 115200u;
  UART_CTRL(UART0_BASE) |= UART_CTRL_TXEN;
}

void uart_putc(char c) {
  while (UART_STATE(UART0_BASE) & UART_STATE_TXFULL) {
  }
  UART_DATA(UART0_BASE) = (unsigned char)c;
}

void uart_puts(const char *s) {
  while (*s) {
    uart_putc(*s++);
  }
}

void uart_puthex(unsigned v) {
  static const char digits[] = "0123456789abcdef";
  uart_puts("0x");
  for (int shift = 28; shift >= 0; shift -= 4) {
    uart_putc(digits[(v >> shift) & 0xf]);
  }
}

void uart_putdec(unsigned v) {
  char buf[11];
  int n = 0;
  do {
    buf[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) {
    uart_putc(buf[--n]);
  }
}
