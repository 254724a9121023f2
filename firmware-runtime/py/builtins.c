/* The builtins module (Python library reference, "Built-in Functions"). */
#include "port.h"
#include "bigint.h"
#include "py.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
Value calliter_new(Value fn, Value sentinel);
Value vm_run_class_body(Function *fn, Value ns);

/* ---- output ------------------------------------------------------------------------------- */
/* sys.stdout as the program left it: print() follows a reassignment (sys.stdout = buffer,
 * contextlib.redirect_stdout) as CPython's does */
static Value sys_stdout_now(void) {
  static Value name, sys_name; /* interned: the intern table keeps them alive */
  if (!name) {
    name = intern_cstr("stdout");
    sys_name = intern_cstr("sys");
  }
  Value sys = dict_get_str(vm.modules, sys_name);
  Value cur = sys ? dict_get_str(((Module *)sys)->dict, name) : VNULL;
  return cur ? cur : vm.sys_stdout;
}

void py_print_value(Value file, Value s) {
  if (!file || file == NONE) file = sys_stdout_now();
  if (file == vm.sys_stdout) {
    port_write(1, str_cstr(s), str_len(s));
    return;
  }
  if (file == vm.sys_stderr) {
    port_write(2, str_cstr(s), str_len(s));
    return;
  }
  py_call_method(file, N.write, 1, &s);
}

static Value b_print(int nargs, int nkw, const Value *a) {
  Value sep = kwarg_find(nargs, nkw, a, N.sep);
  Value end = kwarg_find(nargs, nkw, a, N.end);
  Value file = kwarg_find(nargs, nkw, a, N.file);
  Value flush = kwarg_find(nargs, nkw, a, N.flush);
  for (int i = 0; i < nkw; i++) {
    Value k = a[nargs + 2 * i];
    if (!str_eq(k, N.sep) && !str_eq(k, N.end) && !str_eq(k, N.file) && !str_eq(k, N.flush))
      raise_msg(&TypeError_type, "'%s' is an invalid keyword argument for print()", str_cstr(k));
  }
  if (sep && sep != NONE && !isinst(sep, &str_type)) raise_msg(&TypeError_type, "sep must be None or a string, not %s", type_name(sep));
  if (end && end != NONE && !isinst(end, &str_type)) raise_msg(&TypeError_type, "end must be None or a string, not %s", type_name(end));
  SB sb;
  sb_init(&sb, 64);
  for (int i = 0; i < nargs; i++) {
    if (i) {
      if (sep && sep != NONE) sb_addv(&sb, sep);
      else sb_addc(&sb, ' ');
    }
    sb_add_str(&sb, a[i]);
  }
  if (end && end != NONE) sb_addv(&sb, end);
  else sb_addc(&sb, '\n');
  if (!file || file == NONE) file = sys_stdout_now();
  if (file == vm.sys_stdout) {
    port_write(1, sb.buf, sb.len);
    gc_free(sb.buf);
  } else {
    py_print_value(file, sb_to_str(&sb));
  }
  if (flush && py_truth(flush)) port_flush();
  return NONE;
}

static Value b_input(int nargs, const Value *a) {
  if (nargs) py_print_value(vm.sys_stdout, py_str(a[0]));
  port_flush();
  char buf[4096];
  long n = port_readline(buf, sizeof buf);
  if (n < 0) raise_msg(&EOFError_type, "EOF when reading a line");
  return str_new(buf, (size_t)n);
}

/* ---- introspection ------------------------------------------------------------------------ */
static Value b_len(int n, const Value *a) { (void)n; return MK_SMALL(py_len(a[0])); }
static Value b_repr(int n, const Value *a) { (void)n; return py_repr(a[0]); }
Value py_ascii(Value v) {
  Value r = py_repr(v);
  SB sb;
  sb_init(&sb, str_len(r) + 8);
  for (const char *p = str_cstr(r); *p;) {
    if ((unsigned char)*p < 0x80) { sb_addc(&sb, *p++); continue; }
    uint32_t cp = utf8_decode(&p);
    if (cp < 0x100) sb_printf(&sb, "\\x%02x", cp);
    else if (cp < 0x10000) sb_printf(&sb, "\\u%04x", cp);
    else sb_printf(&sb, "\\U%08x", cp);
  }
  return sb_to_str(&sb);
}
static Value b_ascii(int n, const Value *a) { (void)n; return py_ascii(a[0]); }

