/* Arbitrary-precision integers: schoolbook algorithms over base-2**32 magnitudes.  Results that
 * fit in a tagged small int are always returned as small ints (normalised), so a Big is only
 * ever seen for |x| beyond the small range. */
#include "bigint.h"

#include <math.h>

typedef struct { bool neg; size_t n; const uint32_t *d; uint32_t tmp[2]; } View;

static void view(Value v, View *w) {
  if (is_big(v)) {
    Big *b = (Big *)v;
    w->neg = b->neg;
    w->n = b->n;
    w->d = b->d;
    return;
  }
  int64_t x = IS_SMALL(v) ? SMALL_VAL(v) : (v == TRUE_V ? 1 : 0);
  uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
  w->neg = x < 0;
  w->tmp[0] = (uint32_t)m;
  w->tmp[1] = (uint32_t)(m >> 32);
  w->n = m == 0 ? 0 : (m >> 32) ? 2 : 1;
  w->d = w->tmp;
}

static Value make(bool neg, const uint32_t *d, size_t n) {
  while (n > 0 && d[n - 1] == 0) n--;
  if (n == 0) return MK_SMALL(0);
  if (n <= 2) {
    uint64_t m = d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0);
    if (m <= (uint64_t)SMALL_MAX) return MK_SMALL(neg ? -(intptr_t)m : (intptr_t)m);
    if (neg && m == (uint64_t)SMALL_MAX + 1) return MK_SMALL(SMALL_MIN);
  }
  Big *b = gc_alloc_leaf(sizeof(Big) + n * sizeof(uint32_t));
  b->hdr.type = &int_type;
  b->neg = neg;
  b->n = (uint32_t)n;
  memcpy(b->d, d, n * sizeof(uint32_t));
  return V(b);
}

Value big_from_i64(int64_t x) {
  if (FITS_SMALL(x)) return MK_SMALL(x);
  uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
  uint32_t d[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
  return make(x < 0, d, 2);
}

bool big_to_i64(Value v, int64_t *out) {
  View w;
  view(v, &w);
  if (w.n > 2) return false;
  uint64_t m = w.n ? w.d[0] | (w.n == 2 ? (uint64_t)w.d[1] << 32 : 0) : 0;
  if (w.neg) {
    if (m > (uint64_t)INT64_MAX + 1) return false;
    *out = (int64_t)(0 - m);
  } else {
    if (m > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)m;
  }
  return true;
}

bool big_is_neg(Value v) {
  View w;
  view(v, &w);
  return w.neg;
}

/* ---- magnitudes --------------------------------------------------------------------------- */
static int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  for (size_t i = an; i > 0; i--)
    if (a[i - 1] != b[i - 1]) return a[i - 1] < b[i - 1] ? -1 : 1;
  return 0;
}

static size_t mag_add(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out) {
  if (an < bn) { const uint32_t *t = a; a = b; b = t; size_t tn = an; an = bn; bn = tn; }
  uint64_t carry = 0;
  for (size_t i = 0; i < an; i++) {
    uint64_t s = (uint64_t)a[i] + (i < bn ? b[i] : 0) + carry;
    out[i] = (uint32_t)s;
    carry = s >> 32;
  }
  out[an] = (uint32_t)carry;
  return an + 1;
}

/* a >= b */
static size_t mag_sub(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out) {
  int64_t borrow = 0;
  for (size_t i = 0; i < an; i++) {
    int64_t s = (int64_t)a[i] - (i < bn ? b[i] : 0) - borrow;
    borrow = s < 0;
    out[i] = (uint32_t)(s + (borrow ? ((int64_t)1 << 32) : 0));
  }
  return an;
}

static Value add_signed(View *a, View *b, bool bneg) {
  uint32_t *out = gc_alloc((a->n > b->n ? a->n : b->n) * 4 + 8);
  if (a->neg == bneg) {
    size_t n = mag_add(a->d, a->n, b->d, b->n, out);
    return make(a->neg, out, n);
  }
  int c = mag_cmp(a->d, a->n, b->d, b->n);
  if (c == 0) return MK_SMALL(0);
  if (c > 0) return make(a->neg, out, mag_sub(a->d, a->n, b->d, b->n, out));
  return make(bneg, out, mag_sub(b->d, b->n, a->d, a->n, out));
}

