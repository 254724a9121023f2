/*
 * Board glue for mps2-an385: instantiates the portable drivers at the AN385 addresses and
 * binds their interrupt handlers to the AN385 interrupt numbers.
 */
#include <stdint.h>

#include "board.h"
#include "console.h"
#include "cpu.h"
#include "lan9118.h"
#include "rt_board.h"
#include "rt_netdev.h"
#include "cmsdk_dualtimer.h"
#include "cmsdk_timebase.h"
#include "uart_cmsdk.h"

static struct uart_cmsdk uart0;
static struct lan9118 eth0;

void board_init(void) {
  uart_cmsdk_init(&uart0, BOARD_UART0_BASE, BOARD_SYSCLK_HZ, BOARD_CONSOLE_BAUD);
  nvic_set_priority(BOARD_UART0_RX_IRQ, 0x40);
  nvic_clear_pending(BOARD_UART0_RX_IRQ);
  nvic_enable(BOARD_UART0_RX_IRQ);
  /* Tickless timebase: TIMER1 free-runs (time), TIMER0 is the idle alarm. Lowest priority, so
   * device interrupts are never delayed by timekeeping. */
  cmsdk_timebase_init(BOARD_TIMER1_BASE, BOARD_TIMER0_BASE, BOARD_SYSCLK_HZ);
  nvic_set_priority(BOARD_TIMER0_IRQ, 0xE0);
  nvic_set_priority(BOARD_TIMER1_IRQ, 0xE0);
  nvic_clear_pending(BOARD_TIMER0_IRQ);
  nvic_clear_pending(BOARD_TIMER1_IRQ);
  nvic_enable(BOARD_TIMER0_IRQ);
  nvic_enable(BOARD_TIMER1_IRQ);
  /* The dual timer is the rt_alarm.h alarm (machine.Timer in the Python firmware), stopped
   * until armed; as low in priority as the timebase. */
  cmsdk_dualtimer_init(BOARD_DUALTIMER_BASE, BOARD_SYSCLK_HZ);
  nvic_set_priority(BOARD_DUALTIMER_IRQ, 0xE0);
  nvic_clear_pending(BOARD_DUALTIMER_IRQ);
  nvic_enable(BOARD_DUALTIMER_IRQ);
}

void TIMER0_Handler(void) { cmsdk_timebase_alarm_isr(); }

void TIMER1_Handler(void) { cmsdk_timebase_counter_isr(); }

void DUALTIMER_Handler(void) { cmsdk_dualtimer_isr(); }

void UART0_RX_Handler(void) { uart_cmsdk_rx_isr(&uart0); }

void rt_console_write(const char *buf, size_t len) {
  /* Bytes go out unchanged (no CR insertion), so output compares byte for byte. */
  for (size_t i = 0; i < len; i++) {
    uart_cmsdk_putc(&uart0, (uint8_t)buf[i]);
  }
}

size_t rt_console_read(char *buf, size_t len) { return uart_cmsdk_read(&uart0, (uint8_t *)buf, len); }

int rt_console_readable(void) { return uart_cmsdk_rx_count(&uart0) != 0; }

void rt_console_flush(void) { uart_cmsdk_flush(&uart0); }

/* The Ethernet controller is brought up on first use, so images without networking do not
 * touch it. */
struct rt_netdev *board_netdev(void) {
  static int started;
  if (!started) {
    static const uint8_t fallback_mac[6] = BOARD_DEFAULT_MAC;
    if (lan9118_init(&eth0, BOARD_ETH_BASE, fallback_mac) != 0) {
      return 0;
    }
    nvic_set_priority(BOARD_ETH_IRQ, 0x40);
    nvic_clear_pending(BOARD_ETH_IRQ);
    nvic_enable(BOARD_ETH_IRQ);
    started = 1;
  }
  return &eth0.dev;
}

void ETHERNET_Handler(void) { lan9118_isr(&eth0); }
