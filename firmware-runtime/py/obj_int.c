/* int and bool.  Small ints are tagged words; values outside the tagged range are arbitrary-
 * precision Big objects (bigint.c).  Division and modulo follow Python's floor semantics. */
#include "bigint.h"
#include "py.h"

#include <math.h>
#include <stdio.h>

bool is_int(Value v) { return IS_SMALL(v) || type_of(v) == &int_type || type_of(v) == &bool_type || isinst(v, &int_type); }

/* An instance of an int subclass keeps the big-int layout under its own type (see
 * subinst_new), which bigint.c does not take for an int: this is its value as a plain int. */
Value int_plain(Value v) {
  if (IS_SMALL(v) || OBJ(v)->type == &int_type || OBJ(v)->type == &bool_type || !isinst(v, &int_type)) return v;
  size_t n = sizeof(Big) + ((Big *)v)->n * sizeof(uint32_t);
  Big *b = gc_alloc(n);
  memcpy(b, (void *)v, n);
  b->hdr.type = &int_type;
  return big_add(V(b), MK_SMALL(0)); /* normalises: small values become tagged */
}

Value int_from_i64(int64_t i) {
  if (FITS_SMALL(i)) return MK_SMALL(i);
  return big_from_i64(i);
}

int64_t int_as_i64(Value v) {
  if (IS_SMALL(v)) return SMALL_VAL(v);
  v = int_plain(v);
  if (IS_SMALL(v)) return SMALL_VAL(v);
  if (v == TRUE_V) return 1;
  if (v == FALSE_V) return 0;
  int64_t r;
  if (!big_to_i64(v, &r)) raise_msg(&OverflowError_type, "Python int too large to convert to C int64");
  return r;
}

double int_to_double(Value v) {
  v = int_plain(v);
  if (is_big(v)) return big_to_double(v);
  return (double)int_as_i64(v);
}

static NORETURN void overflow(void) {
  raise_msg(&OverflowError_type, "integer result too large");
}

