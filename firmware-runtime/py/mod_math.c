/* The math module: the common functions of CPython's math (domain errors as ValueError). */
#include "py.h"

#include <math.h>

static double arg(Value v) { return float_val(v); }
static NORETURN void domain(void) { raise_msg(&ValueError_type, "math domain error"); }
static Value ret(double d) {
  if (isinf(d)) raise_msg(&OverflowError_type, "math range error");
  return float_new(d);
}

#define F1(name, expr, check) \
  static Value m_##name(int n, const Value *a) { (void)n; double x = arg(a[0]); if (check) domain(); return ret(expr); }
F1(sqrt, sqrt(x), x < 0)
F1(exp, exp(x), 0)
F1(sin, sin(x), isinf(x))
F1(cos, cos(x), isinf(x))
F1(tan, tan(x), isinf(x))
F1(asin, asin(x), x < -1 || x > 1)
F1(acos, acos(x), x < -1 || x > 1)
F1(atan, atan(x), 0)
F1(sinh, sinh(x), 0)
F1(cosh, cosh(x), 0)
F1(tanh, tanh(x), 0)
F1(asinh, asinh(x), 0)
F1(acosh, acosh(x), x < 1)
F1(atanh, atanh(x), x <= -1 || x >= 1)
F1(log2, log2(x), x <= 0)
F1(log10, log10(x), x <= 0)
F1(log1p, log1p(x), x <= -1)
F1(expm1, expm1(x), 0)
F1(fabs, fabs(x), 0)
F1(degrees, x * 180.0 / M_PI, 0)
F1(radians, x * M_PI / 180.0, 0)
/* erf, erfc, gamma and lgamma cost ~8 KB of libm text; a port may leave them out, as
 * MicroPython's board ports do (MICROPY_PY_MATH_SPECIAL_FUNCTIONS). */
#ifndef PY_MATH_SPECIAL
#define PY_MATH_SPECIAL 1
#endif
#if PY_MATH_SPECIAL
F1(erf, erf(x), 0)
F1(erfc, erfc(x), 0)
F1(gamma, tgamma(x), (x <= 0 && x == floor(x)))
F1(lgamma, lgamma(x), (x <= 0 && x == floor(x)))
#endif

