/* set and frozenset, over the same insertion-ordered hash table as dict. */
#include "py.h"

static inline bool is_anyset(Value v) { return isinst(v, &set_type) || isinst(v, &frozenset_type); }

Value set_new(Type *t) {
  Set *s = obj_alloc(t, sizeof(Set));
  ht_init(&s->t, 0);
  return V(s);
}

void set_add(Value s, Value v) {
  bool created;
  ht_insert(&((Set *)s)->t, v, (uintptr_t)py_hash(v), &created);
}

bool set_contains(Value s, Value v) { return ht_lookup(&((Set *)s)->t, v, (uintptr_t)py_hash(v)) != NULL; }

static bool set_next(Value s, size_t *pos, Value *k) {
  HTable *t = &((Set *)s)->t;
  while (*pos < t->n) {
    HEntry *e = &t->entries[(*pos)++];
    if (e->key) {
      *k = e->key;
      return true;
    }
  }
  return false;
}

static void set_update_from(Value s, Value other) {
  if (is_anyset(other)) {
    size_t pos = 0;
    Value k;
    while (set_next(other, &pos, &k)) set_add(s, k);
    return;
  }
  Value it = py_iter(other), x;
  while ((x = py_next(it))) set_add(s, x);
}

static Value set_copy_as(Value s, Type *t) {
  Value r = set_new(t);
  set_update_from(r, s);
  return r;
}

static Value as_set(Value v) {
  if (is_anyset(v)) return v;
  Value r = set_new(&set_type);
  set_update_from(r, v);
  return r;
}

static Value set_repr(Value v) {
  Set *s = (Set *)v;
  bool frozen = isinst(v, &frozenset_type);
  if (s->t.used == 0) return str_from_cstr(frozen ? "frozenset()" : "set()");
  if (!repr_enter(v)) return str_printf("%s(...)", type_name(v));
  SB sb;
  sb_init(&sb, 32);
  if (frozen) sb_adds(&sb, "frozenset(");
  sb_addc(&sb, '{');
  size_t pos = 0;
  Value k;
  bool first = true;
  Nlr nl;
  if (NLR_TRY(nl)) {
    while (set_next(v, &pos, &k)) {
      if (!first) sb_adds(&sb, ", ");
      first = false;
      sb_add_repr(&sb, k);
    }
    nlr_pop();
  } else {
    repr_leave();
    py_raise(vm.raised);
  }
  repr_leave();
  sb_addc(&sb, '}');
  if (frozen) sb_addc(&sb, ')');
  return sb_to_str(&sb);
}

static bool is_subset(Value a, Value b) {
  if (((Set *)a)->t.used > ((Set *)b)->t.used) return false;
  size_t pos = 0;
  Value k;
  while (set_next(a, &pos, &k))
    if (!set_contains(b, k)) return false;
  return true;
}

static Value set_richcmp(Value a, Value b, int op) {
  if (!is_anyset(b)) return VNULL;
  size_t na = ((Set *)a)->t.used, nb = ((Set *)b)->t.used;
  switch (op) {
    case CMP_EQ: return PYBOOL(na == nb && is_subset(a, b));
    case CMP_NE: return PYBOOL(!(na == nb && is_subset(a, b)));
    case CMP_LE: return PYBOOL(is_subset(a, b));
    case CMP_LT: return PYBOOL(na < nb && is_subset(a, b));
    case CMP_GE: return PYBOOL(is_subset(b, a));
    case CMP_GT: return PYBOOL(na > nb && is_subset(b, a));
  }
  return VNULL;
}

static Value set_op(int op, Value a, Value b, Type *rt, Value into) {
  Value r = into ? into : set_new(rt);
  size_t pos = 0;
  Value k;
  switch (op) {
    case BIN_OR:
      if (!into) set_update_from(r, a);
      set_update_from(r, b);
      return r;
    case BIN_AND:
      while (set_next(a, &pos, &k))
        if (set_contains(b, k)) set_add(r, k);
      return r;
    case BIN_SUB:
      while (set_next(a, &pos, &k))
        if (!set_contains(b, k)) set_add(r, k);
      return r;
    case BIN_XOR:
      while (set_next(a, &pos, &k))
        if (!set_contains(b, k)) set_add(r, k);
      pos = 0;
      while (set_next(b, &pos, &k))
        if (!set_contains(a, k)) set_add(r, k);
      return r;
  }
  return VNULL;
}

