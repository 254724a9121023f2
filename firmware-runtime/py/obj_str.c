/* str: immutable UTF-8 with a cached hash and code-point count (ASCII strings index in O(1)).
 * Also the interning table, the GC-backed string builder, and the str methods. */
#include "py.h"

#include <stdio.h>

/* ---- construction ------------------------------------------------------------------------- */
size_t utf8_count(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xc0) != 0x80) n++;
  return n;
}

Value str_new_uninit(size_t len, char **data) {
  Str *s = gc_alloc_leaf(sizeof(Str) + len + 1);
  s->hdr.type = &str_type;
  s->len = len;
  *data = s->data;
  return V(s);
}

Value str_finish(Value v) {
  Str *s = (Str *)v;
  s->data[s->len] = 0;
  s->clen = utf8_count(s->data, s->len);
  return v;
}

Value str_new(const char *p, size_t len) {
  if (len == 1 && (unsigned char)p[0] < 128 && vm.small_chars[(unsigned char)p[0]]) return vm.small_chars[(unsigned char)p[0]];
  if (len == 0 && vm.empty_str) return vm.empty_str;
  char *d;
  Value s = str_new_uninit(len, &d);
  memcpy(d, p, len);
  return str_finish(s);
}

Value str_from_cstr(const char *s) { return str_new(s, strlen(s)); }

uintptr_t str_hash(Value v) {
  Str *s = (Str *)v;
  if (s->hash) return s->hash;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < s->len; i++) {
    h ^= (unsigned char)s->data[i];
    h *= 1099511628211ULL;
  }
  uintptr_t r = (uintptr_t)(h ^ (h >> 32));
  if (r == 0 || r == (uintptr_t)-1) r = 7;
  s->hash = r;
  return r;
}

static uintptr_t hash_bytes_raw(const char *p, size_t len) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211ULL;
  }
  uintptr_t r = (uintptr_t)(h ^ (h >> 32));
  if (r == 0 || r == (uintptr_t)-1) r = 7;
  return r;
}

bool str_eq(Value a, Value b) {
  if (a == b) return true;
  Str *x = (Str *)a, *y = (Str *)b;
  if (x->len != y->len) return false;
  if (x->hash && y->hash && x->hash != y->hash) return false;
  return memcmp(x->data, y->data, x->len) == 0;
}

HEntry *ht_lookup_str(HTable *t, const char *s, size_t len, uintptr_t hash);

Value intern(const char *p, size_t len) {
  if (!vm.interned) vm.interned = dict_new();
  uintptr_t h = hash_bytes_raw(p, len);
  HTable *t = &((Dict *)vm.interned)->t;
  HEntry *e = ht_lookup_str(t, p, len, h);
  if (e) return e->key;
  char *d;
  Value s = str_new_uninit(len, &d);
  memcpy(d, p, len);
  str_finish(s);
  ((Str *)s)->hash = h;
  bool created;
  e = ht_insert(t, s, h, &created);
  e->value = s;
  return s;
}

Value intern_cstr(const char *s) { return intern(s, strlen(s)); }
Value intern_value(Value s) {
  if (!isinst(s, &str_type)) raise_msg(&TypeError_type, "attribute name must be string, not '%s'", type_name(s));
  return intern(str_cstr(s), str_len(s));
}

Value str_concat(Value a, Value b) {
  size_t la = str_len(a), lb = str_len(b);
  if (la == 0) return b;
  if (lb == 0) return a;
  char *d;
  Value s = str_new_uninit(la + lb, &d);
  memcpy(d, str_cstr(a), la);
  memcpy(d + la, str_cstr(b), lb);
  Str *r = (Str *)s;
  r->data[r->len] = 0;
  r->clen = ((Str *)a)->clen + ((Str *)b)->clen;
  return s;
}

