/* Runs every host test of the runtime (stack and event loop); prints "N passed, N failed". */
#include <stdio.h>

#include "harness.h"

extern const struct test_case wire_tests[], iface_tests[], udp_tests[], tcp_tests[], loop_tests[];

int main(void) {
  const struct test_case *suites[] = {wire_tests, iface_tests, udp_tests, tcp_tests, loop_tests};
  int passed = 0, failed = 0;
  for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
    for (const struct test_case *t = suites[s]; t->name; t++) {
      test_failed = 0;
      t->fn();
      printf("%s %s\n", test_failed ? "FAIL" : "PASS", t->name);
      if (test_failed) {
        failed++;
      } else {
        passed++;
      }
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
