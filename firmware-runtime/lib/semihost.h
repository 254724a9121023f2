/*
 * ARM semihosting ("Semihosting for AArch32 and AArch64", ARM): the debugger/emulator services
 * a BKPT 0xAB with the operation in r0 and the parameter in r1.
 */
#ifndef RT_SEMIHOST_H
#define RT_SEMIHOST_H

#include <stdint.h>

#define SH_SYS_WRITE0 0x04
#define SH_SYS_GET_CMDLINE 0x15
#define SH_SYS_EXIT 0x18
#define SH_SYS_EXIT_EXTENDED 0x20

/* Reason code for SYS_EXIT (spec, "SYS_EXIT (0x18)", table of ADP_Stopped_* reasons). */
#define SH_ADP_STOPPED_APPLICATION_EXIT 0x20026u

uintptr_t sh_call(uint32_t op, uintptr_t arg);

/* Writes a NUL-terminated string to the host debug console. */
void sh_write0(const char *s);

/* Copies the command line into buf (NUL-terminated); returns its length, or -1. */
int sh_get_cmdline(char *buf, int size);

#endif
