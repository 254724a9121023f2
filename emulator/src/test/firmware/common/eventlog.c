#include "eventlog.h"

#include <stdio.h>

#include "mps2_an385.h"

static char log_buf[1024];
static unsigned log_len;

static void append(const char *s) {
  while (*s && log_len < sizeof log_buf - 1) {
    log_buf[log_len++] = *s++;
  }
  log_buf[log_len] = '\0';
}

void log_event(const char *s) {
  uint32_t primask = get_primask();
  irq_disable();
  if (log_len != 0) {
    append(" ");
  }
  append(s);
  if (!primask) {
    irq_enable();
  }
}

void log_hex(unsigned v) {
  char buf[12];
  snprintf(buf, sizeof buf, "%08x", v);
  log_event(buf);
}

void log_flush(const char *label) {
  printf("%s: %s\n", label, log_buf);
  log_len = 0;
  log_buf[0] = '\0';
}
