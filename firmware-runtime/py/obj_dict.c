/* Hash tables (insertion-ordered, as CPython's compact dict: a sparse index table over a dense
 * entry array) and the dict type with its views. */
#include "py.h"

#define IDX_EMPTY (-1)
#define IDX_DUMMY (-2)

void ht_init(HTable *t, size_t cap) {
  size_t isz = 8;
  while (isz * 2 < cap * 3) isz *= 2;
  t->mask = isz - 1;
  t->index = gc_alloc(isz * sizeof(int32_t));
  for (size_t i = 0; i < isz; i++) t->index[i] = IDX_EMPTY;
  t->cap = isz * 2 / 3;
  t->entries = gc_alloc(t->cap * sizeof(HEntry));
  t->n = 0;
  t->used = 0;
}

void ht_clear(HTable *t) { ht_init(t, 0); }

static void ht_rebuild(HTable *t, size_t want) {
  HEntry *old = t->entries;
  size_t on = t->n;
  ht_init(t, want);
  for (size_t i = 0; i < on; i++) {
    if (!old[i].key) continue;
    HEntry *e = &t->entries[t->n];
    *e = old[i];
    size_t j = e->hash & t->mask, perturb = e->hash;
    while (t->index[j] != IDX_EMPTY) {
      perturb >>= 5;
      j = (j * 5 + 1 + perturb) & t->mask;
    }
    t->index[j] = (int32_t)t->n;
    t->n++;
    t->used++;
  }
}

static inline bool key_eq(Value a, Value b) {
  if (a == b) return true;
  if (IS_SMALL(a) && IS_SMALL(b)) return false;
  return py_eq(a, b);
}

HEntry *ht_lookup(HTable *t, Value key, uintptr_t hash) {
  if (!t->index) return NULL;
  size_t j = hash & t->mask, perturb = hash;
  for (;;) {
    int32_t ix = t->index[j];
    if (ix == IDX_EMPTY) return NULL;
    if (ix >= 0) {
      HEntry *e = &t->entries[ix];
      if (e->key == key) return e;
      if (e->hash == hash && e->key && key_eq(e->key, key)) return e;
    }
    perturb >>= 5;
    j = (j * 5 + 1 + perturb) & t->mask;
  }
}

HEntry *ht_lookup_str(HTable *t, const char *s, size_t len, uintptr_t hash) {
  if (!t->index) return NULL;
  size_t j = hash & t->mask, perturb = hash;
  for (;;) {
    int32_t ix = t->index[j];
    if (ix == IDX_EMPTY) return NULL;
    if (ix >= 0) {
      HEntry *e = &t->entries[ix];
      if (e->hash == hash && e->key && str_len(e->key) == len && memcmp(str_cstr(e->key), s, len) == 0) return e;
    }
    perturb >>= 5;
    j = (j * 5 + 1 + perturb) & t->mask;
  }
}

/* Counts keys added to any table. The VM's name and attribute caches (vm.c, object.c) treat
 * "no key was added anywhere since" as proof that a name is still absent from a dict, which
 * keeps them valid without a version field in every dict. */
uint32_t dict_key_epoch;

HEntry *ht_insert(HTable *t, Value key, uintptr_t hash, bool *created) {
  if (!t->index) ht_init(t, 0);
  HEntry *e = ht_lookup(t, key, hash);
  if (e) {
    *created = false;
    return e;
  }
  if (t->n >= t->cap) ht_rebuild(t, t->used * 2 + 1);
  size_t j = hash & t->mask, perturb = hash;
  while (t->index[j] >= 0) {
    perturb >>= 5;
    j = (j * 5 + 1 + perturb) & t->mask;
  }
  e = &t->entries[t->n];
  e->key = key;
  e->hash = hash;
  e->value = VNULL;
  t->index[j] = (int32_t)t->n;
  t->n++;
  t->used++;
  if (t->ns) dict_key_epoch++;
  *created = true;
  return e;
}

bool ht_remove(HTable *t, Value key, uintptr_t hash) {
  if (!t->index) return false;
  size_t j = hash & t->mask, perturb = hash;
  for (;;) {
    int32_t ix = t->index[j];
    if (ix == IDX_EMPTY) return false;
    if (ix >= 0) {
      HEntry *e = &t->entries[ix];
      if (e->key && e->hash == hash && key_eq(e->key, key)) {
        e->key = VNULL;
        e->value = VNULL;
        t->index[j] = IDX_DUMMY;
        t->used--;
        return true;
      }
    }
    perturb >>= 5;
    j = (j * 5 + 1 + perturb) & t->mask;
  }
}

