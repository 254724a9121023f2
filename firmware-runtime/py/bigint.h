/* Arbitrary-precision integer arithmetic for ints outside the tagged small-int range. */
#ifndef VBPY_BIGINT_H
#define VBPY_BIGINT_H

#include "py.h"

/* Magnitude in base 2**32, little-endian, no leading zero limbs; never zero. */
typedef struct { Obj hdr; uint32_t neg; uint32_t n; uint32_t d[]; } Big;

static inline bool is_big(Value v) { return !IS_SMALL(v) && OBJ(v)->type == &int_type; }
Value big_from_i64(int64_t x);
bool big_to_i64(Value v, int64_t *out);
Value big_add(Value a, Value b);
Value big_sub(Value a, Value b);
Value big_mul(Value a, Value b);
void big_divmod(Value a, Value b, Value *q, Value *r); /* floor semantics; b != 0 */
Value big_pow(Value a, int64_t e);
int big_cmp(Value a, Value b);
Value big_neg(Value a);
Value big_shift(Value a, int64_t n); /* n > 0: left, n < 0: arithmetic right */
Value big_bitop(int op, Value a, Value b); /* BIN_AND, BIN_OR, BIN_XOR */
Value big_to_str(Value v, int base);
Value big_from_digits(const char *s, size_t n, int base, bool neg); /* digits and '_' only */
double big_to_double(Value v);
Value big_from_double(double d);
intptr_t big_hash(Value v);
int64_t big_bit_length(Value v);
bool big_is_neg(Value v);

#endif
