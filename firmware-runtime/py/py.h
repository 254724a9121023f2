/* vbpy: a compact Python VM.  Core object model and the API every part of the VM uses.
 *
 * Values are machine words.  A word with the low bit set is a small int (tagged, unboxed);
 * anything else is a pointer to an object whose first word is its type.  Every object lives
 * in the garbage-collected heap (gc.c) except a few static singletons and the built-in types.
 * Errors are raised with py_raise(), which long-jumps to the innermost NLR handler (see nlr
 * below); C code therefore never checks return values for errors.
 */
#ifndef VBPY_PY_H
#define VBPY_PY_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NORETURN __attribute__((noreturn))

typedef uintptr_t Value;
#define VNULL ((Value)0)

/* ---- tagged small ints ------------------------------------------------------------------ */
#define IS_SMALL(v) (((v) & 1) != 0)
#define SMALL_VAL(v) ((intptr_t)(v) >> 1)
#define MK_SMALL(i) ((Value)(((uintptr_t)(intptr_t)(i) << 1) | 1))
#define SMALL_MAX (INTPTR_MAX >> 1)
#define SMALL_MIN (INTPTR_MIN >> 1)
#define FITS_SMALL(i) ((i) >= SMALL_MIN && (i) <= SMALL_MAX)

typedef struct Type Type;
typedef struct Obj {
  Type *type;
} Obj;

#define OBJ(v) ((Obj *)(v))
#define V(p) ((Value)(p))

/* ---- types -------------------------------------------------------------------------------- */
enum {
  TF_HEAP = 1,       /* created by a class statement */
  TF_BASETYPE = 2,   /* may be subclassed */
  TF_EXC = 4,        /* BaseException or a subclass */
  TF_HAS_GETATTR = 8, /* heap type defining __getattr__ */
  TF_IMMUT = 16,      /* immutable built-in (int, str, tuple, ...): heap subclasses copy its layout */
  TF_SLOTS = 32       /* heap class whose MRO declares only __slots__: no other instance attributes */
};
/* dict_offset of a heap subclass of a TF_IMMUT type: the instance dict follows the base value,
 * whose size varies (tuple items, str bytes, int limbs), as CPython's negative tp_dictoffset. */
#define DICT_AT_END ((size_t)1)

/* Binary operators: order matters (compile.c emits these numbers, inplace = op + BIN_INPLACE). */
enum {
  BIN_ADD, BIN_SUB, BIN_MUL, BIN_TRUEDIV, BIN_FLOORDIV, BIN_MOD, BIN_POW, BIN_LSHIFT,
  BIN_RSHIFT, BIN_AND, BIN_OR, BIN_XOR, BIN_MATMUL, BIN_COUNT,
  BIN_INPLACE = 16
};
enum { UN_NEG, UN_POS, UN_INVERT, UN_NOT };
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_IN, CMP_NOT_IN, CMP_IS, CMP_IS_NOT, CMP_EXC_MATCH };

typedef Value (*UnaryFn)(Value);

struct Type {
  Obj hdr;
  const char *name;
  Type *base;
  Value name_obj; /* str */
  Value bases;    /* tuple */
  Value mro;      /* tuple */
  Value dict;     /* dict of attributes */
  Value module;   /* str or VNULL */
  unsigned flags;
  size_t inst_size;   /* bytes of an instance (heap types: includes the instance dict) */
  size_t dict_offset; /* offset of the instance dict in an instance, 0 = none */
  Value (*make_new)(Type *t, int nargs, int nkw, const Value *args);
  Value (*repr)(Value);
  Value (*str)(Value);
  intptr_t (*hash)(Value);
  /* rich comparison; returns VNULL for NotImplemented */
  Value (*richcmp)(Value a, Value b, int op);
  /* binary op with this type on either side; returns VNULL for NotImplemented */
  Value (*binop)(int op, Value a, Value b);
  Value (*unop)(int op, Value a); /* VNULL if unsupported */
  Value (*getattr)(Value obj, Value name); /* VNULL if missing; replaces generic lookup */
  bool (*setattr)(Value obj, Value name, Value val); /* val VNULL deletes */
  Value (*call)(Value f, int nargs, int nkw, const Value *args);
  Value (*iter)(Value);
  Value (*next)(Value); /* VNULL when exhausted */
  Value (*subscr)(Value obj, Value index, Value val); /* val: VNULL load, SENTINEL_DEL delete */
  size_t (*len)(Value);
  int (*contains)(Value container, Value item); /* -1: use iteration */
  bool (*truth)(Value);
  int (*buffer)(Value, const uint8_t **data, size_t *len); /* bytes-like, 1 if so */
};

