/*
 * The console: UART0 on the boards we support. Implemented by the board glue.
 */
#ifndef RT_CONSOLE_H
#define RT_CONSOLE_H

#include <stddef.h>

/* Writes len bytes, waiting for the transmitter as needed. Not ISR-safe. */
void rt_console_write(const char *buf, size_t len);

/* Copies up to len received bytes without waiting; returns the count (0 if none). */
size_t rt_console_read(char *buf, size_t len);

/* Non-zero when received bytes are waiting. ISR-safe. */
int rt_console_readable(void);

/* Waits until every written byte has left the transmitter. */
void rt_console_flush(void);

#endif
