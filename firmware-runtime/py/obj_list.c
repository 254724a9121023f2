/* list: a growable array of values.  Sorting is a stable merge sort using only '<', as
 * Python's list.sort guarantees (Library reference, "Sorting HOW TO"). */
#include "py.h"

Value list_new(size_t n) {
  List *l = obj_alloc(&list_type, sizeof(List));
  size_t cap = n < 4 ? 4 : n;
  l->items = gc_alloc(cap * sizeof(Value));
  l->cap = cap;
  l->len = n;
  return V(l);
}

Value list_from(size_t n, const Value *items) {
  Value l = list_new(n);
  if (n) memcpy(((List *)l)->items, items, n * sizeof(Value));
  return l;
}

static void list_reserve(List *l, size_t need) {
  if (need <= l->cap) return;
  size_t nc = l->cap ? l->cap * 2 : 4;
  while (nc < need) nc *= 2;
  l->items = gc_realloc(l->items, nc * sizeof(Value));
  l->cap = nc;
}

void list_append(Value lv, Value v) {
  List *l = (List *)lv;
  if (l->len == l->cap) list_reserve(l, l->len + 1);
  l->items[l->len++] = v;
}

void list_extend(Value lv, Value src) {
  List *l = (List *)lv;
  if (is_type(src, &list_type) || is_type(src, &tuple_type)) {
    size_t n = is_type(src, &list_type) ? ((List *)src)->len : ((Tuple *)src)->len;
    const Value *it = is_type(src, &list_type) ? ((List *)src)->items : ((Tuple *)src)->items;
    list_reserve(l, l->len + n);
    memmove(l->items + l->len, it, n * sizeof(Value));
    l->len += n;
    return;
  }
  Value iter = py_iter(src);
  Value x;
  while ((x = py_next(iter))) list_append(lv, x);
}

Value list_from_iter(Value it) {
  Value l = list_new(0);
  list_extend(l, it);
  return l;
}

Value list_pop_index(Value lv, intptr_t i) {
  List *l = (List *)lv;
  if (l->len == 0) raise_msg(&IndexError_type, "pop from empty list");
  if (i < 0) i += (intptr_t)l->len;
  if (i < 0 || i >= (intptr_t)l->len) raise_msg(&IndexError_type, "pop index out of range");
  Value v = l->items[i];
  memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
  l->len--;
  l->items[l->len] = VNULL;
  return v;
}

/* ---- sorting ------------------------------------------------------------------------------ */
static bool sort_lt(Value a, Value b) { return py_compare_bool(CMP_LT, a, b); }

static void merge_sort(Value *keys, Value *vals, Value *tk, Value *tv, size_t n, bool rev) {
  if (n < 2) return;
  if (n <= 8) {
    for (size_t i = 1; i < n; i++) {
      Value k = keys[i], v = vals[i];
      size_t j = i;
      while (j > 0 && (rev ? sort_lt(keys[j - 1], k) : sort_lt(k, keys[j - 1]))) {
        keys[j] = keys[j - 1];
        vals[j] = vals[j - 1];
        j--;
      }
      keys[j] = k;
      vals[j] = v;
    }
    return;
  }
  size_t m = n / 2;
  merge_sort(keys, vals, tk, tv, m, rev);
  merge_sort(keys + m, vals + m, tk, tv, n - m, rev);
  memcpy(tk, keys, m * sizeof(Value));
  memcpy(tv, vals, m * sizeof(Value));
  size_t i = 0, j = m, k = 0;
  while (i < m && j < n) {
    /* take from the right only when strictly before, to stay stable */
    bool right = rev ? sort_lt(tk[i], keys[j]) : sort_lt(keys[j], tk[i]);
    if (right) { keys[k] = keys[j]; vals[k++] = vals[j++]; }
    else { keys[k] = tk[i]; vals[k++] = tv[i++]; }
  }
  while (i < m) { keys[k] = tk[i]; vals[k++] = tv[i++]; }
}