extern Type type_type, object_type, none_type, bool_type, int_type, float_type, str_type,
    bytes_type, bytearray_type, list_type, tuple_type, dict_type, set_type, frozenset_type,
    range_type, slice_type, function_type, builtin_type, bound_type, code_type, cell_type,
    module_type, gen_type, coro_type, property_type, staticmethod_type, classmethod_type,
    super_type, notimpl_type, ellipsis_type, seqiter_type, dictview_type, memoryview_type,
    nonetype_dummy;

extern Obj none_obj, true_obj, false_obj, notimpl_obj, ellipsis_obj;
#define NONE V(&none_obj)
#define TRUE_V V(&true_obj)
#define FALSE_V V(&false_obj)
#define NOTIMPL V(&notimpl_obj)
#define ELLIPSIS V(&ellipsis_obj)
#define PYBOOL(b) ((b) ? TRUE_V : FALSE_V)
#define SENTINEL_DEL ((Value)2)

static inline Type *type_of(Value v) {
  return IS_SMALL(v) ? &int_type : OBJ(v)->type;
}
static inline bool is_type(Value v, const Type *t) {
  return !IS_SMALL(v) && OBJ(v)->type == t;
}
bool type_is_sub(const Type *t, const Type *base);
static inline bool isinst(Value v, const Type *t) {
  return type_of(v) == t || type_is_sub(type_of(v), t);
}

/* ---- object layouts ----------------------------------------------------------------------- */
typedef struct { Obj hdr; double v; } Float;
typedef struct {
  Obj hdr;
  size_t len;  /* bytes */
  size_t clen; /* code points */
  uintptr_t hash; /* 0 = not yet computed */
  char data[];  /* UTF-8, NUL terminated */
} Str;
typedef struct { Obj hdr; size_t len; uintptr_t hash; uint8_t data[]; } Bytes;
typedef struct { Obj hdr; size_t len, cap; uint8_t *data; } ByteArray;
typedef struct { Obj hdr; size_t len; Value items[]; } Tuple;
typedef struct { Obj hdr; size_t len, cap; Value *items; } List;
typedef struct { Value key, value; uintptr_t hash; } HEntry;
typedef struct {
  size_t used;   /* live entries */
  size_t n;      /* entries used, including deleted */
  size_t cap;    /* entries allocated */
  size_t mask;   /* index table size - 1 */
  int32_t *index;
  HEntry *entries;
  uint8_t ns; /* a namespace a lookup cache has read (class, module, builtins): a new key bumps dict_key_epoch */
} HTable;
typedef struct { Obj hdr; HTable t; } Dict;
typedef struct { Obj hdr; HTable t; } Set;
typedef struct { Obj hdr; intptr_t start, stop, step; } Range;
typedef struct { Obj hdr; Value start, stop, step; } Slice;
typedef struct { Obj hdr; Value dict; } Instance;
typedef struct {
  Obj hdr;
  Value dict;
  Value args;      /* tuple */
  Value traceback; /* list of (file, line, name) tuples, innermost last */
  Value cause, context;
  bool suppress_context;
} Exc;
typedef struct { Obj hdr; Value value; } Cell;
typedef struct { Obj hdr; Value name; Value dict; } Module;

typedef struct {
  Obj hdr;
  const char *name;
  void *fn;
  int16_t min, max; /* positional arg counts; max -1 = any */
  uint8_t kw;       /* 1: fn takes (nargs, nkw, args) and receives keyword pairs */
  Value self;       /* VNULL, or the module object etc. it belongs to (informational) */
} Builtin;
typedef Value (*BuiltinFn)(int nargs, const Value *args);
typedef Value (*BuiltinKwFn)(int nargs, int nkw, const Value *args);