/* ---- dict API ----------------------------------------------------------------------------- */
Value dict_new(void) {
  Dict *d = obj_alloc(&dict_type, sizeof(Dict));
  ht_init(&d->t, 0);
  return V(d);
}

static inline uintptr_t key_hash(Value k) {
  if (IS_SMALL(k)) return (uintptr_t)py_hash(k);
  if (OBJ(k)->type == &str_type) return str_hash(k);
  return (uintptr_t)py_hash(k);
}

Value dict_get(Value d, Value key) {
  HEntry *e = ht_lookup(&((Dict *)d)->t, key, key_hash(key));
  return e ? e->value : VNULL;
}

Value dict_get_str(Value d, Value key) {
  HTable *t = &((Dict *)d)->t;
  if (!t->index) return VNULL;
  uintptr_t hash = str_hash(key);
  size_t j = hash & t->mask, perturb = hash;
  for (;;) {
    int32_t ix = t->index[j];
    if (ix == IDX_EMPTY) return VNULL;
    if (ix >= 0) {
      HEntry *e = &t->entries[ix];
      if (e->key == key) return e->value;
      if (e->hash == hash && e->key && !IS_SMALL(e->key) && OBJ(e->key)->type == &str_type && str_eq(e->key, key))
        return e->value;
      if (e->hash == hash && e->key && OBJ(e->key)->type != &str_type && key_eq(e->key, key)) return e->value;
    }
    perturb >>= 5;
    j = (j * 5 + 1 + perturb) & t->mask;
  }
}

void dict_set(Value d, Value key, Value val) {
  bool created;
  HEntry *e = ht_insert(&((Dict *)d)->t, key, key_hash(key), &created);
  e->value = val;
}

void dict_set_str(Value d, const char *key, Value val) { dict_set(d, intern_cstr(key), val); }

bool dict_del(Value d, Value key) { return ht_remove(&((Dict *)d)->t, key, key_hash(key)); }

bool dict_next(Value d, size_t *pos, Value *key, Value *val) {
  HTable *t = &((Dict *)d)->t;
  while (*pos < t->n) {
    HEntry *e = &t->entries[(*pos)++];
    if (e->key) {
      *key = e->key;
      if (val) *val = e->value;
      return true;
    }
  }
  return false;
}

Value dict_copy(Value d) {
  Value r = dict_new();
  size_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) dict_set(r, k, v);
  return r;
}

void dict_update(Value d, Value other) {
  if (isinst(other, &dict_type)) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(other, &pos, &k, &v)) dict_set(d, k, v);
    return;
  }
  Value keys = py_getattr_opt(other, N.keys);
  if (keys) {
    Value it = py_iter(py_call0(keys));
    Value k;
    while ((k = py_next(it))) dict_set(d, k, py_getitem(other, k));
    return;
  }
  Value it = py_iter(other);
  Value item;
  size_t i = 0;
  while ((item = py_next(it))) {
    Value pair = seq_to_tuple(item);
    if (((Tuple *)pair)->len != 2)
      raise_msg(&ValueError_type, "dictionary update sequence element #%d has length %d; 2 is required", (int)i, (int)((Tuple *)pair)->len);
    dict_set(d, ((Tuple *)pair)->items[0], ((Tuple *)pair)->items[1]);
    i++;
  }
}

/* ---- slots -------------------------------------------------------------------------------- */
static Value dict_repr(Value d) {
  if (!repr_enter(d)) return str_from_cstr("{...}");
  SB sb;
  sb_init(&sb, 32);
  sb_addc(&sb, '{');
  Nlr nl;
  if (NLR_TRY(nl)) {
    size_t pos = 0;
    Value k, v;
    bool first = true;
    while (dict_next(d, &pos, &k, &v)) {
      if (!first) sb_adds(&sb, ", ");
      first = false;
      sb_add_repr(&sb, k);
      sb_adds(&sb, ": ");
      sb_add_repr(&sb, v);
    }
    nlr_pop();
  } else {
    repr_leave();
    py_raise(vm.raised);
  }
  repr_leave();
  sb_addc(&sb, '}');
  return sb_to_str(&sb);
}

static Value dict_richcmp(Value a, Value b, int op) {
  if (!isinst(b, &dict_type) || (op != CMP_EQ && op != CMP_NE)) return VNULL;
  bool eq = ((Dict *)a)->t.used == ((Dict *)b)->t.used;
  if (eq) {
    size_t pos = 0;
    Value k, v;
    while (eq && dict_next(a, &pos, &k, &v)) {
      Value w = dict_get(b, k);
      eq = w && (w == v || py_eq(v, w));
    }
  }
  return PYBOOL(op == CMP_EQ ? eq : !eq);
}

