/*
 * The newlib-nano system layer for the test images: stdout/stderr go to UART0 by polling
 * (CTRL.TXEN set, wait while STATE.TXFULL, write DATA), stdin reads UART0, exit is semihosting.
 * This is the shape of the retargeting real firmware does.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "mps2_an385.h"
#include "semihost.h"
#include "uart.h"

extern char __heap_start__, __heap_limit__;

int _write(int fd, const char *buf, int len) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  for (int i = 0; i < len; i++) {
    uart_putc(buf[i]);
  }
  return len;
}

int _read(int fd, char *buf, int len) {
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  if (len <= 0) {
    return 0;
  }
  UART_CTRL(UART0_BASE) |= UART_CTRL_RXEN;
  while (!(UART_STATE(UART0_BASE) & UART_STATE_RXFULL)) {
  }
  buf[0] = (char)UART_DATA(UART0_BASE);
  return 1;
}

void *_sbrk(ptrdiff_t incr) {
  static char *brk = &__heap_start__;
  if (brk + incr > &__heap_limit__) {
    errno = ENOMEM;
    return (void *)-1;
  }
  char *old = brk;
  brk += incr;
  return old;
}

int _close(int fd) {
  (void)fd;
  return -1;
}

int _fstat(int fd, struct stat *st) {
  (void)fd;
  st->st_mode = S_IFCHR;
  return 0;
}

/* The console is a terminal: newlib then line-buffers stdout, as most retargeted firmware does. */
int _isatty(int fd) { return fd <= 2; }

int _lseek(int fd, int off, int whence) {
  (void)fd;
  (void)off;
  (void)whence;
  return 0;
}

int _getpid(void) { return 1; }

int _kill(int pid, int sig) {
  (void)pid;
  (void)sig;
  errno = EINVAL;
  return -1;
}

void _exit(int status) { semihost_exit(status); }