enum {
  CO_VARARGS = 1, CO_VARKW = 2, CO_GENERATOR = 4, CO_COROUTINE = 8, CO_NEWLOCALS = 16,
  CO_CLASS_CELL = 32, CO_HAS_CELLARGS = 64,
  CO_DOC = 128 /* consts[0] is the function's docstring */
};
#define CO_POSONLY(flags) ((flags) >> 8) /* bits 8-15: how many parameters come before a / */
typedef struct {
  Obj hdr;
  Value name, qualname, filename;
  Value bytecode; /* Bytes */
  Value consts, names, varnames, cellnames, freenames; /* tuples */
  Value lines;    /* Bytes: pairs of (uint32 offset, uint32 line) */
  Value cell2arg; /* Bytes of int16, one per cell, -1 or arg slot; VNULL if none */
  uint16_t argcount, kwonlycount, nlocals, ncells, nfree, stacksize;
  uint16_t flags;
  int firstline;
} Code;

typedef struct {
  Obj hdr;
  Code *code;
  Value globals;
  Value defaults;   /* tuple or VNULL */
  Value kwdefaults; /* dict or VNULL */
  Value closure;    /* tuple of cells or VNULL */
  Value name, qualname;
  Value dict;       /* function attributes, lazily created */
} Function;

typedef struct { Obj hdr; Value self, func; } Bound;
typedef struct { Obj hdr; Value fget, fset, fdel; } Property;
typedef struct { Obj hdr; Value func; } StaticMethod; /* also classmethod */
typedef struct { Obj hdr; Type *type; Value obj; } Super;

/* ---- frames ------------------------------------------------------------------------------- */
#define MAX_BLOCKS 24
enum { BLK_HANDLER, BLK_EXCEPT_ACTIVE };
typedef struct { uint32_t kind; uint32_t handler; uint32_t level; } Block;

typedef struct Frame {
  struct Frame *back;
  Code *code;
  Function *func;
  Value globals;
  Value locals; /* dict for module and class bodies, VNULL for functions */
  const uint8_t *lasti; /* start of the instruction being executed */
  const uint8_t *ip;    /* resume point for generators */
  Value *sp;            /* saved stack pointer for generators */
  Value *stack;         /* first stack slot */
  int nblocks;
  int depth;
  Block blocks[MAX_BLOCKS];
  Value slots[]; /* nlocals locals, ncells+nfree cells, then the value stack */
} Frame;

typedef struct {
  Obj hdr;
  Frame *frame;
  Value name;
  Value exc_state; /* the exception its suspended frame is handling (CPython's gi_exc_state) */
  uint8_t running, finished, started;
  uint8_t weak; /* in the collector's list of suspended generators (gc_register_gen) */
} Gen;

/* ---- non-local return (exceptions) -------------------------------------------------------- */
typedef struct Nlr {
  struct Nlr *prev;
  Frame *frame; /* vm.frame when pushed */
  int depth;
  jmp_buf jb;
} Nlr;

/* ---- VM global state (all roots for the collector live here) ------------------------------ */
typedef struct {
  Nlr *nlr_top;
  Value raised;   /* exception being propagated by nlr */
  Value cur_exc;  /* exception being handled (sys.exc_info) */
  Frame *frame;   /* innermost executing frame */
  int depth;
  Value builtins; /* dict */
  Value modules;  /* dict: sys.modules */
  Value interned; /* Set-like table of interned strings (a Dict mapping str->str) */
  Value main_dir; /* directory of the main script, for imports */
  Value argv;     /* list */
  Value memory_error; /* preallocated MemoryError instance */
  Value sys_stdout, sys_stderr;
  Value repr_stack; /* list of containers being repr'd, to print [...] for cycles */
  Value empty_tuple, empty_str;
  Value small_chars[128];
  Value extra_roots[16];
  Value finalize[32]; /* suspended generators found unreachable, to close() at a safe point */
  int nfinalize;
  Value sched_queue[16]; /* micropython.schedule's (func, arg) pairs, a ring (sched.c) */
  Value timers;          /* list of the armed machine.Timer objects (sched.c) */
} VM;
extern VM vm;

