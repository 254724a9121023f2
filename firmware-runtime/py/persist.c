/* Loader for code objects stored as portable bytes (format in persist.h): frozen modules are
 * rebuilt from their blob at import instead of being compiled from source on the board. */
#include "persist.h"
#include "bytecode.h"

typedef struct {
  const uint8_t *p, *end;
  Value *strs; /* string table */
  size_t nstrs;
  Value filename;
} Rd;

static NORETURN void bad(void) { raise_msg(&ValueError_type, "malformed frozen code"); }

/* The readers are inlined: they run for every byte of a blob, on every import. */
#define RD_INLINE static inline __attribute__((always_inline))

RD_INLINE const uint8_t *take(Rd *r, size_t n) {
  if ((size_t)(r->end - r->p) < n) bad();
  const uint8_t *q = r->p;
  r->p += n;
  return q;
}

RD_INLINE uint8_t rd_byte(Rd *r) {
  if (r->p >= r->end) bad();
  return *r->p++;
}

static uint64_t rd_u_long(Rd *r, uint64_t v) {
  for (unsigned sh = 7; sh < 64; sh += 7) {
    uint8_t b = rd_byte(r);
    v |= (uint64_t)(b & 0x7f) << sh;
    if (!(b & 0x80)) return v;
  }
  bad();
}

/* most numbers are below 128: one byte, no loop */
RD_INLINE uint64_t rd_u(Rd *r) {
  uint8_t b = rd_byte(r);
  return b & 0x80 ? rd_u_long(r, b & 0x7f) : b;
}