static bool isinstance_check(Value obj, Value cls) {
  if (is_type(cls, &tuple_type)) {
    Tuple *t = (Tuple *)cls;
    for (size_t i = 0; i < t->len; i++)
      if (isinstance_check(obj, t->items[i])) return true;
    return false;
  }
  if (!isinst(cls, &type_type)) raise_msg(&TypeError_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  Type *ct = type_of(cls);
  if (ct != &type_type && (ct->flags & TF_HEAP)) {
    Value m = lookup_mro(ct, intern_cstr("__instancecheck__"));
    if (m && is_type(m, &function_type)) return py_truth(py_call2(m, cls, obj));
  }
  return isinst(obj, (Type *)cls);
}
static Value b_isinstance(int n, const Value *a) { (void)n; return PYBOOL(isinstance_check(a[0], a[1])); }

static bool issubclass_check(Value c, Value cls) {
  if (is_type(cls, &tuple_type)) {
    Tuple *t = (Tuple *)cls;
    for (size_t i = 0; i < t->len; i++)
      if (issubclass_check(c, t->items[i])) return true;
    return false;
  }
  if (!isinst(cls, &type_type)) raise_msg(&TypeError_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return type_is_sub((Type *)c, (Type *)cls);
}
static Value b_issubclass(int n, const Value *a) {
  (void)n;
  if (!isinst(a[0], &type_type)) raise_msg(&TypeError_type, "issubclass() arg 1 must be a class");
  return PYBOOL(issubclass_check(a[0], a[1]));
}

static Value attr_name(Value v) {
  if (!isinst(v, &str_type)) raise_msg(&TypeError_type, "attribute name must be string, not '%s'", type_name(v));
  return intern_value(v);
}
static Value b_getattr(int n, const Value *a) {
  Value name = attr_name(a[1]);
  if (n > 2) {
    Nlr nl;
    if (NLR_TRY(nl)) {
      Value v = py_getattr(a[0], name);
      nlr_pop();
      return v;
    }
    if (isinst(vm.raised, &AttributeError_type)) return a[2];
    py_raise(vm.raised);
  }
  return py_getattr(a[0], name);
}
static Value b_setattr(int n, const Value *a) { (void)n; py_setattr(a[0], attr_name(a[1]), a[2]); return NONE; }
static Value b_delattr(int n, const Value *a) { (void)n; py_setattr(a[0], attr_name(a[1]), VNULL); return NONE; }
static Value b_hasattr(int n, const Value *a) {
  (void)n;
  Value name = attr_name(a[1]);
  Nlr nl;
  if (NLR_TRY(nl)) {
    Value v = py_getattr(a[0], name);
    nlr_pop();
    return PYBOOL(v != VNULL);
  }
  if (isinst(vm.raised, &AttributeError_type)) return FALSE_V;
  py_raise(vm.raised);
}
static Value b_callable(int n, const Value *a) { (void)n; return PYBOOL(py_callable(a[0])); }
static Value b_hash(int n, const Value *a) { (void)n; return int_from_i64(py_hash(a[0])); }
static Value b_id(int n, const Value *a) { (void)n; return int_from_i64((int64_t)(a[0] >> (IS_SMALL(a[0]) ? 0 : 0))); }

static Value b_iter(int n, const Value *a) {
  if (n == 2) {
    if (!py_callable(a[0])) raise_msg(&TypeError_type, "iter(v, w): v must be callable");
    return calliter_new(a[0], a[1]);
  }
  return py_iter(a[0]);
}
static Value b_next(int n, const Value *a) {
  Type *t = type_of(a[0]);
  if (!t->next && !((t->flags & TF_HEAP) && lookup_mro(t, N.__next__)))
    raise_msg(&TypeError_type, "'%s' object is not an iterator", t->name);
  if (t == &gen_type) {
    Value ret;
    Value r = gen_send(a[0], NONE, &ret);
    if (r) return r;
    if (n > 1) return a[1];
    if (ret == NONE) raise_type(&StopIteration_type);
    py_raise(exc_new(&StopIteration_type, 1, &ret));
  }
  Value v = py_next(a[0]);
  if (v) return v;
  if (n > 1) return a[1];
  raise_type(&StopIteration_type);
}

/* ---- numbers ------------------------------------------------------------------------------ */
static Value b_abs(int n, const Value *a) {
  (void)n;
  Value x = a[0];
  if (is_int(x) && !(type_of(x)->flags & TF_HEAP)) {
    if (x == TRUE_V || x == FALSE_V) return MK_SMALL(x == TRUE_V);
    return py_compare_bool(CMP_LT, x, MK_SMALL(0)) ? py_unop(UN_NEG, x) : x;
  }
  if (is_type(x, &float_type)) return float_new(fabs(((Float *)x)->v));
  Value m = lookup_mro(type_of(x), N.__abs__);
  if (m) return py_call1(m, x);
  raise_msg(&TypeError_type, "bad operand type for abs(): '%s'", type_name(x));
}

static Value b_divmod(int n, const Value *a) {
  (void)n;
  Value q = py_binop(BIN_FLOORDIV, a[0], a[1]);
  Value r = py_binop(BIN_MOD, a[0], a[1]);
  return tuple2(q, r);
}

static Value b_pow(int n, const Value *a) {
  if (n == 3 && a[2] != NONE) {
    if (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2])) raise_msg(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
    if (py_compare_bool(CMP_LT, a[1], MK_SMALL(0))) raise_msg(&ValueError_type, "pow() 2nd argument cannot be negative when 3rd argument specified");
    if (a[2] == MK_SMALL(0)) raise_msg(&ValueError_type, "pow() 3rd argument cannot be 0");
    /* The machine-word path multiplies two residues below |m| in 64 bits, so it needs
       |m| < 2^31; anything larger takes the arbitrary-precision path (no __int128 on the
       Cortex-M3). */
    if (!IS_SMALL(a[0]) || !IS_SMALL(a[1]) || !IS_SMALL(a[2])
        || SMALL_VAL(a[2]) > INT32_MAX || SMALL_VAL(a[2]) < -INT32_MAX) {
      /* square-and-multiply with arbitrary-precision ints */
      Value base = int_binop(BIN_MOD, a[0], a[2]), e = a[1], r = MK_SMALL(1);
      while (py_compare_bool(CMP_GT, e, MK_SMALL(0))) {
        if (py_truth(int_binop(BIN_AND, e, MK_SMALL(1)))) r = int_binop(BIN_MOD, int_binop(BIN_MUL, r, base), a[2]);
        e = int_binop(BIN_RSHIFT, e, MK_SMALL(1));
        base = int_binop(BIN_MOD, int_binop(BIN_MUL, base, base), a[2]);
      }
      return int_binop(BIN_MOD, r, a[2]);
    }
    int64_t b = int_as_i64(a[0]), e = int_as_i64(a[1]), m = int_as_i64(a[2]);
    if (m == 0) raise_msg(&ValueError_type, "pow() 3rd argument cannot be 0");
    if (e < 0) raise_msg(&ValueError_type, "pow() 2nd argument cannot be negative when 3rd argument specified");
    int64_t mm = m < 0 ? -m : m, r = 1 % mm, base = ((b % mm) + mm) % mm;
    while (e > 0) {
      if (e & 1) r = (r * base) % mm;
      base = (base * base) % mm;
      e >>= 1;
    }
    int64_t res = (int64_t)r;
    if (m < 0 && res != 0) res += m;
    return int_from_i64(res);
  }
  return py_binop(BIN_POW, a[0], a[1]);
}

static Value b_round(int nargs, int nkw, const Value *a) {
  Value nd = nargs > 1 ? a[1] : kwarg_find(nargs, nkw, a, intern_cstr("ndigits"));
  Value x = a[0];
  Type *t = type_of(x);
  if (t->flags & TF_HEAP) {
    Value m = lookup_mro(t, N.__round__);
    if (m) return nd ? py_call2(m, x, nd) : py_call1(m, x);
  }
  if (is_int(x)) {
    Value xi = is_type(x, &bool_type) ? MK_SMALL(x == TRUE_V) : x;
    if (!nd || nd == NONE) return xi;
    int64_t d = int_as_i64(nd);
    if (d >= 0) return xi;
    if (!IS_SMALL(x)) {
      /* arbitrary precision: round half to even on q = x // 10**-d, r = x % 10**-d */
      Value p = int_binop(BIN_POW, MK_SMALL(10), int_from_i64(-d));
      Value q = int_binop(BIN_FLOORDIV, x, p), r = int_binop(BIN_MOD, x, p);
      Value r2 = int_binop(BIN_MUL, r, MK_SMALL(2));
      if (py_compare_bool(CMP_GT, r2, p) || (py_eq(r2, p) && py_truth(int_binop(BIN_AND, q, MK_SMALL(1)))))
        q = int_binop(BIN_ADD, q, MK_SMALL(1));
      return int_binop(BIN_MUL, q, p);
    }
    int64_t p = 1;
    for (int64_t i = 0; i < -d && p < INT64_MAX / 10; i++) p *= 10;
    int64_t v = int_as_i64(x);
    int64_t q = v / p, r = v % p;
    if (r < 0) { r += p; q--; }
    if (2 * r > p || (2 * r == p && (q & 1))) q++;
    return int_from_i64(q * p);
  }
  double v = float_val(x);
  if (!nd || nd == NONE) {
    if (isnan(v)) raise_msg(&ValueError_type, "cannot convert float NaN to integer");
    if (isinf(v)) raise_msg(&OverflowError_type, "cannot convert float infinity to integer");
    double r = nearbyint(v);
    if (fabs(r) >= 9.2e18) return big_from_double(r); /* beyond int64: exact conversion */
    return int_from_i64(float_to_i64(r));
  }
  int64_t d = int_as_i64(nd);
  if (!isfinite(v)) return float_new(v);
  if (d > 300) return float_new(v);
  if (d >= 0) {
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", (int)d, v);
    return float_new(strtod(buf, NULL));
  }
  double p = pow(10.0, (double)-d);
  double r = nearbyint(v / p) * p;
  return float_new(r);
}

static Value b_hex(int n, const Value *a) { (void)n; return int_to_str_base(is_int(a[0]) ? a[0] : int_from_i64(py_index(a[0])), 16, true); }
static Value b_oct(int n, const Value *a) { (void)n; return int_to_str_base(is_int(a[0]) ? a[0] : int_from_i64(py_index(a[0])), 8, true); }
static Value b_bin(int n, const Value *a) { (void)n; return int_to_str_base(is_int(a[0]) ? a[0] : int_from_i64(py_index(a[0])), 2, true); }

static Value b_ord(int n, const Value *a) {
  (void)n;
  Value s = a[0];
  if (isinst(s, &str_type)) {
    if (((Str *)s)->clen != 1) raise_msg(&TypeError_type, "ord() expected a character, but string of length %d found", (int)((Str *)s)->clen);
    const char *p = str_cstr(s);
    return MK_SMALL(utf8_decode(&p));
  }
  const uint8_t *d;
  size_t len;
  if (get_buffer(s, &d, &len)) {
    if (len != 1) raise_msg(&TypeError_type, "ord() expected a character, but string of length %d found", (int)len);
    return MK_SMALL(d[0]);
  }
  raise_msg(&TypeError_type, "ord() expected string of length 1, but %s found", type_name(s));
}
static Value b_chr(int n, const Value *a) {
  (void)n;
  intptr_t c = py_index(a[0]);
  if (c < 0 || c > 0x10ffff) raise_msg(&ValueError_type, "chr() arg not in range(0x110000)");
  return str_from_char((uint32_t)c);
}

/* ---- iteration helpers -------------------------------------------------------------------- */
static Value minmax(int nargs, int nkw, const Value *a, int op, const char *name) {
  Value key = kwarg_find(nargs, nkw, a, N.key);
  Value def = kwarg_find(nargs, nkw, a, N.default_);
  if (key == NONE) key = VNULL;
  Value it;
  if (nargs == 1) it = py_iter(a[0]);
  else {
    if (def) raise_msg(&TypeError_type, "Cannot specify a default for %s() with multiple positional arguments", name);
    it = py_iter(tuple_from((size_t)nargs, a));
  }
  Value best = VNULL, bestk = VNULL, x;
  while ((x = py_next(it))) {
    Value k = key ? py_call1(key, x) : x;
    if (!best || py_compare_bool(op, k, bestk)) {
      best = x;
      bestk = k;
    }
  }
  if (!best) {
    if (def) return def;
    raise_msg(&ValueError_type, "%s() arg is an empty sequence", name);
  }
  return best;
}
static Value b_min(int nargs, int nkw, const Value *a) {
  if (nargs == 0) raise_msg(&TypeError_type, "min expected at least 1 argument, got 0");
  return minmax(nargs, nkw, a, CMP_LT, "min");
}
static Value b_max(int nargs, int nkw, const Value *a) {
  if (nargs == 0) raise_msg(&TypeError_type, "max expected at least 1 argument, got 0");
  return minmax(nargs, nkw, a, CMP_GT, "max");
}

static Value b_sum(int nargs, int nkw, const Value *a) {
  Value start = nargs > 1 ? a[1] : kwarg_find(nargs, nkw, a, N.start);
  Value acc = start ? start : MK_SMALL(0);
  if (isinst(acc, &str_type)) raise_msg(&TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
  Value it = py_iter(a[0]), x;
  while ((x = py_next(it))) {
    if (IS_SMALL(acc) && IS_SMALL(x)) {
      intptr_t r = SMALL_VAL(acc) + SMALL_VAL(x);
      if (FITS_SMALL(r)) { acc = MK_SMALL(r); continue; }
    }
    acc = py_binop(BIN_ADD, acc, x);
  }
  return acc;
}

static Value b_any(int n, const Value *a) {
  (void)n;
  Value it = py_iter(a[0]), x;
  while ((x = py_next(it)))
    if (py_truth(x)) return TRUE_V;
  return FALSE_V;
}
static Value b_all(int n, const Value *a) {
  (void)n;
  Value it = py_iter(a[0]), x;
  while ((x = py_next(it)))
    if (!py_truth(x)) return FALSE_V;
  return TRUE_V;
}

static Value b_sorted(int nargs, int nkw, const Value *a) {
  Value l = list_from_iter(a[0]);
  Value key = kwarg_find(nargs, nkw, a, N.key);
  Value rev = kwarg_find(nargs, nkw, a, N.reverse);
  for (int i = 0; i < nkw; i++) {
    Value k = a[nargs + 2 * i];
    if (k != N.key && k != N.reverse) raise_msg(&TypeError_type, "sort() got an unexpected keyword argument '%s'", str_cstr(k));
  }
  list_sort(l, key, rev && py_truth(rev));
  return l;
}

static Value b_format(int n, const Value *a) { return py_format(a[0], n > 1 ? a[1] : vm.empty_str); }

static Value b_vars(int n, const Value *a) {
  if (n == 0) return vm.frame && vm.frame->locals ? vm.frame->locals : vm.frame->globals;
  Value d = py_getattr_opt(a[0], N.__dict__);
  if (!d) raise_msg(&TypeError_type, "vars() argument must have __dict__ attribute");
  return d;
}

static Value b_dir(int n, const Value *a) {
  Value names = set_new(&set_type);
  if (n == 0) {
    Frame *f = vm.frame;
    Value d = f && f->locals ? f->locals : f ? f->globals : dict_new();
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) set_add(names, k);
  } else {
    Value o = a[0];
    Value d = instance_dict(o);
    size_t pos = 0;
    Value k, v;
    if (d) while (dict_next(d, &pos, &k, &v)) set_add(names, k);
    if (is_type(o, &module_type)) {
      pos = 0;
      while (dict_next(((Module *)o)->dict, &pos, &k, &v)) set_add(names, k);
    }
    Type *t = isinst(o, &type_type) ? (Type *)o : type_of(o);
    Tuple *mro = (Tuple *)t->mro;
    for (size_t i = 0; mro && i < mro->len; i++) {
      Type *b = (Type *)mro->items[i];
      if (!b->dict) continue;
      pos = 0;
      while (dict_next(b->dict, &pos, &k, &v)) set_add(names, k);
    }
  }
  Value l = list_from_iter(names);
  list_sort(l, VNULL, false);
  return l;
}

static Value b_globals(int n, const Value *a) { (void)n; (void)a; return vm.frame ? vm.frame->globals : dict_new(); }
static Value b_locals(int n, const Value *a) {
  (void)n;
  (void)a;
  Frame *f = vm.frame;
  if (!f) return dict_new();
  if (f->locals) return f->locals;
  Value d = dict_new();
  Tuple *vn = (Tuple *)f->code->varnames;
  for (size_t i = 0; i < vn->len; i++)
    if (f->slots[i]) dict_set(d, vn->items[i], f->slots[i]);
  return d;
}

static Value exec_common(int n, const Value *a, int mode) {
  Value src = a[0];
  Value globals = n > 1 && a[1] != NONE ? a[1] : (vm.frame ? vm.frame->globals : dict_new());
  Value locals = n > 2 && a[2] != NONE ? a[2] : n > 1 && a[1] != NONE ? globals : !vm.frame ? globals
               : vm.frame->locals ? vm.frame->locals : b_locals(0, NULL); /* in a function: a snapshot, as CPython */
  /* the frame code reads both as dicts (a custom mapping for locals is not supported) */
  if (!isinst(globals, &dict_type))
    raise_msg(&TypeError_type, "%s() globals must be a dict, not %s", mode == 2 ? "eval" : "exec", type_name(globals));
  if (!isinst(locals, &dict_type)) raise_msg(&TypeError_type, "locals must be a mapping");
  Value code;
  if (is_type(src, &code_type)) code = src;
  else {
    const uint8_t *d;
    size_t len;
    if (isinst(src, &str_type)) { d = (const uint8_t *)str_cstr(src); len = str_len(src); }
    else if (!get_buffer(src, &d, &len)) raise_msg(&TypeError_type, "%s() arg 1 must be a string, bytes or code object", mode == 2 ? "eval" : "exec");
    if (mode == 2) {
      while (len && (*d == ' ' || *d == '\t')) { d++; len--; }
    }
    code = compile_source((const char *)d, len, str_from_cstr("<string>"), mode);
  }
  if (!dict_get_str(globals, N.__builtins__)) dict_set(globals, N.__builtins__, vm.builtins);
  Code *co = (Code *)code;
  size_t ns = (size_t)co->nlocals + co->ncells + co->nfree + co->stacksize;
  Frame *f = gc_alloc(sizeof(Frame) + ns * sizeof(Value));
  f->code = co;
  f->globals = globals;
  f->locals = locals;
  f->stack = f->slots + co->nlocals + co->ncells + co->nfree;
  int status;
  Value r = vm_run(f, VNULL, VNULL, &status);
  return mode == 2 ? r : NONE;
}
/* compile(source, filename, mode): a code object for exec() or eval() */
static Value b_compile(int n, const Value *a) {
  (void)n;
  const char *m = isinst(a[2], &str_type) ? str_cstr(a[2]) : "";
  int mode = !strcmp(m, "exec") ? 0 : !strcmp(m, "single") ? 1 : !strcmp(m, "eval") ? 2 : -1;
  if (mode < 0) raise_msg(&ValueError_type, "compile() mode must be 'exec', 'eval' or 'single'");
  if (is_type(a[0], &code_type)) return a[0];
  const uint8_t *d;
  size_t len;
  if (isinst(a[0], &str_type)) { d = (const uint8_t *)str_cstr(a[0]); len = str_len(a[0]); }
  else if (!get_buffer(a[0], &d, &len)) raise_msg(&TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
  return compile_source((const char *)d, len, py_str(a[1]), mode);
}
static Value b_exec(int n, const Value *a) { return exec_common(n, a, 0); }
static Value b_eval(int n, const Value *a) { return exec_common(n, a, 2); }

static Value b_exit(int n, const Value *a) {
  Value code = n ? a[0] : NONE;
  py_raise(exc_new(&SystemExit_type, n ? 1 : 0, &code));
}

static Value b_import(int n, const Value *a) { (void)n; return import_module(intern_value(a[0])); }


/* __build_class__(func, name, *bases, metaclass=..., **kw) */
static Value b_build_class(int nargs, int nkw, const Value *a) {
  if (nargs < 2 || !is_type(a[0], &function_type)) raise_msg(&TypeError_type, "__build_class__: func must be a function");
  Value name = a[1];
  Value bases = tuple_from((size_t)nargs - 2, a + 2);
  Value meta = kwarg_find(nargs, nkw, a, intern_cstr("metaclass"));
  if (!meta) {
    Tuple *bt = (Tuple *)bases;
    for (size_t i = 0; i < bt->len; i++) {
      Type *mt = type_of(bt->items[i]);
      if (mt != &type_type && type_is_sub(mt, &type_type)) meta = V(mt);
    }
  }
  /* the class keywords other than metaclass go to the metaclass / __init_subclass__ */
  Value *kw = __builtin_alloca((size_t)(3 + 2 * nkw) * sizeof(Value));
  int nk = 0;
  for (int i = 0; i < nkw; i++) {
    if (str_eq(a[nargs + 2 * i], intern_cstr("metaclass"))) continue;
    kw[3 + 2 * nk] = a[nargs + 2 * i];
    kw[4 + 2 * nk] = a[nargs + 2 * i + 1];
    nk++;
  }
  Value ns = dict_new();
  Value cell = vm_run_class_body((Function *)a[0], ns);
  Value cls;
  if (!meta || meta == V(&type_type)) {
    cls = type_new_class_kw(name, bases, ns, &type_type, nk, kw + 3);
  } else {
    kw[0] = name;
    kw[1] = bases;
    kw[2] = ns;
    cls = py_call(meta, 3, nk, kw);
  }
  if (is_type(cell, &cell_type)) ((Cell *)cell)->value = cls;
  return cls;
}
static Value build_class_obj;
Value builtin_build_class_obj(void) { return build_class_obj; }

/* type.__new__(meta, name, bases, ns): the class statement's default with a metaclass */
/* type.__new__(mcls, name, bases, ns, **kw): the keywords go to __init_subclass__ (PEP 487) */
static Value type_new_fn(int nargs, int nkw, const Value *a) {
  if (nargs == 2 && !nkw) return V(type_of(a[1]));
  if (nargs != 4) raise_msg(&TypeError_type, "type.__new__() takes exactly 3 arguments");
  Value cls = type_new_class_kw(a[1], a[2], a[3], (Type *)a[0], nkw, a + nargs);
  ((Obj *)cls)->type = (Type *)a[0];
  return cls;
}
/* type.__init__ ignores the class keywords, which __new__ has used */
static Value type_init_fn(int nargs, int nkw, const Value *a) { (void)nargs; (void)nkw; (void)a; return NONE; }

static const MethodDef builtin_defs[] = {
    {"print", b_print, 0, -1, 1, 0}, {"input", b_input, 0, 1, 0, 0},
    {"len", b_len, 1, 1, 0, 0}, {"repr", b_repr, 1, 1, 0, 0}, {"ascii", b_ascii, 1, 1, 0, 0}, {"compile", b_compile, 3, 6, 0, 0},
    {"isinstance", b_isinstance, 2, 2, 0, 0}, {"issubclass", b_issubclass, 2, 2, 0, 0},
    {"getattr", b_getattr, 2, 3, 0, 0}, {"setattr", b_setattr, 3, 3, 0, 0},
    {"delattr", b_delattr, 2, 2, 0, 0}, {"hasattr", b_hasattr, 2, 2, 0, 0},
    {"callable", b_callable, 1, 1, 0, 0}, {"hash", b_hash, 1, 1, 0, 0}, {"id", b_id, 1, 1, 0, 0},
    {"iter", b_iter, 1, 2, 0, 0}, {"next", b_next, 1, 2, 0, 0}, {"abs", b_abs, 1, 1, 0, 0},
    {"divmod", b_divmod, 2, 2, 0, 0}, {"pow", b_pow, 2, 3, 0, 0}, {"round", b_round, 1, 2, 1, 0},
    {"hex", b_hex, 1, 1, 0, 0}, {"oct", b_oct, 1, 1, 0, 0}, {"bin", b_bin, 1, 1, 0, 0},
    {"ord", b_ord, 1, 1, 0, 0}, {"chr", b_chr, 1, 1, 0, 0}, {"min", b_min, 0, -1, 1, 0},
    {"max", b_max, 0, -1, 1, 0}, {"sum", b_sum, 1, 2, 1, 0}, {"any", b_any, 1, 1, 0, 0},
    {"all", b_all, 1, 1, 0, 0}, {"sorted", b_sorted, 1, 1, 1, 0}, {"format", b_format, 1, 2, 0, 0},
    {"vars", b_vars, 0, 1, 0, 0}, {"dir", b_dir, 0, 1, 0, 0}, {"globals", b_globals, 0, 0, 0, 0},
    {"locals", b_locals, 0, 0, 0, 0}, {"exec", b_exec, 1, 3, 0, 0}, {"eval", b_eval, 1, 3, 0, 0},
    {"__import__", b_import, 1, 5, 0, 0}, {"exit", b_exit, 0, 1, 0, 0}, {"quit", b_exit, 0, 1, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

static const MethodDef type_extra[] = {
    {"__new__", type_new_fn, 2, 4, 1, MK_STATIC},
    {"__init__", type_init_fn, 1, 4, 1, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

extern Type *const exc_types_all[];
extern const size_t exc_types_count;

void builtins_init(void) {
  Value b = dict_new();
  vm.builtins = b;
  for (const MethodDef *d = builtin_defs; d->name; d++)
    dict_set(b, intern_cstr(d->name), builtin_new(d->name, d->fn, d->min, d->max, d->kw));
  build_class_obj = builtin_new("__build_class__", b_build_class, 2, -1, true);
  vm.extra_roots[0] = build_class_obj;
  dict_set(b, intern_cstr("__build_class__"), build_class_obj);
  type_add_methods(&type_type, type_extra);
  Type *types[] = {&int_type, &float_type, &str_type, &bytes_type, &bytearray_type, &list_type,
                   &tuple_type, &dict_type, &set_type, &frozenset_type, &bool_type, &range_type,
                   &slice_type, &object_type, &type_type, &super_type, &property_type,
                   &staticmethod_type, &classmethod_type, &enumerate_type, &zip_type, &map_type,
                   &filter_type, &reversed_type, &memoryview_type};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) dict_set(b, intern_cstr(types[i]->name), V(types[i]));
  for (size_t i = 0; i < exc_types_count; i++) dict_set(b, intern_cstr(exc_types_all[i]->name), V(exc_types_all[i]));
  dict_set(b, intern_cstr("IOError"), V(&OSError_type));
  dict_set(b, intern_cstr("EnvironmentError"), V(&OSError_type));
  dict_set(b, intern_cstr("None"), NONE);
  dict_set(b, intern_cstr("NotImplemented"), NOTIMPL);
  dict_set(b, intern_cstr("Ellipsis"), ELLIPSIS);
  dict_set(b, intern_cstr("__debug__"), TRUE_V);
  dict_set(b, N.__name__, intern_cstr("builtins"));
  /* `import builtins` gives the module whose dict is this namespace, so overrides take effect */
  Value m = module_new(intern_cstr("builtins"));
  ((Module *)m)->dict = b;
  dict_set(vm.modules, intern_cstr("builtins"), m);
}
