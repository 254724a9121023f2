/* Recursive-descent parser from tokens to the AST (Python language reference, "Full Grammar
 * specification"; the pre-PEG LL(1) grammar of Python 3.8 is followed where equivalent). */
#include "ast.h"
#include "lexer.h"

typedef struct {
  Token *t;
  size_t pos, n;
  Value filename;
  int depth;
} P;

static Node *new_node(int kind, int line) {
  Node *n = gc_alloc(sizeof(Node));
  n->kind = (uint8_t)kind;
  n->line = line;
  return n;
}

static void nl_add(NodeList *l, Node *x) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 4;
    l->items = gc_realloc(l->items, (size_t)l->cap * sizeof(Node *));
  }
  l->items[l->n++] = x;
}

static inline Token *peek(P *p) { return &p->t[p->pos]; }
static inline int pk(P *p) { return p->t[p->pos].kind; }
static inline int pk2(P *p) { return p->pos + 1 < p->n ? p->t[p->pos + 1].kind : T_EOF; }
static inline Token *next(P *p) {
  Token *t = &p->t[p->pos];
  if (p->pos + 1 < p->n) p->pos++;
  return t;
}
static bool accept(P *p, int kind) {
  if (pk(p) == kind) {
    next(p);
    return true;
  }
  return false;
}

static NORETURN void error_at(P *p, Token *t, const char *msg) {
  syntax_error(p->filename, t->line, t->col, "%s", msg);
}

static NORETURN void error_tok(P *p) {
  Token *t = peek(p);
  if (t->kind == T_INDENT) error_at(p, t, "unexpected indent");
  if (t->kind == T_DEDENT) error_at(p, t, "unindent does not match any outer indentation level");
  if (t->kind == T_EOF) error_at(p, t, "unexpected EOF while parsing");
  error_at(p, t, "invalid syntax");
}

static Token *expect(P *p, int kind) {
  if (pk(p) != kind) {
    Token *t = peek(p);
    if (kind == T_INDENT) error_at(p, t, "expected an indented block");
    if (kind == O_COLON) error_at(p, t, "expected ':'");
    if (kind == O_RPAR && t->kind != T_EOF) error_at(p, t, "invalid syntax");
    error_tok(p);
  }
  return next(p);
}

static Node *test(P *p);
static Node *expr(P *p);
static Node *or_test(P *p);
static Node *star_expr_or_test(P *p);
static Node *testlist_star_expr(P *p);
static Node *exprlist(P *p);
static void block(P *p, NodeList *body);
static Node *statement_list(P *p, NodeList *out);
static Node *parse_args_list(P *p, int close, bool lambda);
static Node *atom_expr(P *p);

static void enter(P *p) {
  if (++p->depth > 200) error_at(p, peek(p), "too many nested parentheses");
}
static void leave(P *p) { p->depth--; }

/* ---- f-strings ---------------------------------------------------------------------------- */
static Node *parse_sub_expr(P *outer, const char *s, size_t n, int line);

