/* Iterator types: the sequence iterator and the lazy built-ins enumerate, zip, map, filter,
 * reversed, and iter(callable, sentinel). */
#include "py.h"

static Value self_iter(Value v) { return v; }

/* ---- sequence iterator: lists, tuples, and objects with __getitem__ ------------------------ */
typedef struct { Obj hdr; Value seq; size_t i; } SeqIter;
static Value seqiter_next(Value v) {
  SeqIter *it = (SeqIter *)v;
  Value s = it->seq;
  if (!s) return VNULL;
  Type *t = type_of(s);
  if (t == &list_type || (t->flags & TF_HEAP && isinst(s, &list_type) && !lookup_mro(t, N.__getitem__))) {
    List *l = (List *)s;
    if (it->i < l->len) return l->items[it->i++];
    it->seq = VNULL;
    return VNULL;
  }
  if (t == &tuple_type) {
    Tuple *tu = (Tuple *)s;
    if (it->i < tu->len) return tu->items[it->i++];
    it->seq = VNULL;
    return VNULL;
  }
  Nlr n;
  Value r;
  if (NLR_TRY(n)) {
    r = py_getitem(s, MK_SMALL(it->i));
    nlr_pop();
  } else {
    if (isinst(vm.raised, &IndexError_type) || isinst(vm.raised, &StopIteration_type)) {
      it->seq = VNULL;
      return VNULL;
    }
    py_raise(vm.raised);
  }
  it->i++;
  return r;
}
Type seqiter_type = {.hdr = {&type_type}, .name = "iterator", .base = &object_type,
                     .iter = self_iter, .next = seqiter_next};
Value seqiter_new(Value seq) {
  SeqIter *it = obj_alloc(&seqiter_type, sizeof(SeqIter));
  it->seq = seq;
  return V(it);
}

/* ---- enumerate ---------------------------------------------------------------------------- */
typedef struct { Obj hdr; Value it; Value n; } Enumerate;
static Value enumerate_next(Value v) {
  Enumerate *e = (Enumerate *)v;
  Value x = py_next(e->it);
  if (!x) return VNULL;
  Value r = tuple2(e->n, x);
  e->n = IS_SMALL(e->n) && SMALL_VAL(e->n) < SMALL_MAX ? MK_SMALL(SMALL_VAL(e->n) + 1) : py_binop(BIN_ADD, e->n, MK_SMALL(1));
  return r;
}
Type enumerate_type;
static Value enumerate_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  Value start = nargs > 1 ? args[1] : kwarg_find(nargs, nkw, args, N.start);
  arg_check("enumerate", nargs, 1, 2);
  Enumerate *e = obj_alloc(&enumerate_type, sizeof(Enumerate));
  e->it = py_iter(args[0]);
  e->n = start ? start : MK_SMALL(0);
  if (!is_int(e->n)) raise_msg(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(e->n));
  return V(e);
}
Type enumerate_type = {.hdr = {&type_type}, .name = "enumerate", .base = &object_type,
                       .make_new = enumerate_make, .iter = self_iter, .next = enumerate_next};

/* ---- zip ---------------------------------------------------------------------------------- */
typedef struct { Obj hdr; Value iters; bool strict; } Zip;
static Value zip_next(Value v) {
  Zip *z = (Zip *)v;
  Tuple *its = (Tuple *)z->iters;
  if (its->len == 0) return VNULL;
  Value r = tuple_new(its->len);
  for (size_t i = 0; i < its->len; i++) {
    Value x = py_next(its->items[i]);
    if (!x) {
      if (z->strict && i > 0) raise_msg(&ValueError_type, "zip() argument %d is shorter than argument 1", (int)i + 1);
      if (z->strict) {
        for (size_t j = 1; j < its->len; j++)
          if (py_next(its->items[j])) raise_msg(&ValueError_type, "zip() argument %d is longer than argument 1", (int)j + 1);
      }
      return VNULL;
    }
    ((Tuple *)r)->items[i] = x;
  }
  return r;
}
Type zip_type;
static Value zip_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  Zip *z = obj_alloc(&zip_type, sizeof(Zip));
  Value st = kwarg_find(nargs, nkw, args, N.strict);
  z->strict = st && py_truth(st);
  z->iters = tuple_new((size_t)nargs);
  for (int i = 0; i < nargs; i++) ((Tuple *)z->iters)->items[i] = py_iter(args[i]);
  return V(z);
}
Type zip_type = {.hdr = {&type_type}, .name = "zip", .base = &object_type, .make_new = zip_make,
                 .iter = self_iter, .next = zip_next};

