/*
 * Board port of vbpy (firmware-runtime/py/port.h) for the C runtime's boards.
 *
 *   stdout, stderr  both to the console UART (UART0), unbuffered, as MicroPython does;
 *   stdin           the console's RX ring (interrupt driven), with line editing and echo in
 *                   the REPL;
 *   files           ARM semihosting SYS_OPEN/SYS_FLEN/SYS_READ/SYS_CLOSE ("Semihosting for
 *                   AArch32 and AArch64", sections 5.x), read-only, for the script and imports;
 *   time            the runtime's timebase (rt_timebase.h); sleeping waits in WFI;
 *   wall clock      semihosting SYS_TIME at the first call, advanced by the timebase;
 *   heap            PYB_HEAP_SIZE bytes taken with _sbrk from the RAM between .bss and the
 *                   stack, which the start-up code does not clear.
 *
 * Ctrl-C (0x03) is noticed whenever the port runs (output, time, sleep, input): received bytes
 * are moved from the UART ring into pyb_in, and a 0x03 among them raises KeyboardInterrupt if a
 * Python handler is active. The VM also polls port_interrupt_pending() every few hundred
 * backward jumps and calls, so pure compute loops are interruptible too.
 */
#include <stdint.h>
#include <string.h>

#include "console.h"
#include "cpu.h"
#include "port.h"
#include "py.h"
#include "pyboard.h"
#include "rt_alarm.h"
#include "rt_board.h"
#include "rt_timebase.h"
#include "sched.h"
#include "semihost.h"

/* Semihosting operation numbers (spec, "Semihosting operations" table). */
#define SH_SYS_OPEN 0x01
#define SH_SYS_CLOSE 0x02
#define SH_SYS_READ 0x06
#define SH_SYS_FLEN 0x0C
#define SH_SYS_TIME 0x11
/* SYS_OPEN mode 1 is fopen's "rb" (spec, SYS_OPEN mode table). */
#define SH_MODE_RB 1

#define CTRL_C 0x03
#define CTRL_D 0x04

/* ---- console input ------------------------------------------------------------------------ */

/* Bytes taken from the UART ring while looking for Ctrl-C, kept for the next read. */
static char pyb_in[256];
static size_t pyb_in_head, pyb_in_len;
static volatile int pyb_interrupt;
static int pyb_echo;

void pyb_set_repl_echo(int on) { pyb_echo = on; }

static void drain_uart(void) {
  char c;
  while (rt_console_read(&c, 1) == 1) {
    if (c == CTRL_C) {
      /* Like a terminal's ISIG: Ctrl-C discards the type-ahead. */
      pyb_interrupt = 1;
      pyb_in_len = 0;
      continue;
    }
    if (pyb_in_len < sizeof pyb_in) {
      pyb_in[(pyb_in_head + pyb_in_len++) % sizeof pyb_in] = c;
    }
  }
}

/* Raises KeyboardInterrupt for a pending Ctrl-C when a Python handler can catch it. */
static void check_interrupt(void) {
  if (rt_console_readable()) drain_uart();
  if (pyb_interrupt && vm.nlr_top != NULL) {
    pyb_interrupt = 0;
    py_raise(exc_new(&KeyboardInterrupt_type, 0, NULL));
  }
}

/* The VM's poll (port.h): cheap when nothing arrived, one look at the RX ring's state. */
int port_interrupt_pending(void) {
  if (rt_console_readable()) drain_uart();
  if (!pyb_interrupt) return 0;
  pyb_interrupt = 0;
  return 1;
}

/* machine.Timer and scheduled callbacks run while input() and the REPL prompt wait, as in
 * MicroPython. At the prompt no Python handler is active: what a callback raises past its own
 * protection (KeyboardInterrupt, SystemExit) is dropped there. */
static void run_soft_irqs(void) {
  if (vm.nlr_top != NULL) {
    sched_run();
    return;
  }
  Nlr n;
  if (NLR_TRY(n)) {
    sched_run();
    nlr_pop();
  }
}

