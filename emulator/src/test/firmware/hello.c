/* The smallest useful image: printf through newlib-nano to UART0, then semihosting exit 0. */
#include <stdio.h>

static int counter = 41;  /* in .data: checks the start-up copy */
static int zeroed;        /* in .bss: checks the start-up clear */
static int constructed;   /* set by a constructor: checks __libc_init_array */

__attribute__((constructor)) static void construct(void) { constructed = 7; }

int main(void) {
  printf("hello from mps2-an385\n");
  printf("data=%d bss=%d constructor=%d\n", counter + 1, zeroed, constructed);
  return 0;
}
