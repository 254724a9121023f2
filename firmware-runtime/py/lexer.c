/* Tokenizer (Python language reference, "Lexical analysis"). */
#include "lexer.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const kw_names[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield"};

static const struct { const char *s; int kind; } ops[] = {
    {"**=", O_DOUBLESTAREQUAL}, {"//=", O_DOUBLESLASHEQUAL}, {">>=", O_RIGHTSHIFTEQUAL},
    {"<<=", O_LEFTSHIFTEQUAL}, {"...", O_ELLIPSIS}, {"->", O_RARROW}, {":=", O_COLONEQUAL},
    {"**", O_DOUBLESTAR}, {"//", O_DOUBLESLASH}, {"<<", O_LEFTSHIFT}, {">>", O_RIGHTSHIFT},
    {"<=", O_LESSEQUAL}, {">=", O_GREATEREQUAL}, {"==", O_EQEQUAL}, {"!=", O_NOTEQUAL},
    {"+=", O_PLUSEQUAL}, {"-=", O_MINEQUAL}, {"*=", O_STAREQUAL}, {"/=", O_SLASHEQUAL},
    {"%=", O_PERCENTEQUAL}, {"&=", O_AMPEREQUAL}, {"|=", O_VBAREQUAL}, {"^=", O_CIRCUMFLEXEQUAL},
    {"@=", O_ATEQUAL}, {"(", O_LPAR}, {")", O_RPAR}, {"[", O_LSQB}, {"]", O_RSQB},
    {"{", O_LBRACE}, {"}", O_RBRACE}, {":", O_COLON}, {",", O_COMMA}, {";", O_SEMI},
    {"+", O_PLUS}, {"-", O_MINUS}, {"*", O_STAR}, {"/", O_SLASH}, {"|", O_VBAR},
    {"&", O_AMPER}, {"<", O_LESS}, {">", O_GREATER}, {"=", O_EQUAL}, {".", O_DOT},
    {"%", O_PERCENT}, {"~", O_TILDE}, {"^", O_CIRCUMFLEX}, {"@", O_AT},
};

const char *tok_name(int kind) {
  if (kind >= K_FALSE && kind <= K_YIELD) return kw_names[kind - K_FALSE];
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (ops[i].kind == kind) return ops[i].s;
  switch (kind) {
    case T_EOF: return "end of file";
    case T_NEWLINE: return "newline";
    case T_INDENT: return "indent";
    case T_DEDENT: return "dedent";
    case T_NAME: return "name";
    default: return "literal";
  }
}

NORETURN void syntax_error(Value filename, int line, int col, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Type *t = &SyntaxError_type;
  if (strstr(buf, "indent")) t = &IndentationError_type;
  Value msg = str_from_cstr(buf);
  Value details = tuple_from(4, (Value[]){filename ? filename : str_from_cstr("<string>"), MK_SMALL(line), MK_SMALL(col + 1), NONE});
  Value exc = exc_new(t, 2, (Value[]){msg, details});
  Value d = instance_dict(exc);
  dict_set(d, intern_cstr("msg"), msg);
  dict_set(d, intern_cstr("lineno"), MK_SMALL(line));
  dict_set(d, intern_cstr("offset"), MK_SMALL(col + 1));
  dict_set(d, intern_cstr("filename"), filename ? filename : str_from_cstr("<string>"));
  py_raise(exc);
}

typedef struct {
  const char *src, *p, *end, *line_start;
  int line;
  int paren;
  int indents[128];
  int nindent;
  TokenList *out;
  Value filename;
} Lexer;

static void emit(Lexer *L, int kind, Value val, const char *at) {
  TokenList *o = L->out;
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 256;
    o->toks = gc_realloc(o->toks, o->cap * sizeof(Token));
  }
  Token *t = &o->toks[o->n++];
  t->kind = (uint16_t)kind;
  t->raw = 0;
  t->line = L->line;
  t->col = (int)(at - L->line_start);
  t->val = val;
}

