#include <stdio.h>

#include "console.h"
#include "rt_board.h"

/* Formats by hand: printf may be the code that faulted. */
static void put_hex(uint32_t v) {
  char buf[10] = {'0', 'x'};
  for (int i = 0; i < 8; i++) {
    buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xF];
  }
  rt_console_write(buf, sizeof buf);
}

void rt_panic_exception(uint32_t exception, uint32_t cfsr) {
  static const char msg[] = "\n*** unexpected exception ";
  rt_console_write(msg, sizeof msg - 1);
  put_hex(exception);
  rt_console_write(" cfsr=", 6);
  put_hex(cfsr);
  rt_console_write("\n", 1);
  rt_exit(70);
}
