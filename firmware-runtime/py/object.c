/* The generic object protocol: repr/str/hash/compare/arithmetic/attributes/calls/iteration.
 * Built-in types are dispatched through their C slots; classes defined in Python (TF_HEAP) are
 * dispatched through their dunder methods first, then through the slots inherited from their
 * built-in base (see type.c, which copies those slots when a class is created). */
#include "py.h"
#include "bigint.h"

#include <stdio.h>

const char *type_name(Value v) { return type_of(v)->name; }

/* A dunder defined in Python somewhere in the MRO (not one of a built-in type's wrappers). */
extern Type slotwrap_type;
static Value lookup_user(Type *t, Value name) {
  Value m = lookup_mro(t, name);
  if (!m) return VNULL;
  Type *mt = type_of(m);
  if (mt == &slotwrap_type || mt == &builtin_type) return VNULL;
  return m;
}

static Value call_with_self(Value m, Value self, int nargs, const Value *args) {
  Type *mt = type_of(m);
  if (mt == &staticmethod_type) return py_call(((StaticMethod *)m)->func, nargs, 0, args);
  if (mt == &classmethod_type) {
    Value a[8];
    a[0] = V(type_of(self));
    for (int i = 0; i < nargs && i < 7; i++) a[i + 1] = args[i];
    return py_call(((StaticMethod *)m)->func, nargs + 1, 0, a);
  }
  if (mt == &property_type) {
    Value v = py_call1(((Property *)m)->fget, self);
    return py_call(v, nargs, 0, args);
  }
  if (mt != &function_type && mt != &builtin_type && mt != &slotwrap_type) {
    /* a callable object stored in the class: call it unbound, as CPython does for non-descriptors */
    Value g = lookup_mro(mt, N.__get__);
    if (g) m = py_call3(g, m, self, V(type_of(self)));
    return py_call(m, nargs, 0, args);
  }
  Value a[8];
  a[0] = self;
  for (int i = 0; i < nargs && i < 7; i++) a[i + 1] = args[i];
  return py_call(m, nargs + 1, 0, a);
}

/* ---- repr / str --------------------------------------------------------------------------- */
/* C-level recursion (repr/compare of deeply nested containers) shares the frame depth
 * counter, which NLR restores when an exception unwinds. */
#define C_RECURSION_LIMIT 3000
static inline void depth_enter(void) {
  if (++vm.depth > C_RECURSION_LIMIT) {
    vm.depth -= 50;
    raise_msg(&RecursionError_type, "maximum recursion depth exceeded");
  }
}

/* Decimal text of a small int with native-word division: str(i), print(i) and f"{i}" are hot
 * in string-building code, and int's generic repr goes through snprintf's long long path,
 * about ten times slower on the board. */
static Value small_int_str(intptr_t x) {
  if (x >= 0 && x < 10) return vm.small_chars['0' + x];
  uintptr_t u = x < 0 ? (uintptr_t)0 - (uintptr_t)x : (uintptr_t)x;
  size_t n = x < 0;
  for (uintptr_t k = u; k; k /= 10) n++;
  char *d;
  Value s = str_new_uninit(n, &d);
  ((Str *)s)->clen = n; /* ASCII: no UTF-8 count; the zeroed block ends the text */
  do {
    d[--n] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (x < 0) d[0] = '-';
  return s;
}

static Value py_repr_inner(Value v);
Value py_repr(Value v) {
  if (IS_SMALL(v)) return small_int_str(SMALL_VAL(v));
  depth_enter();
  Value r = py_repr_inner(v);
  vm.depth--;
  return r;
}

static Value py_repr_inner(Value v) {
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__repr__);
    if (m) {
      Value r = call_with_self(m, v, 0, NULL);
      if (!isinst(r, &str_type)) raise_msg(&TypeError_type, "__repr__ returned non-string (type %s)", type_name(r));
      return r;
    }
  }
  if (t->repr) return t->repr(v);
  return str_printf("<%s object at %p>", t->name, (void *)v);
}

