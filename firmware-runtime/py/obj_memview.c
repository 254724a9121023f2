/* memoryview over bytes and bytearray: one-dimensional views of unsigned bytes (format 'B'),
 * as MicroPython's. A view keeps its object and an offset/length window, not a pointer, so a
 * bytearray that grows (and moves its data) is still seen; a window past a shrunk bytearray's
 * end is cut to what is left. A slice with a step other than 1 is a view of a copy. */
#include "py.h"

typedef struct {
  Obj hdr;
  Value obj;  /* bytes, bytearray or a subclass */
  size_t off, len;
} MemView;

static Value view_new(Value obj, size_t off, size_t len) {
  MemView *m = obj_alloc(&memoryview_type, sizeof(MemView));
  m->obj = obj;
  m->off = off;
  m->len = len;
  return V(m);
}

static int view_buffer(Value v, const uint8_t **d, size_t *n) {
  MemView *m = (MemView *)v;
  const uint8_t *base;
  size_t have;
  get_buffer(m->obj, &base, &have);
  *d = base + (m->off < have ? m->off : have);
  *n = m->off >= have ? 0 : m->len < have - m->off ? m->len : have - m->off;
  return 1;
}

static bool view_readonly(MemView *m) { return !isinst(m->obj, &bytearray_type); }

static Value view_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  if (nargs != 1 || nkw) raise_msg(&TypeError_type, "memoryview() takes exactly one argument");
  const uint8_t *d;
  size_t n;
  if (is_type(args[0], &memoryview_type)) {
    MemView *m = (MemView *)args[0];
    return view_new(m->obj, m->off, m->len);
  }
  if (!get_buffer(args[0], &d, &n))
    raise_msg(&TypeError_type, "memoryview: a bytes-like object is required, not '%s'", type_name(args[0]));
  return view_new(args[0], 0, n);
}

static Value view_subscr(Value v, Value idx, Value val) {
  MemView *m = (MemView *)v;
  const uint8_t *d;
  size_t n;
  view_buffer(v, &d, &n);
  if (val && view_readonly(m)) raise_msg(&TypeError_type, "cannot modify read-only memory");
  if (val == SENTINEL_DEL) raise_msg(&TypeError_type, "cannot delete memory");
  if (is_type(idx, &slice_type)) {
    intptr_t start, stop, step, count;
    slice_indices(idx, (intptr_t)n, &start, &stop, &step, &count);
    if (count < 0) count = 0;
    if (!val) {
      if (step == 1) return view_new(m->obj, m->off + (size_t)start, (size_t)count);
      uint8_t *buf = gc_alloc(count ? (size_t)count : 1);
      for (intptr_t i = 0, k = start; i < count; i++, k += step) buf[i] = d[k];
      return view_new(bytes_new(buf, (size_t)count), 0, (size_t)count);
    }
    const uint8_t *s;
    size_t sn;
    if (!get_buffer(val, &s, &sn)) raise_msg(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(val));
    if (sn != (size_t)count) raise_msg(&ValueError_type, "memoryview assignment: lvalue and rvalue have different structures");
    uint8_t *w = (uint8_t *)d;
    for (intptr_t i = 0, k = start; i < count; i++, k += step) w[k] = s[i];
    return NONE;
  }
  intptr_t i = seq_index(idx, n, "index");
  if (!val) return MK_SMALL(d[i]);
  intptr_t x = py_index(val);
  if (x < 0 || x > 255) raise_msg(&ValueError_type, "memoryview: invalid value for format 'B'");
  ((uint8_t *)d)[i] = (uint8_t)x;
  return NONE;
}

size_t buffer_len(Value v); /* obj_bytes.c: the length of any bytes-like object */

static Value view_richcmp(Value a, Value b, int op) {
  if (op != CMP_EQ && op != CMP_NE) return VNULL;
  const uint8_t *x, *y;
  size_t nx, ny;
  view_buffer(a, &x, &nx);
  if (!get_buffer(b, &y, &ny)) return VNULL;
  bool eq = nx == ny && memcmp(x, y, nx) == 0;
  return PYBOOL(op == CMP_EQ ? eq : !eq);
}

static Value view_repr(Value v) { return str_printf("<memory at %p>", (void *)v); }

static Value mv_tobytes(int n, const Value *a) {
  (void)n;
  const uint8_t *d;
  size_t len;
  view_buffer(a[0], &d, &len);
  return bytes_new(d, len);
}

static Value mv_tolist(int n, const Value *a) {
  (void)n;
  const uint8_t *d;
  size_t len;
  view_buffer(a[0], &d, &len);
  Value l = list_new(0);
  for (size_t i = 0; i < len; i++) list_append(l, MK_SMALL(d[i]));
  return l;
}

static Value mv_hex(int n, const Value *a) {
  (void)n;
  return py_call_method(mv_tobytes(1, a), intern_cstr("hex"), 0, NULL);
}

static Value mv_release(int n, const Value *a) { (void)n; (void)a; return NONE; }
static Value mv_enter(int n, const Value *a) { (void)n; return a[0]; }
static Value mv_readonly(int n, const Value *a) { (void)n; return PYBOOL(view_readonly((MemView *)a[0])); }
static Value mv_obj(int n, const Value *a) { (void)n; return ((MemView *)a[0])->obj; }
static Value mv_nbytes(int n, const Value *a) { (void)n; return MK_SMALL((intptr_t)buffer_len(a[0])); }

static const MethodDef memoryview_methods[] = {
    {"tobytes", mv_tobytes, 1, 1, 0, MK_METHOD}, {"tolist", mv_tolist, 1, 1, 0, MK_METHOD},
    {"hex", mv_hex, 1, 1, 0, MK_METHOD}, {"release", mv_release, 1, 1, 0, MK_METHOD},
    {"__enter__", mv_enter, 1, 1, 0, MK_METHOD}, {"__exit__", mv_release, 1, 4, 0, MK_METHOD},
    {"readonly", mv_readonly, 1, 1, 0, MK_PROPERTY}, {"obj", mv_obj, 1, 1, 0, MK_PROPERTY},
    {"nbytes", mv_nbytes, 1, 1, 0, MK_PROPERTY},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value view_iter(Value v) { return seqiter_new(v); }

Type memoryview_type = {
    .hdr = {&type_type}, .name = "memoryview", .base = &object_type, .inst_size = sizeof(MemView),
    .make_new = view_make, .repr = view_repr, .subscr = view_subscr, .len = buffer_len,
    .richcmp = view_richcmp, .iter = view_iter, .buffer = view_buffer,
};

void memoryview_init(void) { type_add_methods(&memoryview_type, memoryview_methods); }