static NORETURN void lex_error(Lexer *L, const char *msg) {
  syntax_error(L->filename, L->line, (int)(L->p - L->line_start), "%s", msg);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Value decode_string(const char *s, size_t n, bool raw, bool bytes, Value filename, int line) {
  SB sb;
  sb_init(&sb, n + 1);
  const char *p = s, *end = s + n;
  while (p < end) {
    char c = *p++;
    if (c != '\\' || raw) {
      if (bytes && (unsigned char)c >= 0x80) syntax_error(filename, line, 0, "bytes can only contain ASCII literal characters");
      sb_addc(&sb, c);
      if (raw && c == '\\' && p < end) sb_addc(&sb, *p++);
      continue;
    }
    if (p >= end) break;
    c = *p++;
    switch (c) {
      case '\n': break;
      case '\\': sb_addc(&sb, '\\'); break;
      case '\'': sb_addc(&sb, '\''); break;
      case '"': sb_addc(&sb, '"'); break;
      case 'a': sb_addc(&sb, 7); break;
      case 'b': sb_addc(&sb, 8); break;
      case 'f': sb_addc(&sb, 12); break;
      case 'n': sb_addc(&sb, 10); break;
      case 'r': sb_addc(&sb, 13); break;
      case 't': sb_addc(&sb, 9); break;
      case 'v': sb_addc(&sb, 11); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++) v = v * 8 + (*p++ - '0');
        if (bytes) sb_addc(&sb, (char)(v & 0xff));
        else { char b[4]; int k = utf8_encode((uint32_t)v, b); sb_add(&sb, b, (size_t)k); }
        break;
      }
      case 'x': case 'u': case 'U': {
        int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (bytes && c != 'x') { sb_addc(&sb, '\\'); sb_addc(&sb, c); break; }
        uint32_t v = 0;
        for (int i = 0; i < nd; i++) {
          int h = p < end ? hexval(*p) : -1;
          if (h < 0) syntax_error(filename, line, 0, "(unicode error) truncated \\%cXX escape", c);
          v = v * 16 + (uint32_t)h;
          p++;
        }
        if (bytes) sb_addc(&sb, (char)v);
        else { char b[4]; int k = utf8_encode(v, b); sb_add(&sb, b, (size_t)k); }
        break;
      }
      case 'N': {
        if (bytes) { sb_addc(&sb, '\\'); sb_addc(&sb, c); break; }
        if (p >= end || *p != '{') syntax_error(filename, line, 0, "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape");
        syntax_error(filename, line, 0, "(unicode error) \\N escapes are not supported");
      }
      default:
        sb_addc(&sb, '\\');
        sb_addc(&sb, c);
    }
  }
  if (bytes) {
    Value r = bytes_new((const uint8_t *)sb.buf, sb.len);
    gc_free(sb.buf);
    return r;
  }
  return sb_to_str(&sb);
}

