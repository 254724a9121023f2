#include "semihost.h"

void semihost_exit(int status) {
  if (status == 0) {
    /* The plain AArch32 form: the reason code itself is the parameter, not a block. */
    semihost_call(SYS_EXIT, ADP_STOPPED_APPLICATION_EXIT);
  } else {
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihost_call(SYS_EXIT_EXTENDED, (uintptr_t)block);
  }
  for (;;) {
    /* Only reached if the host ignores the exit request. */
  }
}
