/* Symbol-table construction and name resolution (Python language reference, section 4.2,
 * "Naming and binding"; the two-pass design follows CPython's symtable.c). */
#include "scope.h"

#include "lexer.h"

typedef struct { Value filename; int depth; } SCtx;

#ifndef VBPY_MAX_EXPR_DEPTH
#define VBPY_MAX_EXPR_DEPTH 2000
#endif

static Scope *scope_new(int kind, Scope *parent, Node *node, Value name) {
  Scope *s = gc_alloc(sizeof(Scope));
  s->kind = kind;
  s->parent = parent;
  s->node = node;
  s->syms = dict_new();
  s->varnames = list_new(0);
  s->cellvars = list_new(0);
  s->freevars = list_new(0);
  s->children = list_new(0);
  s->name = name;
  if (parent && parent->kind != SC_MODULE) {
    Value pq = parent->qualname;
    if (parent->kind != SC_CLASS) pq = str_concat(pq, str_from_cstr(".<locals>"));
    s->qualname = str_concat(str_concat(pq, str_from_cstr(".")), name);
  } else {
    s->qualname = name;
  }
  node->scope = s;
  if (parent) list_append(parent->children, V(s));
  return s;
}

int scope_index(Value list, Value name) {
  List *l = (List *)list;
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == name) return (int)i;
  return -1;
}

static int sym_get(Scope *s, Value name) {
  Value v = dict_get_str(s->syms, name);
  return v ? (int)SMALL_VAL(v) : 0;
}

static void sym_add(SCtx *c, Scope *s, Value name, int flag, int line) {
  int f = sym_get(s, name);
  if ((flag & SYM_GLOBAL) && (f & (SYM_BOUND | SYM_USED)) && !(f & SYM_GLOBAL)) {
    if (f & SYM_PARAM) syntax_error(c->filename, line, 0, "name '%s' is parameter and global", str_cstr(name));
    syntax_error(c->filename, line, 0, "name '%s' is %s prior to global declaration", str_cstr(name), (f & SYM_BOUND) ? "assigned to" : "used");
  }
  if ((flag & SYM_NONLOCAL) && (f & (SYM_BOUND | SYM_USED)) && !(f & SYM_NONLOCAL)) {
    if (f & SYM_PARAM) syntax_error(c->filename, line, 0, "name '%s' is parameter and nonlocal", str_cstr(name));
    syntax_error(c->filename, line, 0, "name '%s' is %s prior to nonlocal declaration", str_cstr(name), (f & SYM_BOUND) ? "assigned to" : "used");
  }
  if ((flag & SYM_PARAM) && (f & SYM_PARAM)) syntax_error(c->filename, line, 0, "duplicate argument '%s' in function definition", str_cstr(name));
  dict_set(s->syms, name, MK_SMALL(f | flag));
  if ((flag & (SYM_BOUND | SYM_PARAM)) && s->kind != SC_MODULE && s->kind != SC_CLASS && scope_index(s->varnames, name) < 0 && !((f | flag) & (SYM_GLOBAL | SYM_NONLOCAL)))
    list_append(s->varnames, name);
}

static void visit(SCtx *c, Scope *s, Node *n);
static void visit_list(SCtx *c, Scope *s, NodeList *l) {
  for (int i = 0; i < l->n; i++)
    if (l->items[i]) visit(c, s, l->items[i]);
}

static void bind_target(SCtx *c, Scope *s, Node *t) {
  switch (t->kind) {
    case E_NAME: sym_add(c, s, t->v, SYM_BOUND, t->line); break;
    case E_TUPLE: case E_LIST:
      for (int i = 0; i < t->list.n; i++) bind_target(c, s, t->list.items[i]);
      break;
    case E_STARRED: bind_target(c, s, t->a); break;
    default: visit(c, s, t); break;
  }
}

static void visit_args_defaults(SCtx *c, Scope *outer, Node *args) {
  for (int i = 0; i < args->list.n; i++)
    if (args->list.items[i]->a) visit(c, outer, args->list.items[i]->a);
  for (int i = 0; i < args->list2.n; i++)
    if (args->list2.items[i]->a) visit(c, outer, args->list2.items[i]->a);
}

static void add_params(SCtx *c, Scope *fs, Node *args) {
  for (int i = 0; i < args->list.n; i++) sym_add(c, fs, args->list.items[i]->v, SYM_PARAM | SYM_BOUND, args->line);
  fs->argcount = args->list.n;
  fs->posonly = args->op;
  for (int i = 0; i < args->list2.n; i++) sym_add(c, fs, args->list2.items[i]->v, SYM_PARAM | SYM_BOUND, args->line);
  fs->kwonlycount = args->list2.n;
  if (args->b) {
    sym_add(c, fs, args->b->v, SYM_PARAM | SYM_BOUND, args->line);
    fs->varargs = true;
  }
  if (args->c) {
    sym_add(c, fs, args->c->v, SYM_PARAM | SYM_BOUND, args->line);
    fs->varkw = true;
  }
}