void list_sort(Value lv, Value key, bool reverse) {
  List *l = (List *)lv;
  size_t n = l->len;
  if (n < 2) {
    if (n == 1 && key && key != NONE) py_call1(key, l->items[0]); /* CPython calls the key anyway */
    return;
  }
  Value *items = gc_alloc(n * sizeof(Value));
  memcpy(items, l->items, n * sizeof(Value));
  Value *keys = items;
  if (key && key != NONE) {
    keys = gc_alloc(n * sizeof(Value));
    for (size_t i = 0; i < n; i++) keys[i] = py_call1(key, items[i]);
  }
  Value *tk = gc_alloc((n / 2 + 1) * sizeof(Value));
  Value *tv = gc_alloc((n / 2 + 1) * sizeof(Value));
  /* sort into a copy so that a failing comparison leaves the list intact (as CPython) */
  l->len = 0;
  Nlr nl;
  if (NLR_TRY(nl)) {
    if (keys == items) {
      Value *vals = gc_alloc(n * sizeof(Value));
      memcpy(vals, items, n * sizeof(Value));
      merge_sort(keys, vals, tk, tv, n, reverse);
    } else {
      merge_sort(keys, items, tk, tv, n, reverse);
    }
    nlr_pop();
  } else {
    l->len = n;
    py_raise(vm.raised);
  }
  if (l->len != 0) raise_msg(&ValueError_type, "list modified during sort");
  memcpy(l->items, items, n * sizeof(Value));
  l->len = n;
}

/* ---- slots -------------------------------------------------------------------------------- */
static Value seq_repr(const char *open, const char *close, size_t n, const Value *items, Value self) {
  if (!repr_enter(self)) return str_from_cstr(open[0] == '[' ? "[...]" : "(...)");
  SB sb;
  sb_init(&sb, 16 + n * 4);
  sb_adds(&sb, open);
  Nlr nl;
  if (NLR_TRY(nl)) {
    for (size_t i = 0; i < n; i++) {
      if (i) sb_adds(&sb, ", ");
      sb_add_repr(&sb, items[i]);
    }
    nlr_pop();
  } else {
    repr_leave();
    py_raise(vm.raised);
  }
  repr_leave();
  if (n == 1 && close[0] == ')') sb_addc(&sb, ',');
  sb_adds(&sb, close);
  return sb_to_str(&sb);
}

static Value list_repr(Value v) {
  List *l = (List *)v;
  return seq_repr("[", "]", l->len, l->items, v);
}

Value seq_richcmp(size_t na, const Value *a, size_t nb, const Value *b, int op) {
  size_t i = 0;
  while (i < na && i < nb) {
    if (a[i] != b[i] && !py_eq(a[i], b[i])) break;
    i++;
  }
  if (i >= na || i >= nb) {
    switch (op) {
      case CMP_LT: return PYBOOL(na < nb);
      case CMP_LE: return PYBOOL(na <= nb);
      case CMP_EQ: return PYBOOL(na == nb);
      case CMP_NE: return PYBOOL(na != nb);
      case CMP_GT: return PYBOOL(na > nb);
      default: return PYBOOL(na >= nb);
    }
  }
  if (op == CMP_EQ) return FALSE_V;
  if (op == CMP_NE) return TRUE_V;
  return py_compare(op, a[i], b[i]);
}

static Value list_richcmp(Value a, Value b, int op) {
  if (!isinst(b, &list_type)) return VNULL;
  List *x = (List *)a, *y = (List *)b;
  return seq_richcmp(x->len, x->items, y->len, y->items, op);
}

