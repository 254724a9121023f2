/* The smallest image: one line on UART0, then exit status 0 through semihosting. */
#include <stdio.h>

int main(void) {
  printf("Hello from vboard on mps2-an385\n");
  return 0;
}
