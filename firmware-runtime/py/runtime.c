/* Runtime start-up and the top-level entry points shared by every port: initialisation, running
 * a script, the uncaught-exception report (CPython's exit statuses), and the line REPL. */
#include "port.h"
#include "py.h"

#include <stdio.h>

VM vm;
Names N;

/* ---- singletons --------------------------------------------------------------------------- */
static Value none_repr(Value v) { (void)v; return str_from_cstr("None"); }
static bool false_truth(Value v) { (void)v; return false; }
static intptr_t id_hash(Value v) { return (intptr_t)(v >> 4); }
static Value none_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t; (void)nkw; (void)args;
  if (nargs) raise_msg(&TypeError_type, "NoneType takes no arguments");
  return NONE;
}
Type none_type = {.hdr = {&type_type}, .name = "NoneType", .base = &object_type, .repr = none_repr,
                  .truth = false_truth, .hash = id_hash, .make_new = none_make};
Obj none_obj = {&none_type};

static Value notimpl_repr(Value v) { (void)v; return str_from_cstr("NotImplemented"); }
Type notimpl_type = {.hdr = {&type_type}, .name = "NotImplementedType", .base = &object_type,
                     .repr = notimpl_repr, .hash = id_hash};
Obj notimpl_obj = {&notimpl_type};

static Value ellipsis_repr(Value v) { (void)v; return str_from_cstr("Ellipsis"); }
Type ellipsis_type = {.hdr = {&type_type}, .name = "ellipsis", .base = &object_type,
                      .repr = ellipsis_repr, .hash = id_hash};
Obj ellipsis_obj = {&ellipsis_type};

extern Type slotwrap_type, striter_type, dictiter_type, setiter_type, rangeiter_type,
    enumerate_type, zip_type, map_type, filter_type, reversed_type, calliter_type, stream_type;

Type *const builtin_types_all[] = {
    &type_type, &object_type, &none_type, &bool_type, &int_type, &float_type, &str_type,
    &bytes_type, &bytearray_type, &list_type, &tuple_type, &dict_type, &set_type,
    &frozenset_type, &range_type, &slice_type, &function_type, &builtin_type, &bound_type,
    &code_type, &cell_type, &module_type, &gen_type, &coro_type, &asyncgen_type, &agop_type,
    &property_type, &staticmethod_type, &classmethod_type, &super_type, &notimpl_type, &ellipsis_type,
    &seqiter_type, &dictview_type, &slotwrap_type, &striter_type, &dictiter_type,
    &setiter_type, &rangeiter_type, &enumerate_type, &zip_type, &map_type, &filter_type,
    &reversed_type, &calliter_type, &stream_type, &memoryview_type,
};
const size_t builtin_types_count = sizeof builtin_types_all / sizeof builtin_types_all[0];
extern Type *const exc_types_all[];
extern const size_t exc_types_count;

void int_init(void);
void float_init(void);
void str_init(void);
void list_init(void);
void dict_init(void);
void set_init(void);
void range_init(void);
void bytes_init(void);
void gen_init(void);
void types_core_init(void);

static void names_init(void) {
  /* one string of all the names and a table of where each goes: a call per name was 1.5 KB */
#define NAME_TEXT(n) #n "\0"
#define NAME_OFFSET(n) (uint16_t)offsetof(Names, n),
  static const char text[] = NAME_LIST(NAME_TEXT);
  static const uint16_t offsets[] = {NAME_LIST(NAME_OFFSET)};
#undef NAME_TEXT
#undef NAME_OFFSET
  const char *p = text;
  for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
    size_t n = strlen(p);
    *(Value *)((char *)&N + offsets[i]) = intern(p, n);
    p += n + 1;
  }
  static const char *const ops[BIN_COUNT] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
                                             "lshift", "rshift", "and", "or", "xor", "matmul"};
  /* "__add__", "__radd__", "__iadd__", ...: built by hand, snprintf costs ~3000 instructions
   * a call on the board */
  char buf[32] = "__r", *plain = buf + 1; /* "__r" "add" "__" and "_" "_add__" */
  for (int i = 0; i < BIN_COUNT; i++) {
    size_t n = strlen(ops[i]);
    memcpy(buf + 3, ops[i], n);
    memcpy(buf + 3 + n, "__", 2);
    buf[2] = 'r';
    N.rbinop[i] = intern(buf, n + 5);
    buf[2] = 'i';
    N.ibinop[i] = intern(buf, n + 5);
    buf[2] = '_';
    N.binop[i] = intern(plain, n + 4);
  }
  const Value cmps[6] = {N.__lt__, N.__le__, N.__eq__, N.__ne__, N.__gt__, N.__ge__};
  memcpy(N.cmp, cmps, sizeof cmps);
  N.default_ = intern_cstr("default");
  N.dunder_func = intern_cstr("__func__");
  N.empty = intern_cstr("");
  N.lambda = intern_cstr("<lambda>");
  N.listcomp = intern_cstr("<listcomp>");
  N.genexpr = intern_cstr("<genexpr>");
  N.setcomp = intern_cstr("<setcomp>");
  N.dictcomp = intern_cstr("<dictcomp>");
  N.module = intern_cstr("<module>");
}

