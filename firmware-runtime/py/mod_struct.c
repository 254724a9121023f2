/* The struct module: pack, unpack, calcsize, unpack_from, pack_into (Python library reference,
 * "struct -- Interpret bytes as packed binary data"), standard and native sizes. */
#include "py.h"

#include <string.h>

typedef struct {
  const char *p, *end;
  char order; /* '<' '>' '!' '=' '@' */
  bool native;
} Fmt;

static void fmt_init(Fmt *f, Value fmt) {
  if (!isinst(fmt, &str_type)) {
    const uint8_t *d;
    size_t n;
    if (!get_buffer(fmt, &d, &n)) raise_msg(&TypeError_type, "Struct() argument 1 must be a str or bytes object");
    f->p = (const char *)d;
    f->end = f->p + n;
  } else {
    f->p = str_cstr(fmt);
    f->end = f->p + str_len(fmt);
  }
  f->order = '@';
  f->native = true;
  if (f->p < f->end && strchr("<>!=@", *f->p)) {
    f->order = *f->p++;
    f->native = f->order == '@';
  }
}

static int item_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? (int)sizeof(long) : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? (int)sizeof(size_t) : -1;
  }
  return -1;
}

/* next item: count and code; returns false at end */
static bool fmt_next(Fmt *f, int *count, char *code) {
  while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n')) f->p++;
  if (f->p >= f->end) return false;
  int n = -1;
  while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
    if (n < 0) n = 0;
    n = n * 10 + (*f->p++ - '0');
  }
  if (f->p >= f->end) raise_msg(&ValueError_type, "repeat count given without format specifier");
  *code = *f->p++;
  *count = n < 0 ? 1 : n;
  if (item_size(*code, f->native) < 0) raise_msg(&ValueError_type, "bad char in struct format");
  return true;
}

static size_t align_to(size_t off, int size, bool native) {
  if (!native || size <= 1) return off;
  return (off + (size_t)size - 1) / (size_t)size * (size_t)size;
}

static size_t calcsize(Value fmt) {
  Fmt f;
  fmt_init(&f, fmt);
  size_t off = 0;
  int count;
  char code;
  while (fmt_next(&f, &count, &code)) {
    int sz = item_size(code, f.native);
    if (code == 's' || code == 'p') {
      off += (size_t)count;
      continue;
    }
    off = align_to(off, sz, f.native);
    off += (size_t)sz * (size_t)count;
  }
  return off;
}

static bool little(const Fmt *f) { return f->order == '<' || f->order == '@' || f->order == '='; }

static void put_int(uint8_t *p, uint64_t v, int sz, bool le) {
  for (int i = 0; i < sz; i++) p[le ? i : sz - 1 - i] = (uint8_t)(v >> (8 * i));
}
static uint64_t get_int(const uint8_t *p, int sz, bool le) {
  uint64_t v = 0;
  for (int i = 0; i < sz; i++) v |= (uint64_t)p[le ? i : sz - 1 - i] << (8 * i);
  return v;
}