Value py_str(Value v) {
  if (IS_SMALL(v)) return small_int_str(SMALL_VAL(v));
  Type *t = type_of(v);
  if (t == &str_type) return v;
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__str__);
    if (m) {
      Value r = call_with_self(m, v, 0, NULL);
      if (!isinst(r, &str_type)) raise_msg(&TypeError_type, "__str__ returned non-string (type %s)", type_name(r));
      return r;
    }
    /* object.__str__ calls repr; a base with its own __str__ (str, exceptions) comes first */
    if (!t->str && lookup_user(t, N.__repr__)) return py_repr(v);
  }
  if (t->str) return t->str(v);
  return py_repr(v);
}

bool repr_enter(Value v) {
  if (!vm.repr_stack) vm.repr_stack = list_new(0);
  List *l = (List *)vm.repr_stack;
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == v) return false;
  list_append(vm.repr_stack, v);
  return true;
}

void repr_leave(void) {
  List *l = (List *)vm.repr_stack;
  if (l->len) l->len--;
}

/* ---- hashing and comparison --------------------------------------------------------------- */
intptr_t py_hash(Value v) {
  if (IS_SMALL(v)) {
    intptr_t h = SMALL_VAL(v);
#if INTPTR_MAX > INT32_MAX
    /* Python's modulus for numeric hashes; a 32-bit small int is always below it. */
    const intptr_t P = ((intptr_t)1 << 61) - 1;
    if (h >= P || h <= -P) h %= P;
#endif
    return h == -1 ? -2 : h;
  }
  Type *t = type_of(v);
  if (t == &str_type) return (intptr_t)str_hash(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_mro(t, N.__hash__);
    if (m == NONE) raise_msg(&TypeError_type, "unhashable type: '%s'", t->name);
    if (m && type_of(m) != &slotwrap_type) {
      Value r = call_with_self(m, v, 0, NULL);
      if (!is_int(r)) raise_msg(&TypeError_type, "__hash__ method should return an integer");
      return (intptr_t)int_as_i64(r);
    }
  }
  if (!t->hash) {
    /* Built-in types without a hash slot hash by identity (functions, generators, iterators,
     * modules: object.__hash__ in CPython); only the mutable containers are unhashable. */
    for (Type *b = t; b; b = b->base)
      if (b == &list_type || b == &dict_type || b == &set_type || b == &bytearray_type ||
          b == &slice_type || b == &dictview_type)
        raise_msg(&TypeError_type, "unhashable type: '%s'", t->name);
    return (intptr_t)(v >> 4);
  }
  return t->hash(v);
}

