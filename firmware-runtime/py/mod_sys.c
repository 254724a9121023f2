/* The sys module: argv, exit, platform, implementation, stdout/stderr, print_exception. */
#include "port.h"
#include "py.h"

/* Text streams bound to the port's stdout/stderr. */
typedef struct { Obj hdr; int fd; } Stream;
static Value stream_write(int n, const Value *a) {
  (void)n;
  Stream *s = (Stream *)a[0];
  Value v = a[1];
  const uint8_t *d;
  size_t len;
  if (isinst(v, &str_type)) port_write(s->fd, str_cstr(v), str_len(v));
  else if (get_buffer(v, &d, &len)) port_write(s->fd, (const char *)d, len);
  else raise_msg(&TypeError_type, "write() argument must be str, not %s", type_name(v));
  return MK_SMALL(isinst(v, &str_type) ? ((Str *)v)->clen : 0);
}
static Value stream_flush(int n, const Value *a) { (void)n; (void)a; port_flush(); return NONE; }
static Value stream_readline(int n, const Value *a) {
  (void)n;
  (void)a;
  char buf[4096];
  long len = port_readline(buf, sizeof buf - 1);
  if (len < 0) return vm.empty_str;
  buf[len++] = '\n';
  return str_new(buf, (size_t)len);
}
static Value stream_repr(Value v) { return str_printf("<_io.TextIOWrapper name='<%s>'>", ((Stream *)v)->fd == 1 ? "stdout" : ((Stream *)v)->fd == 2 ? "stderr" : "stdin"); }
static const MethodDef stream_methods[] = {
    {"write", stream_write, 2, 2, 0, MK_METHOD}, {"flush", stream_flush, 1, 1, 0, MK_METHOD},
    {"readline", stream_readline, 1, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};
Type stream_type = {.hdr = {&type_type}, .name = "TextIOWrapper", .base = &object_type, .repr = stream_repr};

static Value stream_new(int fd) {
  Stream *s = obj_alloc(&stream_type, sizeof(Stream));
  s->fd = fd;
  return V(s);
}

static Value sys_exit(int n, const Value *a) {
  Value arg = n ? a[0] : NONE;
  py_raise(exc_new(&SystemExit_type, n ? 1 : 0, &arg));
}

static Value sys_print_exception(int n, const Value *a) {
  exc_print(a[0], n > 1 ? a[1] : VNULL);
  return NONE;
}

static Value sys_exc_info(int n, const Value *a) {
  (void)n;
  (void)a;
  Value e = vm.cur_exc;
  if (!e) return tuple3(NONE, NONE, NONE);
  return tuple3(V(type_of(e)), e, NONE);
}

static Value sys_exception(int n, const Value *a) {
  (void)n;
  (void)a;
  return vm.cur_exc ? vm.cur_exc : NONE;
}

static Value sys_getrecursionlimit(int n, const Value *a) { (void)n; (void)a; return MK_SMALL(1000); }
static Value sys_setrecursionlimit(int n, const Value *a) { (void)n; (void)a; return NONE; }
static Value sys_intern(int n, const Value *a) { (void)n; return intern_value(a[0]); }

static const MethodDef sys_defs[] = {
    {"exit", sys_exit, 0, 1, 0, 0}, {"print_exception", sys_print_exception, 1, 2, 0, 0},
    {"exc_info", sys_exc_info, 0, 0, 0, 0}, {"exception", sys_exception, 0, 0, 0, 0},
    {"getrecursionlimit", sys_getrecursionlimit, 0, 0, 0, 0},
    {"setrecursionlimit", sys_setrecursionlimit, 1, 1, 0, 0},
    {"intern", sys_intern, 1, 1, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

/* A simple namespace for sys.implementation (attribute access only). */
static Value namespace_new(const char *const *keys, const Value *vals, int n) {
  Value cls = type_new_class(intern_cstr("SimpleNamespace"), tuple_new(0), dict_new(), &type_type);
  ((Type *)cls)->module = intern_cstr("types");
  Value o = py_call0(cls);
  for (int i = 0; i < n; i++) py_setattr(o, intern_cstr(keys[i]), vals[i]);
  return o;
}

Value mod_sys_init(void) {
  type_add_methods(&stream_type, stream_methods);
  Value m = module_with_defs("sys", sys_defs);
  Value d = ((Module *)m)->dict;
  vm.sys_stdout = stream_new(1);
  vm.sys_stderr = stream_new(2);
  dict_set_str(d, "stdout", vm.sys_stdout);
  dict_set_str(d, "stderr", vm.sys_stderr);
  dict_set_str(d, "stdin", stream_new(0));
  if (!vm.argv) vm.argv = list_new(0);
  dict_set_str(d, "argv", vm.argv);
  dict_set_str(d, "platform", str_from_cstr("linux"));
  dict_set_str(d, "byteorder", str_from_cstr("little"));
  dict_set_str(d, "maxsize", int_from_i64(INTPTR_MAX));
  dict_set_str(d, "modules", vm.modules);
  dict_set_str(d, "path", list_from(1, (Value[]){vm.main_dir ? vm.main_dir : str_from_cstr("")}));
  Value ver = tuple3(MK_SMALL(3), MK_SMALL(11), MK_SMALL(0));
  dict_set_str(d, "version_info", ver);
  dict_set_str(d, "version", str_from_cstr("3.11.0 (vbpy)"));
  static const char *const keys[] = {"name", "version", "_mpy"};
  Value vals[3] = {str_from_cstr("vbpy"), ver, MK_SMALL(0)};
  dict_set_str(d, "implementation", namespace_new(keys, vals, 2));
  return m;
}