int utf8_encode(uint32_t cp, char *o) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) { o[0] = (char)(0xc0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
  if (cp < 0x10000) {
    o[0] = (char)(0xe0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); o[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  o[0] = (char)(0xf0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); o[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

uint32_t utf8_decode(const char **pp) {
  const unsigned char *p = (const unsigned char *)*pp;
  uint32_t c = *p++;
  if (c >= 0xc0) {
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    c &= (uint32_t)(0x3f >> extra);
    while (extra-- && (*p & 0xc0) == 0x80) c = (c << 6) | (*p++ & 0x3f);
  }
  *pp = (const char *)p;
  return c;
}

Value str_from_char(uint32_t cp) {
  if (cp < 128) return vm.small_chars[cp];
  char b[4];
  int n = utf8_encode(cp, b);
  return str_new(b, (size_t)n);
}

Value str_printf(const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < (int)sizeof buf) return str_new(buf, (size_t)n);
  char *d;
  Value s = str_new_uninit((size_t)n, &d);
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return str_finish(s);
}

/* ---- string builder ----------------------------------------------------------------------- */
void sb_init(SB *sb, size_t cap) {
  if (cap < 16) cap = 16;
  sb->buf = gc_alloc(cap);
  sb->len = 0;
  sb->cap = cap;
}
static void sb_grow(SB *sb, size_t need) {
  if (sb->len + need <= sb->cap) return;
  size_t nc = sb->cap * 2;
  while (nc < sb->len + need) nc *= 2;
  sb->buf = gc_realloc(sb->buf, nc);
  sb->cap = nc;
}
void sb_add(SB *sb, const char *s, size_t n) {
  sb_grow(sb, n);
  memcpy(sb->buf + sb->len, s, n);
  sb->len += n;
}
void sb_addc(SB *sb, char c) {
  sb_grow(sb, 1);
  sb->buf[sb->len++] = c;
}
void sb_adds(SB *sb, const char *s) { sb_add(sb, s, strlen(s)); }
void sb_addv(SB *sb, Value s) { sb_add(sb, str_cstr(s), str_len(s)); }
void sb_printf(SB *sb, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof buf) n = sizeof buf - 1;
  sb_add(sb, buf, (size_t)n);
}
Value sb_to_str(SB *sb) {
  Value s = str_new(sb->buf, sb->len);
  gc_free(sb->buf);
  sb->buf = NULL;
  return s;
}
void sb_add_repr(SB *sb, Value v) { sb_addv(sb, py_repr(v)); }
void sb_add_str(SB *sb, Value v) { sb_addv(sb, py_str(v)); }

/* ---- repr --------------------------------------------------------------------------------- */
/* Code points repr() escapes besides the C0/C1 controls: the separators, format characters,
 * surrogates, private-use and noncharacter ranges that CPython's str.isprintable() rejects
 * (Unicode categories Z*, Cf, Cs, Co; the commonly met ones, not every unassigned point). */
static const uint32_t unprintable[][2] = {
    {0xa0, 0xa0}, {0xad, 0xad}, {0x378, 0x379}, {0x600, 0x605}, {0x61c, 0x61c}, {0x6dd, 0x6dd},
    {0x1680, 0x1680}, {0x180e, 0x180e}, {0x2000, 0x200f}, {0x2028, 0x202f}, {0x205f, 0x206f},
    {0x3000, 0x3000}, {0xd800, 0xf8ff}, {0xfeff, 0xfeff}, {0xfff0, 0xfffb}, {0xfffe, 0xffff},
    {0xe0000, 0xe0fff}, {0xf0000, 0x10ffff},
};

static bool cp_printable(uint32_t cp) {
  if (cp < 0xa0) return cp >= 0x20 && cp < 0x7f;
  for (size_t i = 0; i < sizeof unprintable / sizeof unprintable[0]; i++)
    if (cp >= unprintable[i][0] && cp <= unprintable[i][1]) return false;
  return true;
}

Value repr_str(Value v) {
  const char *s = str_cstr(v);
  size_t n = str_len(v);
  bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  SB sb;
  sb_init(&sb, n + 8);
  sb_addc(&sb, q);
  const char *p = s, *end = s + n;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    if (c >= 0x80) {
      const char *st = p;
      uint32_t cp = utf8_decode(&p);
      if (cp_printable(cp)) sb_add(&sb, st, (size_t)(p - st));
      else sb_printf(&sb, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)cp);
      continue;
    }
    p++;
    if (c == (unsigned char)q || c == '\\') { sb_addc(&sb, '\\'); sb_addc(&sb, (char)c); }
    else if (c == '\n') sb_adds(&sb, "\\n");
    else if (c == '\r') sb_adds(&sb, "\\r");
    else if (c == '\t') sb_adds(&sb, "\\t");
    else if (c < 0x20 || c == 0x7f) sb_printf(&sb, "\\x%02x", c);
    else sb_addc(&sb, (char)c);
  }
  sb_addc(&sb, q);
  return sb_to_str(&sb);
}

/* ---- indexing ----------------------------------------------------------------------------- */
static const char *cp_ptr(Str *s, size_t idx) {
  if (s->clen == s->len) return s->data + idx;
  const char *p = s->data;
  while (idx--) {
    p++;
    while (((unsigned char)*p & 0xc0) == 0x80) p++;
  }
  return p;
}

static Value str_subscr(Value v, Value idx, Value val) {
  Str *s = (Str *)v;
  if (val) raise_msg(&TypeError_type, "'%s' object does not support item assignment", type_name(v));
  if (is_type(idx, &slice_type)) {
    intptr_t start, stop, step, count;
    slice_indices(idx, (intptr_t)s->clen, &start, &stop, &step, &count);
    if (step == 1) {
      if (count <= 0) return vm.empty_str;
      const char *a = cp_ptr(s, (size_t)start);
      const char *b = s->clen == s->len ? s->data + stop : cp_ptr(s, (size_t)stop);
      return str_new(a, (size_t)(b - a));
    }
    SB sb;
    sb_init(&sb, (size_t)(count > 0 ? count : 1));
    for (intptr_t i = 0, k = start; i < count; i++, k += step) {
      const char *a = cp_ptr(s, (size_t)k);
      const char *b = a;
      utf8_decode(&b);
      sb_add(&sb, a, (size_t)(b - a));
    }
    return sb_to_str(&sb);
  }
  if (!is_int(idx)) {
    if (!(type_of(idx)->flags & TF_HEAP) || !lookup_mro(type_of(idx), N.__index__))
      raise_msg(&TypeError_type, "string indices must be integers, not '%s'", type_name(idx));
    idx = int_from_i64(py_index(idx)); /* an object with __index__ */
  }
  intptr_t i = seq_index(idx, s->clen, "string");
  if (s->clen == s->len) return vm.small_chars[(unsigned char)s->data[i] & 0x7f];
  const char *a = cp_ptr(s, (size_t)i);
  return str_from_char(utf8_decode(&a));
}

static size_t str_len_slot(Value v) { return ((Str *)v)->clen; }

static const char *find_sub(const char *h, size_t hn, const char *n, size_t nn) {
  if (nn == 0) return h;
  if (nn > hn) return NULL;
  const char *last = h + hn - nn;
  for (const char *p = h; p <= last; p++) {
    p = memchr(p, n[0], (size_t)(last - p) + 1);
    if (!p) return NULL;
    if (memcmp(p, n, nn) == 0) return p;
  }
  return NULL;
}

static int str_contains(Value v, Value item) {
  if (!isinst(item, &str_type)) raise_msg(&TypeError_type, "'in <string>' requires string as left operand, not %s", type_name(item));
  return find_sub(str_cstr(v), str_len(v), str_cstr(item), str_len(item)) != NULL;
}

static Value str_richcmp(Value a, Value b, int op) {
  if (!isinst(b, &str_type)) return VNULL;
  if (op == CMP_EQ) return PYBOOL(str_eq(a, b));
  if (op == CMP_NE) return PYBOOL(!str_eq(a, b));
  size_t la = str_len(a), lb = str_len(b);
  int c = memcmp(str_cstr(a), str_cstr(b), la < lb ? la : lb);
  if (c == 0) c = la < lb ? -1 : la > lb ? 1 : 0;
  switch (op) {
    case CMP_LT: return PYBOOL(c < 0);
    case CMP_LE: return PYBOOL(c <= 0);
    case CMP_GT: return PYBOOL(c > 0);
    default: return PYBOOL(c >= 0);
  }
}

static Value str_repeat(Value s, intptr_t n) {
  size_t l = str_len(s);
  if (n <= 0 || l == 0) return vm.empty_str;
  if ((size_t)n > (SIZE_MAX / 2) / l) raise_type(&MemoryError_type);
  char *d;
  Value r = str_new_uninit(l * (size_t)n, &d);
  for (intptr_t i = 0; i < n; i++) memcpy(d + (size_t)i * l, str_cstr(s), l);
  return str_finish(r);
}

static Value str_str(Value v);
static Value str_binop(int op, Value a, Value b) {
  switch (op & 15) {
    case BIN_ADD:
      if (isinst(a, &str_type) && isinst(b, &str_type)) return str_concat(str_str(a), str_str(b));
      /* NotImplemented when b's class may answer with __radd__ */
      if (isinst(a, &str_type) && !((type_of(b)->flags & TF_HEAP) && lookup_mro(type_of(b), N.rbinop[BIN_ADD])))
        raise_msg(&TypeError_type, "can only concatenate str (not \"%s\") to str", type_name(b));
      return VNULL;
    case BIN_MUL:
      if (isinst(a, &str_type) && is_int(b)) return str_repeat(str_str(a), (intptr_t)int_as_i64(b));
      if (isinst(b, &str_type) && is_int(a)) return str_repeat(str_str(b), (intptr_t)int_as_i64(a));
      return VNULL;
    case BIN_MOD:
      if (isinst(a, &str_type)) return str_mod_format(a, tuple_plain(b));
      return VNULL;
  }
  return VNULL;
}

/* str iterator */
typedef struct { Obj hdr; Value s; size_t pos; } StrIter;
static Value strit_next(Value it) {
  StrIter *i = (StrIter *)it;
  Str *s = (Str *)i->s;
  if (i->pos >= s->len) return VNULL;
  const char *p = s->data + i->pos;
  if ((unsigned char)*p < 0x80) {
    i->pos++;
    return vm.small_chars[(unsigned char)*p];
  }
  uint32_t cp = utf8_decode(&p);
  i->pos = (size_t)(p - s->data);
  return str_from_char(cp);
}
static Value self_iter(Value v) { return v; }
Type striter_type = {.hdr = {&type_type}, .name = "str_ascii_iterator", .base = &object_type,
                     .iter = self_iter, .next = strit_next};
static Value str_iter(Value v) {
  StrIter *i = obj_alloc(&striter_type, sizeof(StrIter));
  i->s = v;
  return V(i);
}

static Value str_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  if (nargs == 1 && nkw == 0) return py_str(args[0]);
  Value enc = nargs > 1 ? args[1] : kwarg_find(nargs, nkw, args, N.encoding);
  if (nargs == 0) return vm.empty_str;
  if (nargs > 3) arg_check("str", nargs, 0, 3);
  if (enc || nargs > 1) {
    const uint8_t *d;
    size_t n;
    if (!get_buffer(args[0], &d, &n)) raise_msg(&TypeError_type, "decoding to str: need a bytes-like object, %s found", type_name(args[0]));
    return str_new((const char *)d, n);
  }
  return py_str(args[0]);
}