static const int swapped_op[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_sym[6] = {"<", "<=", "==", "!=", ">", ">="};

static Value heap_cmp(Type *t, Value a, Value b, int op) {
  Value m = lookup_user(t, N.cmp[op]);
  if (m) return call_with_self(m, a, 1, &b);
  if (op == CMP_NE && (m = lookup_user(t, N.__eq__))) {
    Value r = call_with_self(m, a, 1, &b);
    if (r == NOTIMPL) return r;
    return PYBOOL(!py_truth(r));
  }
  if (t->richcmp) {
    Value r = t->richcmp(a, b, op);
    if (r) return r;
  }
  return NOTIMPL;
}

static Value py_compare_inner(int op, Value a, Value b);
Value py_compare(int op, Value a, Value b) {
  depth_enter();
  Value r = py_compare_inner(op, a, b);
  vm.depth--;
  return r;
}

static Value py_compare_inner(int op, Value a, Value b) {
  Type *ta = type_of(a), *tb = type_of(b);
  if ((ta->flags | tb->flags) & TF_HEAP) {
    bool reflect_first = tb != ta && type_is_sub(tb, ta);
    if (reflect_first) {
      Value r = heap_cmp(tb, b, a, swapped_op[op]);
      if (r != NOTIMPL) return r;
    }
    Value r = (ta->flags & TF_HEAP) ? heap_cmp(ta, a, b, op) : (ta->richcmp ? ta->richcmp(a, b, op) : VNULL);
    if (r && r != NOTIMPL) return r;
    if (!reflect_first) {
      r = (tb->flags & TF_HEAP) ? heap_cmp(tb, b, a, swapped_op[op])
                                : (tb->richcmp ? tb->richcmp(b, a, swapped_op[op]) : VNULL);
      if (r && r != NOTIMPL) return r;
    }
  } else {
    if (ta->richcmp) {
      Value r = ta->richcmp(a, b, op);
      if (r && r != NOTIMPL) return r;
    }
    if (tb != ta && tb->richcmp) {
      Value r = tb->richcmp(b, a, swapped_op[op]);
      if (r && r != NOTIMPL) return r;
    }
  }
  if (op == CMP_EQ) return PYBOOL(a == b);
  if (op == CMP_NE) return PYBOOL(a != b);
  raise_msg(&TypeError_type, "'%s' not supported between instances of '%s' and '%s'", cmp_sym[op],
            ta->name, tb->name);
}

bool py_eq(Value a, Value b) {
  if (a == b) return true;
  if (IS_SMALL(a) && IS_SMALL(b)) return false;
  Type *ta = type_of(a);
  if (ta == &str_type && type_of(b) == &str_type) return str_eq(a, b);
  return py_truth(py_compare(CMP_EQ, a, b));
}

bool py_compare_bool(int op, Value a, Value b) {
  if (IS_SMALL(a) && IS_SMALL(b)) {
    intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
    switch (op) {
      case CMP_LT: return x < y;
      case CMP_LE: return x <= y;
      case CMP_EQ: return x == y;
      case CMP_NE: return x != y;
      case CMP_GT: return x > y;
      case CMP_GE: return x >= y;
    }
  }
  return py_truth(py_compare(op, a, b));
}

bool py_truth(Value v) {
  if (v == FALSE_V || v == NONE) return false;
  if (v == TRUE_V) return true;
  if (IS_SMALL(v)) return SMALL_VAL(v) != 0;
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__bool__);
    if (m) {
      Value r = call_with_self(m, v, 0, NULL);
      if (!is_type(r, &bool_type)) raise_msg(&TypeError_type, "__bool__ should return bool, returned %s", type_name(r));
      return r == TRUE_V;
    }
    m = lookup_user(t, N.__len__);
    if (m) return py_truth(call_with_self(m, v, 0, NULL));
  }
  if (t->truth) return t->truth(v);
  if (t->len) return t->len(v) != 0;
  return true;
}

/* ---- arithmetic --------------------------------------------------------------------------- */
static const char *const binop_sym[BIN_COUNT] = {"+", "-", "*", "/", "//", "%", "** or pow()",
                                                 "<<", ">>", "&", "|", "^", "@"};

NORETURN void raise_type_error_unsupported(const char *op, Value a, Value b) {
  raise_msg(&TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'", op, type_name(a),
            type_name(b));
}

static Value heap_binop(int op, Value a, Value b) {
  Type *ta = type_of(a), *tb = type_of(b);
  int base = op & 15;
  if (op & BIN_INPLACE) {
    if (ta->flags & TF_HEAP) {
      Value m = lookup_user(ta, N.ibinop[base]);
      if (m) {
        Value r = call_with_self(m, a, 1, &b);
        if (r != NOTIMPL) return r;
      }
    }
  }
  bool reflect_first = tb != ta && (tb->flags & TF_HEAP) && type_is_sub(tb, ta);
  if (reflect_first) {
    Value m = lookup_user(tb, N.rbinop[base]);
    if (m) {
      Value r = call_with_self(m, b, 1, &a);
      if (r != NOTIMPL) return r;
    }
  }
  if (ta->flags & TF_HEAP) {
    Value m = lookup_user(ta, N.binop[base]);
    if (m) {
      Value r = call_with_self(m, a, 1, &b);
      if (r != NOTIMPL) return r;
    }
  }
  if (ta->binop) {
    Value r = ta->binop(op, a, b);
    if (r && r != NOTIMPL) return r;
  }
  if (!reflect_first && tb != ta && (tb->flags & TF_HEAP)) {
    Value m = lookup_user(tb, N.rbinop[base]);
    if (m) {
      Value r = call_with_self(m, b, 1, &a);
      if (r != NOTIMPL) return r;
    }
  }
  if (tb != ta && tb->binop) {
    Value r = tb->binop(op, a, b);
    if (r && r != NOTIMPL) return r;
  }
  raise_type_error_unsupported(binop_sym[base], a, b);
}

