/*
 * Entry point of python.elf. The startup code builds argv from the semihosting command line
 * (SYS_GET_CMDLINE, program name first, at most RT_MAX_ARGS words):
 *   python.elf SCRIPT.py [ARGS]   runs the script; sys.argv = [SCRIPT.py, ARGS...]; the script
 *                                 and its imports are read through semihosting, relative to
 *                                 the host's semihosting root;
 *   python.elf                    starts the REPL on UART0.
 * The exit status goes back through semihosting: 0 at the end of the script, 1 after an
 * uncaught exception (traceback on UART0), n for sys.exit(n), 2 if the script cannot be read.
 */
#include "port.h"
#include "py.h"
#include "pyboard.h"

#include <string.h>

/* newlib's dtoa and mprec (float formatting and parsing) assert that their Bigint allocations
 * succeed.  Newlib's __assert_func prints with fiprintf, which links the whole stdio FILE layer,
 * abort and signal (about 4 KB of text); this one reports through the port and exits with
 * abort's status instead. */
void __assert_func(const char *file, int line, const char *func, const char *expr);
void __assert_func(const char *file, int line, const char *func, const char *expr) {
  (void)line;
  (void)func;
  static const char msg[] = "python.elf: assertion failed in ";
  port_write(2, msg, sizeof msg - 1);
  port_write(2, file, strlen(file));
  port_write(2, ": ", 2);
  port_write(2, expr, strlen(expr));
  port_write(2, "\n", 1);
  port_exit(134);
  for (;;) {
  }
}

int main(int argc, char **argv) {
  size_t heap_size;
  void *heap = port_heap(&heap_size);
  py_init(heap, heap_size, __builtin_frame_address(0));
  int status;
  if (argc >= 2) {
    status = py_run_file(argv[1], argc - 1, argv + 1);
  } else {
    pyb_set_repl_echo(1);
    status = py_repl();
  }
  port_exit(status);
  return status;
}