/* Next input byte; waits in WFI until one arrives. Returns -1 for Ctrl-C. */
static int read_byte(void) {
  for (;;) {
    drain_uart();
    if (pyb_interrupt) return -1;
    if (pyb_in_len > 0) {
      char c = pyb_in[pyb_in_head];
      pyb_in_head = (pyb_in_head + 1) % sizeof pyb_in;
      pyb_in_len--;
      return (unsigned char)c;
    }
    if (sched_pending) run_soft_irqs();
    uint32_t m = cpu_irq_save();
    if (!rt_console_readable() && !sched_pending) {
      rt_timebase_wake_never();
      cpu_wfi();
    }
    cpu_irq_restore(m);
  }
}

static void echo(const char *s, size_t n) {
  if (pyb_echo) rt_console_write(s, n);
}

/* Line input with the editing a raw terminal needs: CR or LF ends the line (a LF right after a
 * CR is skipped), backspace/DEL erase, Ctrl-D on an empty line is end of input. */
long port_readline(char *buf, size_t cap) {
  static int after_cr;
  size_t n = 0;
  for (;;) {
    int c = read_byte();
    if (c < 0) {
      /* Ctrl-C: KeyboardInterrupt in running code (input()); at the REPL prompt, which has no
       * handler, drop the line as CPython's REPL does. */
      if (vm.nlr_top != NULL) check_interrupt();
      pyb_interrupt = 0;
      echo("\nKeyboardInterrupt\n", 19);
      return 0;
    }
    if (c == '\n' && after_cr) {
      after_cr = 0;
      continue;
    }
    after_cr = c == '\r';
    if (c == '\r' || c == '\n') {
      echo("\n", 1);
      return (long)n;
    }
    if (c == CTRL_D) {
      if (n == 0) return -1;
      continue;
    }
    if (c == 0x08 || c == 0x7f) {
      if (n > 0) {
        /* drop a whole UTF-8 sequence */
        do n--; while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
        echo("\b \b", 3);
      }
      continue;
    }
    if (n + 1 < cap) {
      buf[n++] = (char)c;
      char ch = (char)c;
      echo(&ch, 1);
    }
  }
}

/* ---- output --------------------------------------------------------------------------------- */

void port_write(int fd, const char *s, size_t n) {
  (void)fd; /* stdout and stderr share UART0 */
  rt_console_write(s, n);
  if (fd == 1) check_interrupt();
}

void port_flush(void) { rt_console_flush(); }

/* ---- time ----------------------------------------------------------------------------------- */

/* rt_ticks_us wraps after ~71 minutes; extend it to 64 bits (every sleep and time call passes
 * through here, and a Python program cannot run 71 minutes without either). */
uint64_t port_ticks_us(void) {
  static uint64_t base;
  static uint32_t last;
  uint32_t m = cpu_irq_save();
  uint32_t now = rt_ticks_us();
  base += (uint32_t)(now - last);
  last = now;
  uint64_t t = base;
  cpu_irq_restore(m);
  return t;
}

uint64_t port_time_ns(void) {
  static int have_epoch;
  static uint64_t epoch_ns; /* wall clock at ticks 0 */
  uint64_t now_us = port_ticks_us();
  if (!have_epoch) {
    uint64_t secs = (uint64_t)sh_call(SH_SYS_TIME, 0);
    epoch_ns = secs * 1000000000u - now_us * 1000u;
    have_epoch = 1;
  }
  return epoch_ns + now_us * 1000u;
}

/* Sleeps in WFI with the timebase's alarm armed for the deadline; the last partial millisecond
 * is waited by polling the free-running counter. Ctrl-C ends the sleep with KeyboardInterrupt. */