Value py_binop(int op, Value a, Value b) {
  Type *ta = type_of(a), *tb = type_of(b);
  if ((ta->flags | tb->flags) & TF_HEAP) return heap_binop(op, a, b);
  if (ta->binop) {
    Value r = ta->binop(op, a, b);
    if (r && r != NOTIMPL) return r;
  }
  if (tb != ta && tb->binop) {
    Value r = tb->binop(op, a, b);
    if (r && r != NOTIMPL) return r;
  }
  if (op & BIN_INPLACE) {
    int base = op & 15;
    const char *s = binop_sym[base];
    char buf[8];
    snprintf(buf, sizeof buf, "%s=", base == BIN_POW ? "**" : s);
    raise_type_error_unsupported(buf, a, b);
  }
  if ((op & 15) == BIN_MUL) {
    Type *seq = NULL;
    Value other = VNULL;
    if (ta == &str_type || ta == &list_type || ta == &tuple_type || ta == &bytes_type || ta == &bytearray_type) { seq = ta; other = b; }
    else if (tb == &str_type || tb == &list_type || tb == &tuple_type || tb == &bytes_type || tb == &bytearray_type) { seq = tb; other = a; }
    if (seq) raise_msg(&TypeError_type, "can't multiply sequence by non-int of type '%s'", type_name(other));
  }
  raise_type_error_unsupported(binop_sym[op & 15], a, b);
}

Value py_unop(int op, Value a) {
  if (op == UN_NOT) return PYBOOL(!py_truth(a));
  Type *t = type_of(a);
  if (t->flags & TF_HEAP) {
    Value name = op == UN_NEG ? N.__neg__ : op == UN_POS ? N.__pos__ : N.__invert__;
    Value m = lookup_user(t, name);
    if (m) return call_with_self(m, a, 0, NULL);
  }
  if (t->unop) {
    Value r = t->unop(op, a);
    if (r) return r;
  }
  raise_msg(&TypeError_type, "bad operand type for unary %s: '%s'",
            op == UN_NEG ? "-" : op == UN_POS ? "+" : "~", t->name);
}

intptr_t py_index(Value v) {
  if (IS_SMALL(v)) return SMALL_VAL(v);
  if (is_int(v)) return (intptr_t)int_as_i64(v);
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__index__);
    if (m) return py_index(call_with_self(m, v, 0, NULL));
  }
  raise_msg(&TypeError_type, "'%s' object cannot be interpreted as an integer", t->name);
}

/* ---- attributes --------------------------------------------------------------------------- */
/* Attribute cache for lookup_mro: (type, name) -> the entry of the class dict that held it.
 * A hit re-reads the live entry (same key object still there, so assignments show and
 * deletions miss) and requires that no key was added to a class or module dict since
 * (dict_key_epoch in obj_dict.c, bumped for namespace tables only), so no class earlier in the
 * MRO can have gained the name meanwhile. Absence is cached the same way. A changed
 * __mro__ misses on the mro tag. Method calls on built-in and user types then skip the MRO
 * walk and its hashing. */
#define MCACHE_SIZE 512
typedef struct { Type *type; Value name, mro, dict; uint32_t ix, epoch; } MCacheSlot;
static MCacheSlot mcache[MCACHE_SIZE];

