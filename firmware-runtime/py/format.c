/* Text formatting: the format-spec mini-language (format(), f-strings, str.format) and
 * printf-style '%' formatting (Python library reference, "Format Specification Mini-Language"
 * and "printf-style String Formatting"). */
#include "py.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  const char *fill; /* UTF-8 of the fill character */
  size_t fill_len;
  char align; /* '<' '>' '^' '=' or 0 */
  char sign;  /* '+' '-' ' ' or 0 */
  bool alt, zero;
  int width;
  char group; /* ',' '_' or 0 */
  int prec;   /* -1 if absent */
  char type;  /* 0 if absent */
} Spec;

static void parse_spec(Value specv, Spec *s) {
  const char *p = str_cstr(specv), *end = p + str_len(specv);
  memset(s, 0, sizeof *s);
  s->fill = " ";
  s->fill_len = 1;
  s->prec = -1;
  bool own_fill = false;
  if (p < end) {
    const char *q = p;
    utf8_decode(&q);
    if (q < end && (*q == '<' || *q == '>' || *q == '^' || *q == '=')) {
      own_fill = true;
      s->fill = p;
      s->fill_len = (size_t)(q - p);
      s->align = *q;
      p = q + 1;
    } else if (*p == '<' || *p == '>' || *p == '^' || *p == '=') {
      s->align = *p++;
    }
  }
  if (p < end && (*p == '+' || *p == '-' || *p == ' ')) s->sign = *p++;
  if (p < end && *p == 'z') p++;
  if (p < end && *p == '#') { s->alt = true; p++; }
  if (p < end && *p == '0') {
    s->zero = true;
    p++;
    /* with an alignment but no fill of its own, the 0 flag makes '0' the fill ('{:<08}') */
    if (s->align && !own_fill) s->fill = "0";
  }
  while (p < end && *p >= '0' && *p <= '9') s->width = s->width * 10 + (*p++ - '0');
  if (p < end && (*p == ',' || *p == '_')) s->group = *p++;
  if (p < end && *p == '.') {
    p++;
    if (p >= end || *p < '0' || *p > '9') raise_msg(&ValueError_type, "Format specifier missing precision");
    s->prec = 0;
    while (p < end && *p >= '0' && *p <= '9') s->prec = s->prec * 10 + (*p++ - '0');
  }
  if (p < end) s->type = *p++;
  if (p < end) raise_msg(&ValueError_type, "Invalid format specifier '%s' for object", str_cstr(specv));
}

/* Pads body (sign/prefix already split off as `head`) to the width. */
static Value pad_out(const Spec *s, const char *head, size_t hn, const char *body, size_t bn, char def_align) {
  char align = s->align ? s->align : def_align;
  const char *fill = s->fill;
  size_t fl = s->fill_len;
  if (s->zero && !s->align) {
    align = '=';
    fill = "0";
    fl = 1;
  }
  size_t len = utf8_count(head, hn) + utf8_count(body, bn);
  size_t padn = s->width > (int)len ? (size_t)s->width - len : 0;
  size_t left = 0, right = 0;
  switch (align) {
    case '<': right = padn; break;
    case '^': left = padn / 2; right = padn - left; break;
    default: left = padn; break;
  }
  SB sb;
  sb_init(&sb, hn + bn + padn * fl + 1);
  if (align == '=') {
    sb_add(&sb, head, hn);
    for (size_t i = 0; i < left; i++) sb_add(&sb, fill, fl);
  } else {
    for (size_t i = 0; i < left; i++) sb_add(&sb, fill, fl);
    sb_add(&sb, head, hn);
  }
  sb_add(&sb, body, bn);
  for (size_t i = 0; i < right; i++) sb_add(&sb, fill, fl);
  return sb_to_str(&sb);
}

/* Inserts a group separator every `every` digits of the integer part of digits[0..n). */
static size_t group_digits(char *out, const char *digits, size_t n, char sep, int every) {
  size_t intlen = 0;
  if (every == 4) intlen = n; /* b/o/x digits: all integer, and 'e' is a hex digit there */
  else
    while (intlen < n && digits[intlen] >= '0' && digits[intlen] <= '9') intlen++;
  size_t o = 0;
  for (size_t i = 0; i < intlen; i++) {
    out[o++] = digits[i];
    size_t rem = intlen - i - 1;
    if (rem && rem % (size_t)every == 0) out[o++] = sep;
  }
  for (size_t i = intlen; i < n; i++) out[o++] = digits[i];
  return o;
}