static Value str_str(Value v) {
  if (is_type(v, &str_type)) return v;
  return str_new(str_cstr(v), str_len(v));
}

/* ---- methods ------------------------------------------------------------------------------ */
/* A subclass instance becomes a plain str: methods then return str, never the subclass, even
 * when the text is unchanged (CPython's s.strip() of a str subclass is a str). */
static Value self_str(Value v) {
  if (!isinst(v, &str_type)) raise_msg(&TypeError_type, "descriptor requires a 'str' object");
  return str_str(v);
}
static Value arg_str(Value v, const char *fn) {
  if (!isinst(v, &str_type)) raise_msg(&TypeError_type, "%s() argument must be str, not %s", fn, type_name(v));
  return v;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

/* Two passes over the items: check them and add up the sizes (bytes and code points), then
 * copy into one allocation, so joining n parts costs one allocation and no UTF-8 rescan. */
Value str_join(Value sep, Value iterable) {
  Value seq = iterable;
  if (!is_type(seq, &list_type) && !is_type(seq, &tuple_type)) seq = list_from_iter(iterable);
  size_t n;
  const Value *items;
  if (is_type(seq, &list_type)) { n = ((List *)seq)->len; items = ((List *)seq)->items; }
  else { n = ((Tuple *)seq)->len; items = ((Tuple *)seq)->items; }
  if (n == 1 && is_type(items[0], &str_type)) return items[0];
  const Str *sp = (const Str *)sep;
  size_t total = n ? sp->len * (n - 1) : 0, ctotal = n ? sp->clen * (n - 1) : 0;
  for (size_t i = 0; i < n; i++) {
    if (!isinst(items[i], &str_type))
      raise_msg(&TypeError_type, "sequence item %d: expected str instance, %s found", (int)i, type_name(items[i]));
    total += ((Str *)items[i])->len;
    ctotal += ((Str *)items[i])->clen;
  }
  if (total == 0) return vm.empty_str;
  char *d;
  Value out = str_new_uninit(total, &d);
  for (size_t i = 0; i < n; i++) {
    if (i && sp->len) { memcpy(d, sp->data, sp->len); d += sp->len; }
    const Str *it = (const Str *)items[i];
    memcpy(d, it->data, it->len);
    d += it->len;
  }
  ((Str *)out)->clen = ctotal;
  return out;
}

static Value m_join(int n, const Value *a) { (void)n; return str_join(self_str(a[0]), a[1]); }

static Value do_split(Value s, Value sep, intptr_t maxsplit, bool right) {
  const char *p = str_cstr(s);
  size_t len = str_len(s);
  Value out = list_new(0);
  if (!sep || sep == NONE) {
    if (!right) {
      size_t i = 0;
      while (i < len) {
        while (i < len && is_ws(p[i])) i++;
        if (i >= len) break;
        if (maxsplit >= 0 && (intptr_t)((List *)out)->len >= maxsplit) {
          list_append(out, str_new(p + i, len - i)); /* the rest keeps its trailing blanks */
          break;
        }
        size_t st = i;
        while (i < len && !is_ws(p[i])) i++;
        list_append(out, str_new(p + st, i - st));
      }
    } else {
      intptr_t i = (intptr_t)len;
      while (i > 0) {
        while (i > 0 && is_ws(p[i - 1])) i--;
        if (i <= 0) break;
        if (maxsplit >= 0 && (intptr_t)((List *)out)->len >= maxsplit) {
          list_append(out, str_new(p, (size_t)i)); /* the rest keeps its leading blanks */
          break;
        }
        intptr_t e = i;
        while (i > 0 && !is_ws(p[i - 1])) i--;
        list_append(out, str_new(p + i, (size_t)(e - i)));
      }
      List *l = (List *)out;
      for (size_t k = 0; k < l->len / 2; k++) { Value t = l->items[k]; l->items[k] = l->items[l->len - 1 - k]; l->items[l->len - 1 - k] = t; }
    }
    return out;
  }
  arg_str(sep, "split");
  const char *sp = str_cstr(sep);
  size_t sl = str_len(sep);
  if (sl == 0) raise_msg(&ValueError_type, "empty separator");
  if (!right) {
    const char *cur = p, *end = p + len;
    for (;;) {
      const char *f = (maxsplit < 0 || (intptr_t)((List *)out)->len < maxsplit) ? find_sub(cur, (size_t)(end - cur), sp, sl) : NULL;
      if (!f) { list_append(out, str_new(cur, (size_t)(end - cur))); break; }
      list_append(out, str_new(cur, (size_t)(f - cur)));
      cur = f + sl;
    }
  } else {
    intptr_t end = (intptr_t)len;
    intptr_t count = 0;
    for (;;) {
      intptr_t f = -1;
      if (maxsplit < 0 || count < maxsplit)
        for (intptr_t k = end - (intptr_t)sl; k >= 0; k--)
          if (memcmp(p + k, sp, sl) == 0) { f = k; break; }
      if (f < 0) { list_append(out, str_new(p, (size_t)end)); break; }
      list_append(out, str_new(p + f + sl, (size_t)(end - f - (intptr_t)sl)));
      end = f;
      count++;
    }
    List *l = (List *)out;
    for (size_t k = 0; k < l->len / 2; k++) { Value t = l->items[k]; l->items[k] = l->items[l->len - 1 - k]; l->items[l->len - 1 - k] = t; }
  }
  return out;
}

static Value split_common(int nargs, int nkw, const Value *a, bool right) {
  Value sep = nargs > 1 ? a[1] : kwarg_find(nargs, nkw, a, N.sep);
  Value ms = nargs > 2 ? a[2] : kwarg_find(nargs, nkw, a, N.maxsplit);
  return do_split(self_str(a[0]), sep, ms ? (intptr_t)int_as_i64(ms) : -1, right);
}
static Value m_split(int n, int k, const Value *a) { return split_common(n, k, a, false); }
static Value m_rsplit(int n, int k, const Value *a) { return split_common(n, k, a, true); }

static Value m_splitlines(int nargs, int nkw, const Value *a) {
  Value ke = nargs > 1 ? a[1] : kwarg_find(nargs, nkw, a, intern_cstr("keepends"));
  bool keep = ke && py_truth(ke);
  const char *p = str_cstr(a[0]);
  size_t len = str_len(a[0]), i = 0;
  Value out = list_new(0);
  while (i < len) {
    size_t st = i;
    while (i < len && p[i] != '\n' && p[i] != '\r') i++;
    size_t e = i;
    if (i < len) {
      if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n') i += 2;
      else i++;
    }
    list_append(out, str_new(p + st, (keep ? i : e) - st));
  }
  return out;
}

static Value strip_common(int nargs, const Value *a, int which) {
  Value s = self_str(a[0]);
  const char *p = str_cstr(s);
  size_t b = 0, e = str_len(s);
  const char *chars = NULL;
  size_t cn = 0;
  if (nargs > 1 && a[1] != NONE) {
    arg_str(a[1], "strip");
    chars = str_cstr(a[1]);
    cn = str_len(a[1]);
  }
#define STRIPPABLE(c) (chars ? memchr(chars, (c), cn) != NULL : is_ws(c))
  if (which & 1) while (b < e && STRIPPABLE(p[b])) b++;
  if (which & 2) while (e > b && STRIPPABLE(p[e - 1])) e--;
#undef STRIPPABLE
  if (b == 0 && e == str_len(s)) return s;
  return str_new(p + b, e - b);
}
static Value m_strip(int n, const Value *a) { return strip_common(n, a, 3); }
static Value m_lstrip(int n, const Value *a) { return strip_common(n, a, 1); }
static Value m_rstrip(int n, const Value *a) { return strip_common(n, a, 2); }

static Value m_replace(int nargs, const Value *a) {
  Value s = self_str(a[0]);
  Value old = arg_str(a[1], "replace"), neu = arg_str(a[2], "replace");
  intptr_t count = nargs > 3 ? (intptr_t)int_as_i64(a[3]) : -1;
  const char *p = str_cstr(s), *end = p + str_len(s);
  size_t ol = str_len(old);
  SB sb;
  sb_init(&sb, str_len(s) + 16);
  if (ol == 0) {
    intptr_t done = 0;
    const char *q = p;
    while (count < 0 || done < count) {
      sb_addv(&sb, neu);
      done++;
      if (q >= end) break;
      const char *st = q;
      utf8_decode(&q);
      sb_add(&sb, st, (size_t)(q - st));
    }
    sb_add(&sb, q, (size_t)(end - q));
    return sb_to_str(&sb);
  }
  intptr_t done = 0;
  while (count < 0 || done < count) {
    const char *f = find_sub(p, (size_t)(end - p), str_cstr(old), ol);
    if (!f) break;
    sb_add(&sb, p, (size_t)(f - p));
    sb_addv(&sb, neu);
    p = f + ol;
    done++;
  }
  sb_add(&sb, p, (size_t)(end - p));
  return sb_to_str(&sb);
}

/* byte offsets from optional code-point start/end arguments */
static void range_args(Value s, int nargs, const Value *a, int first, size_t *bstart, size_t *bend) {
  Str *st = (Str *)s;
  intptr_t len = (intptr_t)st->clen;
  intptr_t b = 0, e = len;
  if (nargs > first && a[first] != NONE) b = (intptr_t)py_index(a[first]);
  if (nargs > first + 1 && a[first + 1] != NONE) e = (intptr_t)py_index(a[first + 1]);
  if (b < 0) { b += len; if (b < 0) b = 0; }
  if (e < 0) { e += len; if (e < 0) e = 0; }
  if (b > len) b = len;
  if (e > len) e = len;
  if (e < b) e = b;
  *bstart = (size_t)(cp_ptr(st, (size_t)b) - st->data);
  *bend = (size_t)(cp_ptr(st, (size_t)e) - st->data);
}

static intptr_t byte_to_cp(Value s, size_t off) {
  Str *st = (Str *)s;
  if (st->clen == st->len) return (intptr_t)off;
  return (intptr_t)utf8_count(st->data, off);
}

static intptr_t find_common(int nargs, const Value *a, bool right) {
  Value s = self_str(a[0]);
  Value sub = arg_str(a[1], "find");
  size_t b, e;
  range_args(s, nargs, a, 2, &b, &e);
  if (e - b < str_len(sub)) {
    if (str_len(sub) == 0 && e >= b) return byte_to_cp(s, b);
    return -1;
  }
  const char *p = str_cstr(s);
  if (!right) {
    const char *f = find_sub(p + b, e - b, str_cstr(sub), str_len(sub));
    return f ? byte_to_cp(s, (size_t)(f - p)) : -1;
  }
  for (intptr_t k = (intptr_t)(e - str_len(sub)); k >= (intptr_t)b; k--)
    if (memcmp(p + k, str_cstr(sub), str_len(sub)) == 0) return byte_to_cp(s, (size_t)k);
  return -1;
}
static Value m_find(int n, const Value *a) { return MK_SMALL(find_common(n, a, false)); }
static Value m_rfind(int n, const Value *a) { return MK_SMALL(find_common(n, a, true)); }
static Value m_index(int n, const Value *a) {
  intptr_t r = find_common(n, a, false);
  if (r < 0) raise_msg(&ValueError_type, "substring not found");
  return MK_SMALL(r);
}
static Value m_rindex(int n, const Value *a) {
  intptr_t r = find_common(n, a, true);
  if (r < 0) raise_msg(&ValueError_type, "substring not found");
  return MK_SMALL(r);
}

static Value m_count(int nargs, const Value *a) {
  Value s = self_str(a[0]);
  Value sub = arg_str(a[1], "count");
  size_t b, e;
  range_args(s, nargs, a, 2, &b, &e);
  size_t sl = str_len(sub);
  if (sl == 0) return MK_SMALL(utf8_count(str_cstr(s) + b, e - b) + 1);
  intptr_t c = 0;
  const char *p = str_cstr(s) + b, *end = str_cstr(s) + e;
  while (p < end) {
    const char *f = find_sub(p, (size_t)(end - p), str_cstr(sub), sl);
    if (!f) break;
    c++;
    p = f + sl;
  }
  return MK_SMALL(c);
}

static bool match_at(Value s, Value prefix, size_t b, size_t e, bool end) {
  if (!isinst(prefix, &str_type))
    raise_msg(&TypeError_type, "%s first arg must be str or a tuple of str, not %s", end ? "endswith" : "startswith", type_name(prefix));
  size_t pl = str_len(prefix);
  if (e - b < pl) return false;
  const char *p = str_cstr(s) + (end ? e - pl : b);
  return memcmp(p, str_cstr(prefix), pl) == 0;
}
static Value startend(int nargs, const Value *a, bool end) {
  Value s = self_str(a[0]);
  size_t b, e;
  range_args(s, nargs, a, 2, &b, &e);
  if (is_type(a[1], &tuple_type)) {
    Tuple *t = (Tuple *)a[1];
    for (size_t i = 0; i < t->len; i++)
      if (match_at(s, t->items[i], b, e, end)) return TRUE_V;
    return FALSE_V;
  }
  return PYBOOL(match_at(s, a[1], b, e, end));
}
static Value m_startswith(int n, const Value *a) { return startend(n, a, false); }
static Value m_endswith(int n, const Value *a) { return startend(n, a, true); }

/* Simple case mapping for Latin-1, Latin Extended-A, Greek and Cyrillic (the full Unicode
 * tables are a TODO). */
static uint32_t cp_upper(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if ((c >= 0xe0 && c <= 0xfe && c != 0xf7)) return c - 32;
  if (c == 0xff) return 0x178;
  if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17f) {
    bool odd_lower = !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17e);
    if (odd_lower ? (c & 1) : !(c & 1)) return c - 1;
    return c;
  }
  if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  if (c >= 0x450 && c <= 0x45f) return c - 80;
  return c;
}
static uint32_t cp_lower(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c == 0x178) return 0xff;
  if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17f) {
    bool odd_lower = !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17e);
    if (odd_lower ? !(c & 1) : (c & 1)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

static Value map_chars_unicode(Value s, int mode) {
  SB sb;
  sb_init(&sb, str_len(s) + 4);
  bool start = true;
  size_t i = 0;
  for (const char *p = str_cstr(s); *p; i++) {
    uint32_t c = utf8_decode(&p);
    uint32_t up = cp_upper(c), lo = cp_lower(c);
    bool is_up = up == c && lo != c, is_lo = lo == c && up != c;
    switch (mode) {
      case 0: c = up; break;
      case 1: case 5: c = lo; break;
      case 2: c = is_up ? lo : is_lo ? up : c; break;
      case 3: c = i == 0 ? up : lo; break;
      case 4: c = start ? up : lo; start = !(is_up || is_lo); break;
    }
    if (c == 0xdf && (mode == 0 || mode == 2 || mode == 5)) {
      sb_adds(&sb, mode == 5 ? "ss" : "SS"); /* German sharp s: two letters (SpecialCasing.txt) */
      continue;
    }
    char b[4];
    int k = utf8_encode(c, b);
    sb_add(&sb, b, (size_t)k);
  }
  return sb_to_str(&sb);
}

static Value map_chars(Value s, int mode) {
  s = self_str(s);
  if (((Str *)s)->clen != str_len(s)) return map_chars_unicode(s, mode);
  size_t n = str_len(s);
  char *d;
  Value r = str_new_uninit(n, &d);
  const char *p = str_cstr(s);
  bool start = true;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    switch (mode) {
      case 0: if (lo) c = (char)(c - 32); break;
      case 1: case 5: if (up) c = (char)(c + 32); break;
      case 2: if (up) c = (char)(c + 32); else if (lo) c = (char)(c - 32); break;
      case 3: /* capitalize */
        if (i == 0) { if (lo) c = (char)(c - 32); }
        else if (up) c = (char)(c + 32);
        break;
      case 4: /* title */
        if (start) { if (lo) c = (char)(c - 32); }
        else if (up) c = (char)(c + 32);
        start = !(up || lo);
        break;
    }
    d[i] = c;
  }
  return str_finish(r);
}
static Value m_upper(int n, const Value *a) { (void)n; return map_chars(a[0], 0); }
static Value m_lower(int n, const Value *a) { (void)n; return map_chars(a[0], 1); }
static Value m_swapcase(int n, const Value *a) { (void)n; return map_chars(a[0], 2); }
static Value m_casefold(int n, const Value *a) { (void)n; return map_chars(a[0], 5); }
static Value m_capitalize(int n, const Value *a) { (void)n; return map_chars(a[0], 3); }
static Value m_title(int n, const Value *a) { (void)n; return map_chars(a[0], 4); }