static Value dict_subscr(Value d, Value key, Value val) {
  if (!val) {
    Value v = dict_get(d, key);
    if (v) return v;
    if (OBJ(d)->type != &dict_type) {
      Value m = lookup_mro(OBJ(d)->type, N.__missing__);
      if (m) return py_call2(m, d, key);
    }
    py_raise(exc_new(&KeyError_type, 1, &key));
  }
  if (val == SENTINEL_DEL) {
    if (!dict_del(d, key)) py_raise(exc_new(&KeyError_type, 1, &key));
    return NONE;
  }
  dict_set(d, key, val);
  return NONE;
}

static size_t dict_len(Value d) { return ((Dict *)d)->t.used; }
static int dict_contains(Value d, Value k) { return dict_get(d, k) != VNULL; }

/* views and iterators */
enum { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };
typedef struct { Obj hdr; Value dict; int kind; } DictView;
typedef struct { Obj hdr; Value dict; size_t pos; size_t used; int kind; } DictIter;
Type dictiter_type;

static Value dictiter_new(Value d, int kind) {
  DictIter *it = obj_alloc(&dictiter_type, sizeof(DictIter));
  it->dict = d;
  it->kind = kind;
  it->used = ((Dict *)d)->t.used;
  return V(it);
}
static Value dictiter_next(Value v) {
  DictIter *it = (DictIter *)v;
  if (((Dict *)it->dict)->t.used != it->used) {
    it->used = (size_t)-1;
    raise_msg(&RuntimeError_type, "dictionary changed size during iteration");
  }
  Value k, val;
  if (!dict_next(it->dict, &it->pos, &k, &val)) return VNULL;
  if (it->kind == VIEW_KEYS) return k;
  if (it->kind == VIEW_VALUES) return val;
  return tuple2(k, val);
}
static Value self_iter(Value v) { return v; }
Type dictiter_type = {.hdr = {&type_type}, .name = "dict_keyiterator", .base = &object_type,
                      .iter = self_iter, .next = dictiter_next};

static Value dict_iter(Value d) { return dictiter_new(d, VIEW_KEYS); }

static Value view_new(Value d, int kind) {
  DictView *v = obj_alloc(&dictview_type, sizeof(DictView));
  v->dict = d;
  v->kind = kind;
  return V(v);
}
static Value view_iter(Value v) { return dictiter_new(((DictView *)v)->dict, ((DictView *)v)->kind); }
static size_t view_len(Value v) { return ((Dict *)((DictView *)v)->dict)->t.used; }
static int view_contains(Value v, Value x) {
  DictView *dv = (DictView *)v;
  if (dv->kind == VIEW_KEYS) return dict_get(dv->dict, x) != VNULL;
  if (dv->kind == VIEW_ITEMS) {
    if (!is_type(x, &tuple_type) || ((Tuple *)x)->len != 2) return 0;
    Value w = dict_get(dv->dict, ((Tuple *)x)->items[0]);
    return w && py_eq(w, ((Tuple *)x)->items[1]);
  }
  return -1;
}
static Value view_repr(Value v) {
  DictView *dv = (DictView *)v;
  static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
  Value l = list_from_iter(v);
  SB sb;
  sb_init(&sb, 32);
  sb_adds(&sb, names[dv->kind]);
  sb_addc(&sb, '(');
  sb_add_repr(&sb, l);
  sb_addc(&sb, ')');
  return sb_to_str(&sb);
}
static Value view_to_set(Value v) {
  Value s = set_new(&set_type);
  Value it = py_iter(v), x;
  while ((x = py_next(it))) set_add(s, x);
  return s;
}
static Value view_binop(int op, Value a, Value b) {
  if (is_type(a, &dictview_type)) a = view_to_set(a);
  if (is_type(b, &dictview_type)) b = view_to_set(b);
  else if (!isinst(b, &set_type) && !isinst(b, &frozenset_type)) {
    Value s = set_new(&set_type);
    Value it = py_iter(b), x;
    while ((x = py_next(it))) set_add(s, x);
    b = s;
  }
  return py_binop(op & 15, a, b);
}
static Value view_richcmp(Value a, Value b, int op) {
  if (((DictView *)a)->kind == VIEW_VALUES) return VNULL;
  Value sa = view_to_set(a);
  if (is_type(b, &dictview_type)) b = view_to_set(b);
  if (!isinst(b, &set_type) && !isinst(b, &frozenset_type)) return VNULL;
  return py_compare(op, sa, b);
}
Type dictview_type = {.hdr = {&type_type}, .name = "dict_view", .base = &object_type,
                      .iter = view_iter, .len = view_len, .contains = view_contains,
                      .repr = view_repr, .binop = view_binop, .richcmp = view_richcmp};