static void pack_into_buf(Value fmt, uint8_t *buf, int nargs, const Value *args) {
  Fmt f;
  fmt_init(&f, fmt);
  size_t off = 0;
  int ai = 0, count;
  char code;
  bool le = little(&f);
  while (fmt_next(&f, &count, &code)) {
    int sz = item_size(code, f.native);
    if (code == 's' || code == 'p') {
      if (ai >= nargs) raise_msg(&ValueError_type, "pack expected more items for packing");
      const uint8_t *d;
      size_t n;
      if (!get_buffer(args[ai], &d, &n)) raise_msg(&ValueError_type, "argument for 's' must be a bytes object");
      ai++;
      size_t k = n < (size_t)count ? n : (size_t)count;
      memcpy(buf + off, d, k);
      off += (size_t)count;
      continue;
    }
    off = align_to(off, sz, f.native);
    for (int i = 0; i < count; i++) {
      if (code == 'x') { buf[off] = 0; off += 1; continue; }
      if (ai >= nargs) raise_msg(&ValueError_type, "pack expected %d items for packing (got %d)", ai + 1, nargs);
      Value v = args[ai++];
      if (code == 'f' || code == 'd' || code == 'e') {
        double d = float_val(v);
        if (code == 'd') { uint64_t u; memcpy(&u, &d, 8); put_int(buf + off, u, 8, le); }
        else if (code == 'f') { float fl = (float)d; uint32_t u; memcpy(&u, &fl, 4); put_int(buf + off, u, 4, le); }
        else raise_msg(&NotImplementedError_type, "half floats are not supported");
      } else if (code == 'c') {
        const uint8_t *d;
        size_t n;
        if (!get_buffer(v, &d, &n) || n != 1) raise_msg(&ValueError_type, "char format requires a bytes object of length 1");
        buf[off] = d[0];
      } else if (code == '?') {
        buf[off] = py_truth(v);
      } else {
        if (!is_int(v)) raise_msg(&ValueError_type, "required argument is not an integer");
        if (!IS_SMALL(v) && py_compare_bool(CMP_GT, v, int_from_i64(INT64_MAX))) {
          if (code == 'Q' && py_compare_bool(CMP_LT, v, py_binop(BIN_LSHIFT, MK_SMALL(1), MK_SMALL(64)))) {
            uint64_t u = (uint64_t)int_as_i64(py_binop(BIN_SUB, v, py_binop(BIN_LSHIFT, MK_SMALL(1), MK_SMALL(64))));
            put_int(buf + off, u, sz, le);
            off += (size_t)sz;
            continue;
          }
          raise_msg(&ValueError_type, "argument out of range");
        }
        if (!IS_SMALL(v) && py_compare_bool(CMP_LT, v, int_from_i64(INT64_MIN))) raise_msg(&ValueError_type, "argument out of range");
        int64_t x = int_as_i64(v);
        bool sign = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
        if (sz < 8) {
          int64_t lo = sign ? -((int64_t)1 << (8 * sz - 1)) : 0;
          int64_t hi = sign ? ((int64_t)1 << (8 * sz - 1)) - 1 : ((int64_t)1 << (8 * sz)) - 1;
          if (x < lo || x > hi) {
            /* CPython's messages (Modules/_struct.c) */
            if (!sign && sz >= 4) raise_msg(&ValueError_type, "argument out of range");
            const char *nm = code == 'b' ? "byte" : code == 'B' ? "ubyte" : code == 'h' ? "short" : code == 'H' ? "ushort" : NULL;
            /* bounds as Python ints: the board's newlib-nano printf has no %lld */
            const char *los = str_cstr(py_str(int_from_i64(lo))), *his = str_cstr(py_str(int_from_i64(hi)));
            if (nm) raise_msg(&ValueError_type, "%s format requires %s <= number <= %s", nm, los, his);
            raise_msg(&ValueError_type, "'%c' format requires %s <= number <= %s", code, los, his);
          }
        } else if (!sign && x < 0) {
          raise_msg(&ValueError_type, "argument out of range");
        }
        put_int(buf + off, (uint64_t)x, sz, le);
      }
      off += (size_t)sz;
    }
  }
  if (ai != nargs) raise_msg(&ValueError_type, "pack expected %d items for packing (got %d)", ai, nargs);
}