Value big_add(Value x, Value y) {
  View a, b;
  view(x, &a);
  view(y, &b);
  return add_signed(&a, &b, b.neg);
}

Value big_sub(Value x, Value y) {
  View a, b;
  view(x, &a);
  view(y, &b);
  return add_signed(&a, &b, !b.neg);
}

static size_t mag_mul(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *out) {
  memset(out, 0, (an + bn) * sizeof(uint32_t));
  for (size_t i = 0; i < an; i++) {
    uint64_t carry = 0;
    for (size_t j = 0; j < bn; j++) {
      uint64_t t = (uint64_t)a[i] * b[j] + out[i + j] + carry;
      out[i + j] = (uint32_t)t;
      carry = t >> 32;
    }
    out[i + bn] = (uint32_t)carry;
  }
  return an + bn;
}

Value big_mul(Value x, Value y) {
  View a, b;
  view(x, &a);
  view(y, &b);
  if (a.n == 0 || b.n == 0) return MK_SMALL(0);
  uint32_t *out = gc_alloc((a.n + b.n) * 4 + 4);
  size_t n = mag_mul(a.d, a.n, b.d, b.n, out);
  return make(a.neg != b.neg, out, n);
}

/* divide magnitude by a single limb in place; returns the remainder */
static uint32_t mag_divsmall(uint32_t *a, size_t n, uint32_t d) {
  uint64_t r = 0;
  for (size_t i = n; i > 0; i--) {
    uint64_t cur = (r << 32) | a[i - 1];
    a[i - 1] = (uint32_t)(cur / d);
    r = cur % d;
  }
  return (uint32_t)r;
}

/* q = a / b, r = a % b on magnitudes (shift-subtract; fine for the sizes scripts use) */
static void mag_divmod(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *q, uint32_t *r, size_t *rn) {
  memset(q, 0, an * sizeof(uint32_t));
  if (bn == 1) {
    memcpy(q, a, an * sizeof(uint32_t));
    r[0] = mag_divsmall(q, an, b[0]);
    *rn = 1;
    return;
  }
  size_t n = 0; /* current remainder length */
  memset(r, 0, (bn + 1) * sizeof(uint32_t));
  for (size_t bit = an * 32; bit > 0; bit--) {
    size_t i = bit - 1;
    /* r = r << 1 | bit i of a */
    uint32_t carry = (a[i / 32] >> (i % 32)) & 1;
    for (size_t k = 0; k < n + 1 && k <= bn; k++) {
      uint32_t nc = r[k] >> 31;
      r[k] = (r[k] << 1) | carry;
      carry = nc;
    }
    n = bn + 1;
    while (n > 0 && r[n - 1] == 0) n--;
    if (mag_cmp(r, n, b, bn) >= 0) {
      mag_sub(r, n, b, bn, r);
      while (n > 0 && r[n - 1] == 0) n--;
      q[i / 32] |= (uint32_t)1 << (i % 32);
    }
  }
  *rn = n;
}

void big_divmod(Value x, Value y, Value *qout, Value *rout) {
  View a, b;
  view(x, &a);
  view(y, &b);
  if (b.n == 0) raise_msg(&ZeroDivisionError_type, "integer division or modulo by zero");
  if (a.n == 0) {
    *qout = *rout = MK_SMALL(0);
    return;
  }
  uint32_t *q = gc_alloc(a.n * 4 + 4);
  uint32_t *r = gc_alloc((b.n + 2) * 4);
  size_t rn = 0;
  if (mag_cmp(a.d, a.n, b.d, b.n) < 0) {
    memcpy(r, a.d, a.n * 4);
    rn = a.n;
  } else {
    mag_divmod(a.d, a.n, b.d, b.n, q, r, &rn);
  }
  Value qv = make(false, q, a.n), rv = make(false, r, rn);
  bool rzero = rv == MK_SMALL(0);
  if (a.neg != b.neg) {
    if (!rzero) {
      qv = big_add(qv, MK_SMALL(1));
      rv = big_sub(make(false, b.d, b.n), rv);
    }
    qv = big_neg(qv);
  }
  if (b.neg && rv != MK_SMALL(0)) rv = big_neg(rv);
  *qout = qv;
  *rout = rv;
}