/* ---- map ---------------------------------------------------------------------------------- */
typedef struct { Obj hdr; Value fn; Value iters; } Map;
static Value map_next(Value v) {
  Map *m = (Map *)v;
  Tuple *its = (Tuple *)m->iters;
  Value args[8];
  size_t n = its->len;
  Value *a = n <= 8 ? args : gc_alloc(n * sizeof(Value));
  for (size_t i = 0; i < n; i++) {
    a[i] = py_next(its->items[i]);
    if (!a[i]) return VNULL;
  }
  return py_call(m->fn, (int)n, 0, a);
}
Type map_type;
static Value map_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  if (nargs < 2) raise_msg(&TypeError_type, "map() must have at least two arguments.");
  Map *m = obj_alloc(&map_type, sizeof(Map));
  m->fn = args[0];
  m->iters = tuple_new((size_t)nargs - 1);
  for (int i = 1; i < nargs; i++) ((Tuple *)m->iters)->items[i - 1] = py_iter(args[i]);
  return V(m);
}
Type map_type = {.hdr = {&type_type}, .name = "map", .base = &object_type, .make_new = map_make,
                 .iter = self_iter, .next = map_next};

/* ---- filter ------------------------------------------------------------------------------- */
typedef struct { Obj hdr; Value fn; Value it; } Filter;
static Value filter_next(Value v) {
  Filter *f = (Filter *)v;
  Value x;
  while ((x = py_next(f->it))) {
    bool keep = f->fn == NONE ? py_truth(x) : py_truth(py_call1(f->fn, x));
    if (keep) return x;
  }
  return VNULL;
}
Type filter_type;
static Value filter_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("filter", nargs, 2, 2);
  Filter *f = obj_alloc(&filter_type, sizeof(Filter));
  f->fn = args[0];
  f->it = py_iter(args[1]);
  return V(f);
}
Type filter_type = {.hdr = {&type_type}, .name = "filter", .base = &object_type,
                    .make_new = filter_make, .iter = self_iter, .next = filter_next};

/* ---- reversed ----------------------------------------------------------------------------- */
typedef struct { Obj hdr; Value seq; intptr_t i; } Reversed;
static Value reversed_next(Value v) {
  Reversed *r = (Reversed *)v;
  if (r->i < 0) return VNULL;
  if (is_type(r->seq, &list_type) && r->i >= (intptr_t)((List *)r->seq)->len) {
    r->i = -1;
    return VNULL;
  }
  return py_getitem(r->seq, MK_SMALL(r->i--));
}
Type reversed_type;
static Value reversed_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("reversed", nargs, 1, 1);
  Value s = args[0];
  Type *st = type_of(s);
  if (st->flags & TF_HEAP) {
    Value m = lookup_mro(st, N.__reversed__);
    if (m) return py_call1(m, s);
  }
  if (st == &dict_type || st == &dictview_type) {
    Value l = list_from_iter(s);
    s = l;
  } else if (st == &range_type) {
    Range *rg = (Range *)s;
    intptr_t n = (intptr_t)py_len(s);
    return py_iter(range_new(rg->start + (n - 1) * rg->step, rg->start - rg->step, -rg->step));
  } else if (!st->subscr && !((st->flags & TF_HEAP) && lookup_mro(st, N.__getitem__))) {
    raise_msg(&TypeError_type, "'%s' object is not reversible", st->name);
  }
  Reversed *r = obj_alloc(&reversed_type, sizeof(Reversed));
  r->seq = s;
  r->i = (intptr_t)py_len(s) - 1;
  return V(r);
}
Type reversed_type = {.hdr = {&type_type}, .name = "reversed", .base = &object_type,
                      .make_new = reversed_make, .iter = self_iter, .next = reversed_next};

/* ---- iter(callable, sentinel) ------------------------------------------------------------- */
typedef struct { Obj hdr; Value fn, sentinel; bool done; } CallIter;
static Value calliter_next(Value v) {
  CallIter *c = (CallIter *)v;
  if (c->done) return VNULL;
  Value x = py_call0(c->fn);
  if (py_eq(x, c->sentinel)) {
    c->done = true;
    return VNULL;
  }
  return x;
}
Type calliter_type = {.hdr = {&type_type}, .name = "callable_iterator", .base = &object_type,
                      .iter = self_iter, .next = calliter_next};
Value calliter_new(Value fn, Value sentinel) {
  CallIter *c = obj_alloc(&calliter_type, sizeof(CallIter));
  c->fn = fn;
  c->sentinel = sentinel;
  return V(c);
}
