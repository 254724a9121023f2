/* bytes (immutable) and bytearray (mutable), sharing their read-only operations. */
#include "py.h"

#include <stdio.h>

Value bytes_new(const uint8_t *d, size_t n) {
  Bytes *b = gc_alloc_leaf(sizeof(Bytes) + n + 1);
  b->hdr.type = &bytes_type;
  b->len = n;
  if (n) memcpy(b->data, d, n);
  return V(b);
}

Value bytearray_new(const uint8_t *d, size_t n) {
  ByteArray *b = obj_alloc(&bytearray_type, sizeof(ByteArray));
  b->cap = n < 8 ? 8 : n;
  b->data = gc_alloc(b->cap);
  b->len = n;
  if (n) memcpy(b->data, d, n);
  return V(b);
}

bool get_buffer(Value v, const uint8_t **d, size_t *n) {
  if (IS_SMALL(v)) return false;
  Type *t = OBJ(v)->type;
  if (t == &bytes_type || isinst(v, &bytes_type)) {
    *d = ((Bytes *)v)->data;
    *n = ((Bytes *)v)->len;
    return true;
  }
  if (t == &bytearray_type || isinst(v, &bytearray_type)) {
    *d = ((ByteArray *)v)->data;
    *n = ((ByteArray *)v)->len;
    return true;
  }
  if (t->buffer) return t->buffer(v, d, n);
  return false;
}

void bytearray_append(Value ba, const uint8_t *d, size_t n) {
  ByteArray *b = (ByteArray *)ba;
  if (b->len + n > b->cap) {
    size_t nc = b->cap * 2 + n;
    b->data = gc_realloc(b->data, nc);
    b->cap = nc;
  }
  memmove(b->data + b->len, d, n);
  b->len += n;
}

/* bytes(x) / bytearray(x): from an int count, an iterable of ints, a buffer, or str+encoding */
Value bytes_from_value(Value x, Type *t) {
  Value ba = bytearray_new(NULL, 0);
  const uint8_t *d;
  size_t n;
  if (get_buffer(x, &d, &n)) {
    bytearray_append(ba, d, n);
  } else if (is_int(x)) {
    intptr_t k = py_index(x);
    if (k < 0) raise_msg(&ValueError_type, "negative count");
    uint8_t *z = gc_alloc((size_t)k + 1);
    bytearray_append(ba, z, (size_t)k);
  } else if (isinst(x, &str_type)) {
    raise_msg(&TypeError_type, "string argument without an encoding");
  } else {
    Value it = py_iter(x), v;
    while ((v = py_next(it))) {
      intptr_t b = py_index(v);
      if (b < 0 || b > 255) raise_msg(&ValueError_type, "bytes must be in range(0, 256)");
      uint8_t c = (uint8_t)b;
      bytearray_append(ba, &c, 1);
    }
  }
  if (t == &bytearray_type) return ba;
  return bytes_new(((ByteArray *)ba)->data, ((ByteArray *)ba)->len);
}

static Value bytes_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)nkw;
  arg_check(t->name, nargs, 0, 3);
  if (nargs == 0) return t == &bytes_type ? bytes_new(NULL, 0) : bytearray_new(NULL, 0);
  if (isinst(args[0], &str_type)) {
    if (nargs < 2 && !nkw) raise_msg(&TypeError_type, "string argument without an encoding");
    const uint8_t *d = (const uint8_t *)str_cstr(args[0]);
    return t == &bytes_type ? bytes_new(d, str_len(args[0])) : bytearray_new(d, str_len(args[0]));
  }
  return bytes_from_value(args[0], t);
}

Value repr_bytes(const uint8_t *d, size_t n, bool ba) {
  bool sq = memchr(d, '\'', n) != NULL, dq = memchr(d, '"', n) != NULL;
  char q = sq && !dq ? '"' : '\'';
  SB sb;
  sb_init(&sb, n + 16);
  if (ba) sb_adds(&sb, "bytearray(");
  sb_addc(&sb, 'b');
  sb_addc(&sb, q);
  for (size_t i = 0; i < n; i++) {
    uint8_t c = d[i];
    if (c == q || c == '\\') { sb_addc(&sb, '\\'); sb_addc(&sb, (char)c); }
    else if (c == '\n') sb_adds(&sb, "\\n");
    else if (c == '\r') sb_adds(&sb, "\\r");
    else if (c == '\t') sb_adds(&sb, "\\t");
    else if (c < 0x20 || c >= 0x7f) sb_printf(&sb, "\\x%02x", c);
    else sb_addc(&sb, (char)c);
  }
  sb_addc(&sb, q);
  if (ba) sb_addc(&sb, ')');
  return sb_to_str(&sb);
}