Value format_str(Value v, Value specv) {
  Spec s;
  parse_spec(specv, &s);
  if (s.type && s.type != 's') raise_msg(&ValueError_type, "Unknown format code '%c' for object of type 'str'", s.type);
  if (s.sign) raise_msg(&ValueError_type, "Sign not allowed in string format specifier");
  if (s.align == '=') raise_msg(&ValueError_type, "'=' alignment not allowed in string format specifier");
  const char *p = str_cstr(v);
  size_t n = str_len(v);
  if (s.prec >= 0 && (size_t)s.prec < ((Str *)v)->clen) {
    const char *q = p;
    for (int i = 0; i < s.prec; i++) utf8_decode(&q);
    n = (size_t)(q - p);
  }
  if (s.width == 0 && n == str_len(v)) return v;
  Spec s2 = s;
  s2.zero = s.zero && s.align;
  if (s.zero && !s.align) { s2.fill = "0"; s2.fill_len = 1; s2.zero = false; }
  return pad_out(&s2, "", 0, p, n, '<');
}

static Value format_float_spec(double d, Spec *s);

Value format_int(Value v, Value specv) {
  Spec s;
  parse_spec(specv, &s);
  char t = s.type;
  if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%')
    return format_float_spec((double)int_as_i64(v), &s);
  if (s.prec >= 0) raise_msg(&ValueError_type, "Precision not allowed in integer format specifier");
  bool neg_int = py_compare_bool(CMP_LT, v, MK_SMALL(0));
  if (t == 'c') {
    int64_t x = int_as_i64(v);
    char b[4];
    int k = utf8_encode((uint32_t)x, b);
    return pad_out(&s, "", 0, b, (size_t)k, '<');
  }
  if (t == 's' || (t && !strchr("dnbxXo", t)))
    raise_msg(&ValueError_type, "Unknown format code '%c' for object of type 'int'", t);
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  bool negative = neg_int;
  Value ds = int_to_str_base(negative ? py_unop(UN_NEG, v) : v, base, false);
  size_t nd = str_len(ds);
  char *body = gc_alloc(nd * 2 + 8);
  memcpy(body, str_cstr(ds), nd);
  if (t == 'X') for (size_t i = 0; i < nd; i++) if (body[i] >= 'a' && body[i] <= 'f') body[i] = (char)(body[i] - 32);
  size_t bn = nd;
  if (s.group) {
    char *g = gc_alloc(nd * 2 + 8);
    bn = group_digits(g, body, bn, s.group, base == 10 ? 3 : 4);
    memcpy(body, g, bn);
  }
  char head[8];
  size_t hn = 0;
  if (negative) head[hn++] = '-';
  else if (s.sign == '+') head[hn++] = '+';
  else if (s.sign == ' ') head[hn++] = ' ';
  if (s.alt && base != 10) {
    head[hn++] = '0';
    head[hn++] = t == 'b' ? 'b' : t == 'o' ? 'o' : t;
  }
  if (s.zero && !s.align && s.group && s.width > (int)(hn + bn)) {
    /* zero padding interacts with grouping: pad the digits, then regroup */
    char *raw = gc_alloc(bn + (size_t)s.width + 8);
    size_t rn = 0;
    for (size_t i = 0; i < bn; i++) if (body[i] != s.group) raw[rn++] = body[i];
    while (1) {
      char *g = gc_alloc(rn * 2 + 8);
      size_t gn = group_digits(g, raw, rn, s.group, base == 10 ? 3 : 4);
      if ((int)(hn + gn) >= s.width) {
        Spec s2 = s;
        s2.width = 0;
        return pad_out(&s2, head, hn, g, gn, '>');
      }
      memmove(raw + 1, raw, rn);
      raw[0] = '0';
      rn++;
    }
  }
  return pad_out(&s, head, hn, body, bn, '>');
}