static void set_assign(Value dst, Value src) {
  HTable *t = &((Set *)dst)->t;
  *t = ((Set *)src)->t;
}

static Value set_binop(int op, Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return VNULL;
  int base = op & 15;
  if (base != BIN_OR && base != BIN_AND && base != BIN_SUB && base != BIN_XOR) return VNULL;
  Type *rt = isinst(a, &frozenset_type) ? &frozenset_type : &set_type;
  Value r = set_op(base, a, b, rt, VNULL);
  if ((op & BIN_INPLACE) && isinst(a, &set_type)) {
    set_assign(a, r);
    return a;
  }
  return r;
}

static size_t set_len(Value v) { return ((Set *)v)->t.used; }
static int set_contains_slot(Value s, Value x) {
  if (isinst(x, &set_type) && !isinst(x, &frozenset_type)) {
    /* a set is looked up as a frozenset, as CPython does */
    Value f = set_copy_as(x, &frozenset_type);
    return set_contains(s, f);
  }
  return set_contains(s, x);
}

typedef struct { Obj hdr; Value set; size_t pos; } SetIter;
static Value setiter_next(Value v) {
  SetIter *it = (SetIter *)v;
  Value k;
  return set_next(it->set, &it->pos, &k) ? k : VNULL;
}
static Value self_iter(Value v) { return v; }
Type setiter_type = {.hdr = {&type_type}, .name = "set_iterator", .base = &object_type,
                     .iter = self_iter, .next = setiter_next};
static Value set_iter(Value v) {
  SetIter *it = obj_alloc(&setiter_type, sizeof(SetIter));
  it->set = v;
  return V(it);
}

static intptr_t frozenset_hash(Value v) {
  uintptr_t h = 1927868237u;
  size_t pos = 0;
  Value k;
  while (set_next(v, &pos, &k)) {
    uintptr_t x = (uintptr_t)py_hash(k);
    h ^= (x ^ (x << 16) ^ 89869747u) * 3644798167u;
  }
  intptr_t r = (intptr_t)(h * 69069u + 907133923u);
  return r == -1 ? -2 : r;
}

static Value set_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)nkw;
  arg_check(t->name, nargs, 0, 1);
  Value s = set_new(t);
  if (nargs) set_update_from(s, args[0]);
  return s;
}

/* ---- methods ------------------------------------------------------------------------------ */
static Value m_add(int n, const Value *a) { (void)n; set_add(a[0], a[1]); return NONE; }
static Value m_remove(int n, const Value *a) {
  (void)n;
  if (!ht_remove(&((Set *)a[0])->t, a[1], (uintptr_t)py_hash(a[1]))) py_raise(exc_new(&KeyError_type, 1, &a[1]));
  return NONE;
}
static Value m_discard(int n, const Value *a) {
  (void)n;
  ht_remove(&((Set *)a[0])->t, a[1], (uintptr_t)py_hash(a[1]));
  return NONE;
}
static Value m_pop(int n, const Value *a) {
  (void)n;
  size_t pos = 0;
  Value k;
  if (!set_next(a[0], &pos, &k)) raise_msg(&KeyError_type, "pop from an empty set");
  ht_remove(&((Set *)a[0])->t, k, (uintptr_t)py_hash(k));
  return k;
}
static Value m_clear(int n, const Value *a) { (void)n; ht_clear(&((Set *)a[0])->t); return NONE; }
static Value m_copy(int n, const Value *a) { (void)n; return set_copy_as(a[0], type_of(a[0])); }
static Value multi(int nargs, const Value *a, int op, bool update) {
  Value r = update ? a[0] : set_copy_as(a[0], type_of(a[0]));
  for (int i = 1; i < nargs; i++) {
    Value o = as_set(a[i]);
    if (op == BIN_OR) set_update_from(r, o);
    else set_assign(r, set_op(op, r, o, type_of(r), VNULL));
  }
  return update ? NONE : r;
}
static Value m_union(int n, const Value *a) { return multi(n, a, BIN_OR, false); }
static Value m_intersection(int n, const Value *a) { return multi(n, a, BIN_AND, false); }
static Value m_difference(int n, const Value *a) { return multi(n, a, BIN_SUB, false); }
static Value m_symdiff(int n, const Value *a) { return multi(n, a, BIN_XOR, false); }
static Value m_update(int n, const Value *a) { return multi(n, a, BIN_OR, true); }
static Value m_intersection_update(int n, const Value *a) { return multi(n, a, BIN_AND, true); }
static Value m_difference_update(int n, const Value *a) { return multi(n, a, BIN_SUB, true); }
static Value m_symdiff_update(int n, const Value *a) { return multi(n, a, BIN_XOR, true); }
static Value m_issubset(int n, const Value *a) { (void)n; return PYBOOL(is_subset(a[0], as_set(a[1]))); }
static Value m_issuperset(int n, const Value *a) { (void)n; return PYBOOL(is_subset(as_set(a[1]), a[0])); }
static Value m_isdisjoint(int n, const Value *a) {
  (void)n;
  Value o = as_set(a[1]);
  size_t pos = 0;
  Value k;
  while (set_next(a[0], &pos, &k))
    if (set_contains(o, k)) return FALSE_V;
  return TRUE_V;
}