void nlr_push(Nlr *n);
void nlr_pop(void);
NORETURN void nlr_jump(Value exc);
/* Use: Nlr n; nlr_push(&n); if (setjmp(n.jb) == 0) { ...; nlr_pop(); } else { exc = vm.raised; } */
#define NLR_TRY(n) (nlr_push(&(n)), setjmp((n).jb) == 0)

/* ---- interned names ----------------------------------------------------------------------- */
#define NAME_LIST(X) \
  X(__init__) X(__new__) X(__repr__) X(__str__) X(__eq__) X(__ne__) X(__lt__) X(__le__) \
  X(__gt__) X(__ge__) X(__hash__) X(__len__) X(__iter__) X(__next__) X(__getitem__) \
  X(__setitem__) X(__delitem__) X(__contains__) X(__call__) X(__enter__) X(__exit__) \
  X(__aenter__) X(__aexit__) X(__await__) X(__getattr__) X(__setattr__) X(__delattr__) \
  X(__bool__) X(__name__) X(__class__) X(__dict__) X(__doc__) X(__module__) X(__qualname__) \
  X(__neg__) X(__pos__) X(__invert__) X(__index__) X(__int__) X(__float__) X(__abs__) \
  X(__main__) X(__builtins__) X(__file__) X(__bases__) X(__mro__) X(__format__) \
  X(__reversed__) X(__set_name__) X(__init_subclass__) X(__get__) X(__set__) X(__delete__) \
  X(__round__) X(__aiter__) X(__anext__) X(__all__) X(__path__) X(__slots__) X(__missing__) \
  X(__class_getitem__) X(__traceback__) X(__cause__) X(__context__) X(__suppress_context__) \
  X(__globals__) X(__closure__) X(__self__) X(__wrapped__) X(__annotations__) X(__defaults__) X(__code__) \
  X(args) X(append) X(write) X(flush) X(keys) X(items) X(values) X(send) X(throw) X(close) \
  X(value) X(errno) X(strerror) X(code) X(self) X(super) X(sep) X(end) X(file) X(key) \
  X(reverse) X(start) X(stop) X(step) X(real) X(imag) X(fget) X(fset) X(fdel) \
  X(getter) X(setter) X(deleter) X(encoding) X(errors) X(maxsplit) X(strict) X(base) \
  X(mro) X(readline) X(read) X(name) X(filename)

typedef struct {
#define NAME_FIELD(n) Value n;
  NAME_LIST(NAME_FIELD)
#undef NAME_FIELD
  Value binop[BIN_COUNT], rbinop[BIN_COUNT], ibinop[BIN_COUNT];
  Value cmp[6];
  Value default_, dunder_func;
  Value empty, lambda, listcomp, genexpr, setcomp, dictcomp, module;
} Names;
extern Names N;

/* ---- gc.c --------------------------------------------------------------------------------- */
void gc_init(void *heap, size_t size);
void *gc_alloc(size_t bytes);            /* zeroed; raises MemoryError */
void *gc_alloc_nothrow(size_t bytes);    /* zeroed; NULL when out of memory */
/* The same for an object that holds no pointer to the heap (str, bytes, float, big int: a
 * static type and plain data): the collector marks it without scanning its contents. */
void *gc_alloc_leaf(size_t bytes);
void *gc_realloc(void *p, size_t bytes); /* raises MemoryError */
void gc_free(void *p);
void gc_collect(void);
size_t gc_mem_free(void);
size_t gc_mem_alloc(void);
void gc_set_stack_top(void *top);
void gc_disable(bool off);
void *obj_alloc(Type *t, size_t bytes);
void gc_run_finalizers(void);
void gc_register_gen(Value g);