static Scope *enclosing_function(Scope *s) {
  while (s && s->kind == SC_COMPREHENSION) s = s->parent;
  return s;
}

static void visit_comprehension(SCtx *c, Scope *s, Node *n) {
  /* the first iterable is evaluated in the enclosing scope (PEP 289 semantics) */
  Node *first = n->list.items[0];
  visit(c, s, first->b);
  Value name = n->kind == E_LISTCOMP ? N.listcomp : n->kind == E_SETCOMP ? N.setcomp : n->kind == E_DICTCOMP ? N.dictcomp : N.genexpr;
  Scope *cs = scope_new(SC_COMPREHENSION, s, n, name);
  if (n->kind == E_GENEXP) cs->generator = true;
  sym_add(c, cs, intern_cstr(".0"), SYM_PARAM | SYM_BOUND, n->line);
  cs->argcount = 1;
  for (int i = 0; i < n->list.n; i++) {
    Node *f = n->list.items[i];
    if (i > 0) visit(c, cs, f->b);
    bind_target(c, cs, f->a);
    visit_list(c, cs, &f->list);
    if (f->flags) cs->coroutine = true;
  }
  visit(c, cs, n->a);
  if (n->b) visit(c, cs, n->b);
  if (cs->coroutine && !cs->generator) {
    /* async comprehension: only allowed inside async functions */
  }
}

static void visit_inner(SCtx *c, Scope *s, Node *n);
static void visit(SCtx *c, Scope *s, Node *n) {
  if (!n) return;
  if (++c->depth > VBPY_MAX_EXPR_DEPTH) syntax_error(c->filename, n->line, 0, "expression too deeply nested");
  visit_inner(c, s, n);
  c->depth--;
}