static bool is_id_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
static bool is_id_char(unsigned char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

static void lex_string(Lexer *L, const char *start, bool raw, bool bytes, bool fstr) {
  char q = *L->p;
  bool triple = L->p + 2 < L->end && L->p[1] == q && L->p[2] == q;
  int start_line = L->line;
  L->p += triple ? 3 : 1;
  const char *body = L->p;
  for (;;) {
    if (L->p >= L->end) {
      L->line = start_line;
      lex_error(L, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
    }
    char c = *L->p;
    if (c == '\\') {
      if (L->p + 1 < L->end && L->p[1] == '\n') L->line++;
      L->p += 2;
      continue;
    }
    if (c == '\n') {
      if (!triple) lex_error(L, "unterminated string literal");
      L->line++;
      L->p++;
      continue;
    }
    if (c == q) {
      if (!triple) break;
      if (L->p + 2 < L->end && L->p[1] == q && L->p[2] == q) break;
    }
    L->p++;
  }
  const char *body_end = L->p;
  L->p += triple ? 3 : 1;
  int end_line = L->line;
  L->line = start_line;
  if (fstr) {
    emit(L, T_FSTRING, str_new(body, (size_t)(body_end - body)), start);
    L->out->toks[L->out->n - 1].raw = raw;
  } else {
    Value v = decode_string(body, (size_t)(body_end - body), raw, bytes, L->filename, start_line);
    emit(L, bytes ? T_BYTES : T_STRING, v, start);
  }
  L->line = end_line;
}

static void lex_number(Lexer *L) {
  const char *s = L->p;
  bool is_float = false;
  if (*s == '0' && L->p + 1 < L->end && strchr("xXoObB", L->p[1])) {
    L->p += 2;
    while (L->p < L->end && (hexval(*L->p) >= 0 || *L->p == '_')) L->p++;
  } else {
    while (L->p < L->end && ((*L->p >= '0' && *L->p <= '9') || *L->p == '_')) L->p++;
    if (L->p < L->end && *L->p == '.') {
      is_float = true;
      L->p++;
      while (L->p < L->end && ((*L->p >= '0' && *L->p <= '9') || *L->p == '_')) L->p++;
    }
    if (L->p < L->end && (*L->p == 'e' || *L->p == 'E')) {
      const char *q = L->p + 1;
      if (q < L->end && (*q == '+' || *q == '-')) q++;
      if (q < L->end && *q >= '0' && *q <= '9') {
        is_float = true;
        L->p = q;
        while (L->p < L->end && ((*L->p >= '0' && *L->p <= '9') || *L->p == '_')) L->p++;
      }
    }
  }
  if (L->p < L->end && (*L->p == 'j' || *L->p == 'J')) lex_error(L, "complex numbers are not supported");
  if (L->p < L->end && is_id_char((unsigned char)*L->p)) lex_error(L, "invalid decimal literal");
  size_t n = (size_t)(L->p - s);
  char buf[128];
  if (n >= sizeof buf) lex_error(L, "numeric literal too long");
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 >= n || s[i + 1] == '_') lex_error(L, "invalid decimal literal");
      continue;
    }
    buf[k++] = s[i];
  }
  buf[k] = 0;
  if (is_float) {
    emit(L, T_FLOAT, float_new(strtod(buf, NULL)), s);
    return;
  }
  if (k > 1 && buf[0] == '0' && buf[1] >= '0' && buf[1] <= '9') {
    for (size_t i = 0; i < k; i++)
      if (buf[i] != '0') lex_error(L, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  }
  Value v = int_from_str(s, n, 0, false);
  if (!v) lex_error(L, "invalid digit in numeric literal");
  emit(L, T_INT, v, s);
}