static int64_t floordiv64(int64_t a, int64_t b) {
  if (b == -1) {
    if (a == INT64_MIN) overflow();
    return -a;
  }
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

static int64_t mod64(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

static Value big_binop(int op, Value a, Value b) {
  switch (op & 15) {
    case BIN_ADD: return big_add(a, b);
    case BIN_SUB: return big_sub(a, b);
    case BIN_MUL: return big_mul(a, b);
    case BIN_TRUEDIV: {
      if (b == MK_SMALL(0)) raise_msg(&ZeroDivisionError_type, "division by zero");
      return float_new(int_to_double(a) / int_to_double(b));
    }
    case BIN_FLOORDIV: case BIN_MOD: {
      if (b == MK_SMALL(0) || b == FALSE_V)
        raise_msg(&ZeroDivisionError_type, (op & 15) == BIN_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
      Value q, r;
      big_divmod(a, b, &q, &r);
      return (op & 15) == BIN_MOD ? r : q;
    }
    case BIN_POW: {
      if (big_is_neg(b)) return float_new(pow(int_to_double(a), int_to_double(b)));
      int64_t e;
      if (!big_to_i64(b, &e)) raise_type(&MemoryError_type);
      if (e > 100000 && a != MK_SMALL(1) && a != MK_SMALL(0) && a != MK_SMALL(-1)) {
        if (big_bit_length(a) * e > 10000000) raise_type(&MemoryError_type);
      }
      return big_pow(a, e);
    }
    case BIN_LSHIFT: case BIN_RSHIFT: {
      if (big_is_neg(b)) raise_msg(&ValueError_type, "negative shift count");
      int64_t n;
      if (!big_to_i64(b, &n)) {
        if ((op & 15) == BIN_RSHIFT) return MK_SMALL(big_is_neg(a) ? -1 : 0);
        raise_type(&MemoryError_type);
      }
      return big_shift(a, (op & 15) == BIN_LSHIFT ? n : -n);
    }
    case BIN_AND: case BIN_OR: case BIN_XOR: return big_bitop(op & 15, a, b);
  }
  return VNULL;
}

Value int_binop(int op, Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return VNULL;
  a = int_plain(a);
  b = int_plain(b);
  if (is_big(a) || is_big(b)) return big_binop(op, a, b);
  int64_t x = int_as_i64(a), y = int_as_i64(b), r;
  switch (op & 15) {
    case BIN_ADD:
      if (__builtin_add_overflow(x, y, &r)) return big_binop(op, a, b);
      return int_from_i64(r);
    case BIN_SUB:
      if (__builtin_sub_overflow(x, y, &r)) return big_binop(op, a, b);
      return int_from_i64(r);
    case BIN_MUL:
      if (__builtin_mul_overflow(x, y, &r)) return big_binop(op, a, b);
      return int_from_i64(r);
    case BIN_TRUEDIV:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "division by zero");
      return float_new((double)x / (double)y);
    case BIN_FLOORDIV:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "integer division or modulo by zero");
      if (x == INT64_MIN && y == -1) return big_binop(op, a, b);
      return int_from_i64(floordiv64(x, y));
    case BIN_MOD:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "integer modulo by zero");
      return int_from_i64(mod64(x, y));
    case BIN_POW: {
      if (y < 0) {
        if (x == 0) raise_msg(&ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
        return float_new(pow((double)x, (double)y));
      }
      int64_t base = x, res = 1, e = y;
      bool ovf = false;
      while (e > 0 && !ovf) {
        if (e & 1)
          if (__builtin_mul_overflow(res, base, &res)) ovf = true;
        e >>= 1;
        if (e && __builtin_mul_overflow(base, base, &base)) ovf = true;
      }
      if (ovf) return big_binop(op, a, b);
      return int_from_i64(res);
    }
    case BIN_LSHIFT:
      if (y < 0) raise_msg(&ValueError_type, "negative shift count");
      if (x == 0) return MK_SMALL(0);
      if (y >= 62) return big_binop(op, a, b);
      r = (int64_t)((uint64_t)x << y);
      if ((r >> y) != x) return big_binop(op, a, b);
      return int_from_i64(r);
    case BIN_RSHIFT:
      if (y < 0) raise_msg(&ValueError_type, "negative shift count");
      if (y >= 64) return MK_SMALL(x < 0 ? -1 : 0);
      return int_from_i64(x >> y);
    case BIN_AND:
      r = x & y;
      break;
    case BIN_OR:
      r = x | y;
      break;
    case BIN_XOR:
      r = x ^ y;
      break;
    default:
      return VNULL;
  }
  if (is_type(a, &bool_type) && is_type(b, &bool_type)) return PYBOOL(r);
  return int_from_i64(r);
}

static Value int_unop(int op, Value a) {
  a = int_plain(a);
  if (is_big(a)) {
    if (op == UN_NEG) return big_neg(a);
    if (op == UN_POS) return a;
    if (op == UN_INVERT) return big_sub(big_neg(a), MK_SMALL(1));
  }
  int64_t x = int_as_i64(a);
  switch (op) {
    case UN_NEG:
      if (x == INT64_MIN) return big_neg(big_from_i64(x));
      return int_from_i64(-x);
    case UN_POS: return int_from_i64(x);
    case UN_INVERT: return int_from_i64(~x);
  }
  return VNULL;
}

static Value int_richcmp(Value a, Value b, int op) {
  if (!is_int(b)) return VNULL;
  a = int_plain(a);
  b = int_plain(b);
  if (is_big(a) || is_big(b)) {
    int c = big_cmp(a, b);
    switch (op) {
      case CMP_LT: return PYBOOL(c < 0);
      case CMP_LE: return PYBOOL(c <= 0);
      case CMP_EQ: return PYBOOL(c == 0);
      case CMP_NE: return PYBOOL(c != 0);
      case CMP_GT: return PYBOOL(c > 0);
      default: return PYBOOL(c >= 0);
    }
  }
  int64_t x = int_as_i64(a), y = int_as_i64(b);
  switch (op) {
    case CMP_LT: return PYBOOL(x < y);
    case CMP_LE: return PYBOOL(x <= y);
    case CMP_EQ: return PYBOOL(x == y);
    case CMP_NE: return PYBOOL(x != y);
    case CMP_GT: return PYBOOL(x > y);
    case CMP_GE: return PYBOOL(x >= y);
  }
  return VNULL;
}

/* Python's int hash: the value modulo 2**61 - 1, with -1 mapped to -2. */
static intptr_t int_hash(Value v) {
  v = int_plain(v);
  if (is_big(v)) return big_hash(v);
  int64_t x = int_as_i64(v);
  const uint64_t P = ((uint64_t)1 << 61) - 1;
  uint64_t m = (x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x) % P;
  int64_t h = x < 0 ? -(int64_t)m : (int64_t)m;
  return h == -1 ? -2 : (intptr_t)h;
}

Value int_to_str_base(Value v, int base, bool prefix) {
  v = int_plain(v);
  if (is_big(v)) {
    Value digits = big_to_str(v, base);
    if (!prefix || base == 10) return digits;
    const char *p = str_cstr(digits);
    bool neg = *p == '-';
    const char *pre = base == 16 ? "0x" : base == 8 ? "0o" : "0b";
    return str_printf("%s%s%s", neg ? "-" : "", pre, p + neg);
  }
  int64_t x = int_as_i64(v);
  char buf[80];
  char *p = buf + sizeof buf;
  *--p = 0;
  uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
  /* 32-bit division while the value fits: one instruction on the board instead of a call */
  for (uint32_t w = (uint32_t)u; u == w && w >= (unsigned)base; w /= (unsigned)base, u = w) {
    unsigned d = w % (unsigned)base;
    *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
  }
  do {
    unsigned d = (unsigned)(u % (unsigned)base);
    *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    u /= (unsigned)base;
  } while (u);
  if (prefix) {
    if (base == 16) { *--p = 'x'; *--p = '0'; }
    if (base == 8) { *--p = 'o'; *--p = '0'; }
    if (base == 2) { *--p = 'b'; *--p = '0'; }
  }
  if (x < 0) *--p = '-';
  return str_new(p, strlen(p));
}

static Value int_repr(Value v) {
  v = int_plain(v);
  if (IS_SMALL(v) && SMALL_VAL(v) >= 0 && SMALL_VAL(v) < 10) return vm.small_chars['0' + SMALL_VAL(v)];
  if (is_big(v)) return big_to_str(v, 10);
  return int_to_str_base(v, 10, false); /* not snprintf: newlib-nano has no %lld */
}

static int digit_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

Value int_from_str(const char *s, size_t len, int base, bool raise) {
  const char *p = s, *end = s + len;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')) p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\f' || end[-1] == '\v')) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  if (end - p >= 2 && p[0] == '0') {
    char c = (char)(p[1] | 0x20);
    if ((c == 'x' && (base == 16 || base == 0)) || (c == 'o' && (base == 8 || base == 0)) || (c == 'b' && (base == 2 || base == 0))) {
      base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
      p += 2;
      if (p < end && *p == '_') p++;
    }
  }
  if (base == 0) {
    base = 10;
    /* "010" is not a valid base-0 literal, but "0", "00" are */
    if (end - p > 1 && p[0] == '0') {
      for (const char *q = p; q < end; q++)
        if (*q != '0' && *q != '_') goto bad;
    }
  }
  const char *dstart = p;
  uint64_t acc = 0;
  bool any = false, last_us = true;
  for (; p < end; p++) {
    if (*p == '_') {
      if (last_us) goto bad;
      last_us = true;
      continue;
    }
    int d = digit_val(*p);
    if (d >= base) goto bad;
    if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
      /* too long for 64 bits: validate the rest, then convert with bigint arithmetic */
      for (const char *q = p; q < end; q++) {
        if (*q == '_') { if (q[1] == '_' || q + 1 == end) goto bad; continue; }
        if (digit_val(*q) >= base) goto bad;
      }
      return big_from_digits(dstart, (size_t)(end - dstart), base, neg);
    }
    acc = acc * (uint64_t)base + (uint64_t)d;
    any = true;
    last_us = false;
  }
  if (!any || last_us) goto bad;
  if (neg) {
    if (acc > (uint64_t)INT64_MAX + 1) return big_neg(big_add(big_from_i64(INT64_MAX), int_from_i64((int64_t)(acc - (uint64_t)INT64_MAX))));
    return int_from_i64((int64_t)(0 - acc));
  }
  if (acc > (uint64_t)INT64_MAX) return big_add(big_from_i64(INT64_MAX), int_from_i64((int64_t)(acc - (uint64_t)INT64_MAX)));
  return int_from_i64((int64_t)acc);
