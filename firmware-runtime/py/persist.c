/* Loader for code objects stored as portable bytes (format in persist.h): frozen modules are
 * rebuilt from their blob at import instead of being compiled from source on the board. */
#include "persist.h"
#include "bytecode.h"

/* one section of the blob (persist.h): a read position and its end */
typedef struct {
  const uint8_t *p, *end;
} Cur;

enum { S_CODE, S_NAMES, S_CONSTS, S_LINES, S_OPS, S_ARGS, S_COUNT }; /* in blob order */

typedef struct {
  Cur s[S_COUNT];
  Value *strs; /* string table */
  size_t nstrs;
  Value filename;
} Rd;

static NORETURN void bad(void) { raise_msg(&ValueError_type, "malformed frozen code"); }

#define NOINLINE __attribute__((noinline))

/* The readers are inlined: they run for every byte of a blob, on every import. */
#define RD_INLINE static inline __attribute__((always_inline))

RD_INLINE const uint8_t *take(Cur *c, size_t n) {
  if ((size_t)(c->end - c->p) < n) bad();
  const uint8_t *q = c->p;
  c->p += n;
  return q;
}

RD_INLINE uint8_t rd_byte(Cur *c) {
  if (c->p >= c->end) bad();
  return *c->p++;
}

static uint64_t rd_u_long(Cur *c, uint64_t v) {
  for (unsigned sh = 7; sh < 64; sh += 7) {
    uint8_t b = rd_byte(c);
    v |= (uint64_t)(b & 0x7f) << sh;
    if (!(b & 0x80)) return v;
  }
  bad();
}

/* most numbers are below 128: one byte, no loop */
RD_INLINE uint64_t rd_u(Cur *c) {
  uint8_t b = rd_byte(c);
  return b & 0x80 ? rd_u_long(c, b & 0x7f) : b;
}