static Value bytes_repr(Value v) {
  const uint8_t *d;
  size_t n;
  get_buffer(v, &d, &n);
  return repr_bytes(d, n, !isinst(v, &bytes_type));
}

static Value make_like(Value self, const uint8_t *d, size_t n) {
  return isinst(self, &bytes_type) ? bytes_new(d, n) : bytearray_new(d, n);
}

static Value bytes_subscr(Value v, Value idx, Value val) {
  const uint8_t *d;
  size_t n;
  get_buffer(v, &d, &n);
  bool mutable_ = !isinst(v, &bytes_type);
  if (is_type(idx, &slice_type)) {
    intptr_t start, stop, step, count;
    slice_indices(idx, (intptr_t)n, &start, &stop, &step, &count);
    if (val) {
      if (!mutable_) raise_msg(&TypeError_type, "'%s' object does not support item assignment", type_name(v));
      ByteArray *b = (ByteArray *)v;
      Value src = val == SENTINEL_DEL ? bytes_new(NULL, 0) : bytes_from_value(val, &bytes_type);
      Bytes *s = (Bytes *)src;
      if (step != 1) {
        if (val == SENTINEL_DEL || (intptr_t)s->len != count) raise_msg(&ValueError_type, "extended slice assignment not supported");
        for (intptr_t i = 0, k = start; i < count; i++, k += step) b->data[k] = s->data[i];
        return NONE;
      }
      if (stop < start) stop = start;
      size_t tail = b->len - (size_t)stop;
      Value rest = bytes_new(b->data + stop, tail);
      b->len = (size_t)start;
      bytearray_append(v, s->data, s->len);
      bytearray_append(v, ((Bytes *)rest)->data, tail);
      return NONE;
    }
    uint8_t *buf = gc_alloc(count > 0 ? (size_t)count : 1);
    for (intptr_t i = 0, k = start; i < count; i++, k += step) buf[i] = d[k];
    return make_like(v, buf, count > 0 ? (size_t)count : 0);
  }
  intptr_t i = seq_index(idx, n, mutable_ ? "bytearray" : "index");
  if (!val) return MK_SMALL(d[i]);
  if (!mutable_) raise_msg(&TypeError_type, "'%s' object does not support item assignment", type_name(v));
  ByteArray *b = (ByteArray *)v;
  if (val == SENTINEL_DEL) {
    memmove(b->data + i, b->data + i + 1, b->len - (size_t)i - 1);
    b->len--;
    return NONE;
  }
  intptr_t x = py_index(val);
  if (x < 0 || x > 255) raise_msg(&ValueError_type, "byte must be in range(0, 256)");
  b->data[i] = (uint8_t)x;
  return NONE;
}

size_t buffer_len(Value v) {
  const uint8_t *d;
  size_t n;
  get_buffer(v, &d, &n);
  return n;
}

static const uint8_t *find_mem(const uint8_t *h, size_t hn, const uint8_t *nd, size_t nn) {
  if (nn == 0) return h;
  for (size_t i = 0; i + nn <= hn; i++)
    if (h[i] == nd[0] && memcmp(h + i, nd, nn) == 0) return h + i;
  return NULL;
}

static int bytes_contains(Value v, Value x) {
  const uint8_t *d, *xd;
  size_t n, xn;
  get_buffer(v, &d, &n);
  if (is_int(x)) {
    intptr_t c = py_index(x);
    if (c < 0 || c > 255) raise_msg(&ValueError_type, "byte must be in range(0, 256)");
    return memchr(d, (int)c, n) != NULL;
  }
  if (!get_buffer(x, &xd, &xn)) raise_msg(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(x));
  return find_mem(d, n, xd, xn) != NULL;
}

static Value bytes_richcmp(Value a, Value b, int op) {
  const uint8_t *x, *y;
  size_t nx, ny;
  get_buffer(a, &x, &nx);
  if (!get_buffer(b, &y, &ny)) return VNULL;
  int c = memcmp(x, y, nx < ny ? nx : ny);
  if (c == 0) c = nx < ny ? -1 : nx > ny ? 1 : 0;
  switch (op) {
    case CMP_LT: return PYBOOL(c < 0);
    case CMP_LE: return PYBOOL(c <= 0);
    case CMP_EQ: return PYBOOL(c == 0);
    case CMP_NE: return PYBOOL(c != 0);
    case CMP_GT: return PYBOOL(c > 0);
    default: return PYBOOL(c >= 0);
  }
}