static Value format_float_spec(double d, Spec *s) {
  char t = s->type;
  char buf[512];
  int prec = s->prec < 0 ? 6 : s->prec;
  bool neg = signbit(d) && !isnan(d);
  double a = fabs(d);
  if (t == '%') a *= 100;
  if (isinf(a) || isnan(a)) {
    const char *w = isnan(a) ? "nan" : "inf";
    if (t == 'E' || t == 'F' || t == 'G') w = isnan(a) ? "NAN" : "INF";
    snprintf(buf, sizeof buf, "%s%s", w, t == '%' ? "%" : "");
  } else if (t == 'f' || t == 'F' || t == '%') {
    snprintf(buf, sizeof buf, s->alt ? "%#.*f" : "%.*f", prec, a);
    if (t == '%') strcat(buf, "%");
  } else if (t == 'e' || t == 'E') {
    snprintf(buf, sizeof buf, s->alt ? "%#.*e" : "%.*e", prec, a);
    if (t == 'E') for (char *q = buf; *q; q++) if (*q == 'e') *q = 'E';
  } else if (t == 'g' || t == 'G' || t == 'n') {
    if (prec == 0) prec = 1;
    snprintf(buf, sizeof buf, s->alt ? "%#.*g" : "%.*g", prec, a);
    if (t == 'G') for (char *q = buf; *q; q++) if (*q == 'e') *q = 'E';
  } else if (t == 0) {
    if (s->prec < 0) {
      float_repr_buf(a, buf, sizeof buf);
    } else {
      /* like 'g', but fixed notation keeps a fractional digit and is used only while
       * -4 <= exp < p-1 (CPython's format_float_internal with Py_DTSF_ADD_DOT_0) */
      int p = prec == 0 ? 1 : prec;
      char e[64];
      snprintf(e, sizeof e, "%.*e", p - 1, a);
      int exp = atoi(strchr(e, 'e') + 1);
      if (exp >= -4 && exp < p - 1) {
        snprintf(buf, sizeof buf, "%.*f", p - 1 - exp, a);
        size_t L = strlen(buf);
        while (L > 0 && buf[L - 1] == '0') buf[--L] = 0;
        if (buf[L - 1] == '.') { buf[L] = '0'; buf[L + 1] = 0; }
      } else {
        char *ep = strchr(e, 'e');
        char tail[16];
        snprintf(tail, sizeof tail, "%s", ep);
        *ep = 0;
        if (strchr(e, '.')) {
          size_t L = strlen(e);
          while (L > 0 && e[L - 1] == '0') e[--L] = 0;
          if (e[L - 1] == '.') e[--L] = 0;
        }
        snprintf(buf, sizeof buf, "%s%s", e, tail);
      }
    }
  } else {
    raise_msg(&ValueError_type, "Unknown format code '%c' for object of type 'float'", t);
  }
  size_t bn = strlen(buf);
  char body[700];
  if (s->group) bn = group_digits(body, buf, bn, s->group, 3);
  else memcpy(body, buf, bn);
  char head[4];
  size_t hn = 0;
  if (neg) head[hn++] = '-';
  else if (s->sign == '+') head[hn++] = '+';
  else if (s->sign == ' ') head[hn++] = ' ';
  return pad_out(s, head, hn, body, bn, '>');
}

Value format_float(double d, Value specv) {
  Spec s;
  parse_spec(specv, &s);
  if (str_len(specv) == 0) {
    char b[40];
    float_repr_buf(d, b, sizeof b);
    return str_from_cstr(b);
  }
  return format_float_spec(d, &s);
}