static void fstring_parts(P *p, const char *s, size_t n, bool raw, int line, NodeList *parts, int depth) {
  if (depth > 3) syntax_error(p->filename, line, 0, "f-string: expressions nested too deeply");
  const char *q = s, *end = s + n;
  SB lit;
  sb_init(&lit, 16);
  while (q < end) {
    char c = *q;
    if (c == '{' && q + 1 < end && q[1] == '{') { sb_addc(&lit, '{'); q += 2; continue; }
    if (c == '}' && q + 1 < end && q[1] == '}') { sb_addc(&lit, '}'); q += 2; continue; }
    if (c == '}') syntax_error(p->filename, line, 0, "f-string: single '}' is not allowed");
    if (c != '{') {
      if (c == '\\' && q + 1 < end && q[1] != '{' && q[1] != '}') { sb_addc(&lit, c); sb_addc(&lit, q[1]); q += 2; continue; }
      sb_addc(&lit, c);
      q++;
      continue;
    }
    if (lit.len) {
      Node *k = new_node(E_CONST, line);
      k->v = decode_string(lit.buf, lit.len, raw, false, p->filename, line);
      nl_add(parts, k);
      lit.len = 0;
    }
    q++;
    const char *es = q;
    int lvl = 0;
    char quote = 0;
    const char *conv = NULL, *colon = NULL, *eq = NULL;
    while (q < end) {
      char d = *q;
      if (quote) {
        if (d == quote) quote = 0;
        q++;
        continue;
      }
      if (d == '\'' || d == '"') quote = d;
      else if (d == '(' || d == '[' || d == '{') lvl++;
      else if ((d == ')' || d == ']' || d == '}') && lvl > 0) lvl--;
      else if (lvl == 0) {
        if (d == '}') break;
        if (d == '!' && q + 1 < end && q[1] != '=') { conv = q; break; }
        if (d == ':') { colon = q; break; }
        if (d == '=' && q + 1 < end && q[1] != '=' && q > es && !strchr("=!<>", q[-1])) { eq = q; }
      }
      q++;
    }
    if (q >= end) syntax_error(p->filename, line, 0, "f-string: expecting '}'");
    const char *ee = eq ? eq : q;
    if (conv && (!eq || conv < eq)) ee = conv < ee ? conv : ee;
    if (colon && colon < ee) ee = colon;
    Node *fmt = new_node(E_FMT, line);
    size_t elen = (size_t)(ee - es);
    bool blank = true;
    for (size_t i = 0; i < elen; i++) if (es[i] != ' ' && es[i] != '\t' && es[i] != '\n') blank = false;
    if (blank) syntax_error(p->filename, line, 0, "f-string: empty expression not allowed");
    fmt->a = parse_sub_expr(p, es, elen, line);
    if (eq) {
      Node *k = new_node(E_CONST, line);
      k->v = str_new(es, (size_t)(eq + 1 - es));
      const char *after = eq + 1;
      while (after < q && (*after == ' ')) after++;
      k->v = str_new(es, (size_t)(after - es));
      nl_add(parts, k);
      if (!conv && !colon) fmt->op = 'r';
    }
    if (conv) {
      char cc = conv[1];
      if (cc != 'r' && cc != 's' && cc != 'a') syntax_error(p->filename, line, 0, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      fmt->op = (uint8_t)cc;
      q = conv + 2;
      if (q < end && *q == ':') colon = q;
      else if (q >= end || *q != '}') syntax_error(p->filename, line, 0, "f-string: expecting '}'");
    }
    if (colon) {
      const char *ss = colon + 1;
      int l2 = 0;
      q = ss;
      while (q < end) {
        if (*q == '{') l2++;
        else if (*q == '}') {
          if (l2 == 0) break;
          l2--;
        }
        q++;
      }
      if (q >= end) syntax_error(p->filename, line, 0, "f-string: expecting '}'");
      Node *spec = new_node(E_FSTR, line);
      fstring_parts(p, ss, (size_t)(q - ss), raw, line, &spec->list, depth + 1);
      fmt->b = spec;
    }
    q++; /* the closing brace */
    nl_add(parts, fmt);
  }
  if (lit.len) {
    Node *k = new_node(E_CONST, line);
    k->v = decode_string(lit.buf, lit.len, raw, false, p->filename, line);
    nl_add(parts, k);
  }
}

static Node *strings(P *p) {
  Token *first = peek(p);
  bool is_bytes = first->kind == T_BYTES;
  bool any_f = false;
  NodeList parts = {0};
  SB acc;
  sb_init(&acc, 16);
  while (pk(p) == T_STRING || pk(p) == T_BYTES || pk(p) == T_FSTRING) {
    Token *t = next(p);
    if ((t->kind == T_BYTES) != is_bytes) error_at(p, t, "cannot mix bytes and nonbytes literals");
    if (t->kind == T_FSTRING) {
      any_f = true;
      if (acc.len) {
        Node *k = new_node(E_CONST, t->line);
        k->v = str_new(acc.buf, acc.len);
        nl_add(&parts, k);
        acc.len = 0;
      }
      fstring_parts(p, str_cstr(t->val), str_len(t->val), t->raw, t->line, &parts, 0);
    } else if (is_bytes) {
      sb_add(&acc, (const char *)((Bytes *)t->val)->data, ((Bytes *)t->val)->len);
    } else {
      sb_addv(&acc, t->val);
    }
  }
  if (!any_f) {
    Node *k = new_node(E_CONST, first->line);
    k->v = is_bytes ? bytes_new((const uint8_t *)acc.buf, acc.len) : str_new(acc.buf, acc.len);
    return k;
  }
  if (acc.len) {
    Node *k = new_node(E_CONST, first->line);
    k->v = str_new(acc.buf, acc.len);
    nl_add(&parts, k);
  }
  Node *f = new_node(E_FSTR, first->line);
  f->list = parts;
  return f;
}

/* ---- expressions -------------------------------------------------------------------------- */
static Node *comp_for(P *p, Node *elt, int kind, Node *val) {
  Node *c = new_node(kind, elt->line);
  c->a = elt;
  c->b = val;
  while (pk(p) == K_FOR || (pk(p) == K_ASYNC && pk2(p) == K_FOR)) {
    Node *f = new_node(E_COMPFOR, peek(p)->line);
    if (accept(p, K_ASYNC)) f->flags = 1;
    expect(p, K_FOR);
    f->a = exprlist(p);
    expect(p, K_IN);
    f->b = or_test(p);
    while (pk(p) == K_IF) {
      next(p);
      Node *cond;
      if (pk(p) == K_LAMBDA) cond = test(p);
      else cond = or_test(p);
      nl_add(&f->list, cond);
    }
    nl_add(&c->list, f);
  }
  return c;
}

static Node *yield_expr(P *p) {
  Token *t = expect(p, K_YIELD);
  if (accept(p, K_FROM)) {
    Node *y = new_node(E_YIELDFROM, t->line);
    y->a = test(p);
    return y;
  }
  Node *y = new_node(E_YIELD, t->line);
  int k = pk(p);
  if (k != O_RPAR && k != T_NEWLINE && k != O_EQUAL && k != O_RSQB && k != O_RBRACE && k != O_SEMI && k != T_EOF)
    y->a = testlist_star_expr(p);
  return y;
}

static bool starts_expr(int k) {
  switch (k) {
    case T_NAME: case T_INT: case T_FLOAT: case T_STRING: case T_BYTES: case T_FSTRING:
    case K_NONE: case K_TRUE: case K_FALSE: case K_NOT: case K_LAMBDA: case K_AWAIT:
    case O_LPAR: case O_LSQB: case O_LBRACE: case O_MINUS: case O_PLUS: case O_TILDE:
    case O_ELLIPSIS: case O_STAR:
      return true;
  }
  return false;
}

static Node *atom(P *p) {
  Token *t = peek(p);
  Node *n;
  switch (t->kind) {
    case T_NAME:
      next(p);
      n = new_node(E_NAME, t->line);
      n->v = t->val;
      return n;
    case T_INT: case T_FLOAT:
      next(p);
      n = new_node(E_CONST, t->line);
      n->v = t->val;
      return n;
    case T_STRING: case T_BYTES: case T_FSTRING:
      return strings(p);
    case K_NONE: case K_TRUE: case K_FALSE: case O_ELLIPSIS:
      next(p);
      n = new_node(E_CONST, t->line);
      n->v = t->kind == K_NONE ? NONE : t->kind == K_TRUE ? TRUE_V : t->kind == K_FALSE ? FALSE_V : ELLIPSIS;
      return n;
    case O_LPAR: {
      next(p);
      enter(p);
      if (accept(p, O_RPAR)) {
        leave(p);
        return new_node(E_TUPLE, t->line);
      }
      if (pk(p) == K_YIELD) {
        n = yield_expr(p);
        expect(p, O_RPAR);
        leave(p);
        return n;
      }
      Node *first = star_expr_or_test(p);
      if (pk(p) == O_COLONEQUAL) {
        Token *w = next(p);
        if (first->kind != E_NAME) error_at(p, w, "cannot use assignment expressions with this target");
        Node *ne = new_node(E_NAMEDEXPR, w->line);
        ne->a = first;
        ne->b = test(p);
        first = ne;
      }
      if (pk(p) == K_FOR || pk(p) == K_ASYNC) {
        n = comp_for(p, first, E_GENEXP, NULL);
        expect(p, O_RPAR);
        leave(p);
        return n;
      }
      if (accept(p, O_RPAR)) {
        leave(p);
        if (first->kind == E_STARRED) error_at(p, t, "cannot use starred expression here");
        /* mark parenthesized so `(a) = 1` still works but `(yield)` etc. keep their node */
        return first;
      }
      n = new_node(E_TUPLE, t->line);
      nl_add(&n->list, first);
      while (accept(p, O_COMMA)) {
        if (pk(p) == O_RPAR) break;
        nl_add(&n->list, star_expr_or_test(p));
      }
      expect(p, O_RPAR);
      leave(p);
      return n;
    }
    case O_LSQB: {
      next(p);
      enter(p);
      n = new_node(E_LIST, t->line);
      if (accept(p, O_RSQB)) { leave(p); return n; }
      Node *first = star_expr_or_test(p);
      if (pk(p) == O_COLONEQUAL) {
        Token *w = next(p);
        if (first->kind != E_NAME) error_at(p, w, "cannot use assignment expressions with this target");
        Node *ne = new_node(E_NAMEDEXPR, w->line);
        ne->a = first;
        ne->b = test(p);
        first = ne;
      }
      if (pk(p) == K_FOR || pk(p) == K_ASYNC) {
        n = comp_for(p, first, E_LISTCOMP, NULL);
        expect(p, O_RSQB);
        leave(p);
        return n;
      }
      nl_add(&n->list, first);
      while (accept(p, O_COMMA)) {
        if (pk(p) == O_RSQB) break;
        nl_add(&n->list, star_expr_or_test(p));
      }
      expect(p, O_RSQB);
      leave(p);
      return n;
    }
    case O_LBRACE: {
      next(p);
      enter(p);
      if (accept(p, O_RBRACE)) {
        leave(p);
        return new_node(E_DICT, t->line);
      }
      if (accept(p, O_DOUBLESTAR)) {
        n = new_node(E_DICT, t->line);
        nl_add(&n->list, NULL);
        nl_add(&n->list2, expr(p));
      } else {
        Node *k = star_expr_or_test(p);
        if (accept(p, O_COLON)) {
          Node *v = test(p);
          if (pk(p) == K_FOR || pk(p) == K_ASYNC) {
            n = comp_for(p, k, E_DICTCOMP, v);
            expect(p, O_RBRACE);
            leave(p);
            return n;
          }
          n = new_node(E_DICT, t->line);
          nl_add(&n->list, k);
          nl_add(&n->list2, v);
        } else {
          if (pk(p) == K_FOR || pk(p) == K_ASYNC) {
            n = comp_for(p, k, E_SETCOMP, NULL);
            expect(p, O_RBRACE);
            leave(p);
            return n;
          }
          n = new_node(E_SET, t->line);
          nl_add(&n->list, k);
          while (accept(p, O_COMMA)) {
            if (pk(p) == O_RBRACE) break;
            nl_add(&n->list, star_expr_or_test(p));
          }
          expect(p, O_RBRACE);
          leave(p);
          return n;
        }
      }
      while (accept(p, O_COMMA)) {
        if (pk(p) == O_RBRACE) break;
        if (accept(p, O_DOUBLESTAR)) {
          nl_add(&n->list, NULL);
          nl_add(&n->list2, expr(p));
          continue;
        }
        nl_add(&n->list, test(p));
        expect(p, O_COLON);
        nl_add(&n->list2, test(p));
      }
      expect(p, O_RBRACE);
      leave(p);
      return n;
    }
    default:
      error_tok(p);
  }
}

static Node *subscript_item(P *p) {
  Token *t = peek(p);
  Node *lo = NULL;
  if (pk(p) != O_COLON) {
    lo = pk(p) == O_STAR ? star_expr_or_test(p) : test(p);
    if (pk(p) != O_COLON) return lo;
  }
  next(p);
  Node *s = new_node(E_SLICE, t->line);
  s->a = lo;
  if (pk(p) != O_COLON && pk(p) != O_RSQB && pk(p) != O_COMMA) s->b = test(p);
  if (accept(p, O_COLON)) {
    if (pk(p) != O_RSQB && pk(p) != O_COMMA) s->c = test(p);
  }
  return s;
}

static void call_args(P *p, Node *call) {
  /* positional args (with *), keyword args (with **), or a single generator expression */
  while (pk(p) != O_RPAR) {
    Token *t = peek(p);
    if (accept(p, O_STAR)) {
      Node *s = new_node(E_STARRED, t->line);
      s->a = test(p);
      if (call->list2.n) {
        /* positional unpacking after keywords is allowed in CPython; keep the order simple */
      }
      nl_add(&call->list, s);
    } else if (accept(p, O_DOUBLESTAR)) {
      Node *k = new_node(E_KEYWORD, t->line);
      k->a = test(p);
      nl_add(&call->list2, k);
    } else {
      Node *a = test(p);
      if (pk(p) == O_EQUAL) {
        next(p);
        if (a->kind != E_NAME) error_at(p, t, "expression cannot contain assignment, perhaps you meant \"==\"?");
        Node *k = new_node(E_KEYWORD, t->line);
        k->v = a->v;
        k->a = test(p);
        for (int i = 0; i < call->list2.n; i++)
          if (call->list2.items[i]->v == k->v) error_at(p, t, "keyword argument repeated");
        nl_add(&call->list2, k);
      } else if (pk(p) == O_COLONEQUAL) {
        Token *w = next(p);
        if (a->kind != E_NAME) error_at(p, w, "cannot use assignment expressions with this target");
        Node *ne = new_node(E_NAMEDEXPR, t->line);
        ne->a = a;
        ne->b = test(p);
        nl_add(&call->list, ne);
      } else if (pk(p) == K_FOR || pk(p) == K_ASYNC) {
        Node *g = comp_for(p, a, E_GENEXP, NULL);
        nl_add(&call->list, g);
        if (call->list.n > 1 || pk(p) == O_COMMA) {
          if (!(pk(p) == O_COMMA && pk2(p) == O_RPAR) || call->list.n > 1)
            error_at(p, t, "Generator expression must be parenthesized");
        }
      } else {
        if (call->list2.n) {
          bool only_star = true;
          for (int i = 0; i < call->list2.n; i++) if (call->list2.items[i]->v) only_star = false;
          error_at(p, t, only_star ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
        }
        nl_add(&call->list, a);
      }
    }
    if (!accept(p, O_COMMA)) break;
  }
  expect(p, O_RPAR);
}

static Node *atom_expr(P *p) {
  Node *n = atom(p);
  for (;;) {
    Token *t = peek(p);
    if (t->kind == O_LPAR) {
      next(p);
      enter(p);
      Node *c = new_node(E_CALL, t->line);
      c->a = n;
      call_args(p, c);
      leave(p);
      n = c;
    } else if (t->kind == O_LSQB) {
      next(p);
      enter(p);
      Node *s = new_node(E_SUBSCR, t->line);
      s->a = n;
      Node *first = subscript_item(p);
      if (pk(p) == O_COMMA) {
        Node *tu = new_node(E_TUPLE, t->line);
        nl_add(&tu->list, first);
        while (accept(p, O_COMMA)) {
          if (pk(p) == O_RSQB) break;
          nl_add(&tu->list, subscript_item(p));
        }
        first = tu;
      }
      s->b = first;
      expect(p, O_RSQB);
      leave(p);
      n = s;
    } else if (t->kind == O_DOT) {
      next(p);
      Token *name = expect(p, T_NAME);
      Node *a = new_node(E_ATTR, name->line);
      a->a = n;
      a->v = name->val;
      n = a;
    } else {
      return n;
    }
  }
}

static Node *factor(P *p);
static Node *power(P *p) {
  Token *t = peek(p);
  Node *n;
  if (t->kind == K_AWAIT) {
    next(p);
    n = new_node(E_AWAIT, t->line);
    n->a = atom_expr(p);
  } else {
    n = atom_expr(p);
  }
  if (pk(p) == O_DOUBLESTAR) {
    Token *op = next(p);
    Node *b = new_node(E_BINOP, op->line);
    b->op = BIN_POW;
    b->a = n;
    b->b = factor(p);
    return b;
  }
  return n;
}

static Node *factor(P *p) {
  Token *t = peek(p);
  if (t->kind == O_MINUS || t->kind == O_PLUS || t->kind == O_TILDE) {
    next(p);
    enter(p);
    Node *operand = factor(p);
    leave(p);
    /* fold negative numeric literals so that -9223372036854775808 stays representable */
    if (t->kind == O_MINUS && operand->kind == E_CONST && IS_SMALL(operand->v)) {
      operand->v = MK_SMALL(-SMALL_VAL(operand->v));
      return operand;
    }
    Node *u = new_node(E_UNARY, t->line);
    u->op = t->kind == O_MINUS ? UN_NEG : t->kind == O_PLUS ? UN_POS : UN_INVERT;
    u->a = operand;
    return u;
  }
  return power(p);
}

static Node *binary_level(P *p, int level);
static const int level_ops[][5] = {
    {O_VBAR, -1}, {O_CIRCUMFLEX, -1}, {O_AMPER, -1}, {O_LEFTSHIFT, O_RIGHTSHIFT, -1},
    {O_PLUS, O_MINUS, -1}, {O_STAR, O_SLASH, O_PERCENT, O_DOUBLESLASH, O_AT},
};
static int tok_binop(int k) {
  switch (k) {
    case O_VBAR: return BIN_OR;
    case O_CIRCUMFLEX: return BIN_XOR;
    case O_AMPER: return BIN_AND;
    case O_LEFTSHIFT: return BIN_LSHIFT;
    case O_RIGHTSHIFT: return BIN_RSHIFT;
    case O_PLUS: return BIN_ADD;
    case O_MINUS: return BIN_SUB;
    case O_STAR: return BIN_MUL;
    case O_SLASH: return BIN_TRUEDIV;
    case O_PERCENT: return BIN_MOD;
    case O_DOUBLESLASH: return BIN_FLOORDIV;
    case O_AT: return BIN_MATMUL;
  }
  return -1;
}

static Node *binary_level(P *p, int level) {
  if (level == 6) return factor(p);
  Node *n = binary_level(p, level + 1);
  for (;;) {
    int k = pk(p);
    bool match = false;
    for (int i = 0; i < 5 && level_ops[level][i] >= 0; i++)
      if (level_ops[level][i] == k && level_ops[level][i] != 0) match = true;
    if (level == 5 && (k == O_STAR || k == O_SLASH || k == O_PERCENT || k == O_DOUBLESLASH || k == O_AT)) match = true;
    if (!match) return n;
    Token *t = next(p);
    Node *b = new_node(E_BINOP, t->line);
    b->op = (uint8_t)tok_binop(k);
    b->a = n;
    b->b = binary_level(p, level + 1);
    n = b;
  }
}

static Node *expr(P *p) { return binary_level(p, 0); }

static int comp_op(P *p) {
  switch (pk(p)) {
    case O_LESS: next(p); return CMP_LT;
    case O_GREATER: next(p); return CMP_GT;
    case O_EQEQUAL: next(p); return CMP_EQ;
    case O_NOTEQUAL: next(p); return CMP_NE;
    case O_LESSEQUAL: next(p); return CMP_LE;
    case O_GREATEREQUAL: next(p); return CMP_GE;
    case K_IN: next(p); return CMP_IN;
    case K_NOT:
      if (pk2(p) == K_IN) { next(p); next(p); return CMP_NOT_IN; }
      return -1;
    case K_IS:
      next(p);
      if (accept(p, K_NOT)) return CMP_IS_NOT;
      return CMP_IS;
  }
  return -1;
}

static Node *comparison(P *p) {
  Node *left = expr(p);
  int op = comp_op(p);
  if (op < 0) return left;
  Node *c = new_node(E_COMPARE, left->line);
  c->a = left;
  uint8_t ops[64];
  int n = 0;
  while (op >= 0) {
    if (n >= 64) error_at(p, peek(p), "too many comparisons");
    ops[n++] = (uint8_t)op;
    nl_add(&c->list, expr(p));
    op = comp_op(p);
  }
  c->ops = gc_alloc((size_t)n);
  memcpy(c->ops, ops, (size_t)n);
  return c;
}

static Node *not_test(P *p) {
  Token *t = peek(p);
  if (t->kind == K_NOT) {
    next(p);
    enter(p);
    Node *u = new_node(E_UNARY, t->line);
    u->op = UN_NOT;
    u->a = not_test(p);
    leave(p);
    return u;
  }
  return comparison(p);
}

static Node *bool_level(P *p, bool is_or) {
  Node *first = is_or ? bool_level(p, false) : not_test(p);
  int kw = is_or ? K_OR : K_AND;
  if (pk(p) != kw) return first;
  Node *b = new_node(E_BOOLOP, first->line);
  b->op = is_or;
  nl_add(&b->list, first);
  while (accept(p, kw)) nl_add(&b->list, is_or ? bool_level(p, false) : not_test(p));
  return b;
}

static Node *or_test(P *p) { return bool_level(p, true); }

static Node *lambdef(P *p) {
  Token *t = expect(p, K_LAMBDA);
  Node *l = new_node(E_LAMBDA, t->line);
  l->args = parse_args_list(p, O_COLON, true);
  expect(p, O_COLON);
  l->a = test(p);
  l->v = N.lambda;
  return l;
}

static Node *test(P *p) {
  enter(p);
  if (pk(p) == K_LAMBDA) {
    Node *l = lambdef(p);
    leave(p);
    return l;
  }
  Node *n = or_test(p);
  if (pk(p) == K_IF) {
    Token *t = next(p);
    Node *c = new_node(E_IFEXP, t->line);
    c->b = n;
    c->a = or_test(p);
    expect(p, K_ELSE);
    c->c = test(p);
    n = c;
  }
  leave(p);
  return n;
}

static Node *namedexpr_test(P *p) {
  Node *n = test(p);
  if (pk(p) == O_COLONEQUAL) {
    Token *t = next(p);
    if (n->kind != E_NAME) error_at(p, t, "cannot use assignment expressions with this target");
    Node *ne = new_node(E_NAMEDEXPR, t->line);
    ne->a = n;
    ne->b = test(p);
    return ne;
  }
  return n;
}

static Node *star_expr_or_test(P *p) {
  Token *t = peek(p);
  if (accept(p, O_STAR)) {
    Node *s = new_node(E_STARRED, t->line);
    s->a = expr(p);
    return s;
  }
  return test(p);
}

/* comma-separated list; a single element without a trailing comma is returned as itself */
static Node *seq_of(P *p, Node *(*item)(P *), bool stop_at_in) {
  Token *t = peek(p);
  Node *first = item(p);
  if (pk(p) != O_COMMA) return first;
  Node *tu = new_node(E_TUPLE, t->line);
  nl_add(&tu->list, first);
  while (accept(p, O_COMMA)) {
    int k = pk(p);
    if (!starts_expr(k) || (stop_at_in && k == K_IN)) break;
    nl_add(&tu->list, item(p));
  }
  return tu;
}

static Node *star_expr_or_expr(P *p) {
  Token *t = peek(p);
  if (accept(p, O_STAR)) {
    Node *s = new_node(E_STARRED, t->line);
    s->a = expr(p);
    return s;
  }
  return expr(p);
}

static Node *testlist_star_expr(P *p) { return seq_of(p, star_expr_or_test, false); }
static Node *exprlist(P *p) { return seq_of(p, star_expr_or_expr, true); }
static Node *testlist(P *p) { return seq_of(p, test, false); }

static Node *parse_sub_expr(P *outer, const char *s, size_t n, int line) {
  TokenList tl = {0};
  /* parenthesize so that newlines inside the braces are allowed */
  char *buf = gc_alloc(n + 3);
  buf[0] = '(';
  memcpy(buf + 1, s, n);
  buf[n + 1] = ')';
  lex(buf, n + 2, outer->filename, &tl, line);
  P sub = {tl.toks, 0, tl.n, outer->filename, outer->depth};
  Node *e;
  if (pk(&sub) == O_LPAR) next(&sub);
  if (pk(&sub) == K_YIELD) e = yield_expr(&sub);
  else e = testlist_star_expr(&sub);
  expect(&sub, O_RPAR);
  if (pk(&sub) == T_NEWLINE) next(&sub);
  if (pk(&sub) != T_EOF) error_tok(&sub);
  return e;
}

/* ---- parameters --------------------------------------------------------------------------- */
static Node *parse_args_list(P *p, int close, bool lambda) {
  Node *a = new_node(N_ARGS, peek(p)->line);
  bool seen_default = false, star = false;
  while (pk(p) != close) {
    Token *t = peek(p);
    if (accept(p, O_SLASH)) {
      if (star || a->list.n == 0 || a->op) error_at(p, t, "invalid syntax");
      a->op = (uint8_t)a->list.n;
    } else if (accept(p, O_STAR)) {
      if (star) error_at(p, t, "* argument may appear only once");
      star = true;
      if (pk(p) == T_NAME) {
        Token *nm = next(p);
        Node *arg = new_node(N_ARG, nm->line);
        arg->v = nm->val;
        if (!lambda && accept(p, O_COLON)) test(p);
        a->b = arg;
      } else if (pk(p) != O_COMMA) {
        error_at(p, t, "named arguments must follow bare *");
      }
    } else if (accept(p, O_DOUBLESTAR)) {
      Token *nm = expect(p, T_NAME);
      Node *arg = new_node(N_ARG, nm->line);
      arg->v = nm->val;
      if (!lambda && accept(p, O_COLON)) test(p);
      a->c = arg;
      accept(p, O_COMMA);
      if (pk(p) != close) error_at(p, peek(p), "arguments cannot follow var-keyword argument");
      break;
    } else {
      Token *nm = expect(p, T_NAME);
      Node *arg = new_node(N_ARG, nm->line);
      arg->v = nm->val;
      if (!lambda && accept(p, O_COLON)) test(p);
      if (accept(p, O_EQUAL)) {
        arg->a = test(p);
        if (!star) seen_default = true;
      } else if (seen_default && !star) {
        error_at(p, nm, "non-default argument follows default argument");
      }
      NodeList *all[2] = {&a->list, &a->list2};
      for (int k = 0; k < 2; k++)
        for (int i = 0; i < all[k]->n; i++)
          if (all[k]->items[i]->v == arg->v) error_at(p, nm, "duplicate argument in function definition");
      nl_add(star ? &a->list2 : &a->list, arg);
    }
    if (!accept(p, O_COMMA)) break;
  }
  return a;
}

/* ---- statements --------------------------------------------------------------------------- */
static bool is_augassign(int k) {
  return k == O_PLUSEQUAL || k == O_MINEQUAL || k == O_STAREQUAL || k == O_SLASHEQUAL ||
         k == O_PERCENTEQUAL || k == O_AMPEREQUAL || k == O_VBAREQUAL || k == O_CIRCUMFLEXEQUAL ||
         k == O_LEFTSHIFTEQUAL || k == O_RIGHTSHIFTEQUAL || k == O_DOUBLESTAREQUAL ||
         k == O_DOUBLESLASHEQUAL || k == O_ATEQUAL;
}
static int aug_op(int k) {
  switch (k) {
    case O_PLUSEQUAL: return BIN_ADD;
    case O_MINEQUAL: return BIN_SUB;
    case O_STAREQUAL: return BIN_MUL;
    case O_SLASHEQUAL: return BIN_TRUEDIV;
    case O_PERCENTEQUAL: return BIN_MOD;
    case O_AMPEREQUAL: return BIN_AND;
    case O_VBAREQUAL: return BIN_OR;
    case O_CIRCUMFLEXEQUAL: return BIN_XOR;
    case O_LEFTSHIFTEQUAL: return BIN_LSHIFT;
    case O_RIGHTSHIFTEQUAL: return BIN_RSHIFT;
    case O_DOUBLESTAREQUAL: return BIN_POW;
    case O_DOUBLESLASHEQUAL: return BIN_FLOORDIV;
    default: return BIN_MATMUL;
  }
}

static Node *dotted_name(P *p) {
  Token *t = expect(p, T_NAME);
  SB sb;
  sb_init(&sb, 16);
  sb_addv(&sb, t->val);
  while (pk(p) == O_DOT) {
    next(p);
    Token *n = expect(p, T_NAME);
    sb_addc(&sb, '.');
    sb_addv(&sb, n->val);
  }
  Node *a = new_node(E_ALIAS, t->line);
  Value s = sb_to_str(&sb);
  a->v = intern_value(s);
  return a;
}

static Node *small_stmt(P *p) {
  Token *t = peek(p);
  Node *n;
  switch (t->kind) {
    case K_PASS: next(p); return new_node(S_PASS, t->line);
    case K_BREAK: next(p); return new_node(S_BREAK, t->line);
    case K_CONTINUE: next(p); return new_node(S_CONTINUE, t->line);
    case K_RETURN:
      next(p);
      n = new_node(S_RETURN, t->line);
      if (pk(p) != T_NEWLINE && pk(p) != O_SEMI && pk(p) != T_EOF) n->a = testlist_star_expr(p);
      return n;
    case K_RAISE:
      next(p);
      n = new_node(S_RAISE, t->line);
      if (pk(p) != T_NEWLINE && pk(p) != O_SEMI && pk(p) != T_EOF) {
        n->a = test(p);
        if (accept(p, K_FROM)) n->b = test(p);
      }
      return n;
    case K_GLOBAL: case K_NONLOCAL:
      next(p);
      n = new_node(t->kind == K_GLOBAL ? S_GLOBAL : S_NONLOCAL, t->line);
      do {
        Token *nm = expect(p, T_NAME);
        Node *e = new_node(E_NAME, nm->line);
        e->v = nm->val;
        nl_add(&n->list, e);
      } while (accept(p, O_COMMA));
      return n;
    case K_DEL: {
      next(p);
      n = new_node(S_DEL, t->line);
      Node *targets = exprlist(p);
      if (targets->kind == E_TUPLE) n->list = targets->list;
      else nl_add(&n->list, targets);
      return n;
    }
    case K_ASSERT:
      next(p);
      n = new_node(S_ASSERT, t->line);
      n->a = test(p);
      if (accept(p, O_COMMA)) n->b = test(p);
      return n;
    case K_IMPORT:
      next(p);
      n = new_node(S_IMPORT, t->line);
      do {
        Node *a = dotted_name(p);
        if (accept(p, K_AS)) a->v2 = expect(p, T_NAME)->val;
        nl_add(&n->list, a);
      } while (accept(p, O_COMMA));
      return n;
    case K_FROM: {
      next(p);
      n = new_node(S_IMPORTFROM, t->line);
      int level = 0;
      for (;;) {
        if (accept(p, O_DOT)) level++;
        else if (accept(p, O_ELLIPSIS)) level += 3;
        else break;
      }
      n->op = (uint8_t)level;
      if (pk(p) == T_NAME) n->v = dotted_name(p)->v;
      else if (level == 0) error_tok(p);
      expect(p, K_IMPORT);
      if (accept(p, O_STAR)) {
        Node *a = new_node(E_ALIAS, t->line);
        a->v = intern_cstr("*");
        nl_add(&n->list, a);
        return n;
      }
      bool paren = accept(p, O_LPAR);
      do {
        if (paren && pk(p) == O_RPAR) break;
        Token *nm = expect(p, T_NAME);
        Node *a = new_node(E_ALIAS, nm->line);
        a->v = nm->val;
        if (accept(p, K_AS)) a->v2 = expect(p, T_NAME)->val;
        nl_add(&n->list, a);
      } while (accept(p, O_COMMA));
      if (paren) expect(p, O_RPAR);
      return n;
    }
    default:
      break;
  }
  /* expression statement / assignment */
  Node *first = pk(p) == K_YIELD ? yield_expr(p) : testlist_star_expr(p);
  if (pk(p) == O_COLON && first->kind != E_TUPLE) {
    Token *c = next(p);
    n = new_node(S_ANNASSIGN, c->line);
    n->a = first;
    n->b = test(p);
    if (accept(p, O_EQUAL)) n->c = pk(p) == K_YIELD ? yield_expr(p) : testlist_star_expr(p);
    return n;
  }
  if (is_augassign(pk(p))) {
    Token *op = next(p);
    n = new_node(S_AUGASSIGN, op->line);
    n->op = (uint8_t)aug_op(op->kind);
    n->a = first;
    n->b = pk(p) == K_YIELD ? yield_expr(p) : testlist(p);
    return n;
  }
  if (pk(p) == O_EQUAL) {
    n = new_node(S_ASSIGN, first->line);
    nl_add(&n->list, first);
    Node *value = NULL;
    while (accept(p, O_EQUAL)) {
      value = pk(p) == K_YIELD ? yield_expr(p) : testlist_star_expr(p);
      if (pk(p) == O_EQUAL) nl_add(&n->list, value);
    }
    n->a = value;
    return n;
  }
  if (pk(p) == O_COLONEQUAL) error_at(p, peek(p), "invalid syntax");
  n = new_node(S_EXPR, first->line);
  n->a = first;
  return n;
}

static void simple_stmt(P *p, NodeList *out) {
  for (;;) {
    nl_add(out, small_stmt(p));
    if (!accept(p, O_SEMI)) break;
    if (pk(p) == T_NEWLINE || pk(p) == T_EOF) break;
  }
  if (pk(p) == T_EOF) return;
  if (pk(p) != T_NEWLINE) error_tok(p);
  next(p);
}

static void block(P *p, NodeList *body) {
  expect(p, O_COLON);
  if (pk(p) != T_NEWLINE) {
    simple_stmt(p, body);
    return;
  }
  next(p);
  expect(p, T_INDENT);
  while (pk(p) != T_DEDENT && pk(p) != T_EOF) statement_list(p, body);
  accept(p, T_DEDENT);
}

static Node *funcdef(P *p, NodeList *decorators, bool async) {
  Token *t = expect(p, K_DEF);
  Token *nm = expect(p, T_NAME);
  Node *f = new_node(S_FUNCDEF, t->line);
  f->v = nm->val;
  f->flags = async;
  if (decorators) f->list2 = *decorators;
  expect(p, O_LPAR);
  enter(p);
  f->args = parse_args_list(p, O_RPAR, false);
  expect(p, O_RPAR);
  leave(p);
  if (accept(p, O_RARROW)) test(p);
  block(p, &f->list);
  return f;
}

static Node *classdef(P *p, NodeList *decorators) {
  Token *t = expect(p, K_CLASS);
  Token *nm = expect(p, T_NAME);
  Node *c = new_node(S_CLASSDEF, t->line);
  c->v = nm->val;
  if (decorators) c->list2 = *decorators;
  c->b = new_node(E_CALL, t->line);
  if (accept(p, O_LPAR)) call_args(p, c->b);
  block(p, &c->list);
  return c;
}

static Node *with_stmt(P *p, bool async) {
  Token *t = expect(p, K_WITH);
  Node *w = new_node(S_WITH, t->line);
  w->flags = async;
  bool paren = false;
  if (pk(p) == O_LPAR) {
    /* parenthesized with-items: look for ')' ':' at depth 0 */
    int depth = 0;
    size_t i = p->pos;
    for (; i < p->n; i++) {
      int k = p->t[i].kind;
      if (k == O_LPAR || k == O_LSQB || k == O_LBRACE) depth++;
      else if (k == O_RPAR || k == O_RSQB || k == O_RBRACE) {
        if (--depth == 0) break;
      } else if (k == T_NEWLINE || k == T_EOF) break;
    }
    if (i + 1 < p->n && p->t[i].kind == O_RPAR && p->t[i + 1].kind == O_COLON) {
      bool has_as_or_comma = false;
      int d = 0;
      for (size_t j = p->pos; j < i; j++) {
        int k = p->t[j].kind;
        if (k == O_LPAR || k == O_LSQB || k == O_LBRACE) d++;
        else if (k == O_RPAR || k == O_RSQB || k == O_RBRACE) d--;
        else if (d == 1 && (k == K_AS || k == O_COMMA)) has_as_or_comma = true;
      }
      paren = has_as_or_comma;
    }
  }
  if (paren) next(p);
  do {
    if (paren && pk(p) == O_RPAR) break;
    Node *item = new_node(E_WITHITEM, peek(p)->line);
    item->a = test(p);
    if (accept(p, K_AS)) item->b = star_expr_or_expr(p);
    nl_add(&w->list, item);
  } while (accept(p, O_COMMA));
  if (paren) expect(p, O_RPAR);
  block(p, &w->list2);
  return w;
}

static Node *compound(P *p, Token *t) {
  Node *n;
  switch (t->kind) {
    case K_IF: {
      next(p);
      n = new_node(S_IF, t->line);
      n->a = namedexpr_test(p);
      block(p, &n->list);
      Node *cur = n;
      while (pk(p) == K_ELIF) {
        Token *e = next(p);
        Node *m = new_node(S_IF, e->line);
        m->a = namedexpr_test(p);
        block(p, &m->list);
        nl_add(&cur->list2, m);
        cur = m;
      }
      if (accept(p, K_ELSE)) block(p, &cur->list2);
      return n;
    }
    case K_WHILE:
      next(p);
      n = new_node(S_WHILE, t->line);
      n->a = namedexpr_test(p);
      block(p, &n->list);
      if (accept(p, K_ELSE)) block(p, &n->list2);
      return n;
    case K_FOR:
      next(p);
      n = new_node(S_FOR, t->line);
      n->a = exprlist(p);
      expect(p, K_IN);
      n->b = testlist_star_expr(p);
      block(p, &n->list);
      if (accept(p, K_ELSE)) block(p, &n->list2);
      return n;
    case K_TRY: {
      next(p);
      n = new_node(S_TRY, t->line);
      block(p, &n->list);
      while (pk(p) == K_EXCEPT) {
        Token *e = next(p);
        Node *h = new_node(S_HANDLER, e->line);
        if (pk(p) == O_STAR) error_at(p, peek(p), "except* is not supported");
        if (pk(p) != O_COLON) {
          h->a = test(p);
          if (pk(p) == O_COMMA) error_at(p, peek(p), "multiple exception types must be parenthesized");
          if (accept(p, K_AS)) h->v = expect(p, T_NAME)->val;
        } else if (n->list2.n && !n->list2.items[n->list2.n - 1]->a) {
          error_at(p, e, "default 'except:' must be last");
        }
        block(p, &h->list);
        nl_add(&n->list2, h);
      }
      if (pk(p) == K_ELSE) {
        if (!n->list2.n) error_tok(p);
        next(p);
        n->c = new_node(S_BLOCK, t->line);
        block(p, &n->c->list);
      }
      if (pk(p) == K_FINALLY) {
        next(p);
        n->d = new_node(S_BLOCK, t->line);
        block(p, &n->d->list);
      }
      if (!n->list2.n && !n->d) error_at(p, peek(p), "expected 'except' or 'finally' block");
      for (int i = 0; i + 1 < n->list2.n; i++)
        if (!n->list2.items[i]->a) syntax_error(p->filename, n->list2.items[i]->line, 0, "default 'except:' must be last");
      return n;
    }
    case K_WITH:
      return with_stmt(p, false);
    case K_DEF:
      return funcdef(p, NULL, false);
    case K_CLASS:
      return classdef(p, NULL);
    case K_ASYNC: {
      next(p);
      if (pk(p) == K_DEF) return funcdef(p, NULL, true);
      if (pk(p) == K_WITH) return with_stmt(p, true);
      if (pk(p) == K_FOR) {
        Node *f = compound(p, peek(p));
        f->flags = 1;
        return f;
      }
      error_tok(p);
    }
    case O_AT: {
      NodeList decs = {0};
      while (pk(p) == O_AT) {
        next(p);
        nl_add(&decs, namedexpr_test(p));
        expect(p, T_NEWLINE);
      }
      if (pk(p) == K_DEF) return funcdef(p, &decs, false);
      if (pk(p) == K_ASYNC && pk2(p) == K_DEF) {
        next(p);
        return funcdef(p, &decs, true);
      }
      if (pk(p) == K_CLASS) return classdef(p, &decs);
      error_tok(p);
    }
  }
  return NULL;
}

static Node *statement_list(P *p, NodeList *out) {
  Token *t = peek(p);
  switch (t->kind) {
    case K_IF: case K_WHILE: case K_FOR: case K_TRY: case K_WITH: case K_DEF: case K_CLASS:
    case K_ASYNC: case O_AT:
      nl_add(out, compound(p, t));
      return NULL;
    case T_INDENT:
      error_at(p, t, "unexpected indent");
    case T_NEWLINE:
      next(p);
      return NULL;
    default:
      simple_stmt(p, out);
      return NULL;
  }
}

Node *parse_module(const char *src, size_t len, Value filename, bool single) {
  (void)single;
  TokenList tl = {0};
  lex(src, len, filename, &tl, 1);
  P p = {tl.toks, 0, tl.n, filename, 0};
  Node *m = new_node(S_MODULE, 1);
  while (pk(&p) != T_EOF) {
    if (pk(&p) == T_DEDENT) error_tok(&p);
    statement_list(&p, &m->list);
  }
  return m;
}