static intptr_t bytes_hash(Value v) {
  Bytes *b = (Bytes *)v;
  if (b->hash) return (intptr_t)b->hash;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < b->len; i++) { h ^= b->data[i]; h *= 1099511628211ULL; }
  uintptr_t r = (uintptr_t)(h ^ (h >> 32));
  if (r == 0 || r == (uintptr_t)-1) r = 7;
  b->hash = r;
  return (intptr_t)r;
}

static Value bytes_binop(int op, Value a, Value b) {
  const uint8_t *x, *y;
  size_t nx, ny;
  int base = op & 15;
  if (base == BIN_MUL && is_int(a)) { Value t = a; a = b; b = t; }
  if (!get_buffer(a, &x, &nx)) return VNULL;
  if (base == BIN_ADD) {
    if (!get_buffer(b, &y, &ny)) raise_msg(&TypeError_type, "can't concat %s to %s", type_name(b), type_name(a));
    if ((op & BIN_INPLACE) && !isinst(a, &bytes_type)) {
      bytearray_append(a, y, ny);
      return a;
    }
    uint8_t *buf = gc_alloc(nx + ny + 1);
    memcpy(buf, x, nx);
    memcpy(buf + nx, y, ny);
    return make_like(a, buf, nx + ny);
  }
  if (base == BIN_MUL && is_int(b)) {
    intptr_t k = py_index(b);
    if (k < 0) k = 0;
    uint8_t *buf = gc_alloc(nx * (size_t)k + 1);
    for (intptr_t i = 0; i < k; i++) memcpy(buf + (size_t)i * nx, x, nx);
    return make_like(a, buf, nx * (size_t)k);
  }
  if (base == BIN_MOD) {
    /* bytes % args: the str formatter in bytes mode, over the raw bytes */
    Value s = str_new((const char *)x, nx);
    Value r = bytes_mod_format(s, tuple_plain(b));
    return make_like(a, (const uint8_t *)str_cstr(r), str_len(r));
  }
  return VNULL;
}

static Value bytes_iter(Value v) { return seqiter_new(v); }

/* ---- methods ------------------------------------------------------------------------------ */
static void buf_of(Value v, const uint8_t **d, size_t *n) {
  if (!get_buffer(v, d, n)) raise_msg(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(v));
}

static bool enc_is(Value enc, const char *a, const char *b) {
  if (!isinst(enc, &str_type)) return false;
  char low[32];
  size_t k = 0;
  for (const char *p = str_cstr(enc); *p && k < sizeof low - 1; p++) low[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : (*p == '_' ? '-' : *p));
  low[k] = 0;
  return strcmp(low, a) == 0 || (b && strcmp(low, b) == 0);
}