Value big_neg(Value x) {
  View a;
  view(x, &a);
  return make(!a.neg, a.d, a.n);
}

int big_cmp(Value x, Value y) {
  View a, b;
  view(x, &a);
  view(y, &b);
  if (a.n == 0 && b.n == 0) return 0;
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  int c = mag_cmp(a.d, a.n, b.d, b.n);
  return a.neg ? -c : c;
}

Value big_pow(Value base, int64_t e) {
  Value r = MK_SMALL(1);
  while (e > 0) {
    if (e & 1) r = big_mul(r, base);
    e >>= 1;
    if (e) base = big_mul(base, base);
  }
  return r;
}

Value big_shift(Value x, int64_t s) {
  View a;
  view(x, &a);
  if (a.n == 0) return MK_SMALL(0);
  if (s > 0) {
    if (s > (int64_t)1 << 24) raise_type(&MemoryError_type);
    size_t limbs = (size_t)s / 32, bits = (size_t)s % 32;
    uint32_t *out = gc_alloc((a.n + limbs + 1) * 4);
    for (size_t i = 0; i < a.n; i++) {
      uint64_t v = (uint64_t)a.d[i] << bits;
      out[i + limbs] |= (uint32_t)v;
      out[i + limbs + 1] |= (uint32_t)(v >> 32);
    }
    return make(a.neg, out, a.n + limbs + 1);
  }
  s = -s;
  if (a.neg) {
    /* floor: -((-x - 1) >> s) - 1 */
    Value t = big_shift(big_sub(big_neg(x), MK_SMALL(1)), -s);
    return big_sub(big_neg(t), MK_SMALL(1));
  }
  size_t limbs = (size_t)s / 32, bits = (size_t)s % 32;
  if (limbs >= a.n) return MK_SMALL(0);
  size_t n = a.n - limbs;
  uint32_t *out = gc_alloc(n * 4 + 4);
  for (size_t i = 0; i < n; i++) {
    uint64_t v = a.d[i + limbs] | (i + limbs + 1 < a.n ? (uint64_t)a.d[i + limbs + 1] << 32 : 0);
    out[i] = (uint32_t)(v >> bits);
  }
  return make(false, out, n);
}

/* two's complement limbs of length n */
static void to_twos(View *a, uint32_t *out, size_t n) {
  for (size_t i = 0; i < n; i++) out[i] = i < a->n ? a->d[i] : 0;
  if (a->neg) {
    uint64_t carry = 1;
    for (size_t i = 0; i < n; i++) {
      uint64_t v = (uint64_t)(uint32_t)~out[i] + carry;
      out[i] = (uint32_t)v;
      carry = v >> 32;
    }
  }
}

Value big_bitop(int op, Value x, Value y) {
  View a, b;
  view(x, &a);
  view(y, &b);
  size_t n = (a.n > b.n ? a.n : b.n) + 1;
  uint32_t *p = gc_alloc(n * 4), *q = gc_alloc(n * 4);
  to_twos(&a, p, n);
  to_twos(&b, q, n);
  for (size_t i = 0; i < n; i++) p[i] = op == BIN_AND ? (p[i] & q[i]) : op == BIN_OR ? (p[i] | q[i]) : (p[i] ^ q[i]);
  bool neg = (p[n - 1] >> 31) != 0;
  if (neg) {
    uint64_t carry = 1;
    for (size_t i = 0; i < n; i++) {
      uint64_t v = (uint64_t)(uint32_t)~p[i] + carry;
      p[i] = (uint32_t)v;
      carry = v >> 32;
    }
  }
  return make(neg, p, n);
}