static Value lookup_mro_uncached(Type *t, Value name);
static Value lookup_mro_fill(Type *t, Value name, MCacheSlot *c);
Value lookup_mro(Type *t, Value name) {
  MCacheSlot *c = &mcache[(((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3)) & (MCACHE_SIZE - 1)];
  if (c->type == t && c->name == name && c->mro == t->mro && c->epoch == dict_key_epoch) {
    if (!c->dict) return VNULL; /* cached absence: no class dict gained a key since */
    HTable *h = &((Dict *)c->dict)->t;
    if (c->ix < h->n && h->entries[c->ix].key == name) return h->entries[c->ix].value;
  }
  return lookup_mro_fill(t, name, c);
}

static Value lookup_mro_fill(Type *t, Value name, MCacheSlot *c) {
  Value v = lookup_mro_uncached(t, name);
  if (!isinst(name, &str_type)) return v;
  if (!v) {
    /* instance attributes miss every class: remember that, or each self.x walks the MRO */
    c->type = t;
    c->name = name;
    c->mro = t->mro;
    c->dict = VNULL;
    c->epoch = dict_key_epoch;
    return v;
  }
  /* find the entry again to remember where it is (only on a miss of the cache) */
  Tuple *mro = (Tuple *)t->mro;
  size_t n = mro ? mro->len : 1;
  for (size_t i = 0; i < n; i++) {
    Type *b = mro ? (Type *)mro->items[i] : t;
    if (!b->dict) continue;
    HTable *h = &((Dict *)b->dict)->t;
    HEntry *e = ht_lookup(h, name, str_hash(name));
    if (!e) continue;
    if (e->key == name && e->value == v) {
      c->type = t;
      c->name = name;
      c->mro = t->mro;
      c->dict = b->dict;
      c->ix = (uint32_t)(e - h->entries);
      c->epoch = dict_key_epoch;
    }
    break;
  }
  return v;
}

/* Every class dict read here becomes a namespace (HTable.ns): from now on a key added to it
 * invalidates the cache, which may remember what this walk found or did not find. */
static Value lookup_mro_uncached(Type *t, Value name) {
  Tuple *mro = (Tuple *)t->mro;
  if (!mro) {
    for (; t; t = t->base) {
      if (t->dict) {
        ((Dict *)t->dict)->t.ns = 1;
        Value v = dict_get_str(t->dict, name);
        if (v) return v;
      }
    }
    return VNULL;
  }
  for (size_t i = 0; i < mro->len; i++) {
    Type *b = (Type *)mro->items[i];
    if (b->dict) {
      ((Dict *)b->dict)->t.ns = 1;
      Value v = dict_get_str(b->dict, name);
      if (v) return v;
    }
  }
  return VNULL;
}

Type *static_base(Type *t) {
  while (t->flags & TF_HEAP) t = t->base;
  return t;
}

/* Bytes taken by the value of a TF_IMMUT type (big-int layout for ints), word aligned. */
static size_t immut_size(Value v, Type *sb) {
  size_t n = sb->inst_size;
  if (sb == &tuple_type) n = sizeof(Tuple) + ((Tuple *)v)->len * sizeof(Value);
  else if (sb == &str_type) n = sizeof(Str) + ((Str *)v)->len + 1;
  else if (sb == &bytes_type) n = sizeof(Bytes) + ((Bytes *)v)->len + 1;
  else if (sb == &int_type) n = sizeof(Big) + ((Big *)v)->n * sizeof(uint32_t);
  return (n + sizeof(Value) - 1) & ~(sizeof(Value) - 1);
}

/* A copy of v retyped to the heap class t, with room for the instance dict after it: the
 * built-in code keeps working on it since the layout is the base's (CPython's subtype layout). */
Value subinst_new(Type *t, Value v) {
  Type *sb = static_base(t);
  if (sb == &int_type && (IS_SMALL(v) || type_of(v) == &bool_type)) {
    /* small ints are unboxed: give the instance the big-int layout (sign, magnitude limbs) */
    int64_t x = int_as_i64(v);
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    Big *b = gc_alloc(sizeof(Big) + 2 * sizeof(uint32_t));
    b->hdr.type = &int_type;
    b->neg = x < 0;
    b->d[0] = (uint32_t)m;
    b->d[1] = (uint32_t)(m >> 32);
    b->n = b->d[1] ? 2 : b->d[0] ? 1 : 0;
    v = V(b);
  }
  size_t n = immut_size(v, sb);
  Obj *o = gc_alloc(n + sizeof(Value));
  memcpy(o, (void *)v, n);
  o->type = t;
  return V(o);
}

static Value *dict_slot(Value obj, Type *t) {
  if (!t->dict_offset) return NULL;
  if (t->dict_offset == DICT_AT_END) return (Value *)((char *)obj + immut_size(obj, static_base(t)));
  return (Value *)((char *)obj + t->dict_offset);
}

Value instance_dict(Value obj) {
  if (IS_SMALL(obj)) return VNULL;
  Value *slot = dict_slot(obj, OBJ(obj)->type);
  if (!slot) return VNULL;
  if (!*slot) *slot = dict_new();
  return *slot;
}

static Value bind_attr(Value attr, Value obj, Type *t) {
  Type *at = type_of(attr);
  if (at == &function_type || at == &builtin_type || at == &slotwrap_type) return bound_new(obj, attr);
  if (at == &staticmethod_type) return ((StaticMethod *)attr)->func;
  if (at == &classmethod_type) return bound_new(V(t), ((StaticMethod *)attr)->func);
  if (at->flags & TF_HEAP) {
    Value g = lookup_mro(at, N.__get__);
    if (g) {
      Value a[2] = {obj, V(t)};
      return call_with_self(g, attr, 2, a);
    }
  }
  return attr;
}

Value generic_getattr(Value obj, Value name) {
  Type *t = type_of(obj);
  Value attr = lookup_mro(t, name);
  if (attr) {
    Type *at = type_of(attr);
    if (at == &property_type) {
      Property *p = (Property *)attr;
      if (!p->fget) raise_msg(&AttributeError_type, "property '%s' of '%s' object has no getter", str_cstr(name), t->name);
      return py_call1(p->fget, obj);
    }
    if ((at->flags & TF_HEAP) && lookup_mro(at, N.__set__) && lookup_mro(at, N.__get__)) return bind_attr(attr, obj, t);
  }
  if (t->dict_offset) {
    Value d = *dict_slot(obj, t);
    if (d) {
      Value v = dict_get_str(d, name);
      if (v) return v;
    }
  }
  if (attr) return bind_attr(attr, obj, t);
  if (name == N.__class__) return V(t);
  if (name == N.__dict__ && t->dict_offset) return instance_dict(obj);
  return VNULL;
}

Value py_getattr_opt(Value obj, Value name) {
  Type *t = type_of(obj);
  Value v;
  if (t->getattr) v = t->getattr(obj, name);
  else v = generic_getattr(obj, name);
  if (v) return v;
  if (t->flags & TF_HAS_GETATTR) {
    Value m = lookup_user(t, N.__getattr__);
    if (m) {
      Nlr n;
      if (NLR_TRY(n)) {
        v = call_with_self(m, obj, 1, &name);
        nlr_pop();
        return v;
      } else {
        if (isinst(vm.raised, &AttributeError_type)) return VNULL;
        py_raise(vm.raised);
      }
    }
  }
  return VNULL;
}

Value py_getattr(Value obj, Value name) {
  Type *t = type_of(obj);
  Value v = t->getattr ? t->getattr(obj, name) : generic_getattr(obj, name);
  if (v) return v;
  if (t->flags & TF_HAS_GETATTR) {
    Value m = lookup_user(t, N.__getattr__);
    if (m) return call_with_self(m, obj, 1, &name);
  }
  if (t == &type_type || type_is_sub(t, &type_type))
    raise_msg(&AttributeError_type, "type object '%s' has no attribute '%s'", ((Type *)obj)->name, str_cstr(name));
  if (t == &module_type)
    raise_msg(&AttributeError_type, "module '%s' has no attribute '%s'", str_cstr(((Module *)obj)->name), str_cstr(name));
  raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", t->name, str_cstr(name));
}

bool slots_declare(Type *t, Value name); /* type.c */

bool generic_setattr(Value obj, Value name, Value val) {
  Type *t = type_of(obj);
  Value attr = lookup_mro(t, name);
  if (attr) {
    Type *at = type_of(attr);
    if (at == &property_type) {
      Property *p = (Property *)attr;
      if (val) {
        if (!p->fset) raise_msg(&AttributeError_type, "property '%s' of '%s' object has no setter", str_cstr(name), t->name);
        py_call2(p->fset, obj, val);
      } else {
        if (!p->fdel) raise_msg(&AttributeError_type, "property '%s' of '%s' object has no deleter", str_cstr(name), t->name);
        py_call1(p->fdel, obj);
      }
      return true;
    }
    if (at->flags & TF_HEAP) {
      Value s = lookup_mro(at, val ? N.__set__ : N.__delete__);
      if (s) {
        Value a[2] = {obj, val};
        call_with_self(s, attr, val ? 2 : 1, a);
        return true;
      }
    }
  }
  if (!t->dict_offset) return false;
  if ((t->flags & TF_SLOTS) && !slots_declare(t, name)) return false;
  Value d = instance_dict(obj);
  if (val) dict_set(d, name, val);
  else if (!dict_del(d, name)) raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", t->name, str_cstr(name));
  return true;
}

void py_setattr(Value obj, Value name, Value val) {
  Type *t = type_of(obj);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, val ? N.__setattr__ : N.__delattr__);
    if (m) {
      Value a[2] = {name, val};
      call_with_self(m, obj, val ? 2 : 1, a);
      return;
    }
  }
  bool ok = t->setattr ? t->setattr(obj, name, val) : generic_setattr(obj, name, val);
  if (!ok) {
    Value existing = py_getattr_opt(obj, name);
    if (existing)
      raise_msg(&AttributeError_type, "'%s' object attribute '%s' is read-only", t->name, str_cstr(name));
    raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", t->name, str_cstr(name));
  }
}

