/* import: built-in modules first, then NAME.py next to the main script (and sys.path). */
#include "port.h"
#include "py.h"
#include "persist.h"

typedef struct { const char *name; Value (*init)(void); } BuiltinModule;
/* network modules (mod_socket.c, mod_select.c, mod_errno.c, mod_network.c over port_net.h) */
Value mod_socket_init(void), mod_select_init(void), mod_errno_init(void), mod_network_init(void);
Value mod_machine_init(void); /* mod_machine.c: Timer (soft interrupts, sched.h), idle */
static const BuiltinModule builtin_modules[] = {
    {"sys", mod_sys_init}, {"time", mod_time_init}, {"utime", mod_time_init},
    {"math", mod_math_init}, {"struct", mod_struct_init}, {"ustruct", mod_struct_init},
    {"gc", mod_gc_init}, {"micropython", mod_micropython_init},
    {"socket", mod_socket_init}, {"select", mod_select_init}, {"errno", mod_errno_init},
    {"network", mod_network_init}, {"machine", mod_machine_init},
};

static void *alloc_for_file(size_t n) { return gc_alloc_nothrow(n); }

/* Modules written in Python, compiled at build time and stored as packed code objects in the
 * portable format of persist.h (py/frozen/freeze.py): importing one rebuilds its code instead
 * of lexing, parsing and compiling the source on the board. */
extern const char *const frozen_names[];
extern const unsigned char *const frozen_code[];
extern const size_t frozen_sizes[];
extern const int frozen_count;

static Value load_frozen(Value name, int i) {
  Value m = module_new(name);
  Value d = ((Module *)m)->dict;
  dict_set(d, N.__builtins__, vm.builtins);
  dict_set(vm.modules, name, m);
  Nlr n;
  if (NLR_TRY(n)) {
    /* tracebacks name the module as "<frozen NAME>", as when the source was compiled here */
    Value code = persist_load_packed(frozen_code[i], frozen_sizes[i], str_printf("<frozen %s>", frozen_names[i]));
    vm_exec_module((Code *)code, d);
    nlr_pop();
  } else {
    dict_del(vm.modules, name);
    py_raise(vm.raised);
  }
  return m;
}

static Value load_source_module(Value name, const char *path) {
  size_t len;
  char *src = port_read_file(path, &len, alloc_for_file);
  if (!src) return VNULL;
  Value m = module_new(name);
  Value d = ((Module *)m)->dict;
  Value fname = str_from_cstr(path);
  if (path[0] != '/') {
    char cwd[1024];
    if (port_getcwd(cwd, sizeof cwd)) fname = str_concat(str_from_cstr(cwd), str_concat(str_from_cstr("/"), fname));
  }
  dict_set(d, N.__file__, fname);
  dict_set(d, N.__builtins__, vm.builtins);
  dict_set(vm.modules, name, m);
  Nlr n;
  if (NLR_TRY(n)) {
    Value code = compile_source(src, len, fname, 0);
    vm_exec_module((Code *)code, d);
    nlr_pop();
  } else {
    dict_del(vm.modules, name);
    py_raise(vm.raised);
  }
  return m;
}

/* A submodule becomes an attribute of its package once loaded (Python reference, "The import
 * system", 5.4.2 Submodules), so that `import pkg.sub` makes `pkg.sub` work. */
static Value bind_in_parent(const char *s, const char *dot, Value m) {
  if (dot) py_setattr(import_module(intern(s, (size_t)(dot - s))), intern_cstr(dot + 1), m);
  return m;
}

static bool builtin_or_frozen(const char *s) {
  for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++)
    if (strcmp(builtin_modules[i].name, s) == 0) return true;
  for (int i = 0; i < frozen_count; i++)
    if (strcmp(frozen_names[i], s) == 0) return true;
  return false;
}

Value import_module(Value name) {
  Value m = dict_get(vm.modules, name);
  if (m) return m;
  const char *s = str_cstr(name);
  for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
    if (strcmp(builtin_modules[i].name, s) == 0) {
      m = builtin_modules[i].init();
      dict_set(vm.modules, name, m);
      return m;
    }
  }
  for (int i = 0; i < frozen_count; i++)
    if (strcmp(frozen_names[i], s) == 0) return load_frozen(name, i);
  /* dotted names: the parent first, then parent_dir/child.py */
  const char *dot = strrchr(s, '.');
  SB path;
  Value dirs = list_new(0);
  if (vm.main_dir) list_append(dirs, vm.main_dir);
  Value sysm = dict_get_str(vm.modules, intern_cstr("sys"));
  if (sysm) {
    Value sp = dict_get_str(((Module *)sysm)->dict, intern_cstr("path"));
    if (sp && is_type(sp, &list_type)) dirs = sp;
  }
  if (dot) import_module(intern(s, (size_t)(dot - s)));
  List *dl = (List *)dirs;
  for (size_t i = 0; i < dl->len; i++) {
    if (!isinst(dl->items[i], &str_type)) continue;
    sb_init(&path, 128);
    const char *dir = str_cstr(dl->items[i]);
    if (*dir) {
      sb_adds(&path, dir);
      sb_addc(&path, '/');
    }
    for (const char *p = s; *p; p++) sb_addc(&path, *p == '.' ? '/' : *p);
    size_t base = path.len;
    sb_adds(&path, ".py");
    sb_addc(&path, 0);
    if (port_file_exists(path.buf)) {
      Value r = load_source_module(name, path.buf);
      if (r) return bind_in_parent(s, dot, r);
    }
    path.len = base;
    sb_adds(&path, "/__init__.py");
    sb_addc(&path, 0);
    if (port_file_exists(path.buf)) {
      Value r = load_source_module(name, path.buf);
      if (r) return bind_in_parent(s, dot, r);
    }
  }
  /* MicroPython's u-names (uasyncio, ujson, ucollections, ...) for the built-in and frozen
   * modules, as its ports alias them; files are never aliased */
  if (s[0] == 'u' && !dot && builtin_or_frozen(s + 1)) {
    m = import_module(intern_cstr(s + 1));
    dict_set(vm.modules, name, m);
    return m;
  }
  Value e = exc_new_msg(&ModuleNotFoundError_type, "No module named '%s'", s);
  py_raise(e);
}