static const MethodDef set_methods[] = {
    {"add", m_add, 2, 2, 0, MK_METHOD}, {"remove", m_remove, 2, 2, 0, MK_METHOD},
    {"discard", m_discard, 2, 2, 0, MK_METHOD}, {"pop", m_pop, 1, 1, 0, MK_METHOD},
    {"clear", m_clear, 1, 1, 0, MK_METHOD}, {"copy", m_copy, 1, 1, 0, MK_METHOD},
    {"union", m_union, 1, -1, 0, MK_METHOD}, {"intersection", m_intersection, 1, -1, 0, MK_METHOD},
    {"difference", m_difference, 1, -1, 0, MK_METHOD},
    {"symmetric_difference", m_symdiff, 2, 2, 0, MK_METHOD},
    {"update", m_update, 1, -1, 0, MK_METHOD},
    {"intersection_update", m_intersection_update, 1, -1, 0, MK_METHOD},
    {"difference_update", m_difference_update, 1, -1, 0, MK_METHOD},
    {"symmetric_difference_update", m_symdiff_update, 2, 2, 0, MK_METHOD},
    {"issubset", m_issubset, 2, 2, 0, MK_METHOD}, {"issuperset", m_issuperset, 2, 2, 0, MK_METHOD},
    {"isdisjoint", m_isdisjoint, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};
static const MethodDef frozenset_methods[] = {
    {"copy", m_copy, 1, 1, 0, MK_METHOD},
    {"union", m_union, 1, -1, 0, MK_METHOD}, {"intersection", m_intersection, 1, -1, 0, MK_METHOD},
    {"difference", m_difference, 1, -1, 0, MK_METHOD},
    {"symmetric_difference", m_symdiff, 2, 2, 0, MK_METHOD},
    {"issubset", m_issubset, 2, 2, 0, MK_METHOD}, {"issuperset", m_issuperset, 2, 2, 0, MK_METHOD},
    {"isdisjoint", m_isdisjoint, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type set_type = {
    .hdr = {&type_type}, .name = "set", .base = &object_type, .flags = TF_BASETYPE,
    .inst_size = sizeof(Set), .make_new = set_make, .repr = set_repr, .richcmp = set_richcmp,
    .binop = set_binop, .len = set_len, .contains = set_contains_slot, .iter = set_iter,
};
Type frozenset_type = {
    .hdr = {&type_type}, .name = "frozenset", .base = &object_type,
    .inst_size = sizeof(Set), .make_new = set_make, .repr = set_repr, .richcmp = set_richcmp,
    .binop = set_binop, .len = set_len, .contains = set_contains_slot, .iter = set_iter,
    .hash = frozenset_hash,
};

void set_init(void) {
  type_add_methods(&set_type, set_methods);
  type_add_methods(&frozenset_type, frozenset_methods);
}