static Value list_binop(int op, Value a, Value b) {
  int base = op & 15;
  if (!isinst(a, &list_type)) {
    if (base == BIN_MUL && is_int(a)) return list_binop(op, b, a);
    return VNULL;
  }
  List *l = (List *)a;
  if (base == BIN_ADD) {
    if (op & BIN_INPLACE) {
      list_extend(a, b);
      return a;
    }
    if (!isinst(b, &list_type)) {
      if ((type_of(b)->flags & TF_HEAP) && lookup_mro(type_of(b), N.rbinop[BIN_ADD])) return VNULL; /* b.__radd__ */
      raise_msg(&TypeError_type, "can only concatenate list (not \"%s\") to list", type_name(b));
    }
    List *m = (List *)b;
    Value r = list_new(l->len + m->len);
    memcpy(((List *)r)->items, l->items, l->len * sizeof(Value));
    memcpy(((List *)r)->items + l->len, m->items, m->len * sizeof(Value));
    return r;
  }
  if (base == BIN_MUL && is_int(b)) {
    intptr_t n = (intptr_t)int_as_i64(b);
    if (n < 0) n = 0;
    size_t len = l->len;
    if (len && (size_t)n > SIZE_MAX / 16 / len) raise_type(&MemoryError_type);
    Value *src = gc_alloc((len ? len : 1) * sizeof(Value));
    memcpy(src, l->items, len * sizeof(Value));
    Value r = (op & BIN_INPLACE) ? a : list_new(0);
    List *rl = (List *)r;
    rl->len = 0;
    list_reserve(rl, len * (size_t)n);
    for (intptr_t i = 0; i < n; i++) {
      memcpy(rl->items + rl->len, src, len * sizeof(Value));
      rl->len += len;
    }
    return r;
  }
  return VNULL;
}

intptr_t seq_index(Value idx, size_t len, const char *what) {
  intptr_t i = py_index(idx);
  if (i < 0) i += (intptr_t)len;
  if (i < 0 || i >= (intptr_t)len) raise_msg(&IndexError_type, "%s index out of range", what);
  return i;
}

static void list_set_slice(List *l, Value slice, Value val) {
  intptr_t start, stop, step, count;
  slice_indices(slice, (intptr_t)l->len, &start, &stop, &step, &count);
  Value src = val == SENTINEL_DEL ? list_new(0) : (is_type(val, &list_type) && val != V(l) ? val : list_from_iter(val));
  List *s = (List *)src;
  if (step == 1) {
    if (stop < start) stop = start;
    size_t del = (size_t)(stop - start);
    size_t nl = l->len - del + s->len;
    list_reserve(l, nl);
    memmove(l->items + start + s->len, l->items + stop, (l->len - (size_t)stop) * sizeof(Value));
    memcpy(l->items + start, s->items, s->len * sizeof(Value));
    l->len = nl;
    return;
  }
  if (val == SENTINEL_DEL) {
    /* delete extended slice: compact, skipping the selected indices */
    size_t w = 0;
    for (size_t r = 0; r < l->len; r++) {
      bool sel = false;
      if (step > 0) sel = (intptr_t)r >= start && (intptr_t)r < stop && ((intptr_t)r - start) % step == 0;
      else sel = (intptr_t)r <= start && (intptr_t)r > stop && (start - (intptr_t)r) % (-step) == 0;
      if (!sel) l->items[w++] = l->items[r];
    }
    l->len = w;
    return;
  }
  if ((intptr_t)s->len != count)
    raise_msg(&ValueError_type, "attempt to assign sequence of size %d to extended slice of size %d", (int)s->len, (int)count);
  for (intptr_t i = 0, k = start; i < count; i++, k += step) l->items[k] = s->items[i];
}

static Value list_subscr(Value v, Value idx, Value val) {
  List *l = (List *)v;
  if (is_type(idx, &slice_type)) {
    if (val) {
      list_set_slice(l, idx, val);
      return NONE;
    }
    intptr_t start, stop, step, count;
    slice_indices(idx, (intptr_t)l->len, &start, &stop, &step, &count);
    Value r = list_new(count > 0 ? (size_t)count : 0);
    for (intptr_t i = 0, k = start; i < count; i++, k += step) ((List *)r)->items[i] = l->items[k];
    return r;
  }
  if (!IS_SMALL(idx) && !is_int(idx) && !(type_of(idx)->flags & TF_HEAP))
    raise_msg(&TypeError_type, "list indices must be integers or slices, not %s", type_name(idx));
  intptr_t i = seq_index(idx, l->len, val == SENTINEL_DEL ? "list assignment" : val ? "list assignment" : "list");
  if (!val) return l->items[i];
  if (val == SENTINEL_DEL) {
    list_pop_index(v, i);
    return NONE;
  }
  l->items[i] = val;
  return NONE;
}