bad:
  if (!raise) return VNULL;
  {
    Value r = repr_str(str_new(s, len));
    raise_msg(&ValueError_type, "invalid literal for int() with base %d: %s", base == 0 ? 10 : base, str_cstr(r));
  }
}

static Value int_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  Value x = nargs > 0 ? args[0] : VNULL;
  Value basev = nargs > 1 ? args[1] : VNULL;
  Value k;
  if (nkw && (k = kwarg_find(nargs, nkw, args, N.base))) basev = k;
  if (!x) return MK_SMALL(0);
  if (basev) {
    int base = (int)py_index(basev);
    if (base != 0 && (base < 2 || base > 36)) raise_msg(&ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    const uint8_t *d;
    size_t n;
    if (isinst(x, &str_type)) return int_from_str(str_cstr(x), str_len(x), base, true);
    if (get_buffer(x, &d, &n)) return int_from_str((const char *)d, n, base, true);
    raise_msg(&TypeError_type, "int() can't convert non-string with explicit base");
  }
  if (IS_SMALL(x)) return x;
  Type *xt = type_of(x);
  if (xt == &int_type || (xt != &bool_type && isinst(x, &int_type))) return int_plain(x);
  if (xt == &bool_type) return MK_SMALL(x == TRUE_V);
  if (isinst(x, &float_type)) {
    double d = ((Float *)x)->v;
    if (isnan(d)) raise_msg(&ValueError_type, "cannot convert float NaN to integer");
    if (isinf(d)) raise_msg(&OverflowError_type, "cannot convert float infinity to integer");
    if (d > -9.2e18 && d < 9.2e18) return int_from_i64((int64_t)d);
    return big_from_double(d);
  }
  if (isinst(x, &str_type)) return int_from_str(str_cstr(x), str_len(x), 10, true);
  const uint8_t *d;
  size_t n;
  if (isinst(x, &bytes_type) || xt == &bytearray_type) {
    get_buffer(x, &d, &n);
    return int_from_str((const char *)d, n, 10, true);
  }
  if (xt->flags & TF_HEAP) {
    Value m = lookup_mro(xt, N.__int__);
    if (!m) m = lookup_mro(xt, N.__index__);
    if (m) return py_call1(m, x);
    if (is_int(x)) return int_from_i64(int_as_i64(x));
  }
  raise_msg(&TypeError_type, "int() argument must be a string, a bytes-like object or a real number, not '%s'", xt->name);
}

