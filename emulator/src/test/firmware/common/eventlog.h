/*
 * An event log that handlers append to and thread code prints afterwards, so the printed order
 * is the order in which handlers ran, whatever the UART was doing at the time. Appends mask
 * interrupts so that a preempting handler cannot interleave inside another's entry.
 */
#ifndef EVENTLOG_H
#define EVENTLOG_H

void log_event(const char *s);
void log_hex(unsigned v);
/* Prints the log as one line prefixed by label, then empties it. */
void log_flush(const char *label);

#endif
