/*
 * ARM semihosting calls (Semihosting for AArch32 and AArch64, ARM): BKPT 0xAB in Thumb state,
 * operation number in r0, parameter (a block address or a value) in r1, result in r0.
 */
#ifndef SEMIHOST_H
#define SEMIHOST_H

#include <stdint.h>

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITEC 0x03
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_READ 0x06
#define SYS_ISTTY 0x09
#define SYS_SEEK 0x0a
#define SYS_FLEN 0x0c
#define SYS_REMOVE 0x0e
#define SYS_RENAME 0x0f
#define SYS_CLOCK 0x10
#define SYS_TIME 0x11
#define SYS_ERRNO 0x13
#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20

/* SYS_EXIT reason codes (semihosting spec, "SYS_EXIT"). */
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUNTIME_ERROR_UNKNOWN 0x20023

/* SYS_OPEN modes: the index of the ISO C fopen() mode string. */
#define OPEN_R 0
#define OPEN_RB 1
#define OPEN_W 4
#define OPEN_WB 5

static inline int32_t semihost_call(int32_t op, uintptr_t arg) {
  register int32_t r0 __asm__("r0") = op;
  register uintptr_t r1 __asm__("r1") = arg;
  __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

/* Exits through SYS_EXIT_EXTENDED so that a non-zero status reaches the host (plain AArch32
 * SYS_EXIT can only say "success" or "error"). */
void semihost_exit(int status) __attribute__((noreturn));

#endif