int64_t float_to_i64(double d) {
  if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) {
    if (isnan(d)) raise_msg(&ValueError_type, "cannot convert float NaN to integer");
    if (isinf(d)) raise_msg(&OverflowError_type, "cannot convert float infinity to integer");
    overflow();
  }
  return (int64_t)d;
}

static Value int_bit_length(int n, const Value *a) {
  (void)n;
  if (is_big(int_plain(a[0]))) return int_from_i64(big_bit_length(int_plain(a[0])));
  int64_t x = int_as_i64(a[0]);
  uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
  int bits = 0;
  while (u) { bits++; u >>= 1; }
  return MK_SMALL(bits);
}

static Value int_bit_count(int n, const Value *a) {
  (void)n;
  int64_t x = int_as_i64(a[0]);
  uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
  return MK_SMALL(__builtin_popcountll(u));
}

static bool byteorder_little(Value v) {
  if (!isinst(v, &str_type)) raise_msg(&TypeError_type, "byteorder must be str");
  if (!strcmp(str_cstr(v), "little")) return true;
  if (!strcmp(str_cstr(v), "big")) return false;
  raise_msg(&ValueError_type, "byteorder must be either 'little' or 'big'");
}

static Value int_to_bytes(int nargs, int nkw, const Value *a) {
  Value lenv = nargs > 1 ? a[1] : kwarg_find(nargs, nkw, a, intern_cstr("length"));
  Value bo = nargs > 2 ? a[2] : kwarg_find(nargs, nkw, a, intern_cstr("byteorder"));
  Value sg = kwarg_find(nargs, nkw, a, intern_cstr("signed"));
  intptr_t len = lenv ? py_index(lenv) : 1;
  bool little = bo ? byteorder_little(bo) : false;
  bool sign = sg && py_truth(sg);
  int64_t x = int_as_i64(a[0]);
  if (x < 0 && !sign) raise_msg(&OverflowError_type, "can't convert negative int to unsigned");
  if (len < 0) raise_msg(&ValueError_type, "length argument must be non-negative");
  if (len < 8) {
    int64_t lim = (int64_t)1 << (8 * len);
    if (sign ? (x >= lim / 2 || x < -(lim / 2)) : (x >= lim)) raise_msg(&OverflowError_type, "int too big to convert");
  }
  uint8_t *buf = gc_alloc((size_t)len + 1);
  uint64_t u = (uint64_t)x;
  for (intptr_t i = 0; i < len; i++) {
    uint8_t byte = i < 8 ? (uint8_t)(u >> (8 * i)) : (x < 0 ? 0xff : 0);
    buf[little ? i : len - 1 - i] = byte;
  }
  return bytes_new(buf, (size_t)len);
}

