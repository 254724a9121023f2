/*
 * The board side of the loop for host tests: a tickless clock that moves only in WFI (to the
 * armed alarm, the console input or the counter wrap, whichever comes first), a console whose
 * input arrives at a chosen time, and the network glue over the real stack and test link.
 */
#include <stddef.h>
#include <string.h>

#include "console.h"
#include "cpu.h"
#include "harness.h"
#include "net.h"
#include "netsys.h"
#include "rt_timebase.h"

uint32_t fake_primask;
int fake_wfi_count;
int fake_wfi_unmasked; /* WFIs entered with interrupts enabled: the lost-wake-up bug */
int fake_alarm_armed;  /* the one-shot alarm is set (it disarms when it fires) */
uint32_t fake_alarm_at;
int fake_alarm_arms;  /* rt_timebase_wake_at calls */
int fake_never_arms;  /* rt_timebase_wake_never calls */
uint32_t fake_console_at = 0xFFFFFFFFu;
static int console_bytes;

void rt_timebase_wake_at(uint32_t deadline_ms) {
  fake_alarm_arms++;
  fake_alarm_armed = 1;
  fake_alarm_at = deadline_ms;
}

void rt_timebase_wake_never(void) {
  fake_never_arms++;
  fake_alarm_armed = 0;
}

/* Sleeps until the first interrupt: the alarm (a due one fires at once, without time
 * passing), the console byte, or the counter wrap. */
void fake_wfi(void) {
  fake_wfi_count++;
  if (!fake_primask) {
    fake_wfi_unmasked++;
  }
  uint32_t wake = test_now + FAKE_COUNTER_WRAP_MS;
  if (fake_alarm_armed) {
    wake = net_time_before(fake_alarm_at, test_now) ? test_now : fake_alarm_at;
  }
  if (!console_bytes && net_time_before(test_now, fake_console_at) &&
      !net_time_before(wake, fake_console_at)) {
    wake = fake_console_at;
    console_bytes = 1;
  }
  if (fake_alarm_armed && !net_time_before(wake, fake_alarm_at)) {
    fake_alarm_armed = 0;
  }
  test_now = wake;
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

int fake_net_running = 1;

int rt_net_running(void) { return fake_net_running; }

int rt_net_rx_pending(void) { return 0; }

void rt_net_service(void) {
  if (!net_time_before(test_now, net_poll_at(test_now))) {
    net_poll(test_now);
  }
}
