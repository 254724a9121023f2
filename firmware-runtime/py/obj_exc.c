/* Exceptions: the built-in hierarchy (Python library reference, "Exception hierarchy"), raising
 * through NLR (setjmp/longjmp), and CPython-format tracebacks. */
#include "py.h"
#include "port.h"

#include <stdio.h>

/* ---- non-local return --------------------------------------------------------------------- */
void nlr_push(Nlr *n) {
  n->prev = vm.nlr_top;
  n->frame = vm.frame;
  n->depth = vm.depth;
  vm.nlr_top = n;
}

void nlr_pop(void) { vm.nlr_top = vm.nlr_top->prev; }

NORETURN void nlr_jump(Value exc) {
  Nlr *n = vm.nlr_top;
  vm.raised = exc;
  if (!n) {
    port_write(2, "vbpy: uncaught exception outside any handler\n", 46);
    exc_print(exc, VNULL);
    port_exit(1);
  }
  vm.nlr_top = n->prev;
  vm.frame = n->frame;
  vm.depth = n->depth;
  longjmp(n->jb, 1);
}

/* ---- raising ------------------------------------------------------------------------------ */
NORETURN void py_raise(Value exc) {
  if (is_type(exc, &type_type)) {
    if (!type_is_sub((Type *)exc, &BaseException_type))
      raise_msg(&TypeError_type, "exceptions must derive from BaseException");
    exc = py_call0(exc);
  }
  if (!isinst(exc, &BaseException_type)) raise_msg(&TypeError_type, "exceptions must derive from BaseException");
  Exc *e = (Exc *)exc;
  if (vm.cur_exc && vm.cur_exc != exc && !e->context) {
    /* avoid creating a context cycle */
    Value c = vm.cur_exc;
    bool cyc = false;
    for (int i = 0; c && i < 100; i++) {
      if (c == exc) { cyc = true; break; }
      c = ((Exc *)c)->context;
    }
    if (!cyc) e->context = vm.cur_exc;
  }
  nlr_jump(exc);
}

Value exc_new(Type *t, int nargs, const Value *args) {
  Exc *e = obj_alloc(t, t->inst_size >= sizeof(Exc) ? t->inst_size : sizeof(Exc));
  e->args = tuple_from((size_t)nargs, args);
  return V(e);
}

Value exc_new_msg(Type *t, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Value m = str_from_cstr(buf);
  return exc_new(t, 1, &m);
}

NORETURN void raise_msg(Type *t, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Value m = str_from_cstr(buf);
  py_raise(exc_new(t, 1, &m));
}

NORETURN void raise_type(Type *t) { py_raise(exc_new(t, 0, NULL)); }

Value exc_arg0(Value exc) {
  Tuple *a = (Tuple *)((Exc *)exc)->args;
  return a && a->len ? a->items[0] : NONE;
}

void exc_add_traceback(Value exc, Value file, int line, Value name) {
  Exc *e = (Exc *)exc;
  if (!e->traceback) e->traceback = list_new(0);
  list_append(e->traceback, tuple3(file, MK_SMALL(line), name));
}

/* ---- the type's slots --------------------------------------------------------------------- */
Type *errno_type(int e); /* mod_errno.c */

/* OSError(errno, strerror, ...) is the subclass for that errno, as in CPython (PEP 3151). */
static Value exc_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)nkw;
  if (t == &OSError_type && nargs >= 2 && IS_SMALL(args[0])) t = errno_type((int)SMALL_VAL(args[0]));
  return exc_new(t, nargs, args);
}

static Value exc_str(Value v) {
  Exc *e = (Exc *)v;
  Tuple *a = (Tuple *)e->args;
  if (!a || a->len == 0) return vm.empty_str;
  if (isinst(v, &OSError_type) && a->len >= 2 && is_int(a->items[0])) {
    Value s = py_str(a->items[1]);
    return str_printf("[Errno %d] %s", (int)int_as_i64(a->items[0]), str_cstr(s));
  }
  if (a->len == 1) {
    if (isinst(v, &KeyError_type)) return py_repr(a->items[0]);
    return py_str(a->items[0]);
  }
  return py_repr(e->args);
}

static Value exc_repr(Value v) {
  Exc *e = (Exc *)v;
  Tuple *a = (Tuple *)e->args;
  SB sb;
  sb_init(&sb, 32);
  sb_adds(&sb, type_name(v));
  if (!a || a->len == 0) sb_adds(&sb, "()");
  else if (a->len == 1) {
    sb_addc(&sb, '(');
    sb_add_repr(&sb, a->items[0]);
    sb_addc(&sb, ')');
  } else {
    sb_add_repr(&sb, e->args);
  }
  return sb_to_str(&sb);
}

