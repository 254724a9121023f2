/* float: IEEE double.  repr() is the shortest string that round-trips (as CPython's repr),
 * found by trying increasing precision with %.*e and checking strtod. */
#include "py.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

Value float_new(double d) {
  Float *f = gc_alloc_leaf(sizeof(Float));
  f->hdr.type = &float_type;
  f->v = d;
  return V(f);
}

bool is_number(Value v) { return is_int(v) || isinst(v, &float_type); }

double float_val(Value v) {
  if (IS_SMALL(v)) return (double)SMALL_VAL(v);
  Type *t = type_of(v);
  if (t == &float_type || isinst(v, &float_type)) return ((Float *)v)->v;
  if (is_int(v)) return int_to_double(v);
  if (t->flags & TF_HEAP) {
    Value m = lookup_mro(t, N.__float__);
    if (m) return float_val(py_call1(m, v));
    m = lookup_mro(t, N.__index__);
    if (m) return float_val(py_call1(m, v));
  }
  raise_msg(&TypeError_type, "must be real number, not %s", t->name);
}

void float_repr_buf(double d, char *out, size_t outn) {
  if (isnan(d)) { snprintf(out, outn, "nan"); return; }
  if (isinf(d)) { snprintf(out, outn, d < 0 ? "-inf" : "inf"); return; }
  if (d == 0) { snprintf(out, outn, signbit(d) ? "-0.0" : "0.0"); return; }
  char tmp[40];
  for (int p = 1; p <= 17; p++) {
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, d);
    if (strtod(tmp, NULL) == d) break;
  }
  /* tmp is [-]d[.ddd]e[+-]XX */
  char digits[24];
  int nd = 0;
  const char *p = tmp;
  bool neg = false;
  if (*p == '-') { neg = true; p++; }
  while (*p && *p != 'e') {
    if (*p != '.') digits[nd++] = *p;
    p++;
  }
  int e = atoi(p + 1);
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  digits[nd] = 0;
  char *o = out;
  char *lim = out + outn - 1;
#define PUT(c) do { if (o < lim) *o++ = (c); } while (0)
  if (neg) PUT('-');
  if (e >= -5 + 1 && e < 16) {
    if (e >= 0) {
      for (int i = 0; i <= e; i++) PUT(i < nd ? digits[i] : '0');
      PUT('.');
      if (nd > e + 1) for (int i = e + 1; i < nd; i++) PUT(digits[i]);
      else PUT('0');
    } else {
      PUT('0');
      PUT('.');
      for (int i = 0; i < -e - 1; i++) PUT('0');
      for (int i = 0; i < nd; i++) PUT(digits[i]);
    }
  } else {
    PUT(digits[0]);
    if (nd > 1) {
      PUT('.');
      for (int i = 1; i < nd; i++) PUT(digits[i]);
    }
    PUT('e');
    PUT(e < 0 ? '-' : '+');
    int ae = e < 0 ? -e : e;
    char eb[8];
    int en = snprintf(eb, sizeof eb, "%02d", ae);
    for (int i = 0; i < en; i++) PUT(eb[i]);
  }
  *o = 0;
#undef PUT
}

static Value float_repr(Value v) {
  char buf[40];
  float_repr_buf(((Float *)v)->v, buf, sizeof buf);
  return str_new(buf, strlen(buf));
}

static intptr_t float_hash(Value v) {
  double d = ((Float *)v)->v;
  if (d == floor(d) && fabs(d) < 9.2e18) {
    int64_t i = (int64_t)d;
    return py_hash(int_from_i64(i));
  }
  if (isnan(d)) return (intptr_t)(v >> 4);
  if (isinf(d)) return d > 0 ? 314159 : -314159;
  union { double d; uint64_t u; } u = {d};
  intptr_t h = (intptr_t)(u.u ^ (u.u >> 29));
  return h == -1 ? -2 : h;
}

static double fmod_py(double x, double y) {
  double m = fmod(x, y);
  if (m != 0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = copysign(0.0, y);
  }
  return m;
}

static double floordiv_py(double x, double y) {
  double mod = fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
  if (div == 0) return copysign(0.0, x / y);
  double fl = floor(div);
  if (div - fl > 0.5) fl += 1.0;
  return fl;
}