static Value dict_make(Type *t, int nargs, int nkw, const Value *args) {
  arg_check("dict", nargs, 0, 1);
  Dict *d = obj_alloc(t, t->inst_size ? t->inst_size : sizeof(Dict));
  ht_init(&d->t, 0);
  if (nargs) dict_update(V(d), args[0]);
  for (int i = 0; i < nkw; i++) dict_set(V(d), args[nargs + 2 * i], args[nargs + 2 * i + 1]);
  return V(d);
}

static Value dict_binop(int op, Value a, Value b) {
  if ((op & 15) != BIN_OR || !isinst(a, &dict_type) || !isinst(b, &dict_type)) return VNULL;
  Value r = (op & BIN_INPLACE) ? a : dict_copy(a);
  dict_update(r, b);
  return r;
}

/* ---- methods ------------------------------------------------------------------------------ */
static Value m_keys(int n, const Value *a) { (void)n; return view_new(a[0], VIEW_KEYS); }
static Value m_values(int n, const Value *a) { (void)n; return view_new(a[0], VIEW_VALUES); }
static Value m_items(int n, const Value *a) { (void)n; return view_new(a[0], VIEW_ITEMS); }
static Value m_get(int n, const Value *a) {
  Value v = dict_get(a[0], a[1]);
  return v ? v : (n > 2 ? a[2] : NONE);
}
static Value m_pop(int n, const Value *a) {
  Value v = dict_get(a[0], a[1]);
  if (v) {
    dict_del(a[0], a[1]);
    return v;
  }
  if (n > 2) return a[2];
  py_raise(exc_new(&KeyError_type, 1, &a[1]));
}
static Value m_popitem(int n, const Value *a) {
  (void)n;
  HTable *t = &((Dict *)a[0])->t;
  for (size_t i = t->n; i > 0; i--) {
    HEntry *e = &t->entries[i - 1];
    if (e->key) {
      Value r = tuple2(e->key, e->value);
      dict_del(a[0], e->key);
      t->n = i - 1;
      return r;
    }
  }
  raise_msg(&KeyError_type, "popitem(): dictionary is empty");
}
static Value m_setdefault(int n, const Value *a) {
  Value v = dict_get(a[0], a[1]);
  if (v) return v;
  v = n > 2 ? a[2] : NONE;
  dict_set(a[0], a[1], v);
  return v;
}
static Value m_update(int nargs, int nkw, const Value *a) {
  arg_check("update", nargs, 1, 2);
  if (nargs > 1) dict_update(a[0], a[1]);
  for (int i = 0; i < nkw; i++) dict_set(a[0], a[nargs + 2 * i], a[nargs + 2 * i + 1]);
  return NONE;
}
static Value m_clear(int n, const Value *a) { (void)n; ht_clear(&((Dict *)a[0])->t); return NONE; }
static Value m_copy(int n, const Value *a) { (void)n; return dict_copy(a[0]); }
static Value m_fromkeys(int n, const Value *a) {
  Value d = dict_new();
  Value it = py_iter(a[1]), k;
  while ((k = py_next(it))) dict_set(d, k, n > 2 ? a[2] : NONE);
  return d;
}
static Value m_init(int nargs, int nkw, const Value *a) {
  if (nargs > 1) dict_update(a[0], a[1]);
  for (int i = 0; i < nkw; i++) dict_set(a[0], a[nargs + 2 * i], a[nargs + 2 * i + 1]);
  return NONE;
}

static const MethodDef dict_methods[] = {
    {"keys", m_keys, 1, 1, 0, MK_METHOD}, {"values", m_values, 1, 1, 0, MK_METHOD},
    {"items", m_items, 1, 1, 0, MK_METHOD}, {"get", m_get, 2, 3, 0, MK_METHOD},
    {"pop", m_pop, 2, 3, 0, MK_METHOD}, {"popitem", m_popitem, 1, 1, 0, MK_METHOD},
    {"setdefault", m_setdefault, 2, 3, 0, MK_METHOD}, {"update", m_update, 1, 2, 1, MK_METHOD},
    {"clear", m_clear, 1, 1, 0, MK_METHOD}, {"copy", m_copy, 1, 1, 0, MK_METHOD},
    {"fromkeys", m_fromkeys, 2, 3, 0, MK_CLASS}, {"__init__", m_init, 1, 2, 1, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type dict_type = {
    .hdr = {&type_type}, .name = "dict", .base = &object_type, .flags = TF_BASETYPE,
    .inst_size = sizeof(Dict), .make_new = dict_make, .repr = dict_repr, .richcmp = dict_richcmp,
    .subscr = dict_subscr, .len = dict_len, .contains = dict_contains, .iter = dict_iter,
    .binop = dict_binop,
};

void dict_init(void) { type_add_methods(&dict_type, dict_methods); }