static Value exc_getattr(Value v, Value name) {
  Exc *e = (Exc *)v;
  if (name == N.args) return e->args ? e->args : tuple_new(0);
  if (name == N.__traceback__) return NONE;
  if (name == N.__cause__) return e->cause ? e->cause : NONE;
  if (name == N.__context__) return e->context ? e->context : NONE;
  if (name == N.__suppress_context__) return PYBOOL(e->suppress_context);
  Value r = generic_getattr(v, name);
  if (r) return r;
  Tuple *a = (Tuple *)e->args;
  if (name == N.value && isinst(v, &StopIteration_type)) return exc_arg0(v);
  if (name == N.code && isinst(v, &SystemExit_type)) return exc_arg0(v);
  if (isinst(v, &OSError_type)) {
    if (name == N.errno) return a && a->len >= 2 ? a->items[0] : NONE;
    if (name == N.strerror) return a && a->len >= 2 ? a->items[1] : NONE;
    if (name == N.filename) return a && a->len >= 3 ? a->items[2] : NONE;
  }
  if ((name == N.name) && isinst(v, &ImportError_type)) return NONE;
  return VNULL;
}

static bool exc_setattr(Value v, Value name, Value val) {
  Exc *e = (Exc *)v;
  if (name == N.__cause__) {
    e->cause = val == NONE ? VNULL : val;
    e->suppress_context = true;
    return true;
  }
  if (name == N.__context__) { e->context = val == NONE ? VNULL : val; return true; }
  if (name == N.__suppress_context__) { e->suppress_context = val && py_truth(val); return true; }
  if (name == N.args) { e->args = seq_to_tuple(val); return true; }
  /* Traceback objects are not exposed, but clearing one must work: re-raising a stored
   * exception appends to its traceback (as CPython does), and `e.__traceback__ = None` is how
   * long-lived code keeps that from growing. */
  if (name == N.__traceback__) {
    if (val == NONE) e->traceback = VNULL;
    return true;
  }
  return generic_setattr(v, name, val);
}

static Value exc_new_fn(int nargs, int nkw, const Value *args) {
  (void)nkw;
  Type *t = (Type *)args[0];
  return exc_new(t, nargs - 1, args + 1);
}
static Value exc_init_fn(int nargs, int nkw, const Value *args) {
  (void)nkw;
  ((Exc *)args[0])->args = tuple_from((size_t)nargs - 1, args + 1);
  return NONE;
}
static Value exc_with_traceback(int n, const Value *a) {
  (void)n;
  if (a[1] == NONE) ((Exc *)a[0])->traceback = VNULL;
  return a[0];
}
static Value exc_add_note(int n, const Value *a) {
  (void)n;
  Value d = instance_dict(a[0]);
  Value k = intern_cstr("__notes__");
  Value l = dict_get_str(d, k);
  if (!l) { l = list_new(0); dict_set(d, k, l); }
  list_append(l, a[1]);
  return NONE;
}