static Value m_decode(int n, const Value *a) {
  const uint8_t *d;
  size_t len;
  buf_of(a[0], &d, &len);
  if (n > 1 && (enc_is(a[1], "latin-1", "iso-8859-1") || enc_is(a[1], "latin1", "l1"))) {
    SB sb;
    sb_init(&sb, len * 2 + 1);
    for (size_t i = 0; i < len; i++) {
      char b[4];
      int k = utf8_encode(d[i], b);
      sb_add(&sb, b, (size_t)k);
    }
    return sb_to_str(&sb);
  }
  if (n > 1 && enc_is(a[1], "ascii", "us-ascii")) {
    for (size_t i = 0; i < len; i++)
      if (d[i] >= 0x80) raise_msg(&UnicodeDecodeError_type, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", d[i], (int)i);
  }
  /* validate UTF-8 */
  for (size_t i = 0; i < len;) {
    uint8_t c = d[i];
    size_t k = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    bool ok = k != 0 && i + k <= len;
    for (size_t j = 1; ok && j < k; j++) ok = (d[i + j] & 0xc0) == 0x80;
    if (!ok) raise_msg(&UnicodeDecodeError_type, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", c, (int)i);
    i += k;
  }
  return str_new((const char *)d, len);
}
static Value m_hex(int n, const Value *a) {
  const uint8_t *d;
  size_t len;
  buf_of(a[0], &d, &len);
  SB sb;
  sb_init(&sb, len * 3 + 1);
  for (size_t i = 0; i < len; i++) {
    if (i && n > 1) sb_addv(&sb, a[1]);
    sb_printf(&sb, "%02x", d[i]);
  }
  return sb_to_str(&sb);
}
static Value m_fromhex(int n, const Value *a) {
  (void)n;
  Type *t = (Type *)a[0];
  const char *s = str_cstr(a[1]);
  Value ba = bytearray_new(NULL, 0);
  while (*s) {
    if (*s == ' ') { s++; continue; }
    int hi = s[0], lo = s[1];
    int v = 0;
    for (int k = 0; k < 2; k++) {
      int c = k ? lo : hi;
      int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (x < 0) raise_msg(&ValueError_type, "non-hexadecimal number found in fromhex() arg");
      v = v * 16 + x;
    }
    uint8_t b = (uint8_t)v;
    bytearray_append(ba, &b, 1);
    s += 2;
  }
  if (t == &bytearray_type) return ba;
  return bytes_new(((ByteArray *)ba)->data, ((ByteArray *)ba)->len);
}
/* find/index/count's optional start and end, as slice bounds; false when start is past the
 * end (then even an empty needle is not found, as CPython) */
static bool byte_range(size_t len, int n, const Value *a, size_t *b, size_t *e) {
  intptr_t L = (intptr_t)len, s = 0, t = L;
  if (n > 2 && a[2] != NONE) s = py_index(a[2]);
  if (n > 3 && a[3] != NONE) t = py_index(a[3]);
  if (s < 0 && (s += L) < 0) s = 0;
  if (t < 0 && (t += L) < 0) t = 0;
  if (t > L) t = L;
  if (s > L) return false;
  *b = (size_t)s;
  *e = (size_t)(t < s ? s : t);
  return true;
}

/* find/count/rfind's operands: the bytes searched and the needle (bytes-like or one int) */
static void haystack_needle(const Value *a, const uint8_t **d, size_t *len, const uint8_t **x,
                            size_t *xn, uint8_t *one) {
  buf_of(a[0], d, len);
  if (is_int(a[1])) {
    *one = (uint8_t)py_index(a[1]);
    *x = one;
    *xn = 1;
  } else {
    buf_of(a[1], x, xn);
  }
}

static Value m_find(int n, const Value *a) {
  const uint8_t *d, *x;
  size_t len, xn, b, e;
  uint8_t one;
  haystack_needle(a, &d, &len, &x, &xn, &one);
  if (!byte_range(len, n, a, &b, &e)) return MK_SMALL(-1);
  const uint8_t *f = find_mem(d + b, e - b, x, xn);
  return MK_SMALL(f ? f - d : -1);
}
static Value m_index(int n, const Value *a) {
  Value r = m_find(n, a);
  if (SMALL_VAL(r) < 0) raise_msg(&ValueError_type, "subsection not found");
  return r;
}
static Value m_count(int n, const Value *a) {
  const uint8_t *d, *x;
  size_t len, xn, b, e;
  uint8_t one;
  haystack_needle(a, &d, &len, &x, &xn, &one);
  if (!byte_range(len, n, a, &b, &e)) return MK_SMALL(0);
  intptr_t c = 0;
  if (xn == 0) return MK_SMALL((intptr_t)(e - b) + 1);
  for (size_t i = b; i + xn <= e;) {
    if (memcmp(d + i, x, xn) == 0) { c++; i += xn; }
    else i++;
  }
  return MK_SMALL(c);
}

static Value m_rfind(int n, const Value *a) {
  const uint8_t *d, *x;
  size_t len, xn, b, e;
  uint8_t one;
  haystack_needle(a, &d, &len, &x, &xn, &one);
  if (!byte_range(len, n, a, &b, &e) || xn > e - b) return MK_SMALL(-1);
  for (size_t i = e - xn + 1; i-- > b;)
    if (memcmp(d + i, x, xn) == 0) return MK_SMALL((intptr_t)i);
  return MK_SMALL(-1);
}
static Value m_rindex(int n, const Value *a) {
  Value r = m_rfind(n, a);
  if (SMALL_VAL(r) < 0) raise_msg(&ValueError_type, "subsection not found");
  return r;
}
static Value startend(const Value *a, bool end) {
  const uint8_t *d, *x;
  size_t len, xn;
  buf_of(a[0], &d, &len);
  buf_of(a[1], &x, &xn);
  if (xn > len) return FALSE_V;
  return PYBOOL(memcmp(end ? d + len - xn : d, x, xn) == 0);
}
static Value m_startswith(int n, const Value *a) { (void)n; return startend(a, false); }
static Value m_endswith(int n, const Value *a) { (void)n; return startend(a, true); }
static Value m_join(int n, const Value *a) {
  (void)n;
  const uint8_t *sep;
  size_t sn;
  buf_of(a[0], &sep, &sn);
  Value ba = bytearray_new(NULL, 0);
  Value it = py_iter(a[1]), x;
  bool first = true;
  while ((x = py_next(it))) {
    const uint8_t *d;
    size_t len;
    buf_of(x, &d, &len);
    if (!first) bytearray_append(ba, sep, sn);
    first = false;
    bytearray_append(ba, d, len);
  }
  return make_like(a[0], ((ByteArray *)ba)->data, ((ByteArray *)ba)->len);
}
static Value via_str(int nargs, const Value *a, const char *meth) {
  /* ASCII-transparent methods reuse the str implementation through a latin-1-safe path */
  const uint8_t *d;
  size_t len;
  buf_of(a[0], &d, &len);
  for (size_t i = 0; i < len; i++)
    if (d[i] >= 0x80) raise_msg(&NotImplementedError_type, "bytes.%s on non-ASCII data", meth);
  Value args[4];
  for (int i = 1; i < nargs && i < 4; i++) {
    const uint8_t *x;
    size_t xn;
    args[i - 1] = get_buffer(a[i], &x, &xn) ? str_new((const char *)x, xn) : a[i];
  }
  Value r = py_call_method(str_new((const char *)d, len), intern_cstr(meth), nargs - 1, args);
  if (isinst(r, &str_type)) return make_like(a[0], (const uint8_t *)str_cstr(r), str_len(r));
  if (is_type(r, &list_type)) {
    List *l = (List *)r;
    for (size_t i = 0; i < l->len; i++) l->items[i] = make_like(a[0], (const uint8_t *)str_cstr(l->items[i]), str_len(l->items[i]));
  }
  return r;
}
static Value m_split(int n, const Value *a) { return via_str(n, a, "split"); }
static Value m_strip(int n, const Value *a) { return via_str(n, a, "strip"); }
static Value m_lstrip(int n, const Value *a) { return via_str(n, a, "lstrip"); }
static Value m_rstrip(int n, const Value *a) { return via_str(n, a, "rstrip"); }
static Value m_replace(int n, const Value *a) { return via_str(n, a, "replace"); }
static Value m_upper(int n, const Value *a) { return via_str(n, a, "upper"); }
static Value m_lower(int n, const Value *a) { return via_str(n, a, "lower"); }
static Value m_isdigit(int n, const Value *a) { return via_str(n, a, "isdigit"); }
static Value m_isalpha(int n, const Value *a) { return via_str(n, a, "isalpha"); }
static Value m_isspace(int n, const Value *a) { return via_str(n, a, "isspace"); }

/* bytearray only */
static Value m_append(int n, const Value *a) {
  (void)n;
  intptr_t x = py_index(a[1]);
  if (x < 0 || x > 255) raise_msg(&ValueError_type, "byte must be in range(0, 256)");
  uint8_t b = (uint8_t)x;
  bytearray_append(a[0], &b, 1);
  return NONE;
}
static Value m_extend(int n, const Value *a) {
  (void)n;
  Value src = bytes_from_value(a[1], &bytes_type);
  bytearray_append(a[0], ((Bytes *)src)->data, ((Bytes *)src)->len);
  return NONE;
}
static Value m_pop(int n, const Value *a) {
  ByteArray *b = (ByteArray *)a[0];
  if (b->len == 0) raise_msg(&IndexError_type, "pop from empty bytearray");
  intptr_t i = n > 1 ? py_index(a[1]) : -1;
  if (i < 0) i += (intptr_t)b->len;
  if (i < 0 || i >= (intptr_t)b->len) raise_msg(&IndexError_type, "pop index out of range");
  uint8_t v = b->data[i];
  memmove(b->data + i, b->data + i + 1, b->len - (size_t)i - 1);
  b->len--;
  return MK_SMALL(v);
}
static Value m_insert(int n, const Value *a) {
  (void)n;
  ByteArray *b = (ByteArray *)a[0];
  intptr_t i = py_index(a[1]);
  if (i < 0) { i += (intptr_t)b->len; if (i < 0) i = 0; }
  if (i > (intptr_t)b->len) i = (intptr_t)b->len;
  uint8_t z = (uint8_t)py_index(a[2]);
  bytearray_append(a[0], &z, 1);
  memmove(b->data + i + 1, b->data + i, b->len - 1 - (size_t)i);
  b->data[i] = z;
  return NONE;
}
static Value m_clear(int n, const Value *a) { (void)n; ((ByteArray *)a[0])->len = 0; return NONE; }
static Value m_copy(int n, const Value *a) { (void)n; return bytearray_new(((ByteArray *)a[0])->data, ((ByteArray *)a[0])->len); }
static Value m_reverse(int n, const Value *a) {
  (void)n;
  ByteArray *b = (ByteArray *)a[0];
  for (size_t i = 0; i < b->len / 2; i++) { uint8_t t = b->data[i]; b->data[i] = b->data[b->len - 1 - i]; b->data[b->len - 1 - i] = t; }
  return NONE;
}

#define COMMON_METHODS \
  {"decode", m_decode, 1, 3, 0, MK_METHOD}, {"hex", m_hex, 1, 2, 0, MK_METHOD}, \
  {"fromhex", m_fromhex, 2, 2, 0, MK_CLASS}, {"find", m_find, 2, 4, 0, MK_METHOD}, \
  {"index", m_index, 2, 4, 0, MK_METHOD}, {"count", m_count, 2, 4, 0, MK_METHOD}, \
  {"rfind", m_rfind, 2, 4, 0, MK_METHOD}, {"rindex", m_rindex, 2, 4, 0, MK_METHOD}, \
  {"startswith", m_startswith, 2, 2, 0, MK_METHOD}, {"endswith", m_endswith, 2, 2, 0, MK_METHOD}, \
  {"join", m_join, 2, 2, 0, MK_METHOD}, {"split", m_split, 1, 3, 0, MK_METHOD}, \
  {"strip", m_strip, 1, 2, 0, MK_METHOD}, {"lstrip", m_lstrip, 1, 2, 0, MK_METHOD}, \
  {"rstrip", m_rstrip, 1, 2, 0, MK_METHOD}, {"replace", m_replace, 3, 4, 0, MK_METHOD}, \
  {"upper", m_upper, 1, 1, 0, MK_METHOD}, {"lower", m_lower, 1, 1, 0, MK_METHOD}, \
  {"isdigit", m_isdigit, 1, 1, 0, MK_METHOD}, {"isalpha", m_isalpha, 1, 1, 0, MK_METHOD}, \
  {"isspace", m_isspace, 1, 1, 0, MK_METHOD}

static const MethodDef bytes_methods[] = {COMMON_METHODS, {NULL, NULL, 0, 0, 0, 0}};
static const MethodDef bytearray_methods[] = {
    COMMON_METHODS,
    {"append", m_append, 2, 2, 0, MK_METHOD}, {"extend", m_extend, 2, 2, 0, MK_METHOD},
    {"pop", m_pop, 1, 2, 0, MK_METHOD}, {"insert", m_insert, 3, 3, 0, MK_METHOD},
    {"clear", m_clear, 1, 1, 0, MK_METHOD}, {"copy", m_copy, 1, 1, 0, MK_METHOD},
    {"reverse", m_reverse, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type bytes_type = {
    .hdr = {&type_type}, .name = "bytes", .base = &object_type, .flags = TF_BASETYPE | TF_IMMUT, .make_new = bytes_make,
    .repr = bytes_repr, .subscr = bytes_subscr, .len = buffer_len, .contains = bytes_contains,
    .richcmp = bytes_richcmp, .hash = bytes_hash, .binop = bytes_binop, .iter = bytes_iter,
};
Type bytearray_type = {
    .hdr = {&type_type}, .name = "bytearray", .base = &object_type, .flags = TF_BASETYPE,
    .inst_size = sizeof(ByteArray), .make_new = bytes_make, .repr = bytes_repr,
    .subscr = bytes_subscr, .len = buffer_len, .contains = bytes_contains,
    .richcmp = bytes_richcmp, .binop = bytes_binop, .iter = bytes_iter,
};

void memoryview_init(void); /* obj_memview.c */

void bytes_init(void) {
  memoryview_init();
  type_add_methods(&bytes_type, bytes_methods);
  type_add_methods(&bytearray_type, bytearray_methods);
}
