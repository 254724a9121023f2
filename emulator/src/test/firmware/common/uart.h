/* Polled and interrupt-safe output on the CMSDK APB UART0 (DDI 0479 4.3). */
#ifndef UART_H
#define UART_H

void uart_init(void);
void uart_putc(char c);
/* Direct, unbuffered string output: safe from handlers while thread code is not printing. */
void uart_puts(const char *s);
void uart_puthex(unsigned v);
void uart_putdec(unsigned v);

#endif
