#include "semihost.h"

#include <string.h>

#include "rt_board.h"

uintptr_t sh_call(uint32_t op, uintptr_t arg) {
  register uintptr_t r0 __asm("r0") = op;
  register uintptr_t r1 __asm("r1") = arg;
  __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void sh_write0(const char *s) { sh_call(SH_SYS_WRITE0, (uintptr_t)s); }

int sh_get_cmdline(char *buf, int size) {
  uintptr_t block[2] = {(uintptr_t)buf, (uintptr_t)size};
  if (sh_call(SH_SYS_GET_CMDLINE, (uintptr_t)block) != 0) {
    return -1;
  }
  buf[size - 1] = '\0';
  return (int)block[1];
}

/* The command line's first word is the program name, as with a hosted main(). */
int rt_cmdline_args(char **argv, int max) {
  static char line[256];
  int argc = 0;
  if (sh_get_cmdline(line, sizeof line) < 0) {
    line[0] = '\0';
  }
  char *p = line;
  while (*p != '\0' && argc < max) {
    while (*p == ' ') {
      *p++ = '\0';
    }
    if (*p == '\0') {
      break;
    }
    argv[argc++] = p;
    while (*p != '\0' && *p != ' ') {
      p++;
    }
  }
  if (argc == 0) {
    static char name[] = "firmware";
    argv[argc++] = name;
  }
  argv[argc] = 0;
  return argc;
}

/* Status 0 uses plain SYS_EXIT with ADP_Stopped_ApplicationExit, which every host maps to exit
 * status 0; other statuses need SYS_EXIT_EXTENDED (spec: "SYS_EXIT_EXTENDED (0x20)"), whose
 * parameter block carries the reason and the subcode. */
void rt_exit(int status) {
  extern void rt_console_flush(void);
  rt_console_flush();
  if (status == 0) {
    sh_call(SH_SYS_EXIT, SH_ADP_STOPPED_APPLICATION_EXIT);
  } else {
    uintptr_t block[2] = {SH_ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)status};
    sh_call(SH_SYS_EXIT_EXTENDED, (uintptr_t)block);
  }
  /* No semihosting host: stop here rather than run off into the weeds. */
  for (;;) {
    __asm volatile("wfi");
  }
}