static void visit_inner(SCtx *c, Scope *s, Node *n) {
  switch (n->kind) {
    case E_NAME:
      sym_add(c, s, n->v, SYM_USED, n->line);
      if (n->v == N.super && s->kind != SC_CLASS) {
        Scope *f = s;
        sym_add(c, f, N.__class__, SYM_USED, n->line);
        f->uses_super = true;
      }
      break;
    case E_CONST: break;
    case E_FSTR: visit_list(c, s, &n->list); break;
    case E_FMT: visit(c, s, n->a); visit(c, s, n->b); break;
    case E_LAMBDA: {
      visit_args_defaults(c, s, n->args);
      Scope *fs = scope_new(SC_FUNCTION, s, n, N.lambda);
      add_params(c, fs, n->args);
      visit(c, fs, n->a);
      break;
    }
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
      visit_comprehension(c, s, n);
      break;
    case E_YIELD: case E_YIELDFROM: {
      Scope *f = s;
      if (f->kind == SC_MODULE || f->kind == SC_CLASS) syntax_error(c->filename, n->line, 0, "'yield' outside function");
      if (f->kind == SC_COMPREHENSION && n->kind != E_AWAIT) syntax_error(c->filename, n->line, 0, "'yield' inside list comprehension");
      f->generator = true;
      visit(c, s, n->a);
      break;
    }
    case E_AWAIT: {
      Scope *f = enclosing_function(s);
      if (!f || f->kind != SC_FUNCTION || !f->coroutine) {
        if (f && f->kind == SC_FUNCTION) syntax_error(c->filename, n->line, 0, "'await' outside async function");
        syntax_error(c->filename, n->line, 0, "'await' outside function");
      }
      if (s->kind == SC_COMPREHENSION) s->coroutine = true;
      visit(c, s, n->a);
      break;
    }
    case E_NAMEDEXPR: {
      /* binds in the nearest enclosing non-comprehension scope (PEP 572) */
      Scope *t = enclosing_function(s);
      if (t && t->kind == SC_CLASS && s->kind == SC_COMPREHENSION)
        syntax_error(c->filename, n->line, 0, "assignment expression within a comprehension cannot be used in a class body");
      if (t != s) {
        sym_add(c, t, n->a->v, SYM_BOUND, n->line);
        for (Scope *q = s; q != t; q = q->parent) sym_add(c, q, n->a->v, SYM_NONLOCAL | SYM_USED, n->line);
        if (t->kind == SC_MODULE)
          for (Scope *q = s; q != t; q = q->parent) {
            dict_set(q->syms, n->a->v, MK_SMALL(SYM_GLOBAL | SYM_USED | SYM_BOUND));
          }
      } else {
        sym_add(c, s, n->a->v, SYM_BOUND, n->line);
      }
      visit(c, s, n->b);
      break;
    }
    case S_FUNCDEF: {
      visit_list(c, s, &n->list2);
      visit_args_defaults(c, s, n->args);
      sym_add(c, s, n->v, SYM_BOUND, n->line);
      Scope *fs = scope_new(SC_FUNCTION, s, n, n->v);
      fs->coroutine = n->flags != 0;
      add_params(c, fs, n->args);
      visit_list(c, fs, &n->list);
      break;
    }
    case S_CLASSDEF: {
      visit_list(c, s, &n->list2);
      visit(c, s, n->b);
      sym_add(c, s, n->v, SYM_BOUND, n->line);
      Scope *cs = scope_new(SC_CLASS, s, n, n->v);
      visit_list(c, cs, &n->list);
      break;
    }
    case S_GLOBAL: case S_NONLOCAL:
      for (int i = 0; i < n->list.n; i++) {
        Node *nm = n->list.items[i];
        if (n->kind == S_NONLOCAL && s->kind == SC_MODULE) syntax_error(c->filename, n->line, 0, "nonlocal declaration not allowed at module level");
        sym_add(c, s, nm->v, n->kind == S_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL, n->line);
      }
      break;
    case S_ASSIGN:
      visit(c, s, n->a);
      for (int i = 0; i < n->list.n; i++) bind_target(c, s, n->list.items[i]);
      break;
    case S_AUGASSIGN:
      visit(c, s, n->b);
      if (n->a->kind == E_NAME) sym_add(c, s, n->a->v, SYM_BOUND | SYM_USED, n->line);
      else visit(c, s, n->a);
      break;
    case S_ANNASSIGN:
      visit(c, s, n->c);
      if (n->a->kind == E_NAME && (s->kind == SC_CLASS || s->kind == SC_MODULE)) {
        visit(c, s, n->b);
        sym_add(c, s, N.__annotations__, SYM_BOUND | SYM_USED, n->line);
      }
      if (n->a->kind == E_NAME) {
        if (n->c) sym_add(c, s, n->a->v, SYM_BOUND, n->line);
      } else {
        visit(c, s, n->a);
      }
      break;
    case S_DEL:
      for (int i = 0; i < n->list.n; i++) bind_target(c, s, n->list.items[i]);
      break;
    case S_FOR:
      visit(c, s, n->b);
      bind_target(c, s, n->a);
      visit_list(c, s, &n->list);
      visit_list(c, s, &n->list2);
      break;
    case S_HANDLER:
      visit(c, s, n->a);
      if (n->v) sym_add(c, s, n->v, SYM_BOUND, n->line);
      visit_list(c, s, &n->list);
      break;
    case E_WITHITEM:
      visit(c, s, n->a);
      if (n->b) bind_target(c, s, n->b);
      break;
    case S_IMPORT: case S_IMPORTFROM:
      for (int i = 0; i < n->list.n; i++) {
        Node *a = n->list.items[i];
        Value name = a->v2;
        if (!name) {
          const char *d = strchr(str_cstr(a->v), '.');
          name = d ? intern(str_cstr(a->v), (size_t)(d - str_cstr(a->v))) : a->v;
        }
        if (str_cstr(name)[0] == '*') {
          if (s->kind != SC_MODULE) syntax_error(c->filename, n->line, 0, "import * only allowed at module level");
          continue;
        }
        sym_add(c, s, name, SYM_BOUND, n->line);
      }
      break;
    case E_COMPARE:
      visit(c, s, n->a);
      visit_list(c, s, &n->list);
      break;
    case E_DICT:
      visit_list(c, s, &n->list);
      visit_list(c, s, &n->list2);
      break;
    case S_RETURN:
      if (s->kind == SC_MODULE || s->kind == SC_CLASS) syntax_error(c->filename, n->line, 0, "'return' outside function");
      visit(c, s, n->a);
      break;
    default:
      visit(c, s, n->a);
      visit(c, s, n->b);
      visit(c, s, n->c);
      visit(c, s, n->d);
      visit_list(c, s, &n->list);
      visit_list(c, s, &n->list2);
      break;
  }
}

int scope_resolve(Scope *s, Value name) {
  Value v = dict_get_str(s->syms, name);
  if (!v) return 0;
  return (int)(SMALL_VAL(v) >> 8);
}