static int64_t rd_z(Cur *c) {
  uint64_t u = rd_u(c);
  return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

static Value rd_str(Rd *r, Cur *c) {
  uint64_t i = rd_u(c);
  if (i >= r->nstrs) bad();
  return r->strs[i];
}

static Value rd_strs(Rd *r) {
  Cur *c = &r->s[S_NAMES];
  size_t n = (size_t)rd_u(c);
  Value t = tuple_new(n);
  for (size_t i = 0; i < n; i++) ((Tuple *)t)->items[i] = rd_str(r, c);
  return t;
}

static Value rd_obj(Rd *r);

static Bytes *bytes_blank(size_t n) {
  Bytes *b = gc_alloc(sizeof(Bytes) + n + 1);
  b->hdr.type = &bytes_type;
  b->len = n;
  return b;
}

/* instructions: the opcodes, and for OP_HAVE_ARG and above the argument as a varint from the
 * other section, back to the VM's fixed 24-bit form so jump targets (absolute offsets) stay
 * valid */
static Value rd_bytecode(Cur *ops, Cur *args, size_t n) {
  Bytes *bc = bytes_blank(n);
  /* the hottest loop of a load: the read positions stay in registers */
  const uint8_t *p = ops->p, *e = ops->end, *q = args->p, *qe = args->end;
  for (uint8_t *d = bc->data, *de = d + n; d < de;) {
    if (p >= e) bad();
    uint8_t op = *p++;
    *d++ = op;
    if (op < OP_HAVE_ARG) continue;
    if (de - d < 3) bad();
    uint32_t a = 0, b;
    unsigned sh = 0;
    do { /* a varint of at most 4 bytes: the argument has 24 bits */
      if (q >= qe || sh > 21) bad();
      b = *q++;
      a |= (b & 0x7f) << sh;
      sh += 7;
    } while (b & 0x80);
    d[0] = (uint8_t)a;
    d[1] = (uint8_t)(a >> 8);
    d[2] = (uint8_t)(a >> 16);
    d += 3;
  }
  ops->p = p;
  args->p = q;
  return V(bc);
}

static Value rd_code(Rd *r) {
  Cur *c = &r->s[S_CODE];
  uint16_t f[7];
  for (int i = 0; i < 7; i++) f[i] = (uint16_t)rd_u(c);
  Code *co = obj_alloc(&code_type, sizeof(Code));
  co->argcount = f[0];
  co->kwonlycount = f[1];
  co->nlocals = f[2];
  co->ncells = f[3];
  co->nfree = f[4];
  co->stacksize = f[5];
  co->flags = f[6];
  co->firstline = (int)rd_u(c);
  co->name = rd_str(r, c);
  co->qualname = rd_str(r, c);
  co->filename = r->filename;
  co->bytecode = rd_bytecode(&r->s[S_OPS], &r->s[S_ARGS], (size_t)rd_u(c));
  /* line table: back to the VM's (uint32 offset, uint32 line) pairs */
  c = &r->s[S_LINES];
  size_t n = (size_t)rd_u(c);
  Bytes *lines = bytes_blank(n * 8);
  uint32_t off = 0, line = 0, *l = (uint32_t *)lines->data;
  for (size_t i = 0; i < n; i++) {
    off += (uint32_t)rd_u(c);
    line += (uint32_t)rd_z(c);
    l[2 * i] = off;
    l[2 * i + 1] = line;
  }
  co->lines = V(lines);
  n = (size_t)rd_u(c);
  if (n) {
    Bytes *c2a = bytes_blank(n * sizeof(int16_t));
    for (size_t i = 0; i < n; i++) ((int16_t *)c2a->data)[i] = (int16_t)rd_z(c);
    co->cell2arg = V(c2a);
  }
  n = (size_t)rd_u(&r->s[S_CONSTS]);
  co->consts = tuple_new(n);
  for (size_t i = 0; i < n; i++) ((Tuple *)co->consts)->items[i] = rd_obj(r);
  co->names = rd_strs(r);
  co->varnames = rd_strs(r);
  co->cellnames = rd_strs(r);
  co->freenames = rd_strs(r);
  return V(co);
}

static Value rd_obj(Rd *r) {
  Cur *c = &r->s[S_CONSTS];
  size_t n;
  switch (rd_byte(c)) {
    case 'N': return NONE;
    case 'T': return TRUE_V;
    case 'F': return FALSE_V;
    case 'E': return ELLIPSIS;
    case 'i': return int_from_i64(rd_z(c));
    case 'I':
      n = (size_t)rd_u(c);
      return int_from_str((const char *)take(c, n), n, 10, true);
    case 'f': {
      const uint8_t *b = take(c, 8);
      uint64_t bits = 0;
      for (int i = 7; i >= 0; i--) bits = bits << 8 | b[i];
      double d;
      memcpy(&d, &bits, sizeof d);
      return float_new(d);
    }
    case 's': return rd_str(r, c);
    case 'b':
      n = (size_t)rd_u(c);
      return bytes_new(take(c, n), n);
    case 't': {
      n = (size_t)rd_u(c);
      Value t = tuple_new(n);
      for (size_t i = 0; i < n; i++) ((Tuple *)t)->items[i] = rd_obj(r);
      return t;
    }
    case 'c': return rd_code(r);
    default: bad();
  }
}

Value persist_load(const uint8_t *blob, size_t len, Value filename) {
  Rd r = {.filename = filename};
  Cur c = {blob, blob + len};
  const uint8_t *h = take(&c, 3);
  if (h[0] != 'V' || h[1] != 'B' || h[2] != PERSIST_VERSION) bad();
  r.nstrs = (size_t)rd_u(&c);
  /* the table is a GC object, so the strings stay alive while the code is being rebuilt */
  Value table = tuple_new(r.nstrs);
  r.strs = ((Tuple *)table)->items;
  for (size_t i = 0; i < r.nstrs; i++) {
    uint64_t h2 = rd_u(&c);
    size_t n = (size_t)(h2 >> 1);
    const char *s = (const char *)take(&c, n);
    r.strs[i] = (h2 & 1) ? intern(s, n) : str_new(s, n);
  }
  /* the sections: the lengths of all but the last, then their bytes */
  size_t lens[S_COUNT - 1];
  for (int i = 0; i < S_COUNT - 1; i++) lens[i] = (size_t)rd_u(&c);
  for (int i = 0; i < S_COUNT - 1; i++) {
    r.s[i].p = take(&c, lens[i]);
    r.s[i].end = c.p;
  }
  r.s[S_COUNT - 1] = c;
  Value code = rd_obj(&r);
  if (!is_type(code, &code_type)) bad();
  for (int i = 0; i < S_COUNT; i++)
    if (r.s[i].p != r.s[i].end) bad();
  return code;
}

/* forward copy, a word at a time while the source is at least a word behind (unaligned loads
 * and stores are allowed on ARMv7-M, A3.2) */
RD_INLINE uint8_t *copy_fwd(uint8_t *o, const uint8_t *s, size_t k) {
  if (o - s >= 4 || s - o >= 4)
    for (; k >= 4; k -= 4, o += 4, s += 4) {
      uint32_t w;
      memcpy(&w, s, 4);
      memcpy(o, &w, 4);
    }
  while (k--) *o++ = *s++;
  return o;
}

/* ---- Packed blobs (persist.h): a raw DEFLATE stream (RFC 1951) ---------------------------
 * Stored, fixed-Huffman and dynamic-Huffman blocks (3.2.4-3.2.7).  Huffman codes are decoded by
 * a table of their next FAST_BITS bits (one look-up for almost every symbol) and, for longer
 * codes, canonically bit by bit (3.2.2).  The tables live on the C stack for one call.  The
 * symbol loop works on a local copy of the bit reader that the compiler keeps in registers: the
 * inlined helpers below take its address, but nothing that is not inlined does. */

typedef struct {
  const uint8_t *p, *end;
  uint32_t bits; /* buffered input, next bit in bit 0 (3.1.1: bits are packed LSB first) */
  unsigned nbits;
} Bits;

/* at least k <= 16 bits buffered, two bytes at a time (one load for about two symbols).  The
 * stream is followed by 3 zero bytes (persist.h), so a look-up ahead of its last code stays in
 * the array: a load happens only below 16 buffered bits, so it ends at most 3 bytes past the
 * last byte a valid stream uses. */
RD_INLINE void fill(Bits *b, unsigned k) {
  if (b->nbits >= k) return;
  if (b->end - b->p < 2) bad();
  b->bits |= (uint32_t)(b->p[0] | b->p[1] << 8) << b->nbits;
  b->p += 2;
  b->nbits += 16;
}

/* k <= 16 bits, first bit lowest */
RD_INLINE unsigned getbits(Bits *b, unsigned k) {
  fill(b, k);
  unsigned v = b->bits & ((1u << k) - 1);
  b->bits >>= k;
  b->nbits -= k;
  return v;
}

/* the same, called: outside the symbol loop speed matters less than size */
static NOINLINE unsigned getbits_call(Bits *b, unsigned k) { return getbits(b, k); }

#define FAST_BITS 10
#define HUFF_ENTRY(len, sym) ((len) << 9 | (sym)) /* 9 bits of symbol (< 288) */
typedef struct {
  uint16_t count[16];            /* codes of each length */
  uint16_t sym[288];             /* symbols in code order (by length, then value: 3.2.2) */
  uint16_t fast[1 << FAST_BITS]; /* next FAST_BITS bits -> HUFF_ENTRY; 0: a longer code */
} Huff;

static void huff_build(Huff *h, const uint8_t *len, unsigned n) {
  uint16_t next[16];
  memset(h->count, 0, sizeof h->count);
  memset(h->fast, 0, sizeof h->fast);
  for (unsigned s = 0; s < n; s++) h->count[len[s]]++;
  h->count[0] = 0;
  next[1] = 0;
  for (unsigned l = 1; l < 15; l++) next[l + 1] = next[l] + h->count[l];
  for (unsigned s = 0; s < n; s++)
    if (len[s]) h->sym[next[len[s]]++] = (uint16_t)s;
  /* codes of one length are consecutive numbers, and the one after the last, followed by a 0,
   * is the first of the next length (3.2.2).  The stream holds codes MSB first, so the table
   * index is the code bit-reversed (rev, counted up in reverse), completed by every value of
   * the bits after it. */
  unsigned rev = 0, i = 0;
  for (unsigned l = 1; l <= FAST_BITS; l++)
    for (unsigned k = 0; k < h->count[l]; k++, i++) {
      for (unsigned j = rev; j < (1u << FAST_BITS); j += 1u << l) h->fast[j] = (uint16_t)HUFF_ENTRY(l, h->sym[i]);
      unsigned bit = 1u << (l - 1);
      while (rev & bit) {
        rev ^= bit;
        bit >>= 1;
      }
      rev |= bit;
    }
}

/* a code longer than FAST_BITS, from the next 15 bits: canonical decoding, one bit at a time
 * (first: the first code of length l, index: its symbol's place); returns a HUFF_ENTRY */
static NOINLINE unsigned huff_slow(uint32_t bits, const Huff *h) {
  unsigned code = 0, first = 0, index = 0;
  for (unsigned l = 1; l < 16; l++, bits >>= 1) {
    code |= bits & 1;
    unsigned count = h->count[l];
    if (code - first < count) return HUFF_ENTRY(l, h->sym[index + code - first]);
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  bad();
}

RD_INLINE unsigned huff_decode(Bits *b, const Huff *h) {
  fill(b, 15); /* the longest code (3.2.7) */
  unsigned e = h->fast[b->bits & ((1u << FAST_BITS) - 1)];
  if (!e) e = huff_slow(b->bits, h);
  b->bits >>= e >> 9;
  b->nbits -= e >> 9;
  return e & 0x1ff;
}

/* code lengths of a dynamic block (3.2.7) into len[0 .. n) */
static NOINLINE void read_lengths(Bits *b, Huff *t, uint8_t *len, unsigned n) {
  static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  unsigned ncl = getbits_call(b, 4) + 4;
  memset(len, 0, 19);
  for (unsigned i = 0; i < ncl; i++) len[order[i]] = (uint8_t)getbits_call(b, 3);
  huff_build(t, len, 19);
  for (unsigned i = 0; i < n;) {
    unsigned s = huff_decode(b, t), rep = 1, v = s;
    if (s == 16) {
      if (!i) bad();
      v = len[i - 1];
      rep = 3 + getbits_call(b, 2);
    } else if (s > 16) {
      v = 0;
      rep = s == 17 ? 3 + getbits_call(b, 3) : 11 + getbits_call(b, 7);
    }
    if (rep > n - i) bad();
    while (rep--) len[i++] = (uint8_t)v;
  }
}

/* the literal/length symbols of one block up to its end code (3.2.5); returns the new o */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
static NOINLINE uint8_t *inflate_block(Bits *bp, const Huff *lit, const Huff *dist, uint8_t *out, uint8_t *o, uint8_t *end) {
  Bits b = *bp;
  for (;;) {
    unsigned s = huff_decode(&b, lit);
    if (s < 256) {
      if (o == end) bad();
      *o++ = (uint8_t)s;
      continue;
    }
    if (s == 256) break;
    /* lengths and distances: a base plus extra bits; beyond the first few codes each group of
     * 4 (lengths) or 2 (distances) codes doubles the step */
    s -= 257;
    size_t k, off;
    if (s < 8) k = s + 3;
    else if (s < 28) k = ((4u + (s & 3)) << ((s - 4) >> 2)) + 3 + getbits(&b, (s - 4) >> 2);
    else if (s == 28) k = 258;
    else bad();
    unsigned d = huff_decode(&b, dist);
    if (d < 4) off = d + 1;
    else if (d < 30) off = ((2u + (d & 1)) << ((d - 2) >> 1)) + 1 + getbits(&b, (d - 2) >> 1);
    else bad();
    if (off > (size_t)(o - out) || k > (size_t)(end - o)) bad();
    o = copy_fwd(o, o - off, k); /* overlapping runs (off < 4) go byte by byte */
  }
  *bp = b;
  return o;
}

static void inflate(Bits *b, uint8_t *out, uint8_t *end) {
  Huff lit, dist;
  uint8_t len[288 + 32];
  uint8_t *o = out;
  unsigned last;
  do {
    last = getbits_call(b, 1);
    unsigned type = getbits_call(b, 2);
    if (type == 0) { /* stored (3.2.4): byte-aligned LEN, NLEN, then LEN bytes */
      b->bits >>= b->nbits & 7;
      b->nbits -= b->nbits & 7;
      unsigned n = getbits_call(b, 16);
      if ((n ^ getbits_call(b, 16)) != 0xffff || n > (size_t)(end - o)) bad();
      while (n--) *o++ = (uint8_t)getbits_call(b, 8);
      continue;
    }
    unsigned nlit = 288, ndist = 30;
    if (type == 1) { /* fixed codes (3.2.6) */
      memset(len, 8, 144);
      memset(len + 144, 9, 112);
      memset(len + 256, 7, 24);
      memset(len + 280, 8, 8);
      memset(len + 288, 5, 30);
    } else if (type == 2) {
      nlit = getbits_call(b, 5) + 257;
      ndist = getbits_call(b, 5) + 1;
      if (nlit > 286 || ndist > 30) bad();
      read_lengths(b, &dist, len, nlit + ndist);
      memmove(len + 288, len + nlit, ndist);
    } else {
      bad();
    }
    huff_build(&lit, len, nlit);
    huff_build(&dist, len + 288, ndist);
    o = inflate_block(b, &lit, &dist, out, o, end);
  } while (!last);
  if (o != end) bad(); /* the output must be exactly the blob */
}

Value persist_load_packed(const uint8_t *packed, size_t len, Value filename) {
  Cur c = {packed, packed + len};
  size_t n = (size_t)rd_u(&c);
  uint8_t *out = gc_alloc(n);
  Bits b = {.p = c.p, .end = c.end};
  inflate(&b, out, out + n);
  Value code = persist_load(out, n, filename);
  gc_free(out);
  return code;
}