Value load_method(Value obj, Value name, Value *self_out) {
  Type *t = type_of(obj);
  if (!t->getattr) {
    Value attr = lookup_mro(t, name);
    if (attr) {
      Type *at = type_of(attr);
      if (at == &function_type || at == &builtin_type || at == &slotwrap_type) {
        Value d = t->dict_offset ? *dict_slot(obj, t) : VNULL;
        if (!d || !dict_get_str(d, name)) {
          *self_out = obj;
          return attr;
        }
      }
    }
  }
  *self_out = VNULL;
  return py_getattr(obj, name);
}

/* ---- calls -------------------------------------------------------------------------------- */
Value py_call(Value f, int nargs, int nkw, const Value *args) {
  Type *t = type_of(f);
  if (t == &function_type) return vm_call_function(f, nargs, nkw, args);
  if (t->call && !(t->flags & TF_HEAP)) return t->call(f, nargs, nkw, args);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__call__);
    if (m) {
      if (type_of(m) == &function_type) {
        int total = nargs + 2 * nkw;
        Value *a = __builtin_alloca((size_t)(total + 1) * sizeof(Value));
        a[0] = f;
        if (total) memcpy(a + 1, args, (size_t)total * sizeof(Value));
        return vm_call_function(m, nargs + 1, nkw, a);
      }
      return call_with_self(m, f, nargs, args);
    }
    if (t->call) return t->call(f, nargs, nkw, args);
  }
  raise_msg(&TypeError_type, "'%s' object is not callable", t->name);
}