static const MethodDef exc_methods[] = {
    {"__new__", exc_new_fn, 1, -1, 1, MK_STATIC},
    {"__init__", exc_init_fn, 1, -1, 1, MK_METHOD},
    {"with_traceback", exc_with_traceback, 2, 2, 0, MK_METHOD},
    {"add_note", exc_add_note, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

#define EXC_FIELDS(nm, basep) \
  .hdr = {&type_type}, .name = nm, .base = basep, .flags = TF_BASETYPE | TF_EXC, \
  .inst_size = sizeof(Exc), .dict_offset = offsetof(Exc, dict), .make_new = exc_make, \
  .repr = exc_repr, .str = exc_str, .getattr = exc_getattr, .setattr = exc_setattr
#define EXC(N_, B_) Type N_##_type = {EXC_FIELDS(#N_, &B_##_type)};

Type BaseException_type = {EXC_FIELDS("BaseException", &object_type)};
EXC(Exception, BaseException)
EXC(SystemExit, BaseException)
EXC(KeyboardInterrupt, BaseException)
EXC(GeneratorExit, BaseException)
EXC(StopIteration, Exception)
EXC(StopAsyncIteration, Exception)
EXC(ArithmeticError, Exception)
EXC(ZeroDivisionError, ArithmeticError)
EXC(OverflowError, ArithmeticError)
EXC(FloatingPointError, ArithmeticError)
EXC(LookupError, Exception)
EXC(IndexError, LookupError)
EXC(KeyError, LookupError)
EXC(ValueError, Exception)
EXC(UnicodeError, ValueError)
EXC(UnicodeDecodeError, UnicodeError)
EXC(UnicodeEncodeError, UnicodeError)
EXC(TypeError, Exception)
EXC(AttributeError, Exception)
EXC(NameError, Exception)
EXC(UnboundLocalError, NameError)
EXC(RuntimeError, Exception)
EXC(RecursionError, RuntimeError)
EXC(NotImplementedError, RuntimeError)
EXC(AssertionError, Exception)
EXC(MemoryError, Exception)
EXC(BufferError, Exception)
EXC(EOFError, Exception)
EXC(ImportError, Exception)
EXC(ModuleNotFoundError, ImportError)
EXC(SyntaxError, Exception)
EXC(IndentationError, SyntaxError)
EXC(TabError, IndentationError)
EXC(OSError, Exception)
EXC(TimeoutError, OSError)
EXC(FileNotFoundError, OSError)
EXC(FileExistsError, OSError)
EXC(IsADirectoryError, OSError)
EXC(PermissionError, OSError)
EXC(InterruptedError, OSError)
EXC(BlockingIOError, OSError)
EXC(ConnectionError, OSError)
EXC(BrokenPipeError, ConnectionError)
EXC(ConnectionResetError, ConnectionError)
EXC(ConnectionRefusedError, ConnectionError)
EXC(ConnectionAbortedError, ConnectionError)
EXC(Warning, Exception)
EXC(UserWarning, Warning)
EXC(DeprecationWarning, Warning)
EXC(RuntimeWarning, Warning)
EXC(CancelledError, BaseException)

Type *const exc_types_all[] = {
    &BaseException_type, &Exception_type, &SystemExit_type, &KeyboardInterrupt_type,
    &GeneratorExit_type, &StopIteration_type, &StopAsyncIteration_type, &ArithmeticError_type,
    &ZeroDivisionError_type, &OverflowError_type, &FloatingPointError_type, &LookupError_type,
    &IndexError_type, &KeyError_type, &ValueError_type, &UnicodeError_type,
    &UnicodeDecodeError_type, &UnicodeEncodeError_type, &TypeError_type, &AttributeError_type,
    &NameError_type, &UnboundLocalError_type, &RuntimeError_type, &RecursionError_type,
    &NotImplementedError_type, &AssertionError_type, &MemoryError_type, &BufferError_type,
    &EOFError_type, &ImportError_type, &ModuleNotFoundError_type, &SyntaxError_type,
    &IndentationError_type, &TabError_type, &OSError_type, &TimeoutError_type,
    &FileNotFoundError_type, &FileExistsError_type, &IsADirectoryError_type,
    &PermissionError_type, &InterruptedError_type, &BlockingIOError_type, &ConnectionError_type,
    &BrokenPipeError_type, &ConnectionResetError_type, &ConnectionRefusedError_type,
    &ConnectionAbortedError_type, &Warning_type, &UserWarning_type, &DeprecationWarning_type,
    &RuntimeWarning_type,
};
const size_t exc_types_count = sizeof exc_types_all / sizeof exc_types_all[0];

void exc_init(void) {
  type_add_methods(&BaseException_type, exc_methods);
  vm.memory_error = exc_new(&MemoryError_type, 0, NULL);
}

/* ---- traceback printing (CPython's format) ------------------------------------------------ */
static void *alloc_for_file(size_t n) { return gc_alloc_nothrow(n); }

/* The source line under a traceback entry, stripped, when the file can be read. */
static void add_source_line(SB *sb, Value file, int line) {
  const char *name = str_cstr(file);
  if (name[0] == '<') return;
  size_t len;
  char *src = port_read_file(name, &len, alloc_for_file);
  if (!src) return;
  const char *p = src, *end = src + len;
  for (int l = 1; l < line && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
  }
  const char *e = p;
  while (e < end && *e != '\n') e++;
  while (p < e && (*p == ' ' || *p == '\t')) p++;
  while (e > p && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t')) e--;
  if (e > p) {
    sb_adds(sb, "    ");
    sb_add(sb, p, (size_t)(e - p));
    sb_addc(sb, '\n');
  }
  gc_free(src);
}
static void print_one(SB *sb, Value exc, int depth) {
  Exc *e = (Exc *)exc;
  if (depth < 16) {
    if (e->cause) {
      print_one(sb, e->cause, depth + 1);
      sb_adds(sb, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e->context && !e->suppress_context) {
      print_one(sb, e->context, depth + 1);
      sb_adds(sb, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  }
  if (e->traceback && ((List *)e->traceback)->len) {
    sb_adds(sb, "Traceback (most recent call last):\n");
    List *tb = (List *)e->traceback;
    /* entries are appended innermost first while unwinding; print outermost first */
    for (size_t i = tb->len; i > 0; i--) {
      Tuple *t = (Tuple *)tb->items[i - 1];
      int line = (int)SMALL_VAL(t->items[1]);
      sb_printf(sb, "  File \"%s\", line %d, in %s\n", str_cstr(t->items[0]), line, str_cstr(t->items[2]));
      add_source_line(sb, t->items[0], line);
    }
  }
  Type *t = type_of(exc);
  if ((t->flags & TF_HEAP) && t->module && !str_eq(t->module, N.__main__) && !str_eq(t->module, N.__builtins__)) {
    sb_addv(sb, t->module);
    sb_addc(sb, '.');
  }
  sb_adds(sb, t->name);
  Value s = VNULL;
  Nlr n;
  if (NLR_TRY(n)) {
    s = py_str(exc);
    nlr_pop();
  } else {
    s = str_from_cstr("<exception str() failed>");
  }
  if (str_len(s)) {
    sb_adds(sb, ": ");
    sb_addv(sb, s);
  }
  sb_addc(sb, '\n');
}

void exc_print(Value exc, Value file) {
  SB sb;
  sb_init(&sb, 256);
  print_one(&sb, exc, 0);
  if (file && file != NONE && file != vm.sys_stderr) {
    Value s = str_new(sb.buf, sb.len);
    py_print_value(file, s);
    return;
  }
  port_write(2, sb.buf, sb.len);
}