static Value classify(Value s, int what) {
  s = self_str(s);
  const char *p = str_cstr(s);
  size_t n = str_len(s);
  if (n == 0) return what == 7 ? TRUE_V : FALSE_V;
  bool any_cased = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    bool dig = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    bool alpha = up || lo || c >= 0x80;
    switch (what) {
      case 0: if (!dig) return FALSE_V; break;
      case 1: if (!alpha) return FALSE_V; break;
      case 2: if (!alpha && !dig) return FALSE_V; break;
      case 3: if (!is_ws((char)c)) return FALSE_V; break;
      case 4: if (lo) return FALSE_V; if (up) any_cased = true; break;
      case 5: if (up) return FALSE_V; if (lo) any_cased = true; break;
      case 6: if (!(alpha || c == '_' || (dig && i > 0))) return FALSE_V; break;
      case 7: if (c < 0x20 || c == 0x7f) return FALSE_V; break;
      case 8: if (c >= 0x80) return FALSE_V; break;
    }
  }
  if (what == 4 || what == 5) return PYBOOL(any_cased);
  return TRUE_V;
}
static Value m_isdigit(int n, const Value *a) { (void)n; return classify(a[0], 0); }
static Value m_isalpha(int n, const Value *a) { (void)n; return classify(a[0], 1); }
static Value m_isalnum(int n, const Value *a) { (void)n; return classify(a[0], 2); }
static Value m_isspace(int n, const Value *a) { (void)n; return classify(a[0], 3); }
static Value m_isupper(int n, const Value *a) { (void)n; return classify(a[0], 4); }
static Value m_islower(int n, const Value *a) { (void)n; return classify(a[0], 5); }
static Value m_isidentifier(int n, const Value *a) { (void)n; return classify(a[0], 6); }
static Value m_isprintable(int n, const Value *a) { (void)n; return classify(a[0], 7); }
static Value m_isascii(int n, const Value *a) { (void)n; return str_len(a[0]) == 0 ? TRUE_V : classify(a[0], 8); }
static Value m_istitle(int n, const Value *a) {
  (void)n;
  const char *p = str_cstr(a[0]);
  bool prev_cased = false, any = false;
  for (; *p; p++) {
    bool up = *p >= 'A' && *p <= 'Z', lo = *p >= 'a' && *p <= 'z';
    if (up) { if (prev_cased) return FALSE_V; prev_cased = true; any = true; }
    else if (lo) { if (!prev_cased) return FALSE_V; prev_cased = true; any = true; }
    else prev_cased = false;
  }
  return PYBOOL(any);
}