/* ---- str.format --------------------------------------------------------------------------- */
static Value lookup_field(const char *name, size_t n, int *autoidx, int nargs, int nkw, const Value *args) {
  size_t i = 0;
  while (i < n && name[i] != '.' && name[i] != '[') i++;
  Value obj;
  if (i == 0) {
    if (*autoidx < 0) raise_msg(&ValueError_type, "cannot switch from manual field specification to automatic field numbering");
    int k = (*autoidx)++;
    if (k >= nargs) raise_msg(&IndexError_type, "Replacement index %d out of range for positional args tuple", k);
    obj = args[k];
  } else if (name[0] >= '0' && name[0] <= '9') {
    if (*autoidx > 0) raise_msg(&ValueError_type, "cannot switch from automatic field numbering to manual field specification");
    *autoidx = -1;
    int k = atoi(name);
    if (k >= nargs) raise_msg(&IndexError_type, "Replacement index %d out of range for positional args tuple", k);
    obj = args[k];
  } else {
    Value key = str_new(name, i);
    obj = kwarg_find(nargs, nkw, args, key);
    if (!obj) py_raise(exc_new(&KeyError_type, 1, &key));
  }
  while (i < n) {
    if (name[i] == '.') {
      size_t st = ++i;
      while (i < n && name[i] != '.' && name[i] != '[') i++;
      obj = py_getattr(obj, intern(name + st, i - st));
    } else {
      size_t st = ++i;
      while (i < n && name[i] != ']') i++;
      Value key;
      bool digits = i > st;
      for (size_t k = st; k < i; k++) if (name[k] < '0' || name[k] > '9') digits = false;
      key = digits ? MK_SMALL(atol(name + st)) : str_new(name + st, i - st);
      obj = py_getitem(obj, key);
      i++;
    }
  }
  return obj;
}

static Value format_with(const char *fmt, size_t len, int *autoidx, int nargs, int nkw, const Value *args, int depth) {
  SB sb;
  sb_init(&sb, len + 16);
  const char *p = fmt, *end = fmt + len;
  while (p < end) {
    char c = *p;
    if (c == '{') {
      if (p + 1 < end && p[1] == '{') { sb_addc(&sb, '{'); p += 2; continue; }
      const char *st = ++p;
      int level = 1;
      while (p < end) {
        if (*p == '{') level++;
        else if (*p == '}' && --level == 0) break;
        p++;
      }
      if (p >= end) raise_msg(&ValueError_type, "expected '}' before end of string");
      const char *fe = p++;
      const char *colon = NULL, *bang = NULL;
      int br = 0;
      for (const char *q = st; q < fe; q++) {
        if (*q == '[') br++;
        else if (*q == ']') br--;
        else if (!br && *q == '!' && !bang && !colon) bang = q;
        else if (!br && *q == ':' && !colon) { colon = q; break; }
      }
      const char *name_end = bang ? bang : colon ? colon : fe;
      Value obj = lookup_field(st, (size_t)(name_end - st), autoidx, nargs, nkw, args);
      if (bang) {
        char conv = bang[1];
        if (conv == 'r' || conv == 'a') obj = py_repr(obj);
        else if (conv == 's') obj = py_str(obj);
        else raise_msg(&ValueError_type, "Unknown conversion specifier %c", conv);
      }
      Value spec = vm.empty_str;
      if (colon) {
        if (depth > 2) raise_msg(&ValueError_type, "Max string recursion exceeded");
        spec = format_with(colon + 1, (size_t)(fe - colon - 1), autoidx, nargs, nkw, args, depth + 1);
      }
      sb_addv(&sb, py_format(obj, spec));
    } else if (c == '}') {
      if (p + 1 < end && p[1] == '}') { sb_addc(&sb, '}'); p += 2; continue; }
      raise_msg(&ValueError_type, "Single '}' encountered in format string");
    } else {
      sb_addc(&sb, c);
      p++;
    }
  }
  return sb_to_str(&sb);
}

Value str_format_method(Value fmt, int nargs, int nkw, const Value *args) {
  int autoidx = 0;
  return format_with(str_cstr(fmt), str_len(fmt), &autoidx, nargs, nkw, args, 0);
}

/* ---- printf-style ------------------------------------------------------------------------- */
/* as_bytes: bytes % args (PEP 461): %s and %b take bytes-like objects as they are, %r and %a
 * give ascii(), %c takes an int or one byte; the caller turns the result back into bytes. */
static Value mod_format(Value fmtv, Value argsv, bool as_bytes);
Value str_mod_format(Value fmtv, Value argsv) { return mod_format(fmtv, argsv, false); }
Value bytes_mod_format(Value fmtv, Value argsv) { return mod_format(fmtv, argsv, true); }