/* ---- errors (obj_exc.c) ------------------------------------------------------------------- */
extern Type BaseException_type, Exception_type, SystemExit_type, KeyboardInterrupt_type,
    GeneratorExit_type, StopIteration_type, StopAsyncIteration_type, ArithmeticError_type,
    ZeroDivisionError_type, OverflowError_type, LookupError_type, IndexError_type,
    KeyError_type, ValueError_type, TypeError_type, AttributeError_type, NameError_type,
    UnboundLocalError_type, RuntimeError_type, RecursionError_type, NotImplementedError_type,
    AssertionError_type, MemoryError_type, OSError_type, TimeoutError_type, ImportError_type,
    ModuleNotFoundError_type, SyntaxError_type, IndentationError_type, UnicodeError_type,
    EOFError_type, FloatingPointError_type, UnicodeDecodeError_type, UnicodeEncodeError_type,
    FileNotFoundError_type, ConnectionError_type, BufferError_type, Warning_type,
    UserWarning_type, DeprecationWarning_type, RuntimeWarning_type, BrokenPipeError_type,
    ConnectionResetError_type, ConnectionRefusedError_type, ConnectionAbortedError_type,
    PermissionError_type, TabError_type, CancelledError_type, InterruptedError_type,
    IsADirectoryError_type, BlockingIOError_type, FileExistsError_type, LookupError_type;
NORETURN void py_raise(Value exc);
NORETURN void raise_msg(Type *t, const char *fmt, ...);
NORETURN void raise_type(Type *t);
Value exc_new(Type *t, int nargs, const Value *args);
Value exc_new_msg(Type *t, const char *fmt, ...);
void exc_add_traceback(Value exc, Value file, int line, Value name);
void exc_print(Value exc, Value file); /* traceback, CPython format */
void exc_init(void);
Value exc_arg0(Value exc);
NORETURN void raise_type_error_unsupported(const char *op, Value a, Value b);

/* ---- generic object protocol (object.c) --------------------------------------------------- */
const char *type_name(Value v);
Value py_repr(Value v);
Value py_str(Value v);
intptr_t py_hash(Value v);
bool py_eq(Value a, Value b);
Value py_compare(int op, Value a, Value b); /* rich comparison result */
bool py_compare_bool(int op, Value a, Value b);
bool py_truth(Value v);
Value py_binop(int op, Value a, Value b);
Value py_unop(int op, Value a);
Value py_getattr(Value obj, Value name);       /* raises AttributeError */
Value py_getattr_opt(Value obj, Value name);   /* VNULL if missing */
void py_setattr(Value obj, Value name, Value val); /* val VNULL deletes */
Value py_call(Value f, int nargs, int nkw, const Value *args);
Value py_call0(Value f);
Value py_call1(Value f, Value a);
Value py_call2(Value f, Value a, Value b);
Value py_call3(Value f, Value a, Value b, Value c);
Value py_call_method(Value obj, Value name, int nargs, const Value *args);
Value py_iter(Value v);
Value py_next(Value it); /* VNULL when exhausted */
Value py_getitem(Value obj, Value index);
void py_setitem(Value obj, Value index, Value val);
void py_delitem(Value obj, Value index);
size_t py_len(Value v);
bool py_contains(Value container, Value item);
bool py_callable(Value v);
Value lookup_mro(Type *t, Value name); /* VNULL if missing */
Type *static_base(Type *t); /* the built-in type whose layout t's instances have */
Value subinst_new(Type *t, Value v); /* v (of static_base(t), TF_IMMUT) as an instance of t */
Value generic_getattr(Value obj, Value name);
bool generic_setattr(Value obj, Value name, Value val);
Value instance_dict(Value obj); /* VNULL if none */
Value load_method(Value obj, Value name, Value *self_out); /* method + self, or attr + VNULL */
Value py_format(Value v, Value spec);
bool repr_enter(Value v); /* false if v is already being repr'd */
void repr_leave(void);
intptr_t py_index(Value v); /* __index__ as machine int */
Value seq_to_tuple(Value seq);

/* ---- type.c ------------------------------------------------------------------------------- */
void type_init_builtin(Type *t); /* fills mro/dict for a static type */
typedef struct { const char *name; void *fn; int16_t min, max; uint8_t kw; uint8_t kind; } MethodDef;
enum { MK_METHOD, MK_STATIC, MK_CLASS, MK_PROPERTY };
void type_add_methods(Type *t, const MethodDef *defs);
Value type_new_class(Value name, Value bases, Value dict, Type *meta);
/* The same with class keywords (class C(Base, key=...)) for __init_subclass__ and the metaclass. */
Value type_new_class_kw(Value name, Value bases, Value dict, Type *meta, int nkw, const Value *kw);
Value builtin_new(const char *name, void *fn, int min, int max, bool kw);
void types_init(void);
Value type_call_new(Type *t, int nargs, int nkw, const Value *args);