Value py_call0(Value f) { return py_call(f, 0, 0, NULL); }
Value py_call1(Value f, Value a) { return py_call(f, 1, 0, &a); }
Value py_call2(Value f, Value a, Value b) {
  Value x[2] = {a, b};
  return py_call(f, 2, 0, x);
}
Value py_call3(Value f, Value a, Value b, Value c) {
  Value x[3] = {a, b, c};
  return py_call(f, 3, 0, x);
}

Value py_call_method(Value obj, Value name, int nargs, const Value *args) {
  Value self;
  Value m = load_method(obj, name, &self);
  if (!self) return py_call(m, nargs, 0, args);
  Value *a = __builtin_alloca((size_t)(nargs + 1) * sizeof(Value));
  a[0] = self;
  if (nargs) memcpy(a + 1, args, (size_t)nargs * sizeof(Value));
  return py_call(m, nargs + 1, 0, a);
}

bool py_callable(Value v) {
  Type *t = type_of(v);
  if (t == &function_type || t->call) return true;
  return (t->flags & TF_HEAP) && lookup_user(t, N.__call__);
}

/* ---- iteration, containers ---------------------------------------------------------------- */
Value py_iter(Value v) {
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__iter__);
    if (m) {
      Value it = call_with_self(m, v, 0, NULL);
      Type *it_t = type_of(it);
      if (!it_t->next && !((it_t->flags & TF_HEAP) && lookup_user(it_t, N.__next__)))
        raise_msg(&TypeError_type, "iter() returned non-iterator of type '%s'", it_t->name);
      return it;
    }
    /* the old sequence protocol only when the built-in base has no iterator (CPython's tp_iter) */
    if (!t->iter && lookup_user(t, N.__getitem__)) return seqiter_new(v);
  }
  if (t->iter) return t->iter(v);
  raise_msg(&TypeError_type, "'%s' object is not iterable", t->name);
}