static size_t list_len(Value v) { return ((List *)v)->len; }
static Value list_iter(Value v) { return seqiter_new(v); }
static int list_contains(Value v, Value x) {
  List *l = (List *)v;
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == x || py_eq(l->items[i], x)) return 1;
  return 0;
}

static Value list_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)nkw;
  arg_check("list", nargs, 0, 1);
  Value l = list_new(0);
  OBJ(l)->type = t;
  if (nargs) list_extend(l, args[0]);
  return l;
}

/* ---- methods ------------------------------------------------------------------------------ */
static Value m_append(int n, const Value *a) { (void)n; list_append(a[0], a[1]); return NONE; }
static Value m_extend(int n, const Value *a) { (void)n; list_extend(a[0], a[1]); return NONE; }
static Value m_pop(int n, const Value *a) { return list_pop_index(a[0], n > 1 ? py_index(a[1]) : -1); }
static Value m_insert(int n, const Value *a) {
  (void)n;
  List *l = (List *)a[0];
  intptr_t i = py_index(a[1]);
  if (i < 0) { i += (intptr_t)l->len; if (i < 0) i = 0; }
  if (i > (intptr_t)l->len) i = (intptr_t)l->len;
  list_reserve(l, l->len + 1);
  memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(Value));
  l->items[i] = a[2];
  l->len++;
  return NONE;
}
static Value m_remove(int n, const Value *a) {
  (void)n;
  List *l = (List *)a[0];
  for (size_t i = 0; i < l->len; i++)
    if (py_eq(l->items[i], a[1])) { list_pop_index(a[0], (intptr_t)i); return NONE; }
  raise_msg(&ValueError_type, "list.remove(x): x not in list");
}
static Value m_index(int n, const Value *a) {
  List *l = (List *)a[0];
  intptr_t st = n > 2 ? py_index(a[2]) : 0, en = n > 3 ? py_index(a[3]) : (intptr_t)l->len;
  if (st < 0) { st += (intptr_t)l->len; if (st < 0) st = 0; }
  if (en < 0) en += (intptr_t)l->len;
  for (intptr_t i = st; i < en && i < (intptr_t)l->len; i++)
    if (py_eq(l->items[i], a[1])) return MK_SMALL(i);
  raise_msg(&ValueError_type, "%s is not in list", str_cstr(py_repr(a[1])));
}
static Value m_count(int n, const Value *a) {
  (void)n;
  List *l = (List *)a[0];
  intptr_t c = 0;
  for (size_t i = 0; i < l->len; i++) if (py_eq(l->items[i], a[1])) c++;
  return MK_SMALL(c);
}
static Value m_clear(int n, const Value *a) { (void)n; ((List *)a[0])->len = 0; return NONE; }
static Value m_copy(int n, const Value *a) { (void)n; return list_from(((List *)a[0])->len, ((List *)a[0])->items); }
static Value m_reverse(int n, const Value *a) {
  (void)n;
  List *l = (List *)a[0];
  for (size_t i = 0; i < l->len / 2; i++) {
    Value t = l->items[i];
    l->items[i] = l->items[l->len - 1 - i];
    l->items[l->len - 1 - i] = t;
  }
  return NONE;
}
static Value m_sort(int nargs, int nkw, const Value *a) {
  if (nargs > 1) raise_msg(&TypeError_type, "sort() takes no positional arguments");
  Value key = kwarg_find(nargs, nkw, a, N.key);
  Value rev = kwarg_find(nargs, nkw, a, N.reverse);
  list_sort(a[0], key, rev && py_truth(rev));
  return NONE;
}
static Value m_init(int nargs, const Value *a) {
  ((List *)a[0])->len = 0;
  if (nargs > 1) list_extend(a[0], a[1]);
  return NONE;
}