void py_init(void *heap, size_t heap_size, void *stack_top) {
  gc_init(heap, heap_size);
  gc_set_stack_top(stack_top);
  memset(&vm, 0, sizeof vm);
  vm.empty_str = str_new("", 0);
  vm.empty_tuple = tuple_new(0);
  for (int c = 0; c < 128; c++) {
    char ch = (char)c;
    char *d;
    Value s = str_new_uninit(1, &d);
    d[0] = ch;
    vm.small_chars[c] = str_finish(s);
  }
  vm.interned = dict_new();
  /* sized for the names interned at start-up, so the table is not rebuilt while it fills */
  ht_init(&((Dict *)vm.interned)->t, 1024);
  names_init();
  for (size_t i = 0; i < builtin_types_count; i++) type_init_builtin(builtin_types_all[i]);
  for (size_t i = 0; i < exc_types_count; i++) type_init_builtin(exc_types_all[i]);
  types_core_init();
  int_init();
  float_init();
  str_init();
  list_init();
  dict_init();
  set_init();
  range_init();
  bytes_init();
  gen_init();
  exc_init();
  vm.modules = dict_new();
  builtins_init();
  import_module(intern_cstr("sys"));
}

/* ---- reporting ---------------------------------------------------------------------------- */
static void *alloc_for_file(size_t n);
static void print_syntax_error(Value exc) {
  Value d = instance_dict(exc);
  Value file = dict_get_str(d, intern_cstr("filename"));
  Value line = dict_get_str(d, intern_cstr("lineno"));
  Value msg = dict_get_str(d, intern_cstr("msg"));
  if (!file || !line || !msg) {
    exc_print(exc, VNULL);
    return;
  }
  SB sb;
  sb_init(&sb, 128);
  sb_printf(&sb, "  File \"%s\", line %d\n", str_cstr(file), (int)SMALL_VAL(line));
  /* the offending line with a caret under the error position, as CPython prints it */
  Value off = dict_get_str(d, intern_cstr("offset"));
  size_t len;
  char *src = str_cstr(file)[0] == '<' ? NULL : port_read_file(str_cstr(file), &len, alloc_for_file);
  if (src) {
    const char *p = src, *end = src + len;
    for (intptr_t l = 1; l < SMALL_VAL(line) && p < end; l++) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      p = nl ? nl + 1 : end;
    }
    const char *e = p;
    while (e < end && *e != '\n') e++;
    const char *st = p;
    while (st < e && (*st == ' ' || *st == '\t')) st++;
    while (e > st && (e[-1] == ' ' || e[-1] == '\r')) e--;
    if (e > st) {
      sb_adds(&sb, "    ");
      sb_add(&sb, st, (size_t)(e - st));
      sb_addc(&sb, '\n');
      intptr_t col = off && IS_SMALL(off) ? SMALL_VAL(off) - 1 - (st - p) : -1;
      if (col >= 0 && col <= e - st) {
        sb_adds(&sb, "    ");
        for (intptr_t i = 0; i < col; i++) sb_addc(&sb, ' ');
        sb_adds(&sb, "^\n");
      }
    }
  }
  sb_adds(&sb, type_name(exc));
  sb_adds(&sb, ": ");
  sb_addv(&sb, msg);
  sb_addc(&sb, '\n');
  port_write(2, sb.buf, sb.len);
}

int py_handle_uncaught(Value exc) {
  if (isinst(exc, &SystemExit_type)) {
    Value code = exc_arg0(exc);
    Tuple *args = (Tuple *)((Exc *)exc)->args;
    if (args && args->len > 1) code = ((Exc *)exc)->args;
    if (code == NONE) return 0;
    if (is_int(code)) return (int)(int_as_i64(code) & 0xff);
    Value s = py_str(code);
    port_write(2, str_cstr(s), str_len(s));
    port_write(2, "\n", 1);
    return 1;
  }
  if (isinst(exc, &SyntaxError_type) && !((Exc *)exc)->traceback) {
    print_syntax_error(exc);
    return 1;
  }
  exc_print(exc, VNULL);
  return 1;
}