static void set_res(Scope *s, Value name, int res) {
  int f = sym_get(s, name) & 0xff;
  dict_set(s->syms, name, MK_SMALL(f | (res << 8)));
}

static bool func_like(Scope *s) { return s->kind == SC_FUNCTION || s->kind == SC_COMPREHENSION; }

/* bound: dict of names bound in enclosing function scopes (visible as free variables) */
static void resolve(SCtx *c, Scope *s, Value bound) {
  size_t pos = 0;
  Value name, fv;
  while (dict_next(s->syms, &pos, &name, &fv)) {
    int f = (int)SMALL_VAL(fv) & 0xff;
    int res;
    if (f & SYM_GLOBAL) res = RES_GLOBAL_EXPLICIT;
    else if (f & SYM_NONLOCAL) {
      if (!dict_get_str(bound, name)) syntax_error(c->filename, s->node->line, 0, "no binding for nonlocal '%s' found", str_cstr(name));
      res = RES_FREE;
    } else if (f & (SYM_BOUND | SYM_PARAM)) {
      res = s->kind == SC_MODULE ? RES_GLOBAL_IMPLICIT : s->kind == SC_CLASS ? RES_NAME : RES_LOCAL;
    } else if (dict_get_str(bound, name)) {
      res = RES_FREE;
    } else {
      res = s->kind == SC_CLASS ? RES_NAME : RES_GLOBAL_IMPLICIT;
    }
    set_res(s, name, res);
  }
  Value child_bound;
  if (s->kind == SC_MODULE) {
    child_bound = dict_new();
  } else if (s->kind == SC_CLASS) {
    child_bound = dict_copy(bound);
    dict_set(child_bound, N.__class__, TRUE_V);
  } else {
    child_bound = dict_copy(bound);
    pos = 0;
    while (dict_next(s->syms, &pos, &name, &fv)) {
      int r = (int)(SMALL_VAL(fv) >> 8);
      if (r == RES_LOCAL || r == RES_FREE) dict_set(child_bound, name, TRUE_V);
      if (r == RES_GLOBAL_EXPLICIT) dict_del(child_bound, name);
    }
    if (s->kind == SC_COMPREHENSION) {
      /* names bound in a comprehension are still visible to lambdas inside it */
    }
  }
  List *ch = (List *)s->children;
  for (size_t i = 0; i < ch->len; i++) {
    Scope *k = (Scope *)ch->items[i];
    resolve(c, k, child_bound);
    List *fl = (List *)k->freevars;
    for (size_t j = 0; j < fl->len; j++) {
      Value nm = fl->items[j];
      int r = scope_resolve(s, nm);
      if (s->kind == SC_CLASS && nm == N.__class__) {
        if (scope_index(s->cellvars, nm) < 0) list_append(s->cellvars, nm);
        set_res(s, nm, RES_CELL);
        continue;
      }
      if (func_like(s) && (r == RES_LOCAL || r == RES_CELL)) {
        if (r == RES_LOCAL) {
          set_res(s, nm, RES_CELL);
          list_append(s->cellvars, nm);
        }
      } else if (r != RES_FREE || scope_index(s->freevars, nm) < 0) {
        /* pass-through free variable */
        if (r == 0) dict_set(s->syms, nm, MK_SMALL(0));
        if (s->kind == SC_CLASS && r == RES_NAME) {
          /* class binds it too: class uses LOAD_CLASSDEREF semantics for reads */
        }
        set_res(s, nm, RES_FREE);
        if (scope_index(s->freevars, nm) < 0) list_append(s->freevars, nm);
      }
    }
  }
  /* own free variables, in first-seen order */
  pos = 0;
  while (dict_next(s->syms, &pos, &name, &fv)) {
    if ((SMALL_VAL(fv) >> 8) == RES_FREE && scope_index(s->freevars, name) < 0) list_append(s->freevars, name);
  }
  /* cells are not locals: remove them from the local slot list unless they are parameters */
  List *vn = (List *)s->varnames;
  size_t w = 0;
  for (size_t i = 0; i < vn->len; i++) {
    Value nm = vn->items[i];
    int r = scope_resolve(s, nm);
    int f = sym_get(s, nm) & 0xff;
    if ((r == RES_CELL || r == RES_FREE) && !(f & SYM_PARAM)) continue;
    vn->items[w++] = nm;
  }
  vn->len = w;
}

Scope *scope_analyze(Node *module, Value filename) {
  SCtx c = {filename, 0};
  Scope *m = scope_new(SC_MODULE, NULL, module, N.module);
  visit_list(&c, m, &module->list);
  resolve(&c, m, dict_new());
  return m;
}