static Value unpack_buf(Value fmt, const uint8_t *buf) {
  Fmt f;
  fmt_init(&f, fmt);
  Value out = list_new(0);
  size_t off = 0;
  int count;
  char code;
  bool le = little(&f);
  while (fmt_next(&f, &count, &code)) {
    int sz = item_size(code, f.native);
    if (code == 's' || code == 'p') {
      list_append(out, bytes_new(buf + off, (size_t)count));
      off += (size_t)count;
      continue;
    }
    off = align_to(off, sz, f.native);
    for (int i = 0; i < count; i++) {
      if (code == 'x') { off++; continue; }
      uint64_t u = get_int(buf + off, sz, le);
      Value v;
      switch (code) {
        case 'd': { double d; memcpy(&d, &u, 8); v = float_new(d); break; }
        case 'f': { uint32_t w = (uint32_t)u; float fl; memcpy(&fl, &w, 4); v = float_new(fl); break; }
        case 'c': v = bytes_new(buf + off, 1); break;
        case '?': v = PYBOOL(u != 0); break;
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
          int64_t s = sz == 8 ? (int64_t)u : (int64_t)(u << (64 - 8 * sz)) >> (64 - 8 * sz);
          v = int_from_i64(s);
          break;
        }
        default:
          if (u > (uint64_t)INT64_MAX) v = py_binop(BIN_ADD, int_from_i64((int64_t)(u >> 1)), int_from_i64((int64_t)(u - (u >> 1))));
          else v = int_from_i64((int64_t)u);
      }
      list_append(out, v);
      off += (size_t)sz;
    }
  }
  return tuple_from(((List *)out)->len, ((List *)out)->items);
}

static Value s_calcsize(int n, const Value *a) { (void)n; return MK_SMALL(calcsize(a[0])); }
static Value s_pack(int n, const Value *a) {
  size_t sz = calcsize(a[0]);
  uint8_t *buf = gc_alloc(sz + 1);
  pack_into_buf(a[0], buf, n - 1, a + 1);
  return bytes_new(buf, sz);
}
static Value s_unpack(int n, const Value *a) {
  (void)n;
  size_t sz = calcsize(a[0]);
  const uint8_t *d;
  size_t len;
  if (!get_buffer(a[1], &d, &len)) raise_msg(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(a[1]));
  if (len != sz) raise_msg(&ValueError_type, "unpack requires a buffer of %d bytes", (int)sz);
  return unpack_buf(a[0], d);
}
static Value s_unpack_from(int nargs, int nkw, const Value *a) {
  Value offv = nargs > 2 ? a[2] : kwarg_find(nargs, nkw, a, intern_cstr("offset"));
  intptr_t off = offv ? py_index(offv) : 0;
  size_t sz = calcsize(a[0]);
  const uint8_t *d;
  size_t len;
  if (!get_buffer(a[1], &d, &len)) raise_msg(&TypeError_type, "a bytes-like object is required");
  if (off < 0) off += (intptr_t)len;
  if (off < 0 || (size_t)off + sz > len) raise_msg(&ValueError_type, "unpack_from requires a buffer of at least %d bytes", (int)(sz + (size_t)off));
  return unpack_buf(a[0], d + off);
}
static Value s_pack_into(int n, const Value *a) {
  size_t sz = calcsize(a[0]);
  if (!is_type(a[1], &bytearray_type)) raise_msg(&TypeError_type, "argument must be read-write bytes-like object");
  ByteArray *ba = (ByteArray *)a[1];
  intptr_t off = py_index(a[2]);
  if (off < 0) off += (intptr_t)ba->len;
  if (off < 0 || (size_t)off + sz > ba->len) raise_msg(&ValueError_type, "pack_into requires a buffer of at least %d bytes", (int)sz);
  pack_into_buf(a[0], ba->data + off, n - 3, a + 3);
  return NONE;
}

static const MethodDef struct_defs[] = {
    {"calcsize", s_calcsize, 1, 1, 0, 0}, {"pack", s_pack, 1, -1, 0, 0},
    {"unpack", s_unpack, 2, 2, 0, 0}, {"unpack_from", s_unpack_from, 2, 3, 1, 0},
    {"pack_into", s_pack_into, 3, -1, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

Value mod_struct_init(void) {
  Value m = module_with_defs("struct", struct_defs);
  dict_set_str(((Module *)m)->dict, "error", V(&ValueError_type));
  return m;
}