static Value pad(Value s, intptr_t width, char fill_c, Value fillv, int align) {
  Str *st = (Str *)s;
  if (width <= (intptr_t)st->clen) return s;
  size_t total = (size_t)width - st->clen;
  size_t left = align == 0 ? 0 : align == 2 ? total : (align == 1 ? total / 2 + (total & (size_t)width & 1) : 0);
  if (align == 1) left = total / 2 + ((total & 1) & ((size_t)width & 1));
  size_t right = total - left;
  SB sb;
  sb_init(&sb, st->len + total * 4);
  const char *f = fillv ? str_cstr(fillv) : &fill_c;
  size_t fl = fillv ? str_len(fillv) : 1;
  for (size_t i = 0; i < left; i++) sb_add(&sb, f, fl);
  sb_addv(&sb, s);
  for (size_t i = 0; i < right; i++) sb_add(&sb, f, fl);
  return sb_to_str(&sb);
}
static Value fill_arg(int nargs, const Value *a) {
  if (nargs < 3) return VNULL;
  if (!isinst(a[2], &str_type) || ((Str *)a[2])->clen != 1)
    raise_msg(&TypeError_type, "The fill character must be exactly one character long");
  return a[2];
}
static Value m_center(int n, const Value *a) { return pad(self_str(a[0]), (intptr_t)py_index(a[1]), ' ', fill_arg(n, a), 1); }
static Value m_ljust(int n, const Value *a) { return pad(self_str(a[0]), (intptr_t)py_index(a[1]), ' ', fill_arg(n, a), 0); }
static Value m_rjust(int n, const Value *a) { return pad(self_str(a[0]), (intptr_t)py_index(a[1]), ' ', fill_arg(n, a), 2); }
static Value m_zfill(int n, const Value *a) {
  (void)n;
  Value s = self_str(a[0]);
  intptr_t w = (intptr_t)py_index(a[1]);
  Str *st = (Str *)s;
  if (w <= (intptr_t)st->clen) return s;
  size_t z = (size_t)w - st->clen;
  SB sb;
  sb_init(&sb, (size_t)w + 1);
  const char *p = st->data;
  size_t len = st->len;
  if (len && (p[0] == '+' || p[0] == '-')) { sb_addc(&sb, p[0]); p++; len--; }
  for (size_t i = 0; i < z; i++) sb_addc(&sb, '0');
  sb_add(&sb, p, len);
  return sb_to_str(&sb);
}