static Value bytes_piece(Value arg) {
  const uint8_t *d;
  size_t n;
  if (!get_buffer(arg, &d, &n)) {
    Value m = IS_SMALL(arg) ? VNULL : lookup_mro(type_of(arg), intern_cstr("__bytes__"));
    if (!m) raise_msg(&TypeError_type, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", type_name(arg));
    Value b = py_call_method(arg, intern_cstr("__bytes__"), 0, NULL);
    if (!get_buffer(b, &d, &n)) raise_msg(&TypeError_type, "__bytes__ returned non-bytes");
  }
  return str_new((const char *)d, n);
}

static Value mod_format(Value fmtv, Value argsv, bool as_bytes) {
  const char *p = str_cstr(fmtv), *end = p + str_len(fmtv);
  Value mapping = VNULL;
  size_t nargs;
  const Value *args;
  Value single[1];
  if (is_type(argsv, &tuple_type)) {
    nargs = ((Tuple *)argsv)->len;
    args = ((Tuple *)argsv)->items;
  } else {
    single[0] = argsv;
    nargs = 1;
    args = single;
    Type *t = type_of(argsv);
    if (!IS_SMALL(argsv) && (isinst(argsv, &dict_type) || ((t->flags & TF_HEAP) && lookup_mro(t, N.__getitem__))) && !isinst(argsv, &str_type))
      mapping = argsv;
  }
  size_t ai = 0;
  SB sb;
  sb_init(&sb, str_len(fmtv) + 16);
  while (p < end) {
    if (*p != '%') {
      const char *q = p;
      while (q < end && *q != '%') q++;
      sb_add(&sb, p, (size_t)(q - p));
      p = q;
      continue;
    }
    p++;
    if (p >= end) raise_msg(&ValueError_type, "incomplete format");
    Value arg = VNULL;
    if (*p == '(') {
      if (!mapping) raise_msg(&TypeError_type, "format requires a mapping");
      const char *st = ++p;
      int lvl = 1;
      while (p < end && lvl) { if (*p == '(') lvl++; else if (*p == ')') lvl--; if (lvl) p++; }
      Value key = str_new(st, (size_t)(p - st));
      p++;
      arg = py_getitem(mapping, key);
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (;; p++) {
      if (*p == '-') left = true;
      else if (*p == '+') plus = true;
      else if (*p == ' ') space = true;
      else if (*p == '#') alt = true;
      else if (*p == '0') zero = true;
      else break;
    }
    int width = 0, prec = -1;
    if (*p == '*') {
      if (ai >= nargs) raise_msg(&TypeError_type, "not enough arguments for format string");
      width = (int)py_index(args[ai++]);
      if (width < 0) { left = true; width = -width; }
      p++;
    } else {
      while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      p++;
      prec = 0;
      if (*p == '*') {
        if (ai >= nargs) raise_msg(&TypeError_type, "not enough arguments for format string");
        prec = (int)py_index(args[ai++]);
        p++;
      } else {
        while (*p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0');
      }
    }
    while (*p == 'l' || *p == 'h' || *p == 'L') p++;
    if (p >= end) raise_msg(&ValueError_type, "incomplete format");
    char conv = *p++;
    if (conv == '%') {
      sb_addc(&sb, '%');
      continue;
    }
    if (!arg) {
      if (ai >= nargs) raise_msg(&TypeError_type, "not enough arguments for format string");
      arg = args[ai++];
    }
    Value piece;
    char head[4];
    size_t hn = 0;
    switch (conv) {
      case 'b': case 's':
        if (as_bytes) piece = bytes_piece(arg);
        else if (conv == 's') piece = py_str(arg);
        else raise_msg(&ValueError_type, "unsupported format character 'b' (0x62) at index %d", (int)(p - 1 - str_cstr(fmtv)));
        if (prec >= 0 && (size_t)prec < ((Str *)piece)->clen) piece = format_str(piece, str_printf(".%d", prec));
        break;
      case 'r': case 'a': piece = conv == 'a' || as_bytes ? py_ascii(arg) : py_repr(arg); if (prec >= 0 && (size_t)prec < ((Str *)piece)->clen) piece = format_str(piece, str_printf(".%d", prec)); break;
      case 'c':
        if (as_bytes) {
          const uint8_t *d;
          size_t n;
          if (get_buffer(arg, &d, &n) && n == 1) piece = str_new((const char *)d, 1);
          else {
            intptr_t c = py_index(arg);
            if (c < 0 || c > 255) raise_msg(&OverflowError_type, "%%c arg not in range(256)");
            char ch = (char)c;
            piece = str_new(&ch, 1);
          }
        } else if (isinst(arg, &str_type)) piece = arg;
        else piece = str_from_char((uint32_t)py_index(arg));
        break;
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        if (!is_int(arg)) {
          if (isinst(arg, &float_type) && (conv == 'd' || conv == 'i' || conv == 'u')) arg = int_from_i64(float_to_i64(((Float *)arg)->v));
          else if (is_number(arg) || (type_of(arg)->flags & TF_HEAP)) arg = int_from_i64(py_index(arg));
          else raise_msg(&TypeError_type, "%%%c format: a real number is required, not %s", conv, type_name(arg));
        }
        arg = int_plain(arg); /* an int subclass's own comparisons must not steer the digits */
        if (!IS_SMALL(arg) && !(arg == TRUE_V || arg == FALSE_V) && py_compare_bool(CMP_NE, arg, int_from_i64(0)) && (py_compare_bool(CMP_GT, arg, int_from_i64(INT64_MAX)) || py_compare_bool(CMP_LT, arg, int_from_i64(-INT64_MAX)))) {
          bool ng = py_compare_bool(CMP_LT, arg, MK_SMALL(0));
          if (ng) head[hn++] = '-';
          else if (plus) head[hn++] = '+';
          else if (space) head[hn++] = ' ';
          if (alt && (conv == 'x' || conv == 'X' || conv == 'o')) { head[hn++] = '0'; head[hn++] = conv; }
          Value ds = int_to_str_base(ng ? py_unop(UN_NEG, arg) : arg, conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10, false);
          if (conv == 'X') ds = py_call_method(ds, intern_cstr("upper"), 0, NULL);
          piece = ds;
          break;
        }
        int64_t x = int_as_i64(arg);
        if (x < 0) head[hn++] = '-';
        else if (plus) head[hn++] = '+';
        else if (space) head[hn++] = ' ';
        if (alt && (conv == 'x' || conv == 'X' || conv == 'o')) { head[hn++] = '0'; head[hn++] = conv; }
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        /* digits by hand: the board's newlib-nano printf has no long long conversions */
        char b[128], *e = b + sizeof b, *p = e;
        unsigned base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
        const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
          *--p = dig[u % base];
          u /= base;
        } while (u);
        while (e - p < prec && p > b) *--p = '0';
        piece = str_new(p, (size_t)(e - p));
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d = float_val(arg);
        if (signbit(d) && !isnan(d)) head[hn++] = '-';
        else if (plus) head[hn++] = '+';
        else if (space) head[hn++] = ' ';
        char f[8] = "%";
        int fi = 1;
        if (alt) f[fi++] = '#';
        f[fi++] = '.';
        f[fi++] = '*';
        f[fi++] = conv;
        f[fi] = 0;
        char b[400];
        if (isinf(d) || isnan(d)) snprintf(b, sizeof b, "%s", isnan(d) ? (conv < 'a' ? "NAN" : "nan") : (conv < 'a' ? "INF" : "inf"));
        else snprintf(b, sizeof b, f, prec < 0 ? 6 : prec, fabs(d));
        piece = str_from_cstr(b);
        break;
      }
      default:
        raise_msg(&ValueError_type, "unsupported format character '%c' (0x%x) at index %d", conv, conv, (int)(p - 1 - str_cstr(fmtv)));
    }
    size_t plen = ((Str *)piece)->clen + hn;
    size_t padn = width > (int)plen ? (size_t)width - plen : 0;
    bool numeric = strchr("diuxXoeEfFgG", conv) != NULL;
    if (left) {
      sb_add(&sb, head, hn);
      sb_addv(&sb, piece);
      for (size_t i = 0; i < padn; i++) sb_addc(&sb, ' ');
    } else if (zero && numeric) {
      sb_add(&sb, head, hn);
      for (size_t i = 0; i < padn; i++) sb_addc(&sb, '0');
      sb_addv(&sb, piece);
    } else {
      for (size_t i = 0; i < padn; i++) sb_addc(&sb, ' ');
      sb_add(&sb, head, hn);
      sb_addv(&sb, piece);
    }
  }
  if (ai < nargs && !mapping) raise_msg(&TypeError_type, "not all arguments converted during string formatting");
  return sb_to_str(&sb);
}
