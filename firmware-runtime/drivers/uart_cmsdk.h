/*
 * ARM CMSDK APB UART (Cortex-M System Design Kit TRM, ARM DDI 0479, "APB UART").
 *
 * TX is polled: the UART has a one-byte buffer and the console writes are short. RX is
 * interrupt driven: the RX interrupt handler moves the byte into a ring buffer that the
 * program drains without waiting. Quirk: the RX overrun flag is sticky and is cleared by
 * writing 1 to STATE.RXOR.
 */
#ifndef UART_CMSDK_H
#define UART_CMSDK_H

#include <stddef.h>
#include <stdint.h>

#define UART_RX_RING_SIZE 256 /* power of two */

struct uart_cmsdk {
  uintptr_t base;
  volatile uint8_t rx_ring[UART_RX_RING_SIZE];
  volatile uint32_t rx_head; /* written by the ISR only */
  volatile uint32_t rx_tail; /* written by the reader only */
  volatile uint32_t rx_dropped;
};

/* Enables TX and RX at the given baud rate; BAUDDIV = clk / baud, at least 16 (TRM). */
void uart_cmsdk_init(struct uart_cmsdk *u, uintptr_t base, uint32_t clk_hz, uint32_t baud);

void uart_cmsdk_putc(struct uart_cmsdk *u, uint8_t c);

/* Waits for the transmit buffer to drain. */
void uart_cmsdk_flush(struct uart_cmsdk *u);

/* Copies up to len bytes from the RX ring; never waits. Not ISR-safe. */
size_t uart_cmsdk_read(struct uart_cmsdk *u, uint8_t *buf, size_t len);

/* Bytes waiting in the RX ring. ISR-safe. */
size_t uart_cmsdk_rx_count(const struct uart_cmsdk *u);

/* The RX interrupt handler body: moves received bytes to the ring and acks. */
void uart_cmsdk_rx_isr(struct uart_cmsdk *u);

#endif