static Value partition(Value s, Value sep, bool right) {
  s = self_str(s);
  arg_str(sep, "partition");
  if (str_len(sep) == 0) raise_msg(&ValueError_type, "empty separator");
  const char *p = str_cstr(s);
  size_t len = str_len(s), sl = str_len(sep);
  const char *f = NULL;
  if (!right) f = find_sub(p, len, str_cstr(sep), sl);
  else if (len >= sl)
    for (intptr_t k = (intptr_t)(len - sl); k >= 0; k--)
      if (memcmp(p + k, str_cstr(sep), sl) == 0) { f = p + k; break; }
  if (!f) return right ? tuple3(vm.empty_str, vm.empty_str, s) : tuple3(s, vm.empty_str, vm.empty_str);
  return tuple3(str_new(p, (size_t)(f - p)), sep, str_new(f + sl, len - (size_t)(f - p) - sl));
}
static Value m_partition(int n, const Value *a) { (void)n; return partition(a[0], a[1], false); }
static Value m_rpartition(int n, const Value *a) { (void)n; return partition(a[0], a[1], true); }

static Value m_encode(int n, const Value *a) {
  if (n > 1 && isinst(a[1], &str_type)) {
    const char *e = str_cstr(a[1]);
    bool latin1 = !strcmp(e, "latin-1") || !strcmp(e, "latin1") || !strcmp(e, "iso-8859-1") || !strcmp(e, "ISO-8859-1");
    bool ascii = !strcmp(e, "ascii") || !strcmp(e, "ASCII");
    if (latin1 || ascii) {
      Value ba = bytearray_new(NULL, 0);
      const char *p = str_cstr(a[0]);
      for (size_t i = 0; *p; i++) {
        uint32_t c = utf8_decode(&p);
        if (c >= (latin1 ? 0x100u : 0x80u))
          raise_msg(&UnicodeEncodeError_type, "'%s' codec can't encode character '\\u%04x' in position %d: ordinal not in range(%d)", latin1 ? "latin-1" : "ascii", c, (int)i, latin1 ? 256 : 128);
        uint8_t b = (uint8_t)c;
        bytearray_append(ba, &b, 1);
      }
      return bytes_new(((ByteArray *)ba)->data, ((ByteArray *)ba)->len);
    }
    /* CPython's codec lookup normalises case and '-'/'_' */
    char norm[16];
    size_t k = 0;
    for (; e[k] && k + 1 < sizeof norm; k++) norm[k] = e[k] == '_' ? '-' : (e[k] >= 'A' && e[k] <= 'Z') ? (char)(e[k] + 32) : e[k];
    norm[k] = 0;
    if (e[k] || (strcmp(norm, "utf-8") && strcmp(norm, "utf8") && strcmp(norm, "u8") && strcmp(norm, "utf")))
      raise_msg(&LookupError_type, "unknown encoding: %s", e);
  }
  return bytes_new((const uint8_t *)str_cstr(a[0]), str_len(a[0]));
}
static Value m_format(int nargs, int nkw, const Value *a) { return str_format_method(self_str(a[0]), nargs - 1, nkw, a + 1); }
static Value m_format_map(int nargs, const Value *a) {
  (void)nargs;
  Value kw[2];
  (void)kw;
  /* format_map(mapping): named fields looked up in the mapping */
  size_t pos = 0;
  Value k, v;
  Value items = list_new(0);
  if (isinst(a[1], &dict_type)) {
    while (dict_next(a[1], &pos, &k, &v)) { list_append(items, k); list_append(items, v); }
  }
  List *l = (List *)items;
  return str_format_method(a[0], 0, (int)(l->len / 2), l->items);
}
static Value m_removeprefix(int n, const Value *a) {
  (void)n;
  Value s = self_str(a[0]), p = arg_str(a[1], "removeprefix");
  if (str_len(p) <= str_len(s) && memcmp(str_cstr(s), str_cstr(p), str_len(p)) == 0)
    return str_new(str_cstr(s) + str_len(p), str_len(s) - str_len(p));
  return s;
}
static Value m_removesuffix(int n, const Value *a) {
  (void)n;
  Value s = self_str(a[0]), p = arg_str(a[1], "removesuffix");
  size_t sl = str_len(s), pl = str_len(p);
  if (pl && pl <= sl && memcmp(str_cstr(s) + sl - pl, str_cstr(p), pl) == 0) return str_new(str_cstr(s), sl - pl);
  return s;
}
static Value m_expandtabs(int nargs, const Value *a) {
  intptr_t ts = nargs > 1 ? (intptr_t)py_index(a[1]) : 8;
  SB sb;
  sb_init(&sb, str_len(a[0]) + 8);
  size_t col = 0;
  for (const char *p = str_cstr(a[0]); *p; p++) {
    if (*p == '\t') {
      if (ts > 0) {
        size_t sp = (size_t)ts - col % (size_t)ts;
        for (size_t i = 0; i < sp; i++) sb_addc(&sb, ' ');
        col += sp;
      }
    } else {
      sb_addc(&sb, *p);
      col = (*p == '\n' || *p == '\r') ? 0 : col + 1;
    }
  }
  return sb_to_str(&sb);
}