Value big_to_str(Value v, int base) {
  View a;
  view(v, &a);
  if (a.n == 0) return str_from_cstr("0");
  uint32_t chunk = base, per = 1;
  while ((uint64_t)chunk * (uint64_t)base <= 0xffffffffu) { chunk *= (uint32_t)base; per++; }
  uint32_t *t = gc_alloc(a.n * 4);
  memcpy(t, a.d, a.n * 4);
  size_t n = a.n;
  size_t cap = a.n * 32 + 4;
  char *buf = gc_alloc(cap);
  size_t pos = cap;
  while (n > 0) {
    uint32_t r = mag_divsmall(t, n, chunk);
    while (n > 0 && t[n - 1] == 0) n--;
    for (uint32_t k = 0; k < per; k++) {
      if (n == 0 && r == 0) break;
      uint32_t dd = r % (uint32_t)base;
      buf[--pos] = (char)(dd < 10 ? '0' + dd : 'a' + dd - 10);
      r /= (uint32_t)base;
    }
  }
  if (a.neg) buf[--pos] = '-';
  return str_new(buf + pos, cap - pos);
}

Value big_from_digits(const char *s, size_t len, int base, bool neg) {
  size_t cap = len / 8 + 2;
  uint32_t *d = gc_alloc(cap * 4);
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '_') continue;
    uint32_t v = (uint32_t)(c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    uint64_t carry = v;
    for (size_t k = 0; k < n; k++) {
      uint64_t t = (uint64_t)d[k] * (uint32_t)base + carry;
      d[k] = (uint32_t)t;
      carry = t >> 32;
    }
    if (carry) d[n++] = (uint32_t)carry;
  }
  return make(neg, d, n);
}

double big_to_double(Value v) {
  View a;
  view(v, &a);
  double r = 0;
  for (size_t i = a.n; i > 0; i--) r = r * 4294967296.0 + a.d[i - 1];
  if (isinf(r)) raise_msg(&OverflowError_type, "int too large to convert to float");
  return a.neg ? -r : r;
}

Value big_from_double(double d) {
  bool neg = d < 0;
  d = fabs(trunc(d));
  /* d = mant * 2^shift exactly, with a 53-bit integer mant: place mant's bits at shift. (Dividing
   * by powers of two overflows to inf above 2^1023 and poisons every limb with NaN.) */
  int e;
  double m = frexp(d, &e);
  uint64_t mant = (uint64_t)ldexp(m, 53);
  int shift = e - 53;
  if (shift < 0) {
    mant >>= -shift; /* d is an integer, so only zero bits are dropped */
    shift = 0;
  }
  size_t n = (size_t)shift / 32 + 3;
  uint32_t *out = gc_alloc(n * 4); /* zeroed by the allocator */
  size_t limb = (size_t)shift / 32;
  unsigned bit = (unsigned)shift % 32;
  out[limb] = (uint32_t)(mant << bit);
  out[limb + 1] = bit ? (uint32_t)(mant >> (32 - bit)) : (uint32_t)(mant >> 32);
  out[limb + 2] = bit ? (uint32_t)(mant >> (64 - bit)) : 0;
  return make(neg, out, n);
}

intptr_t big_hash(Value v) {
  View a;
  view(v, &a);
  /* h = (h * 2^32 + digit) mod P for the Mersenne prime P = 2^61 - 1, as CPython hashes ints.
     Multiplying by 2^32 modulo 2^61 - 1 is a 61-bit rotation, so 64-bit arithmetic suffices
     (no __int128 on the Cortex-M3). */
  const uint64_t P = ((uint64_t)1 << 61) - 1;
  uint64_t h = 0;
  for (size_t i = a.n; i > 0; i--) {
    h = ((h << 32) & P) | (h >> 29);
    h += a.d[i - 1];
    if (h >= P) h -= P;
  }
  int64_t r = (int64_t)h;
  if (a.neg) r = -r;
  return r == -1 ? -2 : (intptr_t)r;
}

int64_t big_bit_length(Value v) {
  View a;
  view(v, &a);
  if (a.n == 0) return 0;
  uint32_t top = a.d[a.n - 1];
  int bits = 0;
  while (top) { bits++; top >>= 1; }
  return (int64_t)(a.n - 1) * 32 + bits;
}