void lex(const char *src, size_t len, Value filename, TokenList *out, int first_line) {
  Lexer L;
  memset(&L, 0, sizeof L);
  L.src = L.p = L.line_start = src;
  L.end = src + len;
  L.line = first_line;
  L.out = out;
  L.filename = filename;
  L.indents[0] = 0;
  L.nindent = 1;
  out->filename = filename;
  bool at_line_start = true;
  /* skip a UTF-8 BOM */
  if (len >= 3 && (unsigned char)src[0] == 0xef && (unsigned char)src[1] == 0xbb && (unsigned char)src[2] == 0xbf) L.p += 3;
  while (L.p < L.end) {
    if (at_line_start && L.paren == 0) {
      int col = 0;
      const char *q = L.p;
      while (q < L.end && (*q == ' ' || *q == '\t' || *q == '\f')) {
        if (*q == '\t') col = (col / 8 + 1) * 8;
        else if (*q == ' ') col++;
        q++;
      }
      if (q >= L.end) { L.p = q; break; }
      if (*q == '#' || *q == '\n' || *q == '\r' || (*q == '\\' && q + 1 < L.end && q[1] == '\n')) {
        /* blank or comment-only line: no indentation tokens */
        L.p = q;
        if (*q == '#') while (L.p < L.end && *L.p != '\n') L.p++;
        if (L.p < L.end && *L.p == '\r') L.p++;
        if (L.p < L.end && *L.p == '\\') { L.p += 2; L.line++; L.line_start = L.p; continue; }
        if (L.p < L.end && *L.p == '\n') { L.p++; L.line++; L.line_start = L.p; }
        continue;
      }
      L.p = q;
      at_line_start = false;
      if (col > L.indents[L.nindent - 1]) {
        if (L.nindent >= 100) lex_error(&L, "too many levels of indentation");
        L.indents[L.nindent++] = col;
        emit(&L, T_INDENT, VNULL, L.p);
      } else {
        while (col < L.indents[L.nindent - 1]) {
          L.nindent--;
          emit(&L, T_DEDENT, VNULL, L.p);
        }
        if (col != L.indents[L.nindent - 1]) lex_error(&L, "unindent does not match any outer indentation level");
      }
    }
    char c = *L.p;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { L.p++; continue; }
    if (c == '#') {
      while (L.p < L.end && *L.p != '\n') L.p++;
      continue;
    }
    if (c == '\\') {
      if (L.p + 1 < L.end && L.p[1] == '\n') { L.p += 2; L.line++; L.line_start = L.p; continue; }
      if (L.p + 2 < L.end && L.p[1] == '\r' && L.p[2] == '\n') { L.p += 3; L.line++; L.line_start = L.p; continue; }
      lex_error(&L, "unexpected character after line continuation character");
    }
    if (c == '\n') {
      if (L.paren == 0) emit(&L, T_NEWLINE, VNULL, L.p);
      L.p++;
      L.line++;
      L.line_start = L.p;
      at_line_start = L.paren == 0;
      continue;
    }
    const char *start = L.p;
    if (is_id_start((unsigned char)c)) {
      /* string prefixes */
      const char *q = L.p;
      bool raw = false, bytes = false, fstr = false, isprefix = true;
      while (q < L.end && q - L.p < 3 && is_id_char((unsigned char)*q)) {
        char lc = (char)(*q | 0x20);
        if (lc == 'r') raw = true;
        else if (lc == 'b') bytes = true;
        else if (lc == 'f') fstr = true;
        else if (lc == 'u') {}
        else { isprefix = false; break; }
        q++;
      }
      if (isprefix && q < L.end && (*q == '\'' || *q == '"') && !(bytes && fstr)) {
        L.p = q;
        lex_string(&L, start, raw, bytes, fstr);
        continue;
      }
      while (L.p < L.end && is_id_char((unsigned char)*L.p)) L.p++;
      size_t n = (size_t)(L.p - start);
      int kind = T_NAME;
      for (size_t i = 0; i < sizeof kw_names / sizeof kw_names[0]; i++)
        if (strlen(kw_names[i]) == n && memcmp(kw_names[i], start, n) == 0) { kind = K_FALSE + (int)i; break; }
      emit(&L, kind, kind == T_NAME ? intern(start, n) : VNULL, start);
      continue;
    }
    if ((c >= '0' && c <= '9') || (c == '.' && L.p + 1 < L.end && L.p[1] >= '0' && L.p[1] <= '9')) {
      lex_number(&L);
      continue;
    }
    if (c == '\'' || c == '"') {
      lex_string(&L, start, false, false, false);
      continue;
    }
    int kind = -1;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
      size_t n = strlen(ops[i].s);
      if ((size_t)(L.end - L.p) >= n && memcmp(L.p, ops[i].s, n) == 0) {
        kind = ops[i].kind;
        L.p += n;
        break;
      }
    }
    if (kind < 0) {
      if (c == '!') lex_error(&L, "invalid syntax");
      if (c == '$' || c == '?' || c == '`') lex_error(&L, "invalid syntax");
      lex_error(&L, "invalid character in identifier");
    }
    if (kind == O_LPAR || kind == O_LSQB || kind == O_LBRACE) L.paren++;
    if (kind == O_RPAR || kind == O_RSQB || kind == O_RBRACE) {
      if (L.paren == 0) {
        char m[40];
        snprintf(m, sizeof m, "unmatched '%c'", c);
        lex_error(&L, m);
      }
      L.paren--;
    }
    emit(&L, kind, VNULL, start);
  }
  if (L.paren > 0) lex_error(&L, "unexpected EOF while parsing");
  if (out->n > 0 && out->toks[out->n - 1].kind != T_NEWLINE && out->toks[out->n - 1].kind != T_DEDENT)
    emit(&L, T_NEWLINE, VNULL, L.p);
  while (L.nindent > 1) {
    L.nindent--;
    emit(&L, T_DEDENT, VNULL, L.p);
  }
  emit(&L, T_EOF, VNULL, L.p);
}
