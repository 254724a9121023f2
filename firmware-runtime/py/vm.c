/* The interpreter loop.  Each Python call runs vm_run() on its own frame; exceptions unwind
 * through the frame's block stack (SETUP_EXCEPT / SETUP_WITH handlers) and otherwise propagate
 * to the caller's NLR handler.  Generators keep their frame on the heap and re-enter here. */
#include "bytecode.h"
#include "port.h"
#include "py.h"
#include "sched.h"

#include <stdio.h>

#define RECURSION_LIMIT 1000

Value builtin_build_class_obj(void);

/* ---- Ctrl-C --------------------------------------------------------------------------------
 * The port is asked for a pending interrupt (port.h) every POLL_PERIOD backward jumps and Python
 * calls: every loop and every recursion passes through one of them, so `while True: pass` is
 * interruptible, and the hot paths pay one decrement. */
#define POLL_PERIOD 256
unsigned vm_poll_countdown = POLL_PERIOD;
#define poll_countdown vm_poll_countdown

/* The same poll runs soft interrupts (sched.h): a scheduled call or a due timer sets the
 * countdown to 1, so it runs at the next backward jump or call. */
static void poll_interrupt(void) {
  poll_countdown = POLL_PERIOD;
  if (port_interrupt_pending()) py_raise(exc_new(&KeyboardInterrupt_type, 0, NULL));
  if (sched_pending) sched_run();
}

/* ---- frames and argument binding ---------------------------------------------------------- */
static size_t frame_slots(Code *co) { return (size_t)co->nlocals + co->ncells + co->nfree + co->stacksize; }

Frame *frame_alloc_heap(Code *co) {
  Frame *f = gc_alloc(sizeof(Frame) + frame_slots(co) * sizeof(Value));
  return f;
}

static NORETURN void arg_error(Function *fn, const char *fmt, ...) {
  char buf[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  raise_msg(&TypeError_type, "%s() %s", str_cstr(fn->qualname), buf);
}

void frame_bind_args(Frame *f, Function *fn, int nargs, int nkw, const Value *args) {
  Code *co = fn->code;
  Value *loc = f->slots;
  int argc = co->argcount, kwonly = co->kwonlycount;
  int n = nargs < argc ? nargs : argc;
  for (int i = 0; i < n; i++) loc[i] = args[i];
  int slot = argc + kwonly;
  if (co->flags & CO_VARARGS) {
    loc[slot++] = nargs > argc ? tuple_from((size_t)(nargs - argc), args + argc) : tuple_new(0);
  } else if (nargs > argc) {
    int ndef = fn->defaults ? (int)((Tuple *)fn->defaults)->len : 0;
    /* CPython also counts the keyword-only arguments that were passed (ceval.c, too_many_positional) */
    int kwo = 0;
    for (int k = 0; k < nkw; k++)
      for (int i = argc; i < argc + kwonly; i++)
        if (str_eq(((Tuple *)co->varnames)->items[i], args[nargs + 2 * k])) kwo++;
    char extra[80] = "";
    if (kwo) snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)", nargs == 1 ? "" : "s", kwo, kwo == 1 ? "" : "s");
    const char *verb = nargs == 1 && !kwo ? "was" : "were";
    if (ndef)
      arg_error(fn, "takes from %d to %d positional arguments but %d%s %s given", argc - ndef, argc, nargs, extra, verb);
    arg_error(fn, "takes %d positional argument%s but %d%s %s given", argc, argc == 1 ? "" : "s", nargs, extra, verb);
  }
  Value kwdict = VNULL;
  if (co->flags & CO_VARKW) {
    kwdict = dict_new();
    loc[slot++] = kwdict;
  }
  if (nkw) {
    const Value *names = ((Tuple *)co->varnames)->items;
    for (int k = 0; k < nkw; k++) {
      Value name = args[nargs + 2 * k], val = args[nargs + 2 * k + 1];
      int idx = -1, posonly = CO_POSONLY(co->flags);
      for (int i = posonly; i < argc + kwonly; i++)
        if (names[i] == name || str_eq(names[i], name)) { idx = i; break; }
      if (idx < 0 && !kwdict)
        for (int i = 0; i < posonly; i++)
          if (str_eq(names[i], name))
            arg_error(fn, "got some positional-only arguments passed as keyword arguments: '%s'", str_cstr(name));
      if (idx >= 0) {
        if (loc[idx]) arg_error(fn, "got multiple values for argument '%s'", str_cstr(name));
        loc[idx] = val;
      } else if (kwdict) {
        dict_set(kwdict, name, val);
      } else {
        arg_error(fn, "got an unexpected keyword argument '%s'", str_cstr(name));
      }
    }
  }
  if (nargs < argc || kwonly) {
    const Value *names = ((Tuple *)co->varnames)->items;
    int ndef = fn->defaults ? (int)((Tuple *)fn->defaults)->len : 0;
    int missing = 0;
    for (int i = nargs; i < argc; i++) {
      if (loc[i]) continue;
      int di = i - (argc - ndef);
      if (di >= 0) loc[i] = ((Tuple *)fn->defaults)->items[di];
      else missing++;
    }
    if (missing) {
      SB sb;
      sb_init(&sb, 64);
      int k = 0;
      for (int i = 0; i < argc; i++) {
        if (loc[i]) continue;
        if (k) sb_adds(&sb, k == missing - 1 ? (missing > 2 ? ", and " : " and ") : ", ");
        sb_printf(&sb, "'%s'", str_cstr(names[i]));
        k++;
      }
      Value s = sb_to_str(&sb);
      arg_error(fn, "missing %d required positional argument%s: %s", missing, missing == 1 ? "" : "s", str_cstr(s));
    }
    for (int i = argc; i < argc + kwonly; i++) {
      if (loc[i]) continue;
      Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, names[i]) : VNULL;
      if (!d) arg_error(fn, "missing 1 required keyword-only argument: '%s'", str_cstr(names[i]));
      loc[i] = d;
    }
  }
  if (co->ncells) {
    const int16_t *c2a = co->cell2arg ? (const int16_t *)((Bytes *)co->cell2arg)->data : NULL;
    for (int i = 0; i < co->ncells; i++) {
      Value init = c2a && c2a[i] >= 0 ? loc[c2a[i]] : VNULL;
      loc[co->nlocals + i] = cell_new(init);
    }
  }
  if (co->nfree) {
    Tuple *cl = (Tuple *)fn->closure;
    for (int i = 0; i < co->nfree; i++) loc[co->nlocals + co->ncells + i] = cl->items[i];
  }
}

