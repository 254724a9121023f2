/* range and slice objects. */
#include "py.h"

Value range_new(intptr_t start, intptr_t stop, intptr_t step) {
  Range *r = obj_alloc(&range_type, sizeof(Range));
  r->start = start;
  r->stop = stop;
  r->step = step;
  return V(r);
}

static intptr_t range_count(Range *r) {
  if (r->step > 0 && r->start < r->stop) return (r->stop - r->start - 1) / r->step + 1;
  if (r->step < 0 && r->start > r->stop) return (r->start - r->stop - 1) / (-r->step) + 1;
  return 0;
}

static Value range_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("range", nargs, 1, 3);
  intptr_t a = py_index(args[0]);
  if (nargs == 1) return range_new(0, a, 1);
  intptr_t b = py_index(args[1]);
  intptr_t c = nargs > 2 ? py_index(args[2]) : 1;
  if (c == 0) raise_msg(&ValueError_type, "range() arg 3 must not be zero");
  return range_new(a, b, c);
}

static Value range_repr(Value v) {
  Range *r = (Range *)v;
  if (r->step == 1) return str_printf("range(%ld, %ld)", (long)r->start, (long)r->stop);
  return str_printf("range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
}

static size_t range_len(Value v) { return (size_t)range_count((Range *)v); }

static Value range_subscr(Value v, Value idx, Value val) {
  Range *r = (Range *)v;
  if (val) raise_msg(&TypeError_type, "'range' object does not support item assignment");
  intptr_t n = range_count(r);
  if (is_type(idx, &slice_type)) {
    intptr_t start, stop, step, count;
    slice_indices(idx, n, &start, &stop, &step, &count);
    return range_new(r->start + start * r->step, r->start + stop * r->step, r->step * step);
  }
  intptr_t i = py_index(idx);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_msg(&IndexError_type, "range object index out of range");
  return MK_SMALL(r->start + i * r->step);
}

static int range_contains(Value v, Value x) {
  if (!is_int(x)) return -1;
  Range *r = (Range *)v;
  intptr_t i = (intptr_t)int_as_i64(x);
  if (r->step > 0 ? (i < r->start || i >= r->stop) : (i > r->start || i <= r->stop)) return 0;
  return (i - r->start) % r->step == 0;
}

static Value range_richcmp(Value a, Value b, int op) {
  if (!is_type(b, &range_type) || (op != CMP_EQ && op != CMP_NE)) return VNULL;
  Range *x = (Range *)a, *y = (Range *)b;
  intptr_t nx = range_count(x), ny = range_count(y);
  bool eq = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
  return PYBOOL(op == CMP_EQ ? eq : !eq);
}

typedef struct { Obj hdr; intptr_t cur, step, left; } RangeIter;
static Value rangeit_next(Value v) {
  RangeIter *it = (RangeIter *)v;
  if (it->left <= 0) return VNULL;
  it->left--;
  intptr_t c = it->cur;
  it->cur += it->step;
  return MK_SMALL(c);
}
static Value self_iter(Value v) { return v; }
Type rangeiter_type = {.hdr = {&type_type}, .name = "range_iterator", .base = &object_type,
                       .iter = self_iter, .next = rangeit_next};
static Value range_iter(Value v) {
  Range *r = (Range *)v;
  RangeIter *it = obj_alloc(&rangeiter_type, sizeof(RangeIter));
  it->cur = r->start;
  it->step = r->step;
  it->left = range_count(r);
  return V(it);
}

static Value range_getattr(Value v, Value name) {
  Range *r = (Range *)v;
  if (name == N.start) return MK_SMALL(r->start);
  if (name == N.stop) return MK_SMALL(r->stop);
  if (name == N.step) return MK_SMALL(r->step);
  return generic_getattr(v, name);
}

static Value r_index(int n, const Value *a) {
  (void)n;
  if (range_contains(a[0], a[1]) <= 0) raise_msg(&ValueError_type, "%s is not in range", str_cstr(py_repr(a[1])));
  Range *r = (Range *)a[0];
  return MK_SMALL(((intptr_t)int_as_i64(a[1]) - r->start) / r->step);
}
static Value r_count(int n, const Value *a) { (void)n; return MK_SMALL(range_contains(a[0], a[1]) > 0); }
static const MethodDef range_methods[] = {
    {"index", r_index, 2, 2, 0, MK_METHOD}, {"count", r_count, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};
static intptr_t range_hash(Value v) {
  Range *r = (Range *)v;
  return (intptr_t)(range_count(r) * 1000003 + r->start * 31 + r->step);
}

Type range_type = {
    .hdr = {&type_type}, .name = "range", .base = &object_type, .make_new = range_make,
    .repr = range_repr, .len = range_len, .subscr = range_subscr, .contains = range_contains,
    .iter = range_iter, .getattr = range_getattr, .richcmp = range_richcmp, .hash = range_hash,
};

/* ---- slice -------------------------------------------------------------------------------- */
Value slice_new(Value a, Value b, Value c) {
  Slice *s = obj_alloc(&slice_type, sizeof(Slice));
  s->start = a;
  s->stop = b;
  s->step = c;
  return V(s);
}

/* Python's PySlice_GetIndicesEx semantics. */
bool slice_indices(Value sv, intptr_t len, intptr_t *pstart, intptr_t *pstop, intptr_t *pstep, intptr_t *pcount) {
  Slice *s = (Slice *)sv;
  intptr_t step = s->step == NONE ? 1 : py_index(s->step);
  if (step == 0) raise_msg(&ValueError_type, "slice step cannot be zero");
  intptr_t start, stop;
  intptr_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
  if (s->start == NONE) start = step < 0 ? hi : lo;
  else {
    start = py_index(s->start);
    if (start < 0) { start += len; if (start < lo) start = lo; }
    else if (start > hi) start = hi;
  }
  if (s->stop == NONE) stop = step < 0 ? lo : hi;
  else {
    stop = py_index(s->stop);
    if (stop < 0) { stop += len; if (stop < lo) stop = lo; }
    else if (stop > hi) stop = hi;
  }
  intptr_t count = 0;
  if (step > 0 && start < stop) count = (stop - start - 1) / step + 1;
  else if (step < 0 && stop < start) count = (start - stop - 1) / (-step) + 1;
  *pstart = start;
  *pstop = stop;
  *pstep = step;
  *pcount = count;
  return true;
}

static Value slice_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("slice", nargs, 1, 3);
  if (nargs == 1) return slice_new(NONE, args[0], NONE);
  return slice_new(args[0], args[1], nargs > 2 ? args[2] : NONE);
}

static Value slice_repr(Value v) {
  Slice *s = (Slice *)v;
  SB sb;
  sb_init(&sb, 32);
  sb_adds(&sb, "slice(");
  sb_add_repr(&sb, s->start);
  sb_adds(&sb, ", ");
  sb_add_repr(&sb, s->stop);
  sb_adds(&sb, ", ");
  sb_add_repr(&sb, s->step);
  sb_addc(&sb, ')');
  return sb_to_str(&sb);
}

static Value slice_getattr(Value v, Value name) {
  Slice *s = (Slice *)v;
  if (name == N.start) return s->start;
  if (name == N.stop) return s->stop;
  if (name == N.step) return s->step;
  return generic_getattr(v, name);
}

static Value slice_indices_m(int n, const Value *a) {
  (void)n;
  intptr_t st, sp, step, count;
  slice_indices(a[0], py_index(a[1]), &st, &sp, &step, &count);
  return tuple3(MK_SMALL(st), MK_SMALL(sp), MK_SMALL(step));
}
static const MethodDef slice_methods[] = {
    {"indices", slice_indices_m, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value slice_richcmp(Value a, Value b, int op) {
  if (!is_type(b, &slice_type)) return VNULL;
  Slice *x = (Slice *)a, *y = (Slice *)b;
  Value ta = tuple3(x->start, x->stop, x->step), tb = tuple3(y->start, y->stop, y->step);
  return py_compare(op, ta, tb);
}

Type slice_type = {
    .hdr = {&type_type}, .name = "slice", .base = &object_type, .make_new = slice_make,
    .repr = slice_repr, .getattr = slice_getattr, .richcmp = slice_richcmp,
};

void range_init(void) {
  type_add_methods(&range_type, range_methods);
  type_add_methods(&slice_type, slice_methods);
}
