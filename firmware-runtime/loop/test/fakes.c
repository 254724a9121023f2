/*
 * The board side of the loop for host tests: a clock that moves only in WFI, a console whose
 * input arrives at a chosen time, and the network glue over the real stack and test link.
 */
#include <stddef.h>
#include <string.h>

#include "console.h"
#include "cpu.h"
#include "harness.h"
#include "net.h"
#include "netsys.h"

uint32_t fake_primask;
int fake_wfi_count;
int fake_wfi_unmasked; /* WFIs entered with interrupts enabled: the lost-wake-up bug */
uint32_t fake_console_at = 0xFFFFFFFFu;
static int console_bytes;

void fake_wfi(void) {
  fake_wfi_count++;
  if (!fake_primask) {
    fake_wfi_unmasked++;
  }
  test_now++; /* the next SysTick interrupt ends the sleep */
  if (test_now == fake_console_at) {
    console_bytes = 1;
  }
}

uint32_t rt_ticks_ms(void) { return test_now; }

void rt_console_write(const char *buf, size_t len) {
  (void)buf;
  (void)len;
}

size_t rt_console_read(char *buf, size_t len) {
  if (console_bytes == 0 || len == 0) {
    return 0;
  }
  console_bytes = 0;
  buf[0] = 'x';
  return 1;
}

int rt_console_readable(void) { return console_bytes; }

void rt_console_flush(void) {}

int rt_net_running(void) { return 1; }

int rt_net_rx_pending(void) { return 0; }

void rt_net_service(void) {
  if (!net_time_before(test_now, net_poll_at(test_now))) {
    net_poll(test_now);
  }
}
