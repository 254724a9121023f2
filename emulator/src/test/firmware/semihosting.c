/*
 * Semihosting (Semihosting for AArch32 and AArch64, ARM: operations 0x01-0x20) as a test
 * harness uses it: console output, a file in the host's working directory, clocks, the
 * command line, errno and exit statuses. The command line picks how the image exits:
 *   (no argument)       SYS_EXIT_EXTENDED with status 3 after the full walk-through
 *   exit-plain-ok       plain SYS_EXIT, ADP_Stopped_ApplicationExit   -> host status 0
 *   exit-plain-error    plain SYS_EXIT, ADP_Stopped_RunTimeErrorUnknown -> host status 1
 *   exit-extended N     SYS_EXIT_EXTENDED, ApplicationExit, subcode N  -> host status N
 * Results are printed on UART0 (printf). QEMU 7.2 without a semihosting chardev sends
 * SYS_WRITE0/SYS_WRITEC to its stderr and SYS_WRITE on ":tt" to its stdout; the test compares
 * both streams.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "semihost.h"

static const char file_name[] = "semihosting_test.txt";
static const char file_renamed[] = "semihosting_renamed.txt";

static int32_t sh_open(const char *name, int mode) {
  uintptr_t block[3] = {(uintptr_t)name, (uintptr_t)mode, strlen(name)};
  return semihost_call(SYS_OPEN, (uintptr_t)block);
}

static int32_t sh_rw(int op, int32_t handle, void *buf, size_t len) {
  uintptr_t block[3] = {(uintptr_t)handle, (uintptr_t)buf, len};
  return semihost_call(op, (uintptr_t)block);
}

static int32_t sh_one(int op, int32_t value) {
  uintptr_t block[1] = {(uintptr_t)value};
  return semihost_call(op, (uintptr_t)block);
}

static int32_t sh_seek(int32_t handle, int32_t pos) {
  uintptr_t block[2] = {(uintptr_t)handle, (uintptr_t)pos};
  return semihost_call(SYS_SEEK, (uintptr_t)block);
}

static int32_t sh_path_op(int op, const char *a, const char *b) {
  uintptr_t block[4] = {(uintptr_t)a, strlen(a), (uintptr_t)b, b ? strlen(b) : 0};
  return semihost_call(op, (uintptr_t)block);
}

static void console(void) {
  fflush(stdout);
  semihost_call(SYS_WRITE0, (uintptr_t) "write0: hello\n");
  char c = 'W';
  semihost_call(SYS_WRITEC, (uintptr_t)&c);
  c = '\n';
  semihost_call(SYS_WRITEC, (uintptr_t)&c);
  /* ":tt" opened for writing is the console's output stream. */
  int32_t tt = sh_open(":tt", OPEN_W);
  static const char msg[] = "write: to :tt\n";
  int32_t left = sh_rw(SYS_WRITE, tt, (void *)msg, sizeof msg - 1);
  printf("tt handle valid=%d write left=%ld\n", tt > 0, (long)left);
}

static void files(void) {
  int32_t h = sh_open(file_name, OPEN_WB);
  printf("open w: valid=%d\n", h > 0);
  static const char data[] = "0123456789abcdef";
  printf("write left=%ld\n", (long)sh_rw(SYS_WRITE, h, (void *)data, 16));
  printf("istty(file)=%ld\n", (long)sh_one(SYS_ISTTY, h));
  printf("close=%ld\n", (long)sh_one(SYS_CLOSE, h));

  h = sh_open(file_name, OPEN_RB);
  printf("open r: valid=%d flen=%ld\n", h > 0, (long)sh_one(SYS_FLEN, h));
  char buf[17] = {0};
  printf("seek 10=%ld\n", (long)sh_seek(h, 10));
  int32_t left = sh_rw(SYS_READ, h, buf, 6);
  printf("read 6 left=%ld data=%s\n", (long)left, buf);
  memset(buf, 0, sizeof buf);
  printf("read at eof left=%ld\n", (long)sh_rw(SYS_READ, h, buf, 4));
  sh_seek(h, 0);
  left = sh_rw(SYS_READ, h, buf, 16);
  printf("reread left=%ld data=%s\n", (long)left, buf);
  printf("close=%ld\n", (long)sh_one(SYS_CLOSE, h));

  /* Mode "a" (8) is left out on purpose: QEMU 7.2 opens it without O_APPEND, so it overwrites
   * from offset 0, unlike the specification's fopen() semantics. */

  printf("rename=%ld\n", (long)sh_path_op(SYS_RENAME, file_name, file_renamed));
  printf("open old name: %ld errno=%ld\n", (long)sh_open(file_name, OPEN_R),
         (long)semihost_call(SYS_ERRNO, 0));
  printf("remove=%ld\n", (long)sh_path_op(SYS_REMOVE, file_renamed, NULL));
  printf("open removed: %ld errno=%ld\n", (long)sh_open(file_renamed, OPEN_R),
         (long)semihost_call(SYS_ERRNO, 0));
  printf("close bad handle=%ld\n", (long)sh_one(SYS_CLOSE, 1234));
}

static void clocks(void) {
  int32_t c1 = semihost_call(SYS_CLOCK, 0);
  for (volatile int i = 0; i < 100000; i++) {
  }
  int32_t c2 = semihost_call(SYS_CLOCK, 0);
  int32_t t = semihost_call(SYS_TIME, 0);
  /* Centiseconds since start never go backwards; seconds since 1970 are past 2020. */
  printf("clock sane=%d time sane=%d\n", c1 >= 0 && c2 >= c1, t > 1577836800);
}

int main(void) {
  char cmdline[128];
  uintptr_t block[2] = {(uintptr_t)cmdline, sizeof cmdline};
  int32_t r = semihost_call(SYS_GET_CMDLINE, (uintptr_t)block);
  printf("get_cmdline=%ld len=%lu \"%s\"\n", (long)r, (unsigned long)block[1], cmdline);

  /* The first word is the program name; the rest says how to exit. */
  const char *args = strchr(cmdline, ' ');
  args = args ? args + 1 : "";
  if (strcmp(args, "exit-plain-ok") == 0) {
    fflush(stdout);
    semihost_call(SYS_EXIT, ADP_STOPPED_APPLICATION_EXIT);
  } else if (strcmp(args, "exit-plain-error") == 0) {
    fflush(stdout);
    semihost_call(SYS_EXIT, ADP_STOPPED_RUNTIME_ERROR_UNKNOWN);
  } else if (strncmp(args, "exit-extended ", 14) == 0) {
    fflush(stdout);
    uint32_t ext[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)atoi(args + 14)};
    semihost_call(SYS_EXIT_EXTENDED, (uintptr_t)ext);
  }

  console();
  files();
  clocks();
  printf("semihosting: done, exiting with 3\n");
  return 3;
}