static Value new_main_module(Value file) {
  Value m = module_new(N.__main__);
  Value d = ((Module *)m)->dict;
  dict_set(d, N.__builtins__, vm.builtins);
  if (file) dict_set(d, N.__file__, file);
  dict_set(d, N.__doc__, NONE);
  dict_set(vm.modules, N.__main__, m);
  return d;
}

static void *alloc_for_file(size_t n) { return gc_alloc_nothrow(n); }

/* How py_run_file turns the script into code; the freeze tool (py/frozen/dump.c) swaps in a
 * compile + dump + load round trip to run the conformance suite on reloaded code. */
Value (*py_main_compiler)(const char *src, size_t len, Value filename, int mode) = compile_source;

int py_run_file(const char *path, int argc, char **argv) {
  size_t len;
  char *src = port_read_file(path, &len, alloc_for_file);
  if (!src) {
    char msg[512];
    int n = snprintf(msg, sizeof msg, "vbpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
    port_write(2, msg, (size_t)n);
    return 2;
  }
  const char *slash = strrchr(path, '/');
  vm.main_dir = slash ? str_new(path, (size_t)(slash - path)) : str_from_cstr("");
  if (slash && slash == path) vm.main_dir = str_from_cstr("/");
  Value sysm = dict_get_str(vm.modules, intern_cstr("sys"));
  Value sp = dict_get_str(((Module *)sysm)->dict, intern_cstr("path"));
  ((List *)sp)->items[0] = vm.main_dir;
  List *av = (List *)vm.argv;
  av->len = 0;
  for (int i = 0; i < argc; i++) list_append(vm.argv, str_from_cstr(argv[i]));
  Value file = str_from_cstr(path);
  if (path[0] != '/') {
    /* CPython reports the main script by absolute path */
    char cwd[1024];
    if (port_getcwd(cwd, sizeof cwd)) file = str_printf("%s/%s", cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
  }
  Value globals = new_main_module(file);
  int status = 0;
  Nlr n;
  if (NLR_TRY(n)) {
    Value code = py_main_compiler(src, len, file, 0);
    vm_exec_module((Code *)code, globals);
    nlr_pop();
  } else {
    status = py_handle_uncaught(vm.raised);
  }
  port_flush();
  return status;
}

Value py_exec_source(const char *src, size_t len, Value filename, Value globals) {
  Value code = compile_source(src, len, filename, 0);
  return vm_exec_module((Code *)code, globals);
}

/* ---- REPL --------------------------------------------------------------------------------- */
static bool needs_more(const char *buf, size_t len) {
  /* continue while the last logical line opens a block, or a bracket is open */
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < len; i++) {
    char c = buf[i];
    if (quote) {
      if (c == '\\') i++;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '#') { while (i < len && buf[i] != '\n') i++; continue; }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[' || c == '{') depth++;
    else if (c == ')' || c == ']' || c == '}') depth--;
  }
  if (depth > 0) return true;
  size_t e = len;
  while (e > 0 && (buf[e - 1] == ' ' || buf[e - 1] == '\n')) e--;
  return e > 0 && buf[e - 1] == ':';
}

int py_repl(void) {
  Value globals = new_main_module(VNULL);
  Value file = str_from_cstr("<stdin>");
  char line[4096];
  for (;;) {
    port_write(1, ">>> ", 4);
    long n = port_readline(line, sizeof line);
    if (n < 0) {
      port_write(1, "\n", 1);
      break;
    }
    SB sb;
    sb_init(&sb, 256);
    sb_add(&sb, line, (size_t)n);
    sb_addc(&sb, '\n');
    if (needs_more(sb.buf, sb.len)) {
      for (;;) {
        port_write(1, "... ", 4);
        n = port_readline(line, sizeof line);
        if (n <= 0) break;
        sb_add(&sb, line, (size_t)n);
        sb_addc(&sb, '\n');
      }
    }
    Nlr nl;
    if (NLR_TRY(nl)) {
      Value code = compile_source(sb.buf, sb.len, file, 1);
      vm_exec_module((Code *)code, globals);
      nlr_pop();
    } else {
      Value e = vm.raised;
      if (isinst(e, &SystemExit_type)) return py_handle_uncaught(e);
      py_handle_uncaught(e);
    }
    vm.cur_exc = VNULL;
  }
  port_flush();
  return 0;
}