static int64_t rd_z(Rd *r) {
  uint64_t u = rd_u(r);
  return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

static Value rd_str(Rd *r) {
  uint64_t i = rd_u(r);
  if (i >= r->nstrs) bad();
  return r->strs[i];
}

static Value rd_strs(Rd *r) {
  size_t n = (size_t)rd_u(r);
  Value t = tuple_new(n);
  for (size_t i = 0; i < n; i++) ((Tuple *)t)->items[i] = rd_str(r);
  return t;
}

static Value rd_obj(Rd *r);

static Bytes *bytes_blank(size_t n) {
  Bytes *b = gc_alloc(sizeof(Bytes) + n + 1);
  b->hdr.type = &bytes_type;
  b->len = n;
  return b;
}

static Value rd_code(Rd *r) {
  uint16_t f[7];
  for (int i = 0; i < 7; i++) f[i] = (uint16_t)rd_u(r);
  Code *co = obj_alloc(&code_type, sizeof(Code));
  co->argcount = f[0];
  co->kwonlycount = f[1];
  co->nlocals = f[2];
  co->ncells = f[3];
  co->nfree = f[4];
  co->stacksize = f[5];
  co->flags = f[6];
  co->firstline = (int)rd_u(r);
  co->name = rd_str(r);
  co->qualname = rd_str(r);
  co->filename = r->filename;
  /* instructions: the opcode, then for OP_HAVE_ARG and above the argument as a varint, back
   * to the VM's fixed 24-bit form so jump targets (absolute offsets) stay valid */
  size_t n = (size_t)rd_u(r);
  Bytes *bc = bytes_blank(n);
  for (size_t i = 0; i < n;) {
    uint8_t op = rd_byte(r);
    bc->data[i++] = op;
    if (op < OP_HAVE_ARG) continue;
    if (i + 3 > n) bad();
    uint32_t a = (uint32_t)rd_u(r);
    bc->data[i++] = (uint8_t)a;
    bc->data[i++] = (uint8_t)(a >> 8);
    bc->data[i++] = (uint8_t)(a >> 16);
  }
  co->bytecode = V(bc);
  /* line table: back to the VM's (uint32 offset, uint32 line) pairs */
  n = (size_t)rd_u(r);
  Bytes *lines = bytes_blank(n * 8);
  uint32_t off = 0, line = 0, *l = (uint32_t *)lines->data;
  for (size_t i = 0; i < n; i++) {
    off += (uint32_t)rd_u(r);
    line += (uint32_t)rd_z(r);
    l[2 * i] = off;
    l[2 * i + 1] = line;
  }
  co->lines = V(lines);
  n = (size_t)rd_u(r);
  if (n) {
    Bytes *c2a = bytes_blank(n * sizeof(int16_t));
    for (size_t i = 0; i < n; i++) ((int16_t *)c2a->data)[i] = (int16_t)rd_z(r);
    co->cell2arg = V(c2a);
  }
  n = (size_t)rd_u(r);
  co->consts = tuple_new(n);
  for (size_t i = 0; i < n; i++) ((Tuple *)co->consts)->items[i] = rd_obj(r);
  co->names = rd_strs(r);
  co->varnames = rd_strs(r);
  co->cellnames = rd_strs(r);
  co->freenames = rd_strs(r);
  return V(co);
}

static Value rd_obj(Rd *r) {
  size_t n;
  switch (rd_byte(r)) {
    case 'N': return NONE;
    case 'T': return TRUE_V;
    case 'F': return FALSE_V;
    case 'E': return ELLIPSIS;
    case 'i': return int_from_i64(rd_z(r));
    case 'I':
      n = (size_t)rd_u(r);
      return int_from_str((const char *)take(r, n), n, 10, true);
    case 'f': {
      const uint8_t *b = take(r, 8);
      uint64_t bits = 0;
      for (int i = 7; i >= 0; i--) bits = bits << 8 | b[i];
      double d;
      memcpy(&d, &bits, sizeof d);
      return float_new(d);
    }
    case 's': return rd_str(r);
    case 'b':
      n = (size_t)rd_u(r);
      return bytes_new(take(r, n), n);
    case 't': {
      n = (size_t)rd_u(r);
      Value t = tuple_new(n);
      for (size_t i = 0; i < n; i++) ((Tuple *)t)->items[i] = rd_obj(r);
      return t;
    }
    case 'c': return rd_code(r);
    default: bad();
  }
}

Value persist_load(const uint8_t *blob, size_t len, Value filename) {
  Rd r = {.p = blob, .end = blob + len, .filename = filename};
  const uint8_t *h = take(&r, 3);
  if (h[0] != 'V' || h[1] != 'B' || h[2] != PERSIST_VERSION) bad();
  r.nstrs = (size_t)rd_u(&r);
  /* the table is a GC object, so the strings stay alive while the code is being rebuilt */
  Value table = tuple_new(r.nstrs);
  r.strs = ((Tuple *)table)->items;
  for (size_t i = 0; i < r.nstrs; i++) {
    uint64_t h2 = rd_u(&r);
    size_t n = (size_t)(h2 >> 1);
    const char *s = (const char *)take(&r, n);
    r.strs[i] = (h2 & 1) ? intern(s, n) : str_new(s, n);
  }
  Value code = rd_obj(&r);
  if (!is_type(code, &code_type) || r.p != r.end) bad();
  return code;
}

/* Packed blobs (persist.h): one control byte c per token.  c < 0x80: c + 1 literal bytes
 * follow.  Otherwise a copy of (c & 0x3f) + 3 bytes from d + 1 bytes back, where d is the next
 * byte, plus 256 times the byte after it when c & 0x40. */
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

/* no-tree-loop-distribute-patterns: the byte loops must not become memcpy/memmove calls (a
 * call per short run, and memmove would break overlapping runs) */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
Value persist_load_packed(const uint8_t *packed, size_t len, Value filename) {
  Rd r = {.p = packed, .end = packed + len};
  size_t n = (size_t)rd_u(&r);
  uint8_t *out = gc_alloc(n), *o = out, *end = out + n;
  const uint8_t *q = r.p, *qe = r.end;
  while (q < qe) {
    unsigned c = *q++;
    size_t k, off;
    if (c < 0x80) {
      k = c + 1;
      if (k > (size_t)(qe - q) || k > (size_t)(end - o)) bad();
      o = copy_fwd(o, q, k);
      q += k;
      continue;
    }
    if (qe - q < (c & 0x40 ? 2 : 1)) bad();
    k = (c & 0x3f) + 3;
    off = (size_t)*q++ + 1;
    if (c & 0x40) off += (size_t)*q++ << 8;
    if (off > (size_t)(o - out) || k > (size_t)(end - o)) bad();
    o = copy_fwd(o, o - off, k); /* overlapping runs (off < 4) go byte by byte */
  }
  if (o != end) bad();
  Value code = persist_load(out, n, filename);
  gc_free(out);
  return code;
}