static Value m_maketrans(int nargs, const Value *a) {
  Value d = dict_new();
  if (nargs == 1) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(a[0], &pos, &k, &v)) {
      if (isinst(k, &str_type)) { const char *p = str_cstr(k); k = MK_SMALL(utf8_decode(&p)); }
      dict_set(d, k, v);
    }
    return d;
  }
  const char *x = str_cstr(a[0]), *y = str_cstr(a[1]);
  if (((Str *)a[0])->clen != ((Str *)a[1])->clen) raise_msg(&ValueError_type, "the first two maketrans arguments must have equal length");
  while (*x) {
    uint32_t cx = utf8_decode(&x), cy = utf8_decode(&y);
    dict_set(d, MK_SMALL(cx), MK_SMALL(cy));
  }
  if (nargs > 2)
    for (const char *z = str_cstr(a[2]); *z;) dict_set(d, MK_SMALL(utf8_decode(&z)), NONE);
  return d;
}
static Value m_translate(int nargs, const Value *a) {
  (void)nargs;
  SB sb;
  sb_init(&sb, str_len(a[0]) + 8);
  for (const char *p = str_cstr(a[0]); *p;) {
    const char *st = p;
    uint32_t c = utf8_decode(&p);
    Value r = VNULL;
    Nlr n;
    if (NLR_TRY(n)) {
      r = py_getitem(a[1], MK_SMALL(c));
      nlr_pop();
    } else {
      if (!isinst(vm.raised, &LookupError_type)) py_raise(vm.raised);
      r = VNULL;
    }
    if (!r) sb_add(&sb, st, (size_t)(p - st));
    else if (r == NONE) continue;
    else if (is_int(r)) { char b[4]; int k = utf8_encode((uint32_t)int_as_i64(r), b); sb_add(&sb, b, (size_t)k); }
    else sb_addv(&sb, r);
  }
  return sb_to_str(&sb);
}