/* ---- ints and floats ---------------------------------------------------------------------- */
Value int_from_i64(int64_t i);
int64_t int_as_i64(Value v); /* v must be int or bool; OverflowError beyond 64 bits */
double int_to_double(Value v);
bool is_int(Value v);        /* int or bool */
Value int_plain(Value v);    /* an int subclass instance as a plain int; other values as they are */
Value int_binop(int op, Value a, Value b);
Value int_from_str(const char *s, size_t len, int base, bool raise);
Value int_to_str_base(Value v, int base, bool prefix);
Value float_new(double d);
double float_val(Value v); /* int/bool/float to double, TypeError otherwise */
bool is_number(Value v);
void float_repr_buf(double d, char *buf, size_t n);
Value float_binop(int op, Value a, Value b);
int64_t float_to_i64(double d);

/* ---- strings ------------------------------------------------------------------------------ */
Value str_new(const char *s, size_t len);
Value str_from_cstr(const char *s);
Value str_new_uninit(size_t len, char **data);
Value str_finish(Value s); /* computes clen after str_new_uninit */
Value intern(const char *s, size_t len);
Value intern_cstr(const char *s);
Value intern_value(Value s);
static inline const char *str_cstr(Value s) { return ((Str *)s)->data; }
static inline size_t str_len(Value s) { return ((Str *)s)->len; }
uintptr_t str_hash(Value s);
bool str_eq(Value a, Value b);
Value str_concat(Value a, Value b);
Value str_from_char(uint32_t cp);
int utf8_encode(uint32_t cp, char *out);
uint32_t utf8_decode(const char **p);
size_t utf8_count(const char *s, size_t len);
Value str_join(Value sep, Value iterable);
Value str_printf(const char *fmt, ...);
Value str_mod_format(Value fmt, Value args); /* % operator */
Value bytes_mod_format(Value fmt, Value args); /* bytes % args (PEP 461): fmt holds the bytes */
Value py_ascii(Value v);                        /* ascii(v) */
Value tuple_plain(Value v); /* a tuple subclass instance as a plain tuple; others as they are */
Value str_format_method(Value fmt, int nargs, int nkw, const Value *args);
Value format_int(Value v, Value spec);
Value format_float(double d, Value spec);
Value format_str(Value v, Value spec);
Value repr_str(Value s);
Value repr_bytes(const uint8_t *d, size_t n, bool bytearray);

/* string builder, backed by the GC heap */
typedef struct { char *buf; size_t len, cap; } SB;
void sb_init(SB *sb, size_t cap);
void sb_add(SB *sb, const char *s, size_t n);
void sb_addc(SB *sb, char c);
void sb_adds(SB *sb, const char *s);
void sb_addv(SB *sb, Value str);
void sb_printf(SB *sb, const char *fmt, ...);
Value sb_to_str(SB *sb);
void sb_add_repr(SB *sb, Value v);
void sb_add_str(SB *sb, Value v);

/* ---- bytes -------------------------------------------------------------------------------- */
Value bytes_new(const uint8_t *d, size_t n);
Value bytearray_new(const uint8_t *d, size_t n);
bool get_buffer(Value v, const uint8_t **d, size_t *n);
void bytearray_append(Value ba, const uint8_t *d, size_t n);
Value bytes_from_value(Value v, Type *t);