static void frame_init(Frame *f, Code *co, Function *fn, Value globals, Value locals) {
  f->code = co;
  f->func = fn;
  f->globals = globals;
  f->locals = locals;
  f->stack = f->slots + co->nlocals + co->ncells + co->nfree;
  f->ip = NULL;
  f->nblocks = 0;
}

Value vm_call_function(Value func, int nargs, int nkw, const Value *args) {
  Function *fn = (Function *)func;
  Code *co = fn->code;
  size_t ns = frame_slots(co);
  if (--poll_countdown == 0) poll_interrupt();
  if (co->flags & (CO_GENERATOR | CO_COROUTINE)) {
    Frame *f = frame_alloc_heap(co);
    frame_init(f, co, fn, fn->globals, VNULL);
    frame_bind_args(f, fn, nargs, nkw, args);
    return gen_new(f, (co->flags & CO_COROUTINE) != 0);
  }
  Frame *f = __builtin_alloca(sizeof(Frame) + ns * sizeof(Value));
  frame_init(f, co, fn, fn->globals, VNULL);
  /* Only the variable slots need zeroing (unbound locals are VNULL): the header is set by
   * frame_init/vm_run, the block stack and value stack are written before they are read, and
   * stale words there only make the conservative collector keep garbage a little longer. */
  int nvars = co->nlocals + co->ncells + co->nfree;
  /* fast path: exact positional arguments, no cells */
  if (nkw == 0 && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKW)) && !co->kwonlycount && !co->ncells && !co->nfree) {
    int i = 0;
    for (; i < nargs; i++) f->slots[i] = args[i];
    for (; i < nvars; i++) f->slots[i] = VNULL;
  } else {
    memset(f->slots, 0, (size_t)nvars * sizeof(Value));
    frame_bind_args(f, fn, nargs, nkw, args);
  }
  int status;
  return vm_run(f, VNULL, VNULL, &status);
}

Value vm_exec_module(Code *co, Value globals) {
  size_t ns = frame_slots(co);
  Frame *f = __builtin_alloca(sizeof(Frame) + ns * sizeof(Value));
  memset(f, 0, sizeof(Frame) + ns * sizeof(Value));
  frame_init(f, co, NULL, globals, globals);
  int status;
  return vm_run(f, VNULL, VNULL, &status);
}

/* Runs a class body with the namespace dict as its locals; returns the __class__ cell or None. */
Value vm_run_class_body(Function *fn, Value ns) {
  Code *co = fn->code;
  size_t slots = frame_slots(co);
  Frame *f = __builtin_alloca(sizeof(Frame) + slots * sizeof(Value));
  memset(f, 0, sizeof(Frame) + slots * sizeof(Value));
  frame_init(f, co, fn, fn->globals, ns);
  frame_bind_args(f, fn, 0, 0, NULL);
  int status;
  return vm_run(f, VNULL, VNULL, &status);
}

int code_line_at(Code *co, const uint8_t *ip) {
  if (!co->lines || !ip) return co->firstline;
  size_t off = (size_t)(ip - ((Bytes *)co->bytecode)->data);
  const uint32_t *l = (const uint32_t *)((Bytes *)co->lines)->data;
  size_t n = ((Bytes *)co->lines)->len / 8;
  int line = co->firstline;
  for (size_t i = 0; i < n; i++) {
    if (l[2 * i] > off) break;
    line = (int)l[2 * i + 1];
  }
  return line;
}

/* ---- helpers for opcodes ------------------------------------------------------------------ */
static NORETURN void name_error(Value name) {
  Value e = exc_new_msg(&NameError_type, "name '%s' is not defined", str_cstr(name));
  dict_set(instance_dict(e), N.name, name);
  py_raise(e);
}