static const MethodDef str_methods[] = {
    {"join", m_join, 2, 2, 0, MK_METHOD}, {"split", m_split, 1, 3, 1, MK_METHOD},
    {"rsplit", m_rsplit, 1, 3, 1, MK_METHOD}, {"splitlines", m_splitlines, 1, 2, 1, MK_METHOD},
    {"strip", m_strip, 1, 2, 0, MK_METHOD}, {"lstrip", m_lstrip, 1, 2, 0, MK_METHOD},
    {"rstrip", m_rstrip, 1, 2, 0, MK_METHOD}, {"replace", m_replace, 3, 4, 0, MK_METHOD},
    {"find", m_find, 2, 4, 0, MK_METHOD}, {"rfind", m_rfind, 2, 4, 0, MK_METHOD},
    {"index", m_index, 2, 4, 0, MK_METHOD}, {"rindex", m_rindex, 2, 4, 0, MK_METHOD},
    {"count", m_count, 2, 4, 0, MK_METHOD}, {"startswith", m_startswith, 2, 4, 0, MK_METHOD},
    {"endswith", m_endswith, 2, 4, 0, MK_METHOD}, {"upper", m_upper, 1, 1, 0, MK_METHOD},
    {"lower", m_lower, 1, 1, 0, MK_METHOD}, {"casefold", m_casefold, 1, 1, 0, MK_METHOD},
    {"swapcase", m_swapcase, 1, 1, 0, MK_METHOD}, {"capitalize", m_capitalize, 1, 1, 0, MK_METHOD},
    {"title", m_title, 1, 1, 0, MK_METHOD}, {"isdigit", m_isdigit, 1, 1, 0, MK_METHOD},
    {"isdecimal", m_isdigit, 1, 1, 0, MK_METHOD}, {"isnumeric", m_isdigit, 1, 1, 0, MK_METHOD},
    {"isalpha", m_isalpha, 1, 1, 0, MK_METHOD}, {"isalnum", m_isalnum, 1, 1, 0, MK_METHOD},
    {"isspace", m_isspace, 1, 1, 0, MK_METHOD}, {"isupper", m_isupper, 1, 1, 0, MK_METHOD},
    {"islower", m_islower, 1, 1, 0, MK_METHOD}, {"isidentifier", m_isidentifier, 1, 1, 0, MK_METHOD},
    {"isprintable", m_isprintable, 1, 1, 0, MK_METHOD}, {"isascii", m_isascii, 1, 1, 0, MK_METHOD},
    {"istitle", m_istitle, 1, 1, 0, MK_METHOD},
    {"center", m_center, 2, 3, 0, MK_METHOD}, {"ljust", m_ljust, 2, 3, 0, MK_METHOD},
    {"rjust", m_rjust, 2, 3, 0, MK_METHOD}, {"zfill", m_zfill, 2, 2, 0, MK_METHOD},
    {"partition", m_partition, 2, 2, 0, MK_METHOD}, {"rpartition", m_rpartition, 2, 2, 0, MK_METHOD},
    {"encode", m_encode, 1, 3, 0, MK_METHOD}, {"format", m_format, 1, -1, 1, MK_METHOD},
    {"format_map", m_format_map, 2, 2, 0, MK_METHOD},
    {"removeprefix", m_removeprefix, 2, 2, 0, MK_METHOD}, {"removesuffix", m_removesuffix, 2, 2, 0, MK_METHOD},
    {"expandtabs", m_expandtabs, 1, 2, 0, MK_METHOD}, {"maketrans", m_maketrans, 1, 3, 0, MK_STATIC},
    {"translate", m_translate, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static intptr_t str_hash_slot(Value v) { return (intptr_t)str_hash(v); }

Type str_type = {
    .hdr = {&type_type}, .name = "str", .base = &object_type, .flags = TF_BASETYPE | TF_IMMUT, .make_new = str_make,
    .repr = repr_str, .str = str_str, .hash = str_hash_slot, .richcmp = str_richcmp, .binop = str_binop,
    .iter = str_iter, .subscr = str_subscr, .len = str_len_slot, .contains = str_contains,
};

void str_init(void) { type_add_methods(&str_type, str_methods); }
