/* vbpy port layer: the only interface between the VM and its host (Linux or the board).
 * Everything here is implemented once per port: port_host.c for the host build. */
#ifndef VBPY_PORT_H
#define VBPY_PORT_H

#include <stddef.h>
#include <stdint.h>

/* Writes n bytes to stdout (fd 1) or stderr (fd 2). */
void port_write(int fd, const char *s, size_t n);
void port_flush(void);
/* Reads one line (without the newline) into buf; returns its length, or -1 at end of input. */
long port_readline(char *buf, size_t cap);
/* Monotonic time since an arbitrary origin. */
uint64_t port_ticks_us(void);
/* Wall-clock time in nanoseconds since the Unix epoch (host edge: real time). */
uint64_t port_time_ns(void);
/* Sleeps up to us microseconds; returns early when sched_pending is set (sched.h). */
void port_sleep_us(uint64_t us);
/* Reads a whole file into memory obtained from alloc; returns NULL if it cannot be read. */
char *port_read_file(const char *path, size_t *len, void *(*alloc)(size_t));
int port_file_exists(const char *path);
/* The fixed VM heap. */
void *port_heap(size_t *size);
void port_exit(int status);
/* Polled by the VM every few hundred backward jumps and calls, so that pure compute loops stay
 * interruptible: returns 1 (once) when the user asked for an interrupt (Ctrl-C on the console,
 * SIGINT on the host) since the last call; the VM then raises KeyboardInterrupt. */
int port_interrupt_pending(void);
/* Soft interrupts (sched.h): make sched_alarm_isr() run, from an interrupt or signal, once the
 * monotonic clock (port_ticks_us) reaches deadline_us; UINT64_MAX cancels. A new call replaces
 * the previous deadline. Waits in the port (port_sleep_us, port_net_poll's sleeps) must end
 * when sched_pending becomes set, so the VM can run what is due. */
void port_alarm_at(uint64_t deadline_us);
/* Current directory into buf; returns buf, or NULL (ports without a file system). */
char *port_getcwd(char *buf, size_t cap);

#endif
