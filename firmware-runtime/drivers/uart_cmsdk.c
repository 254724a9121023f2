#include "uart_cmsdk.h"

/* Register offsets and bits, DDI 0479 "APB UART" programmers model. */
#define UART_DATA 0x00
#define UART_STATE 0x04
#define UART_CTRL 0x08
#define UART_INTSTATUS 0x0C /* read: INTSTATUS; write 1 to clear: INTCLEAR */
#define UART_BAUDDIV 0x10

#define STATE_TXFULL (1u << 0)
#define STATE_RXFULL (1u << 1)
#define STATE_TXOR (1u << 2)
#define STATE_RXOR (1u << 3)

#define CTRL_TXEN (1u << 0)
#define CTRL_RXEN (1u << 1)
#define CTRL_RXINTEN (1u << 3)

#define INT_TX (1u << 0)
#define INT_RX (1u << 1)

static inline volatile uint32_t *reg(const struct uart_cmsdk *u, uint32_t off) {
  return (volatile uint32_t *)(u->base + off);
}

void uart_cmsdk_init(struct uart_cmsdk *u, uintptr_t base, uint32_t clk_hz, uint32_t baud) {
  u->base = base;
  u->rx_head = 0;
  u->rx_tail = 0;
  u->rx_dropped = 0;
  uint32_t div = clk_hz / baud;
  if (div < 16) {
    div = 16; /* the TRM requires BAUDDIV >= 16 */
  }
  *reg(u, UART_CTRL) = 0;
  *reg(u, UART_BAUDDIV) = div;
  *reg(u, UART_STATE) = STATE_TXOR | STATE_RXOR;
  *reg(u, UART_INTSTATUS) = INT_TX | INT_RX;
  *reg(u, UART_CTRL) = CTRL_TXEN | CTRL_RXEN | CTRL_RXINTEN;
}

void uart_cmsdk_putc(struct uart_cmsdk *u, uint8_t c) {
  while (*reg(u, UART_STATE) & STATE_TXFULL) {
  }
  *reg(u, UART_DATA) = c;
}

void uart_cmsdk_flush(struct uart_cmsdk *u) {
  while (*reg(u, UART_STATE) & STATE_TXFULL) {
  }
}

size_t uart_cmsdk_rx_count(const struct uart_cmsdk *u) {
  return (size_t)(u->rx_head - u->rx_tail);
}

size_t uart_cmsdk_read(struct uart_cmsdk *u, uint8_t *buf, size_t len) {
  size_t n = 0;
  uint32_t tail = u->rx_tail;
  while (n < len && tail != u->rx_head) {
    buf[n++] = u->rx_ring[tail % UART_RX_RING_SIZE];
    tail++;
  }
  u->rx_tail = tail;
  return n;
}

void uart_cmsdk_rx_isr(struct uart_cmsdk *u) {
  *reg(u, UART_INTSTATUS) = INT_RX;
  while (*reg(u, UART_STATE) & STATE_RXFULL) {
    uint8_t c = (uint8_t)*reg(u, UART_DATA);
    if (u->rx_head - u->rx_tail < UART_RX_RING_SIZE) {
      u->rx_ring[u->rx_head % UART_RX_RING_SIZE] = c;
      u->rx_head++;
    } else {
      u->rx_dropped++;
    }
  }
  if (*reg(u, UART_STATE) & STATE_RXOR) {
    *reg(u, UART_STATE) = STATE_RXOR;
    u->rx_dropped++;
  }
}