void port_sleep_us(uint64_t us) {
  uint64_t deadline = port_ticks_us() + us;
  for (;;) {
    check_interrupt();
    uint64_t now = port_ticks_us();
    if (now >= deadline || sched_pending) return;
    if (deadline - now < 1000u) continue;
    uint32_t m = cpu_irq_save();
    if (!rt_console_readable() && !sched_pending) {
      /* rt_ticks_ms and rt_ticks_us count the same cycles, so the ms deadline is the us one
       * divided down; ticks_ms wraps with the low 32 bits of the millisecond count. */
      uint64_t delta_ms = (deadline - port_ticks_us()) / 1000u;
      rt_timebase_wake_at(rt_ticks_ms() + (uint32_t)(delta_ms > 0x7fffffffu ? 0x7fffffffu : delta_ms));
      cpu_wfi();
    }
    cpu_irq_restore(m);
  }
}

/* ---- soft-interrupt alarm (port.h port_alarm_at) --------------------------------------------
 * The board's rt_alarm.h timer; a deadline beyond its range fires early and the VM re-arms. */
void port_alarm_at(uint64_t deadline_us) {
  if (deadline_us == UINT64_MAX) {
    rt_alarm_cancel();
    return;
  }
  uint64_t now = port_ticks_us();
  uint64_t us = deadline_us > now ? deadline_us - now : 0;
  rt_alarm_arm_us(us > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)us, sched_alarm_isr);
}

/* ---- files through semihosting -------------------------------------------------------------- */

static intptr_t sh_open_rb(const char *path) {
  uintptr_t block[3] = {(uintptr_t)path, SH_MODE_RB, strlen(path)};
  return (intptr_t)sh_call(SH_SYS_OPEN, (uintptr_t)block);
}

static void sh_close(intptr_t fd) {
  uintptr_t block[1] = {(uintptr_t)fd};
  sh_call(SH_SYS_CLOSE, (uintptr_t)block);
}

char *port_read_file(const char *path, size_t *len, void *(*alloc)(size_t)) {
  intptr_t fd = sh_open_rb(path);
  if (fd < 0) return NULL;
  uintptr_t flen_block[1] = {(uintptr_t)fd};
  intptr_t size = (intptr_t)sh_call(SH_SYS_FLEN, (uintptr_t)flen_block);
  char *buf = size >= 0 ? alloc((size_t)size + 1) : NULL;
  if (buf == NULL) {
    sh_close(fd);
    return NULL;
  }
  /* SYS_READ returns the number of bytes NOT read. */
  uintptr_t read_block[3] = {(uintptr_t)fd, (uintptr_t)buf, (uintptr_t)size};
  uintptr_t left = sh_call(SH_SYS_READ, (uintptr_t)read_block);
  sh_close(fd);
  size_t got = left <= (uintptr_t)size ? (size_t)size - left : 0;
  buf[got] = 0;
  *len = got;
  return buf;
}

/* A file exists if the host lets us open it and can tell its length (directories cannot be
 * opened, or have no length). */
int port_file_exists(const char *path) {
  intptr_t fd = sh_open_rb(path);
  if (fd < 0) return 0;
  uintptr_t flen_block[1] = {(uintptr_t)fd};
  intptr_t size = (intptr_t)sh_call(SH_SYS_FLEN, (uintptr_t)flen_block);
  sh_close(fd);
  return size >= 0;
}

/* ---- heap, exit, cwd ------------------------------------------------------------------------ */

/* The heap is not a static array: .bss is zeroed word by word at reset, which for 2 MiB cost
 * about a million instructions (40 ms of board time) before main.  The collector needs no
 * zeroed memory (gc_init clears its allocation table, every allocation clears its blocks), so
 * the heap comes from the uncleared RAM above .bss through the runtime's _sbrk. */
void *_sbrk(ptrdiff_t incr);

void *port_heap(size_t *size) {
  char *p = _sbrk((ptrdiff_t)PYB_HEAP_SIZE + 16);
  if (p == (char *)-1) {
    static const char msg[] = "python.elf: no RAM for the heap\n";
    port_write(2, msg, sizeof msg - 1);
    port_exit(70);
  }
  *size = PYB_HEAP_SIZE;
  return (void *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
}

void port_exit(int status) { rt_exit(status); }

/* No working directory: paths are relative to the semihosting root. */
char *port_getcwd(char *buf, size_t cap) {
  (void)buf;
  (void)cap;
  return NULL;
}
