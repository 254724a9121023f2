/* Start-up latency benchmark: one line on UART0, then semihosting exit 0. */
#include <stdio.h>

int main(void) {
  printf("bench_hello: hello from mps2-an385\n");
  return 0;
}