/* ---- containers --------------------------------------------------------------------------- */
Value tuple_new(size_t n);
Value tuple_from(size_t n, const Value *items);
Value tuple2(Value a, Value b);
Value tuple3(Value a, Value b, Value c);
Value list_new(size_t n); /* len n, items None-filled? no: zero (caller fills) */
Value list_from(size_t n, const Value *items);
void list_append(Value l, Value v);
void list_extend(Value l, Value iterable);
Value list_from_iter(Value iterable);
void list_sort(Value l, Value key, bool reverse);
Value list_pop_index(Value l, intptr_t i);
Value dict_new(void);
/* Counts keys ever added to any dict: name-lookup caches compare it to stay valid. */
extern uint32_t dict_key_epoch;
Value dict_get(Value d, Value key);      /* VNULL if missing */
void dict_set(Value d, Value key, Value val);
bool dict_del(Value d, Value key);
Value dict_get_str(Value d, Value key);  /* key an interned str; VNULL if missing */
void dict_set_str(Value d, const char *key, Value val);
void dict_update(Value d, Value other);
Value dict_copy(Value d);
bool dict_next(Value d, size_t *pos, Value *key, Value *val);
void ht_init(HTable *t, size_t cap);
HEntry *ht_lookup(HTable *t, Value key, uintptr_t hash);
HEntry *ht_insert(HTable *t, Value key, uintptr_t hash, bool *created);
bool ht_remove(HTable *t, Value key, uintptr_t hash);
void ht_clear(HTable *t);
Value set_new(Type *t);
void set_add(Value s, Value v);
bool set_contains(Value s, Value v);
Value range_new(intptr_t start, intptr_t stop, intptr_t step);
Value slice_new(Value a, Value b, Value c);
bool slice_indices(Value slice, intptr_t len, intptr_t *start, intptr_t *stop, intptr_t *step,
                   intptr_t *count);
intptr_t seq_index(Value idx, size_t len, const char *what); /* normalises, raises IndexError */
Value seqiter_new(Value seq);
Value cell_new(Value v);
Value module_new(Value name);
Value bound_new(Value self, Value func);
Value function_new(Code *code, Value globals, Value defaults, Value kwdefaults, Value closure);

/* ---- generators (obj_gen.c) --------------------------------------------------------------- */
Value gen_new(Frame *f, bool coro);
extern Type asyncgen_type, agop_type; /* async generators and their asend/athrow awaitables */
Value agop_send(Value op, Value v, Value *ret); /* as gen_send, for an asend/athrow awaitable */
Value gen_send(Value gen, Value v, Value *ret); /* VNULL and *ret = return value when done */
Value gen_throw(Value gen, Value exc, Value *ret);

/* ---- VM (vm.c) ---------------------------------------------------------------------------- */
enum { RUN_RETURN, RUN_YIELD };
Value vm_run(Frame *f, Value send, Value throw_exc, int *status);
Value vm_call_function(Value func, int nargs, int nkw, const Value *args);
Frame *frame_alloc_heap(Code *code);
void frame_bind_args(Frame *f, Function *fn, int nargs, int nkw, const Value *args);
Value vm_exec_module(Code *code, Value globals);
int code_line_at(Code *code, const uint8_t *ip);

/* ---- compiler front end ------------------------------------------------------------------- */
/* Compiles source to a module code object; raises SyntaxError (with lineno) on bad input. */
Value compile_source(const char *src, size_t len, Value filename, int mode); /* 0 exec, 1 repl, 2 eval */

/* ---- modules and builtins ----------------------------------------------------------------- */
void builtins_init(void);
Value import_module(Value name);
void modules_init(void);
Value mod_sys_init(void);
Value mod_time_init(void);
Value mod_math_init(void);
Value mod_struct_init(void);
Value mod_gc_init(void);
Value mod_micropython_init(void);
Value module_with_defs(const char *name, const MethodDef *defs);
void py_print_value(Value file, Value s); /* writes a str to a file-like (sys.stdout) */
void arg_check(const char *fname, int nargs, int min, int max);
Value kwarg_find(int nargs, int nkw, const Value *args, Value name); /* VNULL if absent */
NORETURN void raise_kw_unexpected(const char *fname, int nargs, int nkw, const Value *args);

/* ---- runtime entry points ----------------------------------------------------------------- */
void py_init(void *heap, size_t heap_size, void *stack_top);
int py_run_file(const char *path, int argc, char **argv);
int py_repl(void);
Value py_exec_source(const char *src, size_t len, Value filename, Value globals);
int py_handle_uncaught(Value exc); /* prints; returns exit status */

#endif
