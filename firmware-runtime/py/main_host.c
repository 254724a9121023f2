/* Host entry point: `vbpy FILE.py [ARGS]` runs a script; `vbpy` alone starts the REPL;
 * `vbpy -c CODE` runs a command.  The heap size comes from VBPY_HEAP (see port_host.c). */
#include "port.h"
#include "py.h"

#include <string.h>

int main(int argc, char **argv) {
  size_t heap_size;
  void *heap = port_heap(&heap_size);
  py_init(heap, heap_size, __builtin_frame_address(0));
  int status;
  if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
    Value globals = dict_new();
    dict_set(globals, N.__name__, N.__main__);
    dict_set(globals, N.__builtins__, vm.builtins);
    for (int i = 2; i < argc; i++) list_append(vm.argv, str_from_cstr(argv[i]));
    ((List *)vm.argv)->items[0] = str_from_cstr("-c");
    Nlr n;
    if (NLR_TRY(n)) {
      py_exec_source(argv[2], strlen(argv[2]), str_from_cstr("<string>"), globals);
      nlr_pop();
      status = 0;
    } else {
      status = py_handle_uncaught(vm.raised);
    }
  } else if (argc >= 2) {
    status = py_run_file(argv[1], argc - 1, argv + 1);
  } else {
    status = py_repl();
  }
  port_exit(status);
  return status;
}
