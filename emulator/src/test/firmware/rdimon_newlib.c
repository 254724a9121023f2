/*
 * A fixture in the style many QEMU users write: no board code at all, everything through
 * newlib's semihosting runtime (--specs=rdimon.specs). crt0 asks SYS_HEAPINFO for the stack and
 * heap, SYS_GET_CMDLINE for argv; stdio goes to ":tt" handles (stdout through SYS_WRITE, stderr
 * through ":tt" opened for append, which QEMU maps to its stderr); files are host files; exit()
 * probes ":semihosting-features" and uses SYS_EXIT_EXTENDED for a non-zero status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int initialised = 7; /* .data, placed by the ELF loader */
static int zeroed;          /* .bss, cleared by crt0 */

int main(int argc, char **argv) {
  printf("rdimon: argc=%d", argc);
  for (int i = 0; i < argc; i++) {
    printf(" [%s]", argv[i]);
  }
  printf("\nrdimon: data=%d bss=%d\n", initialised, zeroed);

  char *heap = malloc(1000);
  strcpy(heap, "heap works");
  printf("rdimon: %s\n", heap);
  free(heap);

  FILE *f = fopen("rdimon_test.txt", "w");
  fprintf(f, "line one\nline two %d\n", 42);
  fclose(f);
  f = fopen("rdimon_test.txt", "r");
  char line[64];
  while (fgets(line, sizeof line, f)) {
    printf("rdimon: read %s", line);
  }
  fseek(f, 5, SEEK_SET);
  printf("rdimon: ftell=%ld getc=%c\n", ftell(f), getc(f));
  fclose(f);
  printf("rdimon: remove=%d reopen=%p\n", remove("rdimon_test.txt"),
         (void *)fopen("rdimon_test.txt", "r"));

  time_t now = time(NULL);
  printf("rdimon: time sane=%d clock sane=%d\n", now > 1577836800, clock() != (clock_t)-1);
  fprintf(stderr, "rdimon: to stderr\n");
  fflush(stdout);
  exit(argc > 1 ? atoi(argv[1]) : 0);
}
