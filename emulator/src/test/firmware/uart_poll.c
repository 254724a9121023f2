/*
 * Polled UART0 input through newlib stdio: getchar()/fgets() reach _read(), which waits on
 * STATE.RXFULL and reads DATA (DDI 0479 4.3). Lines are printed reversed with their length
 * until a line "quit"; then STATE and INTSTATUS show no pending receive and no interrupt.
 * QEMU holds input back while CTRL.RXEN is clear (its can_receive), so nothing is lost
 * before the first read.
 */
#include <stdio.h>
#include <string.h>

#include "mps2_an385.h"

int main(void) {
  printf("uart_poll: ctrl=%lu state=%lu\n", (unsigned long)UART_CTRL(UART0_BASE),
         (unsigned long)UART_STATE(UART0_BASE));
  char line[80];
  unsigned lines = 0;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    if (strcmp(line, "quit") == 0) {
      break;
    }
    lines++;
    size_t n = strlen(line);
    printf("%u:%u:", lines, (unsigned)n);
    for (size_t i = n; i > 0; i--) {
      putchar(line[i - 1]);
    }
    putchar('\n');
  }
  /* RX interrupts were never enabled: INTSTATUS.RX stays clear even though bytes arrived. */
  printf("uart_poll: lines=%u ctrl=%lu intstatus=%lu bauddiv=%lu\n", lines,
         (unsigned long)UART_CTRL(UART0_BASE), (unsigned long)UART_INTSTATUS(UART0_BASE),
         (unsigned long)UART_BAUDDIV(UART0_BASE));
  return 0;
}
