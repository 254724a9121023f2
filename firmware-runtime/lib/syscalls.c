/*
 * newlib system calls (newlib "System Calls" in the libc manual): stdout/stderr go to the
 * console UART, stdin reads from its interrupt-driven ring, the heap grows up from the end of
 * bss to the bottom of the main stack.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "console.h"
#include "cpu.h"
#include "rt_board.h"

extern char __heap_start[], __heap_end[];

int _write(int fd, const char *buf, int len) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  rt_console_write(buf, (size_t)len);
  return len;
}

/* Blocks until at least one byte arrived, sleeping in WFI between interrupts. */
int _read(int fd, char *buf, int len) {
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  for (;;) {
    size_t n = rt_console_read(buf, (size_t)len);
    if (n > 0) {
      return (int)n;
    }
    uint32_t m = cpu_irq_save();
    if (!rt_console_readable()) {
      cpu_wfi();
    }
    cpu_irq_restore(m);
  }
}

void *_sbrk(ptrdiff_t incr) {
  static char *brk = __heap_start;
  if (incr > __heap_end - brk || incr < __heap_start - brk) {
    errno = ENOMEM;
    return (void *)-1;
  }
  char *old = brk;
  brk += incr;
  return old;
}

int _close(int fd) {
  (void)fd;
  return 0;
}

int _fstat(int fd, struct stat *st) {
  (void)fd;
  st->st_mode = S_IFCHR;
  return 0;
}

int _isatty(int fd) { return fd >= 0 && fd <= 2; }

off_t _lseek(int fd, off_t off, int whence) {
  (void)fd;
  (void)off;
  (void)whence;
  errno = ESPIPE;
  return -1;
}

int _getpid(void) { return 1; }

int _kill(int pid, int sig) {
  (void)pid;
  rt_exit(128 + sig);
}

void _exit(int status) { rt_exit(status); }