Value py_next(Value it) {
  Type *t = type_of(it);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__next__);
    if (m) {
      Nlr n;
      if (NLR_TRY(n)) {
        Value v = call_with_self(m, it, 0, NULL);
        nlr_pop();
        return v;
      }
      if (isinst(vm.raised, &StopIteration_type)) return VNULL;
      py_raise(vm.raised);
    }
  }
  if (t->next) return t->next(it);
  raise_msg(&TypeError_type, "'%s' object is not an iterator", t->name);
}

Value py_getitem(Value obj, Value index) {
  Type *t = type_of(obj);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__getitem__);
    if (m) return call_with_self(m, obj, 1, &index);
  }
  if (t->subscr) return t->subscr(obj, index, VNULL);
  if (t == &type_type || type_is_sub(t, &type_type)) {
    /* a classmethod (type.__new__ makes it one): called with the class itself */
    Value m = lookup_mro((Type *)obj, N.__class_getitem__);
    if (m && type_of(m) == &classmethod_type) return py_call2(((StaticMethod *)m)->func, obj, index);
    if (m) return call_with_self(m, obj, 1, &index);
    return obj; /* list[int] and friends: typing only */
  }
  raise_msg(&TypeError_type, "'%s' object is not subscriptable", t->name);
}

void py_setitem(Value obj, Value index, Value val) {
  Type *t = type_of(obj);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__setitem__);
    if (m) {
      Value a[2] = {index, val};
      call_with_self(m, obj, 2, a);
      return;
    }
  }
  if (t->subscr) {
    t->subscr(obj, index, val);
    return;
  }
  raise_msg(&TypeError_type, "'%s' object does not support item assignment", t->name);
}

void py_delitem(Value obj, Value index) {
  Type *t = type_of(obj);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__delitem__);
    if (m) {
      call_with_self(m, obj, 1, &index);
      return;
    }
  }
  if (t->subscr) {
    t->subscr(obj, index, SENTINEL_DEL);
    return;
  }
  raise_msg(&TypeError_type, "'%s' object does not support item deletion", t->name);
}

size_t py_len(Value v) {
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__len__);
    if (m) {
      Value r = call_with_self(m, v, 0, NULL);
      intptr_t n = py_index(r);
      if (n < 0) raise_msg(&ValueError_type, "__len__() should return >= 0");
      return (size_t)n;
    }
  }
  if (t->len) return t->len(v);
  raise_msg(&TypeError_type, "object of type '%s' has no len()", t->name);
}

bool py_contains(Value c, Value item) {
  Type *t = type_of(c);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__contains__);
    if (m) return py_truth(call_with_self(m, c, 1, &item));
  }
  if (t->contains) {
    int r = t->contains(c, item);
    if (r >= 0) return r;
  }
  Value it = py_iter(c);
  Value x;
  while ((x = py_next(it)))
    if (x == item || py_eq(x, item)) return true;
  return false;
}

Value seq_to_tuple(Value seq) {
  if (is_type(seq, &tuple_type)) return seq;
  if (is_type(seq, &list_type)) {
    List *l = (List *)seq;
    return tuple_from(l->len, l->items);
  }
  Value l = list_from_iter(seq);
  return tuple_from(((List *)l)->len, ((List *)l)->items);
}

Value py_format(Value v, Value spec) {
  Type *t = type_of(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_user(t, N.__format__);
    if (m) return call_with_self(m, v, 1, &spec);
  }
  /* an empty spec is str(v) for every built-in (format(True) is 'True') */
  if (str_len(spec) == 0) return py_str(v);
  if (is_int(v) && !(t->flags & TF_HEAP)) return format_int(v, spec);
  t = static_base(t); /* a subclass of int, float or str formats as its base */
  if (t == &int_type) return format_int(int_plain(v), spec);
  if (t == &float_type) return format_float(((Float *)v)->v, spec);
  if (t == &str_type) return format_str(v, spec);
  if (str_len(spec) == 0) return py_str(v);
  raise_msg(&TypeError_type, "unsupported format string passed to %s.__format__", t->name);
}