static Value m_log(int n, const Value *a) {
  double x = arg(a[0]);
  if (x <= 0) domain();
  if (n > 1) {
    double b = arg(a[1]);
    if (b <= 0 || b == 1) {
      if (b == 1) raise_msg(&ZeroDivisionError_type, "float division by zero");
      domain();
    }
    return float_new(log(x) / log(b));
  }
  return float_new(log(x));
}
static Value m_pow(int n, const Value *a) {
  (void)n;
  double x = arg(a[0]), y = arg(a[1]);
  if (x == 0 && y < 0) domain();
  if (x < 0 && y != floor(y) && isfinite(y)) domain();
  return ret(pow(x, y));
}
static Value m_atan2(int n, const Value *a) { (void)n; return float_new(atan2(arg(a[0]), arg(a[1]))); }
static Value m_hypot(int n, const Value *a) {
  double s = 0;
  for (int i = 0; i < n; i++) { double x = arg(a[i]); s += x * x; }
  return float_new(sqrt(s));
}
static Value m_copysign(int n, const Value *a) { (void)n; return float_new(copysign(arg(a[0]), arg(a[1]))); }
static Value m_fmod(int n, const Value *a) {
  (void)n;
  double y = arg(a[1]);
  if (y == 0) domain();
  return float_new(fmod(arg(a[0]), y));
}
static Value to_int_checked(double d) {
  if (isnan(d)) raise_msg(&ValueError_type, "cannot convert float NaN to integer");
  if (isinf(d)) raise_msg(&OverflowError_type, "cannot convert float infinity to integer");
  return int_from_i64(float_to_i64(d));
}
static Value m_floor(int n, const Value *a) {
  (void)n;
  if (is_int(a[0])) return int_from_i64(int_as_i64(a[0]));
  return to_int_checked(floor(arg(a[0])));
}
static Value m_ceil(int n, const Value *a) {
  (void)n;
  if (is_int(a[0])) return int_from_i64(int_as_i64(a[0]));
  return to_int_checked(ceil(arg(a[0])));
}
static Value m_trunc(int n, const Value *a) {
  (void)n;
  if (is_int(a[0])) return int_from_i64(int_as_i64(a[0]));
  return to_int_checked(trunc(arg(a[0])));
}
static Value m_isnan(int n, const Value *a) { (void)n; return PYBOOL(isnan(arg(a[0]))); }
static Value m_isinf(int n, const Value *a) { (void)n; return PYBOOL(isinf(arg(a[0]))); }
static Value m_isfinite(int n, const Value *a) { (void)n; return PYBOOL(isfinite(arg(a[0]))); }
static Value m_isclose(int nargs, int nkw, const Value *a) {
  double x = arg(a[0]), y = arg(a[1]);
  Value rt = kwarg_find(nargs, nkw, a, intern_cstr("rel_tol"));
  Value at = kwarg_find(nargs, nkw, a, intern_cstr("abs_tol"));
  double rel = rt ? arg(rt) : 1e-9, abs_ = at ? arg(at) : 0.0;
  if (x == y) return TRUE_V;
  if (isinf(x) || isinf(y)) return FALSE_V;
  double d = fabs(x - y);
  return PYBOOL(d <= fabs(rel * y) || d <= fabs(rel * x) || d <= abs_);
}
static Value m_modf(int n, const Value *a) {
  (void)n;
  double ip;
  double fp = modf(arg(a[0]), &ip);
  return tuple2(float_new(fp), float_new(ip));
}
static Value m_frexp(int n, const Value *a) {
  (void)n;
  int e;
  double m = frexp(arg(a[0]), &e);
  return tuple2(float_new(m), MK_SMALL(e));
}
static Value m_ldexp(int n, const Value *a) { (void)n; return ret(ldexp(arg(a[0]), (int)py_index(a[1]))); }
static Value m_factorial(int n, const Value *a) {
  (void)n;
  if (!is_int(a[0])) raise_msg(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
  int64_t x = int_as_i64(a[0]);
  if (x < 0) raise_msg(&ValueError_type, "factorial() not defined for negative values");
  Value r = MK_SMALL(1);
  for (int64_t i = 2; i <= x; i++) r = int_binop(BIN_MUL, r, int_from_i64(i));
  return r;
}
static int64_t gcd64(int64_t x, int64_t y) {
  if (x < 0) x = -x;
  if (y < 0) y = -y;
  while (y) { int64_t t = x % y; x = y; y = t; }
  return x;
}
static Value m_gcd(int n, const Value *a) {
  int64_t g = 0;
  for (int i = 0; i < n; i++) g = gcd64(g, py_index(a[i]));
  return int_from_i64(g);
}
static Value m_lcm(int n, const Value *a) {
  int64_t l = 1;
  for (int i = 0; i < n; i++) {
    int64_t x = py_index(a[i]);
    if (x == 0) return MK_SMALL(0);
    l = int_as_i64(int_binop(BIN_MUL, int_from_i64(l / gcd64(l, x)), int_from_i64(x < 0 ? -x : x)));
  }
  return int_from_i64(l);
}
static Value m_isqrt(int n, const Value *a) {
  (void)n;
  int64_t x = py_index(a[0]);
  if (x < 0) raise_msg(&ValueError_type, "isqrt() argument must be nonnegative");
  int64_t r = (int64_t)sqrt((double)x);
  while (r * r > x) r--;
  while ((r + 1) * (r + 1) <= x) r++;
  return int_from_i64(r);
}
static Value m_fsum(int n, const Value *a) {
  (void)n;
  /* Neumaier compensated summation */
  double s = 0, c = 0;
  Value it = py_iter(a[0]), x;
  while ((x = py_next(it))) {
    double v = float_val(x);
    double t = s + v;
    if (fabs(s) >= fabs(v)) c += (s - t) + v;
    else c += (v - t) + s;
    s = t;
  }
  return float_new(s + c);
}
static Value m_prod(int nargs, int nkw, const Value *a) {
  Value st = kwarg_find(nargs, nkw, a, N.start);
  Value acc = st ? st : MK_SMALL(1);
  Value it = py_iter(a[0]), x;
  while ((x = py_next(it))) acc = py_binop(BIN_MUL, acc, x);
  return acc;
}
static Value m_comb(int n, const Value *a) {
  (void)n;
  int64_t N_ = py_index(a[0]), k = py_index(a[1]);
  if (N_ < 0 || k < 0) raise_msg(&ValueError_type, "n must be a non-negative integer");
  if (k > N_) return MK_SMALL(0);
  if (k > N_ - k) k = N_ - k;
  Value r = MK_SMALL(1);
  for (int64_t i = 1; i <= k; i++) {
    r = int_binop(BIN_MUL, r, int_from_i64(N_ - k + i));
    r = int_binop(BIN_FLOORDIV, r, int_from_i64(i));
  }
  return r;
}
static Value m_perm(int n, const Value *a) {
  int64_t N_ = py_index(a[0]), k = n > 1 && a[1] != NONE ? py_index(a[1]) : N_;
  if (N_ < 0 || k < 0) raise_msg(&ValueError_type, "n must be a non-negative integer");
  if (k > N_) return MK_SMALL(0);
  Value r = MK_SMALL(1);
  for (int64_t i = 0; i < k; i++) r = int_binop(BIN_MUL, r, int_from_i64(N_ - i));
  return r;
}
static Value m_dist(int n, const Value *a) {
  (void)n;
  Value p = seq_to_tuple(a[0]), q = seq_to_tuple(a[1]);
  size_t len = ((Tuple *)p)->len;
  if (((Tuple *)q)->len != len) raise_msg(&ValueError_type, "both points must have the same number of dimensions");
  double s = 0;
  for (size_t i = 0; i < len; i++) {
    double d = float_val(((Tuple *)p)->items[i]) - float_val(((Tuple *)q)->items[i]);
    s += d * d;
  }
  return float_new(sqrt(s));
}

static const MethodDef math_defs[] = {
    {"sqrt", m_sqrt, 1, 1, 0, 0}, {"exp", m_exp, 1, 1, 0, 0}, {"sin", m_sin, 1, 1, 0, 0},
    {"cos", m_cos, 1, 1, 0, 0}, {"tan", m_tan, 1, 1, 0, 0}, {"asin", m_asin, 1, 1, 0, 0},
    {"acos", m_acos, 1, 1, 0, 0}, {"atan", m_atan, 1, 1, 0, 0}, {"sinh", m_sinh, 1, 1, 0, 0},
    {"cosh", m_cosh, 1, 1, 0, 0}, {"tanh", m_tanh, 1, 1, 0, 0}, {"asinh", m_asinh, 1, 1, 0, 0},
    {"acosh", m_acosh, 1, 1, 0, 0}, {"atanh", m_atanh, 1, 1, 0, 0}, {"log", m_log, 1, 2, 0, 0},
    {"log2", m_log2, 1, 1, 0, 0}, {"log10", m_log10, 1, 1, 0, 0}, {"log1p", m_log1p, 1, 1, 0, 0},
    {"expm1", m_expm1, 1, 1, 0, 0}, {"fabs", m_fabs, 1, 1, 0, 0}, {"degrees", m_degrees, 1, 1, 0, 0},
    {"radians", m_radians, 1, 1, 0, 0},
#if PY_MATH_SPECIAL
    {"erf", m_erf, 1, 1, 0, 0}, {"erfc", m_erfc, 1, 1, 0, 0},
    {"gamma", m_gamma, 1, 1, 0, 0}, {"lgamma", m_lgamma, 1, 1, 0, 0},
#endif
    {"pow", m_pow, 2, 2, 0, 0},
    {"atan2", m_atan2, 2, 2, 0, 0}, {"hypot", m_hypot, 0, -1, 0, 0},
    {"copysign", m_copysign, 2, 2, 0, 0}, {"fmod", m_fmod, 2, 2, 0, 0},
    {"floor", m_floor, 1, 1, 0, 0}, {"ceil", m_ceil, 1, 1, 0, 0}, {"trunc", m_trunc, 1, 1, 0, 0},
    {"isnan", m_isnan, 1, 1, 0, 0}, {"isinf", m_isinf, 1, 1, 0, 0},
    {"isfinite", m_isfinite, 1, 1, 0, 0}, {"isclose", m_isclose, 2, 2, 1, 0},
    {"modf", m_modf, 1, 1, 0, 0}, {"frexp", m_frexp, 1, 1, 0, 0}, {"ldexp", m_ldexp, 2, 2, 0, 0},
    {"factorial", m_factorial, 1, 1, 0, 0}, {"gcd", m_gcd, 0, -1, 0, 0}, {"lcm", m_lcm, 0, -1, 0, 0},
    {"isqrt", m_isqrt, 1, 1, 0, 0}, {"fsum", m_fsum, 1, 1, 0, 0}, {"prod", m_prod, 1, 1, 1, 0},
    {"comb", m_comb, 2, 2, 0, 0}, {"perm", m_perm, 1, 2, 0, 0}, {"dist", m_dist, 2, 2, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

Value mod_math_init(void) {
  Value m = module_with_defs("math", math_defs);
  Value d = ((Module *)m)->dict;
  dict_set_str(d, "pi", float_new(M_PI));
  dict_set_str(d, "e", float_new(M_E));
  dict_set_str(d, "tau", float_new(2 * M_PI));
  dict_set_str(d, "inf", float_new(INFINITY));
  dict_set_str(d, "nan", float_new(NAN));
  return m;
}