static Value int_from_bytes(int nargs, int nkw, const Value *a) {
  /* classmethod: a[0] is the class */
  if (nargs < 2) raise_msg(&TypeError_type, "from_bytes() missing required argument 'bytes'");
  Value bo = nargs > 2 ? a[2] : kwarg_find(nargs, nkw, a, intern_cstr("byteorder"));
  Value sg = kwarg_find(nargs, nkw, a, intern_cstr("signed"));
  bool little = bo ? byteorder_little(bo) : false;
  const uint8_t *d;
  size_t n;
  Value src = a[1];
  if (!get_buffer(src, &d, &n)) {
    src = bytes_from_value(src, &bytes_type);
    get_buffer(src, &d, &n);
  }
  uint64_t u = 0;
  size_t sig = 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t byte = little ? d[n - 1 - i] : d[i];
    if (sig == 0 && byte == 0) continue;
    if (++sig > 8) overflow();
    u = (u << 8) | byte;
  }
  bool neg = false;
  if (sg && py_truth(sg) && n > 0 && n <= 8) {
    uint8_t top = little ? d[n - 1] : d[0];
    if (top & 0x80) {
      if (n < 8) u |= ~(uint64_t)0 << (8 * n);
      neg = true;
    }
  }
  if (!neg && u > (uint64_t)INT64_MAX) overflow();
  Value r = int_from_i64((int64_t)u);
  /* a subclass's from_bytes gives cls(value), as CPython's */
  return a[0] == V(&int_type) ? r : py_call1(a[0], r);
}

/* round() of an int subclass instance rounds its plain value (the builtin returns ints as is) */
static Value int_round(int n, const Value *a) {
  Value args[2] = {int_plain(a[0]), n > 1 ? a[1] : NONE};
  return py_call(dict_get_str(vm.builtins, intern_cstr("round")), n, 0, args);
}

static Value int_conjugate(int n, const Value *a) { (void)n; Value v = int_plain(a[0]); return is_big(v) ? v : int_from_i64(int_as_i64(v)); }
static Value int_index_m(int n, const Value *a) { (void)n; Value v = int_plain(a[0]); return is_big(v) ? v : int_from_i64(int_as_i64(v)); }
static Value int_zero(int n, const Value *a) { (void)n; (void)a; return MK_SMALL(0); }
static Value int_one(int n, const Value *a) { (void)n; (void)a; return MK_SMALL(1); }
static Value int_ratio(int n, const Value *a) {
  (void)n;
  Value v = int_plain(a[0]);
  return tuple2(v == TRUE_V ? MK_SMALL(1) : v == FALSE_V ? MK_SMALL(0) : v, MK_SMALL(1));
}

static Value int_getattr(Value v, Value name) {
  if (name == N.real) return is_big(v) ? v : int_from_i64(int_as_i64(v));
  if (name == N.imag) return MK_SMALL(0);
  return generic_getattr(v, name);
}

static bool int_truth(Value v) { return int_plain(v) != MK_SMALL(0) && v != FALSE_V; }

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, 1, 1, 0, MK_METHOD},
    {"bit_count", int_bit_count, 1, 1, 0, MK_METHOD},
    {"to_bytes", int_to_bytes, 1, 3, 1, MK_METHOD},
    {"from_bytes", int_from_bytes, 1, 3, 1, MK_CLASS},
    {"conjugate", int_conjugate, 1, 1, 0, MK_METHOD},
    {"as_integer_ratio", int_ratio, 1, 1, 0, MK_METHOD},
    {"__round__", int_round, 1, 2, 0, MK_METHOD},
    {"__index__", int_index_m, 1, 1, 0, MK_METHOD},
    {"__int__", int_index_m, 1, 1, 0, MK_METHOD},
    {"numerator", int_conjugate, 1, 1, 0, MK_PROPERTY},
    {"denominator", int_one, 1, 1, 0, MK_PROPERTY},
    {"__zero__", int_zero, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value int_binop_slot(int op, Value a, Value b) { return int_binop(op, a, b); }

Type int_type = {
    .hdr = {&type_type}, .name = "int", .base = &object_type, .flags = TF_BASETYPE | TF_IMMUT, .inst_size = sizeof(Big),
    .make_new = int_make, .repr = int_repr, .hash = int_hash, .richcmp = int_richcmp,
    .binop = int_binop_slot, .unop = int_unop, .getattr = int_getattr, .truth = int_truth,
};

/* ---- bool --------------------------------------------------------------------------------- */
Obj true_obj = {&bool_type}, false_obj = {&bool_type};

static Value bool_repr(Value v) { return str_from_cstr(v == TRUE_V ? "True" : "False"); }
static Value bool_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("bool", nargs, 0, 1);
  return PYBOOL(nargs && py_truth(args[0]));
}

Type bool_type = {
    .hdr = {&type_type}, .name = "bool", .base = &int_type, .inst_size = sizeof(Obj),
    .make_new = bool_make, .repr = bool_repr, .hash = int_hash, .richcmp = int_richcmp,
    .binop = int_binop_slot, .unop = int_unop, .getattr = int_getattr, .truth = int_truth,
};

void int_init(void) { type_add_methods(&int_type, int_methods); }