Value float_binop(int op, Value a, Value b) {
  if (!is_number(a) || !is_number(b)) return VNULL;
  double x = float_val(a), y = float_val(b);
  switch (op & 15) {
    case BIN_ADD: return float_new(x + y);
    case BIN_SUB: return float_new(x - y);
    case BIN_MUL: return float_new(x * y);
    case BIN_TRUEDIV:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "float division by zero");
      return float_new(x / y);
    case BIN_FLOORDIV:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "float floor division by zero");
      return float_new(floordiv_py(x, y));
    case BIN_MOD:
      if (y == 0) raise_msg(&ZeroDivisionError_type, "float modulo");
      return float_new(fmod_py(x, y));
    case BIN_POW:
      if (x == 0 && y < 0) raise_msg(&ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
      if (x < 0 && y != floor(y)) raise_msg(&ValueError_type, "math domain error (complex result not supported)");
      return float_new(pow(x, y));
    default: return VNULL;
  }
}

static Value float_binop_slot(int op, Value a, Value b) { return float_binop(op, a, b); }

static Value float_richcmp(Value a, Value b, int op) {
  if (!is_number(b)) return VNULL;
  double x = ((Float *)a)->v;
  double y;
  if (is_int(b) && !IS_SMALL(b) && OBJ(b)->type == &int_type && !(SMALL_MIN <= 0 && 0)) {
    /* big ints: compare as doubles (exact enough away from the 2**53 boundary) */
    int64_t tmp;
    extern bool big_to_i64(Value v, int64_t *out);
    if (!big_to_i64(b, &tmp)) {
      extern int64_t big_bit_length(Value v);
      extern bool big_is_neg(Value v);
      double bd = big_bit_length(b) > 1024 ? (big_is_neg(b) ? -INFINITY : INFINITY) : int_to_double(b);
      x = ((Float *)a)->v;
      switch (op) {
        case CMP_LT: return PYBOOL(x < bd);
        case CMP_LE: return PYBOOL(x <= bd);
        case CMP_EQ: return PYBOOL(x == bd);
        case CMP_NE: return PYBOOL(x != bd);
        case CMP_GT: return PYBOOL(x > bd);
        default: return PYBOOL(x >= bd);
      }
    }
  }
  if (is_int(b)) {
    int64_t i = int_as_i64(b);
    if (i > (1LL << 53) || i < -(1LL << 53)) {
      /* long double is exact for 64-bit ints on the host; on the board it degrades to double */
      long double lx = x, ly = (long double)i;
      switch (op) {
        case CMP_LT: return PYBOOL(lx < ly);
        case CMP_LE: return PYBOOL(lx <= ly);
        case CMP_EQ: return PYBOOL(lx == ly);
        case CMP_NE: return PYBOOL(lx != ly);
        case CMP_GT: return PYBOOL(lx > ly);
        default: return PYBOOL(lx >= ly);
      }
    }
    y = (double)i;
  } else {
    y = ((Float *)b)->v;
  }
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

static Value float_unop(int op, Value a) {
  double x = ((Float *)a)->v;
  if (op == UN_NEG) return float_new(-x);
  if (op == UN_POS) return is_type(a, &float_type) ? a : float_new(x); /* a subclass gives a float */
  return VNULL;
}

static bool float_truth(Value v) { return ((Float *)v)->v != 0; }

static Value parse_float_str(const char *s, size_t len) {
  char buf[128];
  const char *p = s, *end = s + len;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) end--;
  size_t n = 0;
  bool ok = end > p && (size_t)(end - p) < sizeof buf;
  for (const char *q = p; ok && q < end; q++) {
    if (*q == '_') {
      if (q == p || q + 1 == end || !(q[-1] >= '0' && q[-1] <= '9') || !(q[1] >= '0' && q[1] <= '9')) ok = false;
      continue;
    }
    buf[n++] = *q;
  }
  if (ok) {
    buf[n] = 0;
    const char *b = buf;
    bool neg = false;
    if (*b == '+' || *b == '-') neg = *b++ == '-';
    if (!strcasecmp(b, "inf") || !strcasecmp(b, "infinity")) return float_new(neg ? -INFINITY : INFINITY);
    if (!strcasecmp(b, "nan")) return float_new(neg ? -NAN : NAN);
    bool digit = false;
    for (const char *q = b; *q; q++) {
      if (*q >= '0' && *q <= '9') digit = true;
      else if (!(*q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-')) ok = false;
    }
    if (ok && digit) {
      char *e;
      double d = strtod(buf, &e);
      if (*e == 0) return float_new(d);
    }
  }
  Value r = repr_str(str_new(s, len));
  raise_msg(&ValueError_type, "could not convert string to float: %s", str_cstr(r));
}

static Value float_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  arg_check("float", nargs, 0, 1);
  if (nargs == 0) return float_new(0.0);
  Value x = args[0];
  if (is_type(x, &float_type)) return x;
  if (isinst(x, &str_type)) return parse_float_str(str_cstr(x), str_len(x));
  const uint8_t *d;
  size_t n;
  if (!IS_SMALL(x) && (isinst(x, &bytes_type) || type_of(x) == &bytearray_type) && get_buffer(x, &d, &n))
    return parse_float_str((const char *)d, n);
  if (is_int(x)) return float_new(int_to_double(x));
  return float_new(float_val(x));
}

static Value float_is_integer(int n, const Value *a) {
  (void)n;
  double d = ((Float *)a[0])->v;
  return PYBOOL(isfinite(d) && d == floor(d));
}

static Value float_as_integer_ratio(int n, const Value *a) {
  (void)n;
  double d = ((Float *)a[0])->v;
  if (!isfinite(d)) raise_msg(isnan(d) ? &ValueError_type : &OverflowError_type, "cannot convert to integer ratio");
  int e;
  double m = frexp(d, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2; e--; }
  int64_t num = (int64_t)m;
  int64_t den = 1;
  if (e > 0) {
    for (int i = 0; i < e; i++) if (__builtin_mul_overflow(num, 2, &num)) raise_msg(&OverflowError_type, "integer too large");
  } else {
    for (int i = 0; i < -e; i++) if (__builtin_mul_overflow(den, 2, &den)) raise_msg(&OverflowError_type, "integer too large");
  }
  return tuple2(int_from_i64(num), int_from_i64(den));
}

static Value float_conjugate(int n, const Value *a) { (void)n; return a[0]; }

static Value float_getattr(Value v, Value name) {
  if (name == N.real) return float_unop(UN_POS, v);
  if (name == N.imag) return float_new(0.0);
  return generic_getattr(v, name);
}

static Value float_fromhex_dummy(int n, const Value *a) {
  (void)n;
  const char *s = str_cstr(a[1]);
  char *e;
  double d = strtod(s, &e);
  if (*e) raise_msg(&ValueError_type, "invalid hexadecimal floating-point string");
  return float_new(d);
}

static Value float_hex(int n, const Value *a) {
  (void)n;
  /* CPython's float.hex(): 13 hex digits of fraction, exponent of the leading digit; by hand,
   * since newlib's printf (full or nano) has no %a */
  double d = ((Float *)a[0])->v;
  if (isnan(d)) return str_from_cstr("nan");
  if (isinf(d)) return str_from_cstr(d < 0 ? "-inf" : "inf");
  if (d == 0) return str_from_cstr(signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  int e = (int)(bits >> 52 & 0x7ff);
  char frac[14];
  for (int i = 0; i < 13; i++) frac[i] = "0123456789abcdef"[(bits >> (48 - 4 * i)) & 15];
  frac[13] = 0;
  return str_printf("%s0x%c.%sp%+d", signbit(d) ? "-" : "", e ? '1' : '0', frac, e ? e - 1023 : -1022);
}

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer, 1, 1, 0, MK_METHOD},
    {"as_integer_ratio", float_as_integer_ratio, 1, 1, 0, MK_METHOD},
    {"conjugate", float_conjugate, 1, 1, 0, MK_METHOD},
    {"fromhex", float_fromhex_dummy, 2, 2, 0, MK_CLASS},
    {"hex", float_hex, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type float_type = {
    .hdr = {&type_type}, .name = "float", .base = &object_type, .flags = TF_BASETYPE | TF_IMMUT, .inst_size = sizeof(Float),
    .make_new = float_make, .repr = float_repr, .hash = float_hash, .richcmp = float_richcmp,
    .binop = float_binop_slot, .unop = float_unop, .truth = float_truth, .getattr = float_getattr,
};

void float_init(void) { type_add_methods(&float_type, float_methods); }