static bool exc_matches(Value exc, Value spec) {
  if (is_type(spec, &tuple_type)) {
    Tuple *t = (Tuple *)spec;
    for (size_t i = 0; i < t->len; i++)
      if (exc_matches(exc, t->items[i])) return true;
    return false;
  }
  if (!isinst(spec, &type_type) || !type_is_sub((Type *)spec, &BaseException_type))
    raise_msg(&TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
  return isinst(exc, (Type *)spec);
}

static void unpack_into(Value seq, int n, Value *dst_top) {
  /* dst_top[-1] receives item 0 ... dst_top[-n] receives item n-1: pushes in reverse */
  size_t len;
  const Value *items;
  if (is_type(seq, &tuple_type)) { len = ((Tuple *)seq)->len; items = ((Tuple *)seq)->items; }
  else if (is_type(seq, &list_type)) { len = ((List *)seq)->len; items = ((List *)seq)->items; }
  else {
    Value it = py_iter(seq);
    Value tmp = list_new(0);
    Value x;
    while ((x = py_next(it))) {
      if ((int)((List *)tmp)->len == n) raise_msg(&ValueError_type, "too many values to unpack (expected %d)", n);
      list_append(tmp, x);
    }
    len = ((List *)tmp)->len;
    items = ((List *)tmp)->items;
    if ((int)len < n) raise_msg(&ValueError_type, "not enough values to unpack (expected %d, got %d)", n, (int)len);
    for (int i = 0; i < n; i++) dst_top[n - 1 - i] = items[i];
    return;
  }
  if ((int)len != n) {
    if ((int)len > n) raise_msg(&ValueError_type, "too many values to unpack (expected %d)", n);
    raise_msg(&ValueError_type, "not enough values to unpack (expected %d, got %d)", n, (int)len);
  }
  for (int i = 0; i < n; i++) dst_top[n - 1 - i] = items[i];
}

static Value get_awaitable(Value v) {
  Type *t = type_of(v);
  if (t == &coro_type || t == &gen_type) return v;
  Value m = lookup_mro(t, N.__await__);
  if (m) {
    Value it = py_call1(m, v);
    Type *it_t = type_of(it);
    if (it_t == &coro_type) raise_msg(&TypeError_type, "__await__() returned a coroutine");
    if (!it_t->next && !((it_t->flags & TF_HEAP) && lookup_mro(it_t, N.__next__)))
      raise_msg(&TypeError_type, "__await__() returned non-iterator of type '%s'", it_t->name);
    return it;
  }
  raise_msg(&TypeError_type, "object %s can't be used in 'await' expression", t->name);
}

/* Sends v into a sub-iterator for yield-from; returns the yielded value, or VNULL with *ret. */
static Value yf_send(Value it, Value v, Value *ret) {
  Type *t = type_of(it);
  if (t == &gen_type || t == &coro_type) return gen_send(it, v, ret);
  if (t == &agop_type) return agop_send(it, v, ret); /* completes with a value, as a generator */
  if (v == NONE) {
    if (t->flags & TF_HEAP) {
      Value m = lookup_mro(t, N.__next__);
      if (m) {
        Nlr n;
        if (NLR_TRY(n)) {
          Value r = py_call1(m, it);
          nlr_pop();
          return r;
        }
        if (isinst(vm.raised, &StopIteration_type)) {
          *ret = exc_arg0(vm.raised);
          return VNULL;
        }
        py_raise(vm.raised);
      }
    }
    Value r = py_next(it);
    if (!r) *ret = NONE;
    return r;
  }
  Nlr n;
  if (NLR_TRY(n)) {
    Value r = py_call_method(it, N.send, 1, &v);
    nlr_pop();
    return r;
  }
  if (isinst(vm.raised, &StopIteration_type)) {
    *ret = exc_arg0(vm.raised);
    return VNULL;
  }
  py_raise(vm.raised);
}

static void dict_merge_kw(Value d, Value src, bool dup_check, Value func) {
  (void)func;
  if (!isinst(src, &dict_type)) {
    Value keys = py_getattr_opt(src, N.keys);
    if (!keys) raise_msg(&TypeError_type, "'%s' object is not a mapping", type_name(src));
  }
  if (dup_check) {
    Value tmp = dict_new();
    dict_update(tmp, src);
    size_t pos = 0;
    Value k, v;
    while (dict_next(tmp, &pos, &k, &v)) {
      if (!isinst(k, &str_type)) raise_msg(&TypeError_type, "keywords must be strings");
      if (dict_get(d, k)) raise_msg(&TypeError_type, "got multiple values for keyword argument '%s'", str_cstr(k));
      dict_set(d, k, v);
    }
    return;
  }
  dict_update(d, src);
}

static Value call_ex(Value f, Value args, Value kw) {
  Tuple *t = (Tuple *)args;
  int nkw = kw ? (int)((Dict *)kw)->t.used : 0;
  Value *a = gc_alloc(((size_t)t->len + 2 * (size_t)nkw + 1) * sizeof(Value));
  memcpy(a, t->items, t->len * sizeof(Value));
  if (kw) {
    size_t pos = 0, i = t->len;
    Value k, v;
    while (dict_next(kw, &pos, &k, &v)) {
      if (!isinst(k, &str_type)) raise_msg(&TypeError_type, "keywords must be strings");
      a[i++] = intern_value(k);
      a[i++] = v;
    }
  }
  Value r = py_call(f, (int)t->len, nkw, a);
  return r;
}

extern Type rangeiter_type;

/* ---- global-name cache ---------------------------------------------------------------------
 * LOAD_GLOBAL, LOAD_NAME and STORE_NAME/STORE_GLOBAL remember, per instruction, where their
 * name last sat in the dict's entry array. A hit is checked against the live entry (the same
 * key object, still present: deletion clears the key, a rebuild or clear moves or drops it),
 * so a stale slot simply misses. Tags are compared, never dereferenced: the dict compared is
 * the frame's live one, so the cache keeps nothing alive and needs no invalidation. */
#define GCACHE_SIZE 256
typedef struct { const uint8_t *at; Value dict, globals; uint32_t ix, epoch; } GCacheSlot;
static GCacheSlot gcache[GCACHE_SIZE];

static inline GCacheSlot *gcache_slot(const uint8_t *at) { return &gcache[((uintptr_t)at >> 2) & (GCACHE_SIZE - 1)]; }

static inline HEntry *gcache_hit(Value d, Value name, const uint8_t *at) {
  GCacheSlot *c = gcache_slot(at);
  HTable *t = &((Dict *)d)->t;
  if (c->at == at && c->dict == d && c->ix < t->n && t->entries[c->ix].key == name) return &t->entries[c->ix];
  return NULL;
}

static HEntry *gcache_fill(Value d, Value name, const uint8_t *at, Value globals) {
  HTable *t = &((Dict *)d)->t;
  t->ns = 1; /* a key added to it from now on bumps dict_key_epoch (builtins-hit slots) */
  HEntry *e = ht_lookup(t, name, str_hash(name));
  if (!e) return NULL;
  GCacheSlot *c = gcache_slot(at);
  c->at = at;
  c->dict = d;
  c->globals = globals;
  c->ix = (uint32_t)(e - t->entries);
  c->epoch = dict_key_epoch;
  return e;
}

static Value global_get(Value d, Value name, const uint8_t *at) {
  HEntry *e = gcache_hit(d, name, at);
  if (!e) e = gcache_fill(d, name, at, VNULL);
  return e ? e->value : VNULL;
}

/* A name in globals, else in builtins. A builtins hit is cached with the epoch at which the
 * name was missing from globals: while no dict gained a key, it still is. */
static Value global_or_builtin_slow(Value g, Value name, const uint8_t *at);
static inline __attribute__((always_inline)) Value global_or_builtin(Value g, Value name, const uint8_t *at) {
  GCacheSlot *c = gcache_slot(at);
  if (c->at == at && (c->dict == g || (c->globals == g && c->epoch == dict_key_epoch))) {
    HTable *t = &((Dict *)c->dict)->t;
    if (c->ix < t->n && t->entries[c->ix].key == name) return t->entries[c->ix].value;
  }
  return global_or_builtin_slow(g, name, at);
}

static Value global_or_builtin_slow(Value g, Value name, const uint8_t *at) {
  HEntry *e = gcache_fill(g, name, at, VNULL);
  if (!e) e = gcache_fill(vm.builtins, name, at, g);
  return e ? e->value : VNULL;
}

static void global_set(Value d, Value name, Value v, const uint8_t *at) {
  HEntry *e = gcache_hit(d, name, at);
  if (e) {
    e->value = v;
    return;
  }
  dict_set(d, name, v);
  global_get(d, name, at); /* fills the slot for the next store */
}

/* ---- instance attributes: an inline cache per LOAD_ATTR / STORE_ATTR site --------------------
 * For an instance of a Python class whose classes do not define the name at all (so no
 * descriptor, property or class attribute can take part), the instance dict decides. A slot
 * remembers the site, the type, where the name sat in the last instance's dict (instances of a
 * class usually fill their dicts in the same order) and the epoch at which the name was absent
 * from the MRO: while no class or module dict gained a key it still is. Stores also need no
 * __setattr__ and no __slots__ restriction; the key must already be there. */
#define ACACHE_SIZE 256
typedef struct { const uint8_t *at; Type *type; uint32_t ix, epoch; } ACacheSlot;
static ACacheSlot acache[ACACHE_SIZE];

static inline Value *attr_hit(Value obj, Value name, const uint8_t *at) {
  if (IS_SMALL(obj)) return NULL;
  ACacheSlot *c = &acache[((uintptr_t)at >> 2) & (ACACHE_SIZE - 1)];
  Type *t = OBJ(obj)->type;
  if (c->at != at || c->type != t || c->epoch != dict_key_epoch) return NULL;
  Value d = *(Value *)((char *)obj + t->dict_offset);
  if (!d) return NULL;
  HTable *h = &((Dict *)d)->t;
  if (c->ix < h->n && h->entries[c->ix].key == name) return &h->entries[c->ix].value;
  return NULL;
}

Value lookup_mro(Type *t, Value name);
extern Type slotwrap_type; /* the built-in slot wrappers (type.c) */
static void attr_fill(Value obj, Value name, const uint8_t *at, bool store) {
  if (IS_SMALL(obj)) return;
  Type *t = OBJ(obj)->type;
  if (!(t->flags & TF_HEAP) || t->dict_offset <= DICT_AT_END || (t->flags & TF_SLOTS)) return;
  if (store ? t->setattr != NULL : (t->getattr != NULL && t->getattr != generic_getattr)) return;
  if (lookup_mro(t, name)) return;
  if (store) {
    /* a __setattr__ written in Python (py_setattr calls it) rules stores out */
    Value m = lookup_mro(t, N.__setattr__);
    if (m && type_of(m) != &slotwrap_type && type_of(m) != &builtin_type) return;
  }
  Value d = *(Value *)((char *)obj + t->dict_offset);
  if (!d) return;
  HTable *h = &((Dict *)d)->t;
  HEntry *e = ht_lookup(h, name, str_hash(name));
  if (!e) return;
  ACacheSlot *c = &acache[((uintptr_t)at >> 2) & (ACACHE_SIZE - 1)];
  c->at = at;
  c->type = t;
  c->ix = (uint32_t)(e - h->entries);
  c->epoch = dict_key_epoch;
}

/* ---- calls ---------------------------------------------------------------------------------
 * The common callees without py_call's generic dispatch (as CPython 3.11's specialised CALL
 * forms): Python functions, built-in functions and methods called with a valid positional
 * count, and built-in types (str(x), int(s), list(it), ...) straight to their constructor. */
static inline Value call_value(Value fn, int npos, int nkw, const Value *args) {
  if (!IS_SMALL(fn)) {
    Type *t = OBJ(fn)->type;
    if (t == &function_type) return vm_call_function(fn, npos, nkw, args);
    if (t == &builtin_type && nkw == 0) {
      Builtin *b = (Builtin *)fn;
      if (npos >= b->min && (b->max < 0 || npos <= b->max))
        return b->kw ? ((BuiltinKwFn)b->fn)(npos, 0, args) : ((BuiltinFn)b->fn)(npos, args);
    } else if (t == &type_type && fn != V(&type_type)) {
      Type *ct = (Type *)fn;
      if (!(ct->flags & TF_HEAP) && ct->make_new) return ct->make_new(ct, npos, nkw, args);
    }
  }
  return py_call(fn, npos, nkw, args);
}

/* ---- the loop ----------------------------------------------------------------------------- */
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define ARG() (ip += 3, (int)(ip[-3] | (ip[-2] << 8) | (ip[-1] << 16)))

Value vm_run(Frame *f, Value send, Value throw_exc, int *status) {
  Code *co = f->code;
  const uint8_t *code_start = ((Bytes *)co->bytecode)->data;
  const Value *consts = ((Tuple *)co->consts)->items;
  const Value *names = ((Tuple *)co->names)->items;
  Value *locals = f->slots;
  Value *cells = f->slots + co->nlocals;
  if (vm.depth >= RECURSION_LIMIT) raise_msg(&RecursionError_type, "maximum recursion depth exceeded");
  f->back = vm.frame;
  f->depth = vm.depth;
  vm.frame = f;
  vm.depth++;
  if (f->ip) {
    if (send) *f->sp++ = send;
  } else {
    f->ip = code_start;
    f->sp = f->stack;
  }
  volatile Value pending = throw_exc;
  volatile bool reraise = false;
  Nlr nlr;
  for (;;) {
    nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
      const uint8_t *ip = f->ip;
      Value *sp = f->sp;
      if (pending) {
        Value exc = pending;
        pending = VNULL;
        f->lasti = ip;
        if (*ip == OP_YIELD_FROM) {
          /* delegate throw() to the sub-iterator (PEP 380) */
          Value it = sp[-1];
          Type *itt = type_of(it);
          if (isinst(exc, &GeneratorExit_type)) {
            Value cl = py_getattr_opt(it, N.close);
            if (cl) py_call0(cl);
            py_raise(exc);
          }
          Value r = VNULL, ret = VNULL;
          if (itt == &gen_type || itt == &coro_type) {
            r = gen_throw(it, exc, &ret);
          } else {
            Value th = py_getattr_opt(it, N.throw);
            if (!th) py_raise(exc);
            Nlr n2;
            if (NLR_TRY(n2)) {
              r = py_call1(th, exc);
              nlr_pop();
            } else {
              if (!isinst(vm.raised, &StopIteration_type)) py_raise(vm.raised);
              ret = exc_arg0(vm.raised);
            }
          }
          if (r) {
            nlr_pop();
            vm.frame = f->back;
            vm.depth--;
            *status = RUN_YIELD;
            return r;
          }
          sp[-1] = ret;
          ip++;
        } else {
          py_raise(exc);
        }
      }
      for (;;) {
        f->lasti = ip;
        int op = *ip++;
        switch (op) {
          case OP_NOP: break;
          case OP_POP_TOP: sp--; break;
          case OP_POP_ITER_CLOSE: {
            Value it = POP();
            if (is_type(it, &gen_type) && ((Gen *)it)->started && !((Gen *)it)->finished) {
              f->sp = sp;
              py_call_method(it, N.close, 0, NULL);
            }
            break;
          }
          case OP_ROT_TWO: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; break; }
          case OP_ROT_THREE: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t; break; }
          case OP_ROT_FOUR: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = t; break; }
          case OP_DUP_TOP: { Value t = sp[-1]; PUSH(t); break; }
          case OP_DUP_TOP_TWO: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; break;
          case OP_BINARY_SUBSCR: {
            Value idx = POP(), obj = TOP();
            if (IS_SMALL(idx) && !IS_SMALL(obj) && OBJ(obj)->type == &list_type) {
              List *l = (List *)obj;
              intptr_t i = SMALL_VAL(idx);
              if (i < 0) i += (intptr_t)l->len;
              if (i >= 0 && i < (intptr_t)l->len) { sp[-1] = l->items[i]; break; }
            }
            sp[-1] = py_getitem(obj, idx);
            break;
          }
          case OP_STORE_SUBSCR: {
            Value idx = sp[-1], obj = sp[-2], v = sp[-3];
            sp -= 3;
            if (IS_SMALL(idx) && !IS_SMALL(obj) && OBJ(obj)->type == &list_type) {
              List *l = (List *)obj;
              intptr_t i = SMALL_VAL(idx);
              if (i < 0) i += (intptr_t)l->len;
              if (i >= 0 && i < (intptr_t)l->len) { l->items[i] = v; break; }
            }
            py_setitem(obj, idx, v);
            break;
          }
          case OP_DELETE_SUBSCR: {
            Value idx = sp[-1], obj = sp[-2];
            sp -= 2;
            py_delitem(obj, idx);
            break;
          }
          case OP_GET_ITER: sp[-1] = py_iter(sp[-1]); break;
          case OP_RETURN_VALUE: {
            Value r = POP();
            nlr_pop();
            vm.frame = f->back;
            vm.depth--;
            f->sp = sp;
            *status = RUN_RETURN;
            return r;
          }
          case OP_YIELD_VALUE: {
            Value r = POP();
            f->ip = ip;
            f->sp = sp;
            nlr_pop();
            vm.frame = f->back;
            vm.depth--;
            *status = RUN_YIELD;
            return r;
          }
          case OP_YIELD_FROM: {
            Value v = POP();
            Value it = TOP();
            f->sp = sp;
            Value ret = VNULL;
            Value r = yf_send(it, v, &ret);
            if (r) {
              f->ip = ip - 1;
              f->sp = sp;
              nlr_pop();
              vm.frame = f->back;
              vm.depth--;
              *status = RUN_YIELD;
              return r;
            }
            sp[-1] = ret;
            break;
          }
          case OP_GET_AWAITABLE: sp[-1] = get_awaitable(sp[-1]); break;
          case OP_GET_YIELD_FROM_ITER: {
            Type *t = type_of(sp[-1]);
            if (t != &gen_type && t != &coro_type) sp[-1] = py_iter(sp[-1]);
            break;
          }
          case OP_POP_BLOCK: f->nblocks--; break;
          case OP_POP_EXCEPT: {
            f->nblocks--;
            Value prev = POP();
            vm.cur_exc = prev == NONE ? VNULL : prev;
            break;
          }
          case OP_RERAISE: {
            Value e = POP();
            reraise = true;
            f->sp = sp;
            nlr_jump(e);
          }
          case OP_WITH_EXCEPT: {
            Value exc = sp[-1], exitf = sp[-3];
            Value r = py_call3(exitf, V(type_of(exc)), exc, NONE);
            PUSH(r);
            break;
          }
          case OP_LOAD_BUILD_CLASS: {
            /* looked up in builtins at run time, as CPython does, so it can be overridden */
            Value bc = dict_get_str(vm.builtins, intern_cstr("__build_class__"));
            PUSH(bc ? bc : builtin_build_class_obj());
            break;
          }
          case OP_PRINT_EXPR: {
            Value v = POP();
            if (v != NONE) {
              dict_set(vm.builtins, intern_cstr("_"), v);
              Value s = py_repr(v);
              py_print_value(vm.sys_stdout, str_concat(s, str_from_cstr("\n")));
            }
            break;
          }
          case OP_LOAD_ASSERTION_ERROR: PUSH(V(&AssertionError_type)); break;
          case OP_IMPORT_STAR: {
            Value mod = POP();
            Value d = is_type(mod, &module_type) ? ((Module *)mod)->dict : py_getattr(mod, N.__dict__);
            Value all = dict_get_str(d, N.__all__);
            Value target = f->locals ? f->locals : f->globals;
            if (all) {
              Value it = py_iter(all), k;
              while ((k = py_next(it))) dict_set(target, intern_value(k), py_getattr(mod, intern_value(k)));
            } else {
              size_t pos = 0;
              Value k, v;
              while (dict_next(d, &pos, &k, &v))
                if (isinst(k, &str_type) && str_cstr(k)[0] != '_') dict_set(target, k, v);
            }
            break;
          }
          case OP_LIST_TO_TUPLE: {
            List *l = (List *)sp[-1];
            sp[-1] = tuple_from(l->len, l->items);
            break;
          }
          case OP_BEFORE_ASYNC_WITH: {
            Value mgr = POP();
            Value ae = py_getattr_opt(mgr, N.__aexit__);
            Value an = py_getattr_opt(mgr, N.__aenter__);
            if (!ae || !an) raise_msg(&TypeError_type, "'%s' object does not support the asynchronous context manager protocol", type_name(mgr));
            PUSH(ae);
            PUSH(py_call0(an));
            break;
          }
          case OP_GET_AITER: {
            Value o = sp[-1];
            Value m = lookup_mro(type_of(o), N.__aiter__);
            if (!m) raise_msg(&TypeError_type, "'async for' requires an object with __aiter__ method, got %s", type_name(o));
            sp[-1] = py_call1(m, o);
            break;
          }
          case OP_GET_ANEXT: {
            Value o = sp[-1];
            Value m = lookup_mro(type_of(o), N.__anext__);
            if (!m) raise_msg(&TypeError_type, "'async for' requires an iterator with __anext__ method, got %s", type_name(o));
            PUSH(get_awaitable(py_call1(m, o)));
            break;
          }
          case OP_END_ASYNC_FOR: {
            Value exc = sp[-1];
            if (!isinst(exc, &StopAsyncIteration_type)) {
              sp--;
              reraise = true;
              f->sp = sp;
              nlr_jump(exc);
            }
            sp--;
            f->nblocks--;
            Value prev = POP();
            vm.cur_exc = prev == NONE ? VNULL : prev;
            sp--;
            break;
          }

          case OP_LOAD_CONST: PUSH(consts[ARG()]); break;
          case OP_LOAD_FAST: {
            int i = ARG();
            Value v = locals[i];
            if (!v) raise_msg(&UnboundLocalError_type, "cannot access local variable '%s' where it is not associated with a value", str_cstr(((Tuple *)co->varnames)->items[i]));
            PUSH(v);
            break;
          }
          case OP_STORE_FAST: locals[ARG()] = POP(); break;
          case OP_DELETE_FAST: {
            int i = ARG();
            if (!locals[i]) raise_msg(&UnboundLocalError_type, "cannot access local variable '%s' where it is not associated with a value", str_cstr(((Tuple *)co->varnames)->items[i]));
            locals[i] = VNULL;
            break;
          }
          case OP_LOAD_DEREF: {
            int i = ARG();
            Value v = ((Cell *)cells[i])->value;
            if (!v) {
              if (i < co->ncells) raise_msg(&UnboundLocalError_type, "cannot access local variable '%s' where it is not associated with a value", str_cstr(((Tuple *)co->cellnames)->items[i]));
              raise_msg(&NameError_type, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", str_cstr(((Tuple *)co->freenames)->items[i - co->ncells]));
            }
            PUSH(v);
            break;
          }
          case OP_STORE_DEREF: ((Cell *)cells[ARG()])->value = POP(); break;
          case OP_DELETE_DEREF: ((Cell *)cells[ARG()])->value = VNULL; break;
          case OP_LOAD_CLOSURE: PUSH(cells[ARG()]); break;
          case OP_LOAD_CLASSDEREF: {
            int i = ARG();
            Value name = i < co->ncells ? ((Tuple *)co->cellnames)->items[i] : ((Tuple *)co->freenames)->items[i - co->ncells];
            Value v = f->locals ? dict_get_str(f->locals, name) : VNULL;
            if (!v) v = ((Cell *)cells[i])->value;
            if (!v) raise_msg(&NameError_type, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", str_cstr(name));
            PUSH(v);
            break;
          }
          case OP_LOAD_NAME: {
            Value name = names[ARG()];
            Value v;
            if (f->locals == f->globals) {
              v = global_or_builtin(f->globals, name, f->lasti); /* module level */
            } else {
              v = f->locals ? global_get(f->locals, name, f->lasti) : VNULL;
              if (!v) v = dict_get_str(f->globals, name);
              if (!v) v = dict_get_str(vm.builtins, name);
            }
            if (!v) name_error(name);
            PUSH(v);
            break;
          }
          case OP_STORE_NAME: {
            Value name = names[ARG()];
            global_set(f->locals ? f->locals : f->globals, name, POP(), f->lasti);
            break;
          }
          case OP_DELETE_NAME: {
            Value name = names[ARG()];
            if (!dict_del(f->locals ? f->locals : f->globals, name)) name_error(name);
            break;
          }
          case OP_LOAD_GLOBAL: {
            Value name = names[ARG()];
            Value v = global_or_builtin(f->globals, name, f->lasti);
            if (!v) name_error(name);
            PUSH(v);
            break;
          }
          case OP_STORE_GLOBAL: {
            Value name = names[ARG()];
            global_set(f->globals, name, POP(), f->lasti);
            break;
          }
          case OP_DELETE_GLOBAL: {
            Value name = names[ARG()];
            if (!dict_del(f->globals, name)) name_error(name);
            break;
          }
          case OP_LOAD_ATTR: {
            Value name = names[ARG()];
            Value *p = attr_hit(sp[-1], name, f->lasti);
            if (p && *p) {
              sp[-1] = *p;
            } else {
              Value obj = sp[-1];
              sp[-1] = py_getattr(obj, name);
              attr_fill(obj, name, f->lasti, false);
            }
            break;
          }
          case OP_STORE_ATTR: {
            Value name = names[ARG()];
            Value obj = sp[-1], v = sp[-2];
            sp -= 2;
            Value *p = attr_hit(obj, name, f->lasti);
            if (p) {
              *p = v;
            } else {
              py_setattr(obj, name, v);
              attr_fill(obj, name, f->lasti, true);
            }
            break;
          }
          case OP_DELETE_ATTR: {
            Value obj = POP();
            py_setattr(obj, names[ARG()], VNULL);
            break;
          }
          case OP_LOAD_METHOD: {
            Value self;
            Value m = load_method(sp[-1], names[ARG()], &self);
            sp[-1] = m;
            PUSH(self);
            break;
          }
          case OP_CALL_METHOD: {
            int arg = ARG();
            int npos = arg & 0xff, nkw = arg >> 8;
            int nst = npos + 2 * nkw;
            Value *args = sp - nst;
            Value self = args[-1], m = args[-2];
            Value r;
            f->sp = sp;
            if (self) r = call_value(m, npos + 1, nkw, args - 1);
            else r = call_value(m, npos, nkw, args);
            sp -= nst + 2;
            PUSH(r);
            break;
          }
          case OP_CALL_FUNCTION: {
            int arg = ARG();
            int npos = arg & 0xff, nkw = arg >> 8;
            int nst = npos + 2 * nkw;
            Value *args = sp - nst;
            Value fn = args[-1];
            f->sp = sp;
            Value r = call_value(fn, npos, nkw, args);
            sp -= nst + 1;
            PUSH(r);
            break;
          }
          case OP_CALL_FUNCTION_EX: {
            int arg = ARG();
            Value kw = (arg & 1) ? POP() : VNULL;
            Value args = POP();
            Value fn = POP();
            f->sp = sp;
            if (!is_type(args, &tuple_type)) args = seq_to_tuple(args);
            PUSH(call_ex(fn, args, kw));
            break;
          }
          case OP_BINARY_OP: {
            int bop = ARG();
            Value b = POP(), a = TOP();
            if (IS_SMALL(a) && IS_SMALL(b)) {
              intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b), r;
              switch (bop & 15) {
                case BIN_ADD:
                  r = x + y;
                  if (FITS_SMALL(r)) { sp[-1] = MK_SMALL(r); goto next_op; }
                  break;
                case BIN_SUB:
                  r = x - y;
                  if (FITS_SMALL(r)) { sp[-1] = MK_SMALL(r); goto next_op; }
                  break;
                case BIN_MUL:
                  if (!__builtin_mul_overflow(x, y, &r) && FITS_SMALL(r)) { sp[-1] = MK_SMALL(r); goto next_op; }
                  break;
                case BIN_AND: sp[-1] = MK_SMALL(x & y); goto next_op;
                case BIN_OR: sp[-1] = MK_SMALL(x | y); goto next_op;
                case BIN_XOR: sp[-1] = MK_SMALL(x ^ y); goto next_op;
                case BIN_FLOORDIV:
                  if (y > 0) {
                    r = x / y;
                    if ((x % y) != 0 && x < 0) r--;
                    sp[-1] = MK_SMALL(r);
                    goto next_op;
                  }
                  break;
                case BIN_MOD:
                  if (y > 0) {
                    r = x % y;
                    if (r < 0) r += y;
                    sp[-1] = MK_SMALL(r);
                    goto next_op;
                  }
                  break;
              }
            } else if (!IS_SMALL(a) && !IS_SMALL(b) && OBJ(a)->type == &float_type && OBJ(b)->type == &float_type) {
              double x = ((Float *)a)->v, y = ((Float *)b)->v;
              switch (bop & 15) {
                case BIN_ADD: sp[-1] = float_new(x + y); goto next_op;
                case BIN_SUB: sp[-1] = float_new(x - y); goto next_op;
                case BIN_MUL: sp[-1] = float_new(x * y); goto next_op;
              }
            }
            sp[-1] = py_binop(bop, a, b);
          next_op:
            break;
          }
          case OP_UNARY_OP: {
            int uop = ARG();
            Value a = sp[-1];
            if (uop == UN_NOT) sp[-1] = PYBOOL(!py_truth(a));
            else if (uop == UN_NEG && IS_SMALL(a) && SMALL_VAL(a) != SMALL_MIN) sp[-1] = MK_SMALL(-SMALL_VAL(a));
            else sp[-1] = py_unop(uop, a);
            break;
          }
          case OP_COMPARE_OP: {
            int cop = ARG();
            Value b = POP(), a = TOP();
            switch (cop) {
              case CMP_IS: sp[-1] = PYBOOL(a == b); break;
              case CMP_IS_NOT: sp[-1] = PYBOOL(a != b); break;
              case CMP_IN: sp[-1] = PYBOOL(py_contains(b, a)); break;
              case CMP_NOT_IN: sp[-1] = PYBOOL(!py_contains(b, a)); break;
              case CMP_EXC_MATCH: sp[-1] = PYBOOL(exc_matches(a, b)); break;
              default:
                if (IS_SMALL(a) && IS_SMALL(b)) sp[-1] = PYBOOL(py_compare_bool(cop, a, b));
                else sp[-1] = py_compare(cop, a, b);
            }
            break;
          }
          case OP_JUMP: {
            const uint8_t *to = code_start + ARG();
            if (to < ip && --poll_countdown == 0) {
              f->sp = sp;
              poll_interrupt();
            }
            ip = to;
            break;
          }
          case OP_POP_JUMP_IF_FALSE: {
            int t = ARG();
            Value v = POP();
            if (v == FALSE_V || (v != TRUE_V && !py_truth(v))) ip = code_start + t;
            break;
          }
          case OP_POP_JUMP_IF_TRUE: {
            int t = ARG();
            Value v = POP();
            if (v == TRUE_V || (v != FALSE_V && py_truth(v))) ip = code_start + t;
            break;
          }
          case OP_JUMP_IF_FALSE_OR_POP: {
            int t = ARG();
            if (!py_truth(TOP())) ip = code_start + t;
            else sp--;
            break;
          }
          case OP_JUMP_IF_TRUE_OR_POP: {
            int t = ARG();
            if (py_truth(TOP())) ip = code_start + t;
            else sp--;
            break;
          }
          case OP_FOR_ITER: {
            int t = ARG();
            Value it = TOP();
            Type *itt = type_of(it);
            f->sp = sp;
            Value v = itt->next && !(itt->flags & TF_HEAP) ? itt->next(it) : py_next(it);
            if (v) PUSH(v);
            else {
              sp--;
              ip = code_start + t;
            }
            break;
          }
          case OP_BUILD_TUPLE: {
            int n = ARG();
            Value t = tuple_from((size_t)n, sp - n);
            sp -= n;
            PUSH(t);
            break;
          }
          case OP_BUILD_LIST: {
            int n = ARG();
            Value l = list_from((size_t)n, sp - n);
            sp -= n;
            PUSH(l);
            break;
          }
          case OP_BUILD_SET: {
            int n = ARG();
            Value s = set_new(&set_type);
            for (int i = n; i > 0; i--) set_add(s, sp[-i]);
            sp -= n;
            PUSH(s);
            break;
          }
          case OP_BUILD_MAP: {
            int n = ARG();
            Value d = dict_new();
            for (int i = n; i > 0; i--) dict_set(d, sp[-2 * i], sp[-2 * i + 1]);
            sp -= 2 * n;
            PUSH(d);
            break;
          }
          case OP_BUILD_SLICE: {
            int n = ARG();
            Value step = n == 3 ? POP() : NONE;
            Value stop = POP(), start = POP();
            PUSH(slice_new(start, stop, step));
            break;
          }
          case OP_LIST_APPEND: { int i = ARG(); Value v = POP(); list_append(sp[-i], v); break; }
          case OP_SET_ADD: { int i = ARG(); Value v = POP(); set_add(sp[-i], v); break; }
          case OP_MAP_ADD: {
            int i = ARG();
            Value v = POP(), k = POP();
            dict_set(sp[-i], k, v);
            break;
          }
          case OP_LIST_EXTEND: {
            int i = ARG();
            Value v = POP();
            Type *vt = type_of(v);
            if (!vt->iter && !((vt->flags & TF_HEAP) && (lookup_mro(vt, N.__iter__) || lookup_mro(vt, N.__getitem__))))
              raise_msg(&TypeError_type, "Value after * must be an iterable, not %s", vt->name);
            list_extend(sp[-i], v);
            break;
          }
          case OP_SET_UPDATE: {
            int i = ARG();
            Value v = POP(), it = py_iter(v), x;
            while ((x = py_next(it))) set_add(sp[-i], x);
            break;
          }
          case OP_DICT_UPDATE: {
            int i = ARG();
            Value v = POP();
            dict_merge_kw(sp[-i], v, false, VNULL);
            break;
          }
          case OP_DICT_MERGE: {
            int i = ARG();
            Value v = POP();
            dict_merge_kw(sp[-i], v, true, VNULL);
            break;
          }
          case OP_UNPACK_SEQUENCE: {
            int n = ARG();
            Value seq = POP();
            f->sp = sp;
            unpack_into(seq, n, sp);
            sp += n;
            break;
          }
          case OP_UNPACK_EX: {
            int arg = ARG();
            int before = arg & 0xff, after = arg >> 8;
            Value seq = POP();
            Value l = list_from_iter(seq);
            List *ls = (List *)l;
            int len = (int)ls->len;
            if (len < before + after)
              raise_msg(&ValueError_type, "not enough values to unpack (expected at least %d, got %d)", before + after, len);
            for (int i = len - 1; i >= len - after; i--) PUSH(ls->items[i]);
            PUSH(list_from((size_t)(len - after - before), ls->items + before));
            for (int i = before - 1; i >= 0; i--) PUSH(ls->items[i]);
            break;
          }
          case OP_MAKE_FUNCTION: {
            int flags = ARG();
            Value code = POP();
            Value closure = (flags & MF_CLOSURE) ? POP() : VNULL;
            Value kwd = (flags & MF_KWDEFAULTS) ? POP() : VNULL;
            Value defs = (flags & MF_DEFAULTS) ? POP() : VNULL;
            PUSH(function_new((Code *)code, f->globals, defs, kwd, closure));
            break;
          }
          case OP_RAISE_VARARGS: {
            int n = ARG();
            f->sp = sp;
            if (n == 0) {
              if (!vm.cur_exc) raise_msg(&RuntimeError_type, "No active exception to reraise");
              reraise = true;
              nlr_jump(vm.cur_exc);
            }
            Value cause = n == 2 ? POP() : VNULL;
            Value exc = POP();
            if (is_type(exc, &type_type)) {
              if (!type_is_sub((Type *)exc, &BaseException_type)) raise_msg(&TypeError_type, "exceptions must derive from BaseException");
              exc = py_call0(exc);
            }
            if (!isinst(exc, &BaseException_type)) raise_msg(&TypeError_type, "exceptions must derive from BaseException");
            if (n == 2) {
              if (cause == NONE) cause = VNULL;
              else if (is_type(cause, &type_type)) cause = py_call0(cause);
              if (cause && !isinst(cause, &BaseException_type)) raise_msg(&TypeError_type, "exception causes must derive from BaseException");
              ((Exc *)exc)->cause = cause;
              ((Exc *)exc)->suppress_context = true;
            }
            py_raise(exc);
          }
          case OP_SETUP_EXCEPT: case OP_SETUP_ASYNC_FOR: {
            int t = ARG();
            if (f->nblocks >= MAX_BLOCKS) raise_msg(&RuntimeError_type, "too many nested blocks");
            Block *b = &f->blocks[f->nblocks++];
            b->kind = BLK_HANDLER;
            b->handler = (uint32_t)t;
            b->level = (uint32_t)(sp - f->stack);
            break;
          }
          case OP_SETUP_WITH: {
            int t = ARG();
            Value mgr = TOP();
            Type *mt = type_of(mgr);
            Value enter = lookup_mro(mt, N.__enter__);
            Value exitm = lookup_mro(mt, N.__exit__);
            if (!enter || !exitm) raise_msg(&TypeError_type, "'%s' object does not support the context manager protocol", mt->name);
            sp[-1] = py_getattr(mgr, N.__exit__);
            if (f->nblocks >= MAX_BLOCKS) raise_msg(&RuntimeError_type, "too many nested blocks");
            f->sp = sp;
            Value res = py_call_method(mgr, N.__enter__, 0, NULL);
            Block *b = &f->blocks[f->nblocks++];
            b->kind = BLK_HANDLER;
            b->handler = (uint32_t)t;
            b->level = (uint32_t)(sp - f->stack);
            PUSH(res);
            break;
          }
          case OP_SETUP_ASYNC_WITH: {
            int t = ARG();
            if (f->nblocks >= MAX_BLOCKS) raise_msg(&RuntimeError_type, "too many nested blocks");
            Block *b = &f->blocks[f->nblocks++];
            b->kind = BLK_HANDLER;
            b->handler = (uint32_t)t;
            b->level = (uint32_t)(sp - 1 - f->stack);
            break;
          }
          case OP_IMPORT_NAME: {
            Value name = names[ARG()];
            Value fromlist = POP();
            Value level = POP();
            f->sp = sp;
            if (SMALL_VAL(level) > 0 && str_len(name) == 0) raise_msg(&ImportError_type, "attempted relative import with no known parent package");
            Value mod = import_module(name);
            if (fromlist == NONE) {
              const char *dot = strchr(str_cstr(name), '.');
              if (dot) mod = import_module(intern(str_cstr(name), (size_t)(dot - str_cstr(name))));
            }
            PUSH(mod);
            break;
          }
          case OP_IMPORT_FROM: {
            Value name = names[ARG()];
            Value mod = TOP();
            Value v = py_getattr_opt(mod, name);
            if (!v && is_type(mod, &module_type)) {
              /* a submodule: import pkg.name */
              Value full = str_concat(str_concat(((Module *)mod)->name, str_from_cstr(".")), name);
              Nlr n2;
              if (NLR_TRY(n2)) {
                v = import_module(intern_value(full));
                nlr_pop();
              } else {
                v = VNULL;
              }
            }
            if (!v) {
              Value mn = is_type(mod, &module_type) ? ((Module *)mod)->name : str_from_cstr("?");
              Value file = is_type(mod, &module_type) ? dict_get_str(((Module *)mod)->dict, N.__file__) : VNULL;
              if (file && isinst(file, &str_type))
                raise_msg(&ImportError_type, "cannot import name '%s' from '%s' (%s)", str_cstr(name), str_cstr(mn), str_cstr(file));
              raise_msg(&ImportError_type, "cannot import name '%s' from '%s' (unknown location)", str_cstr(name), str_cstr(mn));
            }
            PUSH(v);
            break;
          }
          case OP_FORMAT_VALUE: {
            int flags = ARG();
            Value spec = (flags & 4) ? POP() : VNULL;
            Value v = TOP();
            int conv = flags & 3;
            if (conv == 1) v = py_str(v);
            else if (conv >= 2) v = py_repr(v);
            if (!spec && is_type(v, &str_type)) sp[-1] = v;
            else sp[-1] = py_format(v, spec ? spec : vm.empty_str);
            break;
          }
          case OP_BUILD_STRING: {
            int n = ARG();
            size_t total = 0, ctotal = 0;
            for (int i = n; i > 0; i--) {
              total += str_len(sp[-i]);
              ctotal += ((Str *)sp[-i])->clen;
            }
            char *d;
            Value s = str_new_uninit(total, &d);
            for (int i = n; i > 0; i--) {
              memcpy(d, str_cstr(sp[-i]), str_len(sp[-i]));
              d += str_len(sp[-i]);
            }
            sp -= n;
            ((Str *)s)->clen = ctotal; /* the parts' counts add up: no UTF-8 rescan */
            PUSH(s);
            break;
          }
          default:
            raise_msg(&SystemExit_type, "vbpy: bad opcode %d", op);
        }
      }
    } else {
      /* an exception unwound to this frame */
      Value exc = vm.raised;
      if (!reraise && isinst(exc, &BaseException_type))
        exc_add_traceback(exc, co->filename, code_line_at(co, f->lasti), co->name);
      reraise = false;
      bool handled = false;
      while (f->nblocks > 0) {
        Block *b = &f->blocks[--f->nblocks];
        if (b->kind == BLK_EXCEPT_ACTIVE) {
          Value prev = f->stack[b->level];
          vm.cur_exc = prev == NONE ? VNULL : prev;
          continue;
        }
        Value *sp = f->stack + b->level;
        *sp++ = vm.cur_exc ? vm.cur_exc : NONE;
        *sp++ = exc;
        Block *eb = &f->blocks[f->nblocks++];
        eb->kind = BLK_EXCEPT_ACTIVE;
        eb->level = b->level;
        vm.cur_exc = exc;
        f->sp = sp;
        f->ip = code_start + b->handler;
        handled = true;
        break;
      }
      if (!handled) {
        vm.frame = f->back;
        vm.depth = f->depth;
        f->ip = NULL;
        nlr_jump(exc);
      }
    }
  }
}
