/* Host port of vbpy (Linux, POSIX).  This file is the real-time / host-I/O edge of the VM:
 * only here are the wall clock, stdio and malloc used. */
#define _POSIX_C_SOURCE 200809L
#include "port.h"
#include "sched.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t sigint_seen; /* SIGINT arrived (port_interrupt_pending) */

static char out_buf[8192];
static size_t out_len;

void port_flush(void) {
  size_t off = 0;
  while (off < out_len) {
    ssize_t w = write(1, out_buf + off, out_len - off);
    if (w <= 0) break;
    off += (size_t)w;
  }
  out_len = 0;
}

void port_write(int fd, const char *s, size_t n) {
  if (fd == 1) {
    if (out_len + n > sizeof out_buf) port_flush();
    if (n > sizeof out_buf) {
      while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
      }
      return;
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
    return;
  }
  port_flush(); /* keep stdout and stderr in program order */
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

long port_readline(char *buf, size_t cap) {
  port_flush();
  size_t n = 0;
  for (;;) {
    char c;
    ssize_t r = read(0, &c, 1);
    if (r <= 0) return n == 0 ? -1 : (long)n;
    if (c == '\n') return (long)n;
    if (n + 1 < cap) buf[n++] = c;
  }
}

uint64_t port_ticks_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t port_time_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A signal (SIGINT, the alarm's SIGALRM) ends nanosleep early; the sleep ends too when it
 * has something for the VM to do, and otherwise goes on for the time left. */
void port_sleep_us(uint64_t us) {
  port_flush();
  struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000};
  while (nanosleep(&ts, &ts) != 0) {
    if (sched_pending || sigint_seen) return;
  }
}

char *port_read_file(const char *path, size_t *len, void *(*alloc)(size_t)) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
    fclose(f);
    return NULL;
  }
  size_t n = (size_t)st.st_size;
  char *buf = alloc(n + 1);
  if (!buf) {
    fclose(f);
    return NULL;
  }
  size_t got = fread(buf, 1, n, f);
  fclose(f);
  buf[got] = 0;
  *len = got;
  return buf;
}

int port_file_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Heap size: VBPY_HEAP (bytes, with optional k/m suffix), default 64 MiB. */
void *port_heap(size_t *size) {
  size_t n = 64u << 20;
  const char *e = getenv("VBPY_HEAP");
  if (e && *e) {
    char *end;
    unsigned long long v = strtoull(e, &end, 10);
    if (*end == 'k' || *end == 'K') v <<= 10;
    else if (*end == 'm' || *end == 'M') v <<= 20;
    if (v >= 4096) n = (size_t)v;
  }
  void *p = malloc(n);
  if (!p) {
    fputs("vbpy: cannot allocate heap\n", stderr);
    exit(2);
  }
  *size = n;
  return p;
}

void port_exit(int status) {
  port_flush();
  exit(status);
}

char *port_getcwd(char *buf, size_t cap) { return getcwd(buf, cap); }

/* ---- SIGINT -> KeyboardInterrupt (port_interrupt_pending) ----------------------------------
 * As CPython's default SIGINT handler: the handler only records the signal and the interpreter
 * raises KeyboardInterrupt at its next poll. SA_RESTART keeps blocking reads undisturbed; the
 * handler is installed before main runs. */
static void on_sigint(int sig) {
  (void)sig;
  sigint_seen = 1;
}

/* SA_RESTART: reads go on undisturbed; poll(2) and nanosleep still return EINTR */
static void handle_signal(int sig, void (*handler)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL);
}

__attribute__((constructor)) static void install_sigint(void) { handle_signal(SIGINT, on_sigint); }

int port_interrupt_pending(void) {
  if (!sigint_seen) return 0;
  sigint_seen = 0;
  return 1;
}

/* ---- the soft-interrupt alarm (port_alarm_at) ------------------------------------------------
 * A one-shot ITIMER_REAL whose SIGALRM handler only flags the VM (sched_alarm_isr). SA_RESTART
 * keeps reads undisturbed; poll(2) and nanosleep return EINTR whatever the flag says, which
 * ends the VM's waits. The timer counts real time and the deadline is on CLOCK_MONOTONIC: if it
 * goes off a little early, the VM finds nothing due and re-arms for the rest. */
static void on_sigalrm(int sig) {
  (void)sig;
  sched_alarm_isr();
}

void port_alarm_at(uint64_t deadline_us) {
  static int installed;
  if (!installed) {
    handle_signal(SIGALRM, on_sigalrm);
    installed = 1;
  }
  struct itimerval it;
  memset(&it, 0, sizeof it);
  if (deadline_us != UINT64_MAX) {
    uint64_t now = port_ticks_us();
    uint64_t us = deadline_us > now ? deadline_us - now : 1; /* an all-zero value disarms */
    it.it_value.tv_sec = (time_t)(us / 1000000u);
    it.it_value.tv_usec = (suseconds_t)(us % 1000000u);
  }
  setitimer(ITIMER_REAL, &it, NULL);
}