static const MethodDef list_methods[] = {
    {"append", m_append, 2, 2, 0, MK_METHOD}, {"extend", m_extend, 2, 2, 0, MK_METHOD},
    {"pop", m_pop, 1, 2, 0, MK_METHOD}, {"insert", m_insert, 3, 3, 0, MK_METHOD},
    {"remove", m_remove, 2, 2, 0, MK_METHOD}, {"index", m_index, 2, 4, 0, MK_METHOD},
    {"count", m_count, 2, 2, 0, MK_METHOD}, {"clear", m_clear, 1, 1, 0, MK_METHOD},
    {"copy", m_copy, 1, 1, 0, MK_METHOD}, {"reverse", m_reverse, 1, 1, 0, MK_METHOD},
    {"sort", m_sort, 1, 1, 1, MK_METHOD}, {"__init__", m_init, 1, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type list_type = {
    .hdr = {&type_type}, .name = "list", .base = &object_type, .flags = TF_BASETYPE,
    .inst_size = sizeof(List), .make_new = list_make, .repr = list_repr, .richcmp = list_richcmp,
    .binop = list_binop, .subscr = list_subscr, .len = list_len, .iter = list_iter,
    .contains = list_contains,
};

/* ---- tuple -------------------------------------------------------------------------------- */
Value tuple_new(size_t n) {
  if (n == 0 && vm.empty_tuple) return vm.empty_tuple;
  Tuple *t = gc_alloc(sizeof(Tuple) + n * sizeof(Value));
  t->hdr.type = &tuple_type;
  t->len = n;
  return V(t);
}
Value tuple_from(size_t n, const Value *items) {
  Value t = tuple_new(n);
  if (n) memcpy(((Tuple *)t)->items, items, n * sizeof(Value));
  return t;
}
/* A tuple subclass instance as a plain tuple (for code that takes exactly a tuple, as '%'). */
Value tuple_plain(Value v) {
  if (is_type(v, &tuple_type) || !isinst(v, &tuple_type)) return v;
  return tuple_from(((Tuple *)v)->len, ((Tuple *)v)->items);
}
Value tuple2(Value a, Value b) { Value x[2] = {a, b}; return tuple_from(2, x); }
Value tuple3(Value a, Value b, Value c) { Value x[3] = {a, b, c}; return tuple_from(3, x); }

/* A subclass instance iterates over a plain copy (same items: tuples are immutable), so the
 * iterator takes tuple's fast path and ignores an overriding __getitem__, as CPython's tupleiter. */
static Value tuple_iter(Value v) { return seqiter_new(tuple_plain(v)); }

static Value tuple_repr(Value v) {
  Tuple *t = (Tuple *)v;
  return seq_repr("(", ")", t->len, t->items, v);
}
static Value tuple_richcmp(Value a, Value b, int op) {
  if (!isinst(b, &tuple_type)) return VNULL;
  Tuple *x = (Tuple *)a, *y = (Tuple *)b;
  return seq_richcmp(x->len, x->items, y->len, y->items, op);
}
static intptr_t tuple_hash(Value v) {
  Tuple *t = (Tuple *)v;
  uintptr_t h = 0x345678;
  for (size_t i = 0; i < t->len; i++) h = (h ^ (uintptr_t)py_hash(t->items[i])) * 1000003u + i;
  intptr_t r = (intptr_t)h;
  return r == -1 ? -2 : r;
}
static Value tuple_binop(int op, Value a, Value b) {
  int base = op & 15;
  if (!isinst(a, &tuple_type)) {
    if (base == BIN_MUL && is_int(a)) return tuple_binop(op, b, a);
    return VNULL;
  }
  Tuple *t = (Tuple *)a;
  if (base == BIN_ADD) {
    if (!isinst(b, &tuple_type)) {
      if ((type_of(b)->flags & TF_HEAP) && lookup_mro(type_of(b), N.rbinop[BIN_ADD])) return VNULL; /* b.__radd__ */
      raise_msg(&TypeError_type, "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
    }
    Tuple *u = (Tuple *)b;
    Value r = tuple_new(t->len + u->len);
    memcpy(((Tuple *)r)->items, t->items, t->len * sizeof(Value));
    memcpy(((Tuple *)r)->items + t->len, u->items, u->len * sizeof(Value));
    return r;
  }
  if (base == BIN_MUL && is_int(b)) {
    intptr_t n = (intptr_t)int_as_i64(b);
    if (n <= 0 || t->len == 0) return tuple_new(0);
    Value r = tuple_new(t->len * (size_t)n);
    for (intptr_t i = 0; i < n; i++) memcpy(((Tuple *)r)->items + (size_t)i * t->len, t->items, t->len * sizeof(Value));
    return r;
  }
  return VNULL;
}
static Value tuple_subscr(Value v, Value idx, Value val) {
  Tuple *t = (Tuple *)v;
  if (val) raise_msg(&TypeError_type, "'%s' object does not support item assignment", type_name(v));
  if (is_type(idx, &slice_type)) {
    intptr_t start, stop, step, count;
    slice_indices(idx, (intptr_t)t->len, &start, &stop, &step, &count);
    Value r = tuple_new(count > 0 ? (size_t)count : 0);
    for (intptr_t i = 0, k = start; i < count; i++, k += step) ((Tuple *)r)->items[i] = t->items[k];
    return r;
  }
  if (!is_int(idx) && !(type_of(idx)->flags & TF_HEAP))
    raise_msg(&TypeError_type, "tuple indices must be integers or slices, not %s", type_name(idx));
  return t->items[seq_index(idx, t->len, "tuple")];
}
static size_t tuple_len(Value v) { return ((Tuple *)v)->len; }
static int tuple_contains(Value v, Value x) {
  Tuple *t = (Tuple *)v;
  for (size_t i = 0; i < t->len; i++)
    if (t->items[i] == x || py_eq(t->items[i], x)) return 1;
  return 0;
}
static Value tuple_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("tuple", nargs, 0, 1);
  if (nargs == 0) return tuple_new(0);
  return seq_to_tuple(args[0]);
}
static Value t_index(int n, const Value *a) {
  Tuple *t = (Tuple *)a[0];
  intptr_t st = n > 2 ? py_index(a[2]) : 0;
  for (size_t i = st > 0 ? (size_t)st : 0; i < t->len; i++)
    if (py_eq(t->items[i], a[1])) return MK_SMALL(i);
  raise_msg(&ValueError_type, "tuple.index(x): x not in tuple");
}
static Value t_count(int n, const Value *a) {
  (void)n;
  Tuple *t = (Tuple *)a[0];
  intptr_t c = 0;
  for (size_t i = 0; i < t->len; i++) if (py_eq(t->items[i], a[1])) c++;
  return MK_SMALL(c);
}
static const MethodDef tuple_methods[] = {
    {"index", t_index, 2, 4, 0, MK_METHOD}, {"count", t_count, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};
static bool tuple_truth(Value v) { return ((Tuple *)v)->len != 0; }

Type tuple_type = {
    .hdr = {&type_type}, .name = "tuple", .base = &object_type, .flags = TF_BASETYPE | TF_IMMUT, .make_new = tuple_make,
    .repr = tuple_repr, .richcmp = tuple_richcmp, .hash = tuple_hash, .binop = tuple_binop,
    .subscr = tuple_subscr, .len = tuple_len, .iter = tuple_iter, .contains = tuple_contains,
    .truth = tuple_truth,
};

void list_init(void) {
  type_add_methods(&list_type, list_methods);
  type_add_methods(&tuple_type, tuple_methods);
}
