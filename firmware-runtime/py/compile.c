/* Compiler: AST to bytecode (bytecode.h), one code object per function, class body, lambda and
 * comprehension.  Local variables live in frame slots (LOAD_FAST), captured ones in cells
 * (LOAD_DEREF); module-level names are globals.  try/finally bodies are duplicated on each
 * exit path (return/break/continue), as CPython 3.9+ does, so the VM needs no "why" codes. */
#include "ast.h"
#include "bytecode.h"
#include "lexer.h"
#include "scope.h"

enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER, FB_WITH, FB_ASYNC_WITH, FB_ASYNC_FOR };

typedef struct {
  int kind;
  int start;       /* continue target for loops */
  int *breaks;     /* patch positions of break jumps (loops) */
  int nbreaks, capbreaks;
  Node *final;     /* finally body (FB_FINALLY_TRY) */
  Value name;      /* handler name to clear (FB_HANDLER) */
  bool close_iter; /* for-loop over a temporary generator: close it when leaving early */
} FBlock;

typedef struct Unit {
  Scope *scope;
  uint8_t *code;
  size_t len, cap;
  Value consts; /* list */
  Value names;  /* list */
  Value name_idx; /* dict name -> index */
  uint32_t *lines;
  size_t nlines, caplines;
  int line, last_line;
  FBlock fb[32];
  int nfb;
  bool repl;
  bool doc; /* consts[0] is the docstring (CO_DOC) */
} Unit;

typedef struct {
  Value filename;
  Unit *u;
  int depth; /* expression nesting, bounded so deep trees cannot overflow the C stack */
} C;

#ifndef VBPY_MAX_EXPR_DEPTH
#define VBPY_MAX_EXPR_DEPTH 2000
#endif

static void compile_stmt(C *c, Node *n);
static void compile_expr(C *c, Node *n);
static void compile_body(C *c, NodeList *l);
static Code *compile_scope_code(C *c, Scope *s, Node *n);

static NORETURN void cerror(C *c, Node *n, const char *fmt, const char *arg) {
  syntax_error(c->filename, n ? n->line : c->u->line, 0, fmt, arg);
}

/* ---- emission ----------------------------------------------------------------------------- */
static void grow(Unit *u, size_t need) {
  if (u->len + need <= u->cap) return;
  size_t nc = u->cap ? u->cap * 2 : 256;
  while (nc < u->len + need) nc *= 2;
  u->code = gc_realloc(u->code, nc);
  u->cap = nc;
}

static void mark_line(Unit *u) {
  if (u->line == u->last_line) return;
  if (u->nlines + 2 > u->caplines) {
    u->caplines = u->caplines ? u->caplines * 2 : 64;
    u->lines = gc_realloc(u->lines, u->caplines * sizeof(uint32_t));
  }
  u->lines[u->nlines++] = (uint32_t)u->len;
  u->lines[u->nlines++] = (uint32_t)u->line;
  u->last_line = u->line;
}

static void emit0(C *c, int op) {
  Unit *u = c->u;
  mark_line(u);
  grow(u, 1);
  u->code[u->len++] = (uint8_t)op;
}

static int emit(C *c, int op, int arg) {
  Unit *u = c->u;
  if (arg < 0 || arg > 0xffffff) syntax_error(c->filename, u->line, 0, "code too large (argument %d)", arg);
  mark_line(u);
  grow(u, 4);
  u->code[u->len++] = (uint8_t)op;
  u->code[u->len++] = (uint8_t)(arg & 0xff);
  u->code[u->len++] = (uint8_t)((arg >> 8) & 0xff);
  u->code[u->len++] = (uint8_t)(arg >> 16);
  return (int)u->len - 3;
}

static int here(C *c) {
  if (c->u->len > 0xffffff) syntax_error(c->filename, c->u->line, 0, "code too large");
  return (int)c->u->len;
}
static void patch(C *c, int pos, int target) {
  if (target > 0xffffff) syntax_error(c->filename, c->u->line, 0, "code too large");
  c->u->code[pos] = (uint8_t)(target & 0xff);
  c->u->code[pos + 1] = (uint8_t)((target >> 8) & 0xff);
  c->u->code[pos + 2] = (uint8_t)(target >> 16);
}
static void patch_here(C *c, int pos) { patch(c, pos, here(c)); }

static bool same_const(Value a, Value b) {
  if (a == b) return true;
  Type *ta = type_of(a), *tb = type_of(b);
  if (ta != tb) return false;
  if (ta == &str_type) return str_eq(a, b);
  if (ta == &float_type) return memcmp(&((Float *)a)->v, &((Float *)b)->v, sizeof(double)) == 0;
  if (ta == &int_type) return py_eq(a, b);
  if (ta == &bytes_type) return ((Bytes *)a)->len == ((Bytes *)b)->len && memcmp(((Bytes *)a)->data, ((Bytes *)b)->data, ((Bytes *)a)->len) == 0;
  return false;
}

static int const_index(C *c, Value v) {
  List *l = (List *)c->u->consts;
  if (!is_type(v, &code_type) && !is_type(v, &tuple_type))
    for (size_t i = 0; i < l->len; i++)
      if (same_const(l->items[i], v)) return (int)i;
  list_append(c->u->consts, v);
  return (int)l->len - 1;
}

static void load_const(C *c, Value v) { emit(c, OP_LOAD_CONST, const_index(c, v)); }

/* A body's docstring: its first statement, when that is a string literal. */
static Value docstring(NodeList *body) {
  if (body->n == 0) return VNULL;
  Node *first = body->items[0];
  if (first->kind != S_EXPR || first->a->kind != E_CONST || !is_type(first->a->v, &str_type)) return VNULL;
  return first->a->v;
}


static int name_index(C *c, Value name) {
  Value i = dict_get_str(c->u->name_idx, name);
  if (i) return (int)SMALL_VAL(i);
  int k = (int)((List *)c->u->names)->len;
  list_append(c->u->names, name);
  dict_set(c->u->name_idx, name, MK_SMALL(k));
  return k;
}

/* Module and class bodies keep their docstring in __doc__, as CPython does. */
static void store_doc(C *c, NodeList *body) {
  Value doc = docstring(body);
  if (!doc) return;
  load_const(c, doc);
  emit(c, OP_STORE_NAME, name_index(c, N.__doc__));
}

/* ---- names -------------------------------------------------------------------------------- */
enum { CTX_LOAD, CTX_STORE, CTX_DEL };

static int cell_index(Scope *s, Value name) {
  int i = scope_index(s->cellvars, name);
  if (i >= 0) return i;
  i = scope_index(s->freevars, name);
  if (i >= 0) return (int)((List *)s->cellvars)->len + i;
  return -1;
}

/* Private names (Python reference, 6.2.1 "Identifiers", private name mangling): inside a class,
 * __spam (not ending in __) becomes _Class__spam in attribute and dict-based name lookups. */
static Value mangle(C *c, Value name) {
  const char *n = str_cstr(name);
  size_t len = str_len(name);
  if (len < 3 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') || strchr(n, '.')) return name;
  Scope *s = c->u->scope;
  while (s && s->kind != SC_CLASS) s = s->parent;
  if (!s) return name;
  const char *cn = str_cstr(s->name);
  while (*cn == '_') cn++;
  if (!*cn) return name;
  return intern_value(str_printf("_%s%s", cn, n));
}

static void emit_name(C *c, Value name, int ctx) {
  Scope *s = c->u->scope;
  int res = scope_resolve(s, name);
  /* module level: *_NAME ops, which read the frame's locals (the globals, except under exec
   * with a separate locals mapping) */
  if (s->kind == SC_MODULE) res = (res == RES_FREE || res == RES_CELL) ? res : RES_NAME;
  switch (res) {
    case RES_LOCAL: {
      int i = scope_index(s->varnames, name);
      emit(c, ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST, i);
      return;
    }
    case RES_CELL: case RES_FREE: {
      int i = cell_index(s, name);
      if (s->kind == SC_CLASS && ctx == CTX_LOAD && res == RES_FREE) emit(c, OP_LOAD_CLASSDEREF, i);
      else if (s->kind == SC_CLASS && res == RES_CELL && name != N.__class__) emit(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME, name_index(c, mangle(c, name)));
      else emit(c, ctx == CTX_LOAD ? OP_LOAD_DEREF : ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, i);
      return;
    }
    case RES_NAME:
      emit(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME, name_index(c, mangle(c, name)));
      return;
    default:
      if (s->kind == SC_CLASS && res == RES_GLOBAL_IMPLICIT) {
        emit(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME, name_index(c, mangle(c, name)));
        return;
      }
      emit(c, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, name_index(c, mangle(c, name)));
  }
}

/* ---- blocks for break/continue/return ----------------------------------------------------- */
static FBlock *push_fb(C *c, int kind) {
  Unit *u = c->u;
  if (u->nfb >= 32) syntax_error(c->filename, u->line, 0, "too many statically nested blocks");
  FBlock *f = &u->fb[u->nfb++];
  memset(f, 0, sizeof *f);
  f->kind = kind;
  return f;
}

static void add_break(FBlock *f, int pos) {
  if (f->nbreaks == f->capbreaks) {
    f->capbreaks = f->capbreaks ? f->capbreaks * 2 : 4;
    f->breaks = gc_realloc(f->breaks, (size_t)f->capbreaks * sizeof(int));
  }
  f->breaks[f->nbreaks++] = pos;
}

static void call_exit_none(C *c, bool async) {
  load_const(c, NONE);
  emit0(c, OP_DUP_TOP);
  emit0(c, OP_DUP_TOP);
  emit(c, OP_CALL_FUNCTION, 3);
  if (async) {
    emit0(c, OP_GET_AWAITABLE);
    load_const(c, NONE);
    emit0(c, OP_YIELD_FROM);
  }
  emit0(c, OP_POP_TOP);
}

/* Emits the cleanup for leaving block f early; preserve: a return value is on top. */
static void unwind_one(C *c, FBlock *f, bool preserve) {
  switch (f->kind) {
    case FB_WHILE: break;
    case FB_FOR: case FB_ASYNC_FOR:
      if (preserve) emit0(c, OP_ROT_TWO);
      /* CPython finalises a temporary generator as soon as the loop drops it */
      emit0(c, f->close_iter ? OP_POP_ITER_CLOSE : OP_POP_TOP);
      break;
    case FB_TRY_EXCEPT:
      emit0(c, OP_POP_BLOCK);
      break;
    case FB_FINALLY_TRY: {
      emit0(c, OP_POP_BLOCK);
      /* compile the finally body with this block (and those inside it) removed */
      Unit *u = c->u;
      int saved = u->nfb;
      FBlock copy[32];
      memcpy(copy, u->fb, sizeof copy);
      u->nfb = (int)(f - u->fb);
      compile_body(c, &f->final->list);
      memcpy(u->fb, copy, sizeof copy);
      u->nfb = saved;
      break;
    }
    case FB_FINALLY_END:
      /* [prev_exc, exc, (retval)]: drop exc, then POP_EXCEPT pops prev_exc from under retval */
      if (preserve) emit0(c, OP_ROT_THREE);
      emit0(c, OP_POP_TOP);
      emit0(c, OP_POP_EXCEPT);
      break;
    case FB_HANDLER:
      if (preserve) emit0(c, OP_ROT_TWO);
      emit0(c, OP_POP_EXCEPT);
      if (f->name) {
        load_const(c, NONE);
        emit_name(c, f->name, CTX_STORE);
        emit_name(c, f->name, CTX_DEL);
      }
      break;
    case FB_WITH: case FB_ASYNC_WITH:
      emit0(c, OP_POP_BLOCK);
      if (preserve) emit0(c, OP_ROT_TWO);
      call_exit_none(c, f->kind == FB_ASYNC_WITH);
      break;
  }
}

/* ---- assignment targets ------------------------------------------------------------------- */
static void compile_store(C *c, Node *t) {
  switch (t->kind) {
    case E_NAME:
      if (t->v == intern_cstr("__debug__")) cerror(c, t, "cannot assign to __debug__%s", "");
      emit_name(c, t->v, CTX_STORE);
      return;
    case E_ATTR:
      compile_expr(c, t->a);
      emit(c, OP_STORE_ATTR, name_index(c, mangle(c, t->v)));
      return;
    case E_SUBSCR:
      compile_expr(c, t->a);
      compile_expr(c, t->b);
      emit0(c, OP_STORE_SUBSCR);
      return;
    case E_TUPLE: case E_LIST: {
      int star = -1;
      for (int i = 0; i < t->list.n; i++)
        if (t->list.items[i]->kind == E_STARRED) {
          if (star >= 0) cerror(c, t, "multiple starred expressions in assignment%s", "");
          star = i;
        }
      if (star < 0) emit(c, OP_UNPACK_SEQUENCE, t->list.n);
      else emit(c, OP_UNPACK_EX, star | ((t->list.n - star - 1) << 8));
      for (int i = 0; i < t->list.n; i++) {
        Node *e = t->list.items[i];
        compile_store(c, e->kind == E_STARRED ? e->a : e);
      }
      return;
    }
    case E_STARRED:
      cerror(c, t, "starred assignment target must be in a list or tuple%s", "");
    case E_CONST:
      cerror(c, t, "cannot assign to literal%s", "");
    case E_CALL:
      cerror(c, t, "cannot assign to function call%s", "");
    default:
      cerror(c, t, "cannot assign to expression%s", "");
  }
}

static void compile_delete(C *c, Node *t) {
  switch (t->kind) {
    case E_NAME: emit_name(c, t->v, CTX_DEL); return;
    case E_ATTR:
      compile_expr(c, t->a);
      emit(c, OP_DELETE_ATTR, name_index(c, mangle(c, t->v)));
      return;
    case E_SUBSCR:
      compile_expr(c, t->a);
      compile_expr(c, t->b);
      emit0(c, OP_DELETE_SUBSCR);
      return;
    case E_TUPLE: case E_LIST:
      for (int i = 0; i < t->list.n; i++) compile_delete(c, t->list.items[i]);
      return;
    default:
      cerror(c, t, "cannot delete expression%s", "");
  }
}

/* ---- expressions -------------------------------------------------------------------------- */
static bool has_starred(NodeList *l) {
  for (int i = 0; i < l->n; i++)
    if (l->items[i] && l->items[i]->kind == E_STARRED) return true;
  return false;
}

/* builds a list from elements that may contain *starred */
static void build_list_with_stars(C *c, NodeList *l) {
  emit(c, OP_BUILD_LIST, 0);
  for (int i = 0; i < l->n; i++) {
    Node *e = l->items[i];
    if (e->kind == E_STARRED) {
      compile_expr(c, e->a);
      emit(c, OP_LIST_EXTEND, 1);
    } else {
      compile_expr(c, e);
      emit(c, OP_LIST_APPEND, 1);
    }
  }
}

static void compile_call(C *c, Node *n) {
  int saved_line = c->u->line;
  bool simple = !has_starred(&n->list) && n->list.n < 256 && n->list2.n < 256;
  for (int i = 0; i < n->list2.n; i++)
    if (!n->list2.items[i]->v) simple = false;
  bool method = simple && n->a->kind == E_ATTR;
  if (method) {
    compile_expr(c, n->a->a);
    c->u->line = n->line;
    emit(c, OP_LOAD_METHOD, name_index(c, mangle(c, n->a->v)));
  } else {
    compile_expr(c, n->a);
  }
  if (simple) {
    for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
    for (int i = 0; i < n->list2.n; i++) {
      load_const(c, n->list2.items[i]->v);
      compile_expr(c, n->list2.items[i]->a);
    }
    c->u->line = n->line;
    emit(c, method ? OP_CALL_METHOD : OP_CALL_FUNCTION, n->list.n | (n->list2.n << 8));
    c->u->line = saved_line;
    return;
  }
  build_list_with_stars(c, &n->list);
  emit0(c, OP_LIST_TO_TUPLE);
  if (n->list2.n) {
    emit(c, OP_BUILD_MAP, 0);
    for (int i = 0; i < n->list2.n; i++) {
      Node *k = n->list2.items[i];
      if (k->v) {
        load_const(c, k->v);
        compile_expr(c, k->a);
        emit(c, OP_BUILD_MAP, 1);
      } else {
        compile_expr(c, k->a);
      }
      emit(c, OP_DICT_MERGE, 1);
    }
  }
  c->u->line = n->line;
  emit(c, OP_CALL_FUNCTION_EX, n->list2.n ? 1 : 0);
  c->u->line = saved_line;
}

static void compile_compare(C *c, Node *n) {
  compile_expr(c, n->a);
  int count = n->list.n;
  if (count == 1) {
    compile_expr(c, n->list.items[0]);
    emit(c, OP_COMPARE_OP, n->ops[0]);
    return;
  }
  int cleanups[64];
  int nc = 0;
  for (int i = 0; i < count - 1; i++) {
    compile_expr(c, n->list.items[i]);
    emit0(c, OP_DUP_TOP);
    emit0(c, OP_ROT_THREE);
    emit(c, OP_COMPARE_OP, n->ops[i]);
    cleanups[nc++] = emit(c, OP_JUMP_IF_FALSE_OR_POP, 0);
  }
  compile_expr(c, n->list.items[count - 1]);
  emit(c, OP_COMPARE_OP, n->ops[count - 1]);
  int end = emit(c, OP_JUMP, 0);
  for (int i = 0; i < nc; i++) patch_here(c, cleanups[i]);
  emit0(c, OP_ROT_TWO);
  emit0(c, OP_POP_TOP);
  patch_here(c, end);
}

static void make_closure(C *c, Code *code, Scope *s, int flags) {
  List *fv = (List *)s->freevars;
  if (fv->len) {
    for (size_t i = 0; i < fv->len; i++) {
      int idx = cell_index(c->u->scope, fv->items[i]);
      if (idx < 0) syntax_error(c->filename, c->u->line, 0, "internal error: free variable '%s' not found", str_cstr(fv->items[i]));
      emit(c, OP_LOAD_CLOSURE, idx);
    }
    emit(c, OP_BUILD_TUPLE, (int)fv->len);
    flags |= MF_CLOSURE;
  }
  load_const(c, V(code));
  emit(c, OP_MAKE_FUNCTION, flags);
}

static void compile_function_obj(C *c, Node *n, Node *args) {
  int flags = 0;
  int ndef = 0;
  for (int i = 0; i < args->list.n; i++)
    if (args->list.items[i]->a) {
      compile_expr(c, args->list.items[i]->a);
      ndef++;
    }
  if (ndef) {
    emit(c, OP_BUILD_TUPLE, ndef);
    flags |= MF_DEFAULTS;
  }
  int nkwd = 0;
  for (int i = 0; i < args->list2.n; i++)
    if (args->list2.items[i]->a) {
      load_const(c, args->list2.items[i]->v);
      compile_expr(c, args->list2.items[i]->a);
      nkwd++;
    }
  if (nkwd) {
    emit(c, OP_BUILD_MAP, nkwd);
    flags |= MF_KWDEFAULTS;
  }
  Scope *s = n->scope;
  Code *code = compile_scope_code(c, s, n);
  make_closure(c, code, s, flags);
}

static void compile_comprehension(C *c, Node *n) {
  Scope *s = n->scope;
  Code *code = compile_scope_code(c, s, n);
  make_closure(c, code, s, 0);
  compile_expr(c, n->list.items[0]->b);
  emit0(c, n->list.items[0]->flags ? OP_GET_AITER : OP_GET_ITER);
  emit(c, OP_CALL_FUNCTION, 1);
  if (s->coroutine && n->kind != E_GENEXP) {
    emit0(c, OP_GET_AWAITABLE);
    load_const(c, NONE);
    emit0(c, OP_YIELD_FROM);
  }
}

static void compile_fstring(C *c, Node *n) {
  int count = 0;
  for (int i = 0; i < n->list.n; i++) {
    Node *p = n->list.items[i];
    if (p->kind == E_CONST) {
      load_const(c, p->v);
    } else {
      compile_expr(c, p->a);
      int flags = p->op == 's' ? 1 : p->op == 'r' ? 2 : p->op == 'a' ? 3 : 0;
      if (p->b) {
        compile_fstring(c, p->b);
        flags |= 4;
      }
      emit(c, OP_FORMAT_VALUE, flags);
    }
    count++;
  }
  if (count == 0) load_const(c, vm.empty_str);
  else if (count > 1 || n->list.items[0]->kind != E_FMT) emit(c, OP_BUILD_STRING, count);
}

static void compile_expr_inner(C *c, Node *n);
static void compile_expr(C *c, Node *n) {
  if (++c->depth > VBPY_MAX_EXPR_DEPTH) syntax_error(c->filename, n->line, 0, "expression too deeply nested");
  compile_expr_inner(c, n);
  c->depth--;
}

static void compile_expr_inner(C *c, Node *n) {
  switch (n->kind) {
    case E_NAME:
      emit_name(c, n->v, CTX_LOAD);
      return;
    case E_CONST:
      load_const(c, n->v);
      return;
    case E_FSTR:
      compile_fstring(c, n);
      return;
    case E_BINOP:
      compile_expr(c, n->a);
      compile_expr(c, n->b);
      emit(c, OP_BINARY_OP, n->op);
      return;
    case E_UNARY:
      compile_expr(c, n->a);
      emit(c, OP_UNARY_OP, n->op);
      return;
    case E_BOOLOP: {
      int jumps[256];
      int nj = 0;
      for (int i = 0; i < n->list.n; i++) {
        compile_expr(c, n->list.items[i]);
        if (i + 1 < n->list.n) {
          int j = emit(c, n->op ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, 0);
          if (nj < 256) jumps[nj++] = j;
          else syntax_error(c->filename, n->line, 0, "too many operands");
        }
      }
      for (int i = 0; i < nj; i++) patch_here(c, jumps[i]);
      return;
    }
    case E_COMPARE:
      compile_compare(c, n);
      return;
    case E_IFEXP: {
      compile_expr(c, n->a);
      int jf = emit(c, OP_POP_JUMP_IF_FALSE, 0);
      compile_expr(c, n->b);
      int je = emit(c, OP_JUMP, 0);
      patch_here(c, jf);
      compile_expr(c, n->c);
      patch_here(c, je);
      return;
    }
    case E_LAMBDA:
      compile_function_obj(c, n, n->args);
      return;
    case E_CALL:
      compile_call(c, n);
      return;
    case E_ATTR: {
      compile_expr(c, n->a);
      int saved = c->u->line;
      c->u->line = n->line;
      emit(c, OP_LOAD_ATTR, name_index(c, mangle(c, n->v)));
      c->u->line = saved;
      return;
    }
    case E_SUBSCR:
      compile_expr(c, n->a);
      compile_expr(c, n->b);
      emit0(c, OP_BINARY_SUBSCR);
      return;
    case E_SLICE:
      if (n->a) compile_expr(c, n->a); else load_const(c, NONE);
      if (n->b) compile_expr(c, n->b); else load_const(c, NONE);
      if (n->c) {
        compile_expr(c, n->c);
        emit(c, OP_BUILD_SLICE, 3);
      } else {
        emit(c, OP_BUILD_SLICE, 2);
      }
      return;
    case E_TUPLE: case E_LIST:
      if (has_starred(&n->list)) {
        build_list_with_stars(c, &n->list);
        if (n->kind == E_TUPLE) emit0(c, OP_LIST_TO_TUPLE);
        return;
      }
      for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
      emit(c, n->kind == E_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_LIST, n->list.n);
      return;
    case E_SET:
      if (has_starred(&n->list)) {
        emit(c, OP_BUILD_SET, 0);
        for (int i = 0; i < n->list.n; i++) {
          Node *e = n->list.items[i];
          if (e->kind == E_STARRED) {
            compile_expr(c, e->a);
            emit(c, OP_SET_UPDATE, 1);
          } else {
            compile_expr(c, e);
            emit(c, OP_SET_ADD, 1);
          }
        }
        return;
      }
      for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
      emit(c, OP_BUILD_SET, n->list.n);
      return;
    case E_DICT: {
      bool unpack = false;
      for (int i = 0; i < n->list.n; i++) if (!n->list.items[i]) unpack = true;
      if (!unpack && n->list.n < 0xffff) {
        for (int i = 0; i < n->list.n; i++) {
          compile_expr(c, n->list.items[i]);
          compile_expr(c, n->list2.items[i]);
        }
        emit(c, OP_BUILD_MAP, n->list.n);
        return;
      }
      emit(c, OP_BUILD_MAP, 0);
      for (int i = 0; i < n->list.n; i++) {
        if (n->list.items[i]) {
          compile_expr(c, n->list.items[i]);
          compile_expr(c, n->list2.items[i]);
          emit(c, OP_BUILD_MAP, 1);
        } else {
          compile_expr(c, n->list2.items[i]);
        }
        emit(c, OP_DICT_UPDATE, 1);
      }
      return;
    }
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: case E_DICTCOMP:
      compile_comprehension(c, n);
      return;
    case E_STARRED:
      cerror(c, n, "can't use starred expression here%s", "");
    case E_YIELD:
      if (n->a) compile_expr(c, n->a);
      else load_const(c, NONE);
      emit0(c, OP_YIELD_VALUE);
      return;
    case E_YIELDFROM:
      if (c->u->scope->coroutine) cerror(c, n, "'yield from' inside async function%s", "");
      compile_expr(c, n->a);
      emit0(c, OP_GET_YIELD_FROM_ITER);
      load_const(c, NONE);
      emit0(c, OP_YIELD_FROM);
      return;
    case E_AWAIT:
      compile_expr(c, n->a);
      emit0(c, OP_GET_AWAITABLE);
      load_const(c, NONE);
      emit0(c, OP_YIELD_FROM);
      return;
    case E_NAMEDEXPR:
      compile_expr(c, n->b);
      emit0(c, OP_DUP_TOP);
      compile_store(c, n->a);
      return;
    default:
      cerror(c, n, "invalid expression%s", "");
  }
}

/* ---- statements --------------------------------------------------------------------------- */
static void compile_body(C *c, NodeList *l) {
  for (int i = 0; i < l->n; i++) compile_stmt(c, l->items[i]);
}

static void compile_jump_cond(C *c, Node *test, bool jump_if, int *patch_out) {
  /* `not x` inverts the jump instead of computing a bool */
  if (test->kind == E_UNARY && test->op == UN_NOT) {
    compile_jump_cond(c, test->a, !jump_if, patch_out);
    return;
  }
  compile_expr(c, test);
  *patch_out = emit(c, jump_if ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, 0);
}

static void compile_loop_end(C *c, FBlock *f) {
  for (int i = 0; i < f->nbreaks; i++) patch_here(c, f->breaks[i]);
}

static void compile_for(C *c, Node *n) {
  bool async = n->flags != 0;
  compile_expr(c, n->b);
  if (async) {
    emit0(c, OP_GET_AITER);
  } else {
    emit0(c, OP_GET_ITER);
  }
  int top = here(c);
  int exit_jump;
  if (async) {
    /* SETUP_ASYNC_FOR: await anext(); StopAsyncIteration jumps to exit */
    exit_jump = emit(c, OP_SETUP_ASYNC_FOR, 0);
    emit0(c, OP_GET_ANEXT);
    load_const(c, NONE);
    emit0(c, OP_YIELD_FROM);
    emit0(c, OP_POP_BLOCK);
  } else {
    exit_jump = emit(c, OP_FOR_ITER, 0);
  }
  FBlock *f = push_fb(c, async ? FB_ASYNC_FOR : FB_FOR);
  f->start = top;
  f->close_iter = !async && (n->b->kind == E_CALL || n->b->kind == E_GENEXP);
  compile_store(c, n->a);
  compile_body(c, &n->list);
  emit(c, OP_JUMP, top);
  c->u->nfb--;
  FBlock saved = *f;
  patch_here(c, exit_jump);
  if (async) emit0(c, OP_END_ASYNC_FOR);
  compile_body(c, &n->list2);
  compile_loop_end(c, &saved);
}

static void compile_while(C *c, Node *n) {
  int top = here(c);
  int exit_jump = -1;
  bool infinite = n->a->kind == E_CONST && py_truth(n->a->v);
  if (!infinite) compile_jump_cond(c, n->a, false, &exit_jump);
  FBlock *f = push_fb(c, FB_WHILE);
  f->start = top;
  compile_body(c, &n->list);
  emit(c, OP_JUMP, top);
  c->u->nfb--;
  FBlock saved = *f;
  if (exit_jump >= 0) patch_here(c, exit_jump);
  compile_body(c, &n->list2);
  compile_loop_end(c, &saved);
}

static void compile_try(C *c, Node *n) {
  int fin_setup = -1;
  if (n->d) {
    fin_setup = emit(c, OP_SETUP_EXCEPT, 0);
    FBlock *f = push_fb(c, FB_FINALLY_TRY);
    f->final = n->d;
  }
  if (n->list2.n) {
    int setup = emit(c, OP_SETUP_EXCEPT, 0);
    push_fb(c, FB_TRY_EXCEPT);
    compile_body(c, &n->list);
    c->u->nfb--;
    emit0(c, OP_POP_BLOCK);
    if (n->c) compile_body(c, &n->c->list);
    int to_end[128];
    int ne = 0;
    to_end[ne++] = emit(c, OP_JUMP, 0);
    patch_here(c, setup);
    for (int i = 0; i < n->list2.n; i++) {
      Node *h = n->list2.items[i];
      c->u->line = h->line;
      int next_h = -1;
      if (h->a) {
        emit0(c, OP_DUP_TOP);
        compile_expr(c, h->a);
        emit(c, OP_COMPARE_OP, CMP_EXC_MATCH);
        next_h = emit(c, OP_POP_JUMP_IF_FALSE, 0);
      }
      if (h->v) emit_name(c, h->v, CTX_STORE);
      else emit0(c, OP_POP_TOP);
      FBlock *hf = push_fb(c, FB_HANDLER);
      hf->name = h->v;
      compile_body(c, &h->list);
      c->u->nfb--;
      emit0(c, OP_POP_EXCEPT);
      if (h->v) {
        load_const(c, NONE);
        emit_name(c, h->v, CTX_STORE);
        emit_name(c, h->v, CTX_DEL);
      }
      if (ne < 128) to_end[ne++] = emit(c, OP_JUMP, 0);
      else syntax_error(c->filename, h->line, 0, "too many except clauses");
      if (next_h >= 0) patch_here(c, next_h);
    }
    emit0(c, OP_RERAISE);
    for (int i = 0; i < ne; i++) patch_here(c, to_end[i]);
  } else {
    compile_body(c, &n->list);
  }
  if (n->d) {
    c->u->nfb--;
    emit0(c, OP_POP_BLOCK);
    compile_body(c, &n->d->list);
    int end = emit(c, OP_JUMP, 0);
    patch_here(c, fin_setup);
    push_fb(c, FB_FINALLY_END);
    compile_body(c, &n->d->list);
    c->u->nfb--;
    emit0(c, OP_RERAISE);
    patch_here(c, end);
  }
}

static void compile_with_items(C *c, Node *n, int idx) {
  bool async = n->flags != 0;
  Node *item = n->list.items[idx];
  c->u->line = item->line;
  compile_expr(c, item->a);
  int setup;
  if (async) {
    emit0(c, OP_BEFORE_ASYNC_WITH);
    emit0(c, OP_GET_AWAITABLE);
    load_const(c, NONE);
    emit0(c, OP_YIELD_FROM);
    setup = emit(c, OP_SETUP_ASYNC_WITH, 0);
  } else {
    setup = emit(c, OP_SETUP_WITH, 0);
  }
  if (item->b) compile_store(c, item->b);
  else emit0(c, OP_POP_TOP);
  push_fb(c, async ? FB_ASYNC_WITH : FB_WITH);
  if (idx + 1 < n->list.n) compile_with_items(c, n, idx + 1);
  else compile_body(c, &n->list2);
  c->u->nfb--;
  emit0(c, OP_POP_BLOCK);
  call_exit_none(c, async);
  int end = emit(c, OP_JUMP, 0);
  patch_here(c, setup);
  emit0(c, OP_WITH_EXCEPT);
  if (async) {
    emit0(c, OP_GET_AWAITABLE);
    load_const(c, NONE);
    emit0(c, OP_YIELD_FROM);
  }
  int suppress = emit(c, OP_POP_JUMP_IF_TRUE, 0);
  emit0(c, OP_RERAISE);
  patch_here(c, suppress);
  emit0(c, OP_POP_TOP);
  emit0(c, OP_POP_EXCEPT);
  emit0(c, OP_POP_TOP);
  patch_here(c, end);
}

static void compile_import(C *c, Node *n) {
  for (int i = 0; i < n->list.n; i++) {
    Node *a = n->list.items[i];
    load_const(c, MK_SMALL(0));
    load_const(c, NONE);
    emit(c, OP_IMPORT_NAME, name_index(c, a->v));
    const char *full = str_cstr(a->v);
    if (a->v2) {
      const char *p = strchr(full, '.');
      while (p) {
        const char *q = strchr(p + 1, '.');
        size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
        emit(c, OP_IMPORT_FROM, name_index(c, intern(p + 1, len)));
        emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_TOP);
        p = q;
      }
      emit_name(c, a->v2, CTX_STORE);
    } else {
      const char *d = strchr(full, '.');
      emit_name(c, d ? intern(full, (size_t)(d - full)) : a->v, CTX_STORE);
    }
  }
}

static void compile_import_from(C *c, Node *n) {
  load_const(c, MK_SMALL(n->op));
  Value names = tuple_new((size_t)n->list.n);
  for (int i = 0; i < n->list.n; i++) ((Tuple *)names)->items[i] = n->list.items[i]->v;
  load_const(c, names);
  emit(c, OP_IMPORT_NAME, name_index(c, n->v ? n->v : vm.empty_str));
  if (n->list.n == 1 && str_cstr(n->list.items[0]->v)[0] == '*') {
    emit0(c, OP_IMPORT_STAR);
    return;
  }
  for (int i = 0; i < n->list.n; i++) {
    Node *a = n->list.items[i];
    emit(c, OP_IMPORT_FROM, name_index(c, a->v));
    emit_name(c, a->v2 ? a->v2 : a->v, CTX_STORE);
  }
  emit0(c, OP_POP_TOP);
}

static void compile_class(C *c, Node *n) {
  for (int i = 0; i < n->list2.n; i++) compile_expr(c, n->list2.items[i]);
  emit0(c, OP_LOAD_BUILD_CLASS);
  Scope *s = n->scope;
  Code *code = compile_scope_code(c, s, n);
  make_closure(c, code, s, 0);
  load_const(c, n->v);
  Node *call = n->b;
  bool simple = !has_starred(&call->list);
  for (int i = 0; i < call->list2.n; i++) if (!call->list2.items[i]->v) simple = false;
  if (simple) {
    for (int i = 0; i < call->list.n; i++) compile_expr(c, call->list.items[i]);
    for (int i = 0; i < call->list2.n; i++) {
      load_const(c, call->list2.items[i]->v);
      compile_expr(c, call->list2.items[i]->a);
    }
    emit(c, OP_CALL_FUNCTION, (2 + call->list.n) | (call->list2.n << 8));
  } else {
    /* __build_class__(func, name, *bases, **kw): func and name go first in the tuple */
    emit(c, OP_BUILD_TUPLE, 2);
    emit(c, OP_BUILD_LIST, 0);
    emit0(c, OP_ROT_TWO);
    emit(c, OP_LIST_EXTEND, 1);
    for (int i = 0; i < call->list.n; i++) {
      Node *e = call->list.items[i];
      if (e->kind == E_STARRED) {
        compile_expr(c, e->a);
        emit(c, OP_LIST_EXTEND, 1);
      } else {
        compile_expr(c, e);
        emit(c, OP_LIST_APPEND, 1);
      }
    }
    emit0(c, OP_LIST_TO_TUPLE);
    /* stack: build_class, tuple -> need build_class below: it already is */
    if (call->list2.n) {
      emit(c, OP_BUILD_MAP, 0);
      for (int i = 0; i < call->list2.n; i++) {
        Node *k = call->list2.items[i];
        if (k->v) {
          load_const(c, k->v);
          compile_expr(c, k->a);
          emit(c, OP_BUILD_MAP, 1);
        } else {
          compile_expr(c, k->a);
        }
        emit(c, OP_DICT_MERGE, 1);
      }
    }
    emit(c, OP_CALL_FUNCTION_EX, call->list2.n ? 1 : 0);
  }
  for (int i = 0; i < n->list2.n; i++) emit(c, OP_CALL_FUNCTION, 1);
  emit_name(c, n->v, CTX_STORE);
}

static void compile_return(C *c, Node *n) {
  Unit *u = c->u;
  bool preserve = n->a != NULL;
  if (n->a) {
    if (u->scope->generator && u->scope->coroutine) cerror(c, n, "'return' with value in async generator%s", "");
    compile_expr(c, n->a);
  }
  for (int i = u->nfb - 1; i >= 0; i--) unwind_one(c, &u->fb[i], preserve);
  if (!n->a) load_const(c, NONE);
  emit0(c, OP_RETURN_VALUE);
}

static void compile_break_continue(C *c, Node *n, bool is_break) {
  Unit *u = c->u;
  int i = u->nfb - 1;
  while (i >= 0 && u->fb[i].kind != FB_WHILE && u->fb[i].kind != FB_FOR && u->fb[i].kind != FB_ASYNC_FOR) i--;
  if (i < 0) cerror(c, n, is_break ? "'break' outside loop%s" : "'continue' not properly in loop%s", "");
  for (int k = u->nfb - 1; k > i; k--) unwind_one(c, &u->fb[k], false);
  FBlock *loop = &u->fb[i];
  if (is_break) {
    if (loop->kind != FB_WHILE) emit0(c, loop->close_iter ? OP_POP_ITER_CLOSE : OP_POP_TOP);
    add_break(loop, emit(c, OP_JUMP, 0));
  } else {
    emit(c, OP_JUMP, loop->start);
  }
}

static void compile_stmt(C *c, Node *n) {
  c->u->line = n->line;
  switch (n->kind) {
    case S_EXPR:
      if (n->a->kind == E_CONST && c->u->repl == false) return; /* docstrings and constants */
      compile_expr(c, n->a);
      emit0(c, c->u->repl ? OP_PRINT_EXPR : OP_POP_TOP);
      return;
    case S_ASSIGN:
      compile_expr(c, n->a);
      for (int i = 0; i < n->list.n; i++) {
        if (i + 1 < n->list.n) emit0(c, OP_DUP_TOP);
        compile_store(c, n->list.items[i]);
      }
      return;
    case S_AUGASSIGN: {
      Node *t = n->a;
      int op = n->op | BIN_INPLACE;
      if (t->kind == E_NAME) {
        emit_name(c, t->v, CTX_LOAD);
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        emit_name(c, t->v, CTX_STORE);
      } else if (t->kind == E_ATTR) {
        compile_expr(c, t->a);
        emit0(c, OP_DUP_TOP);
        emit(c, OP_LOAD_ATTR, name_index(c, mangle(c, t->v)));
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        emit0(c, OP_ROT_TWO);
        emit(c, OP_STORE_ATTR, name_index(c, mangle(c, t->v)));
      } else if (t->kind == E_SUBSCR) {
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit0(c, OP_DUP_TOP_TWO);
        emit0(c, OP_BINARY_SUBSCR);
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        emit0(c, OP_ROT_THREE);
        emit0(c, OP_STORE_SUBSCR);
      } else {
        cerror(c, n, "'%s' is an illegal expression for augmented assignment", t->kind == E_TUPLE ? "tuple" : t->kind == E_LIST ? "list" : "expression");
      }
      return;
    }
    case S_ANNASSIGN:
      if (n->c) {
        compile_expr(c, n->c);
        compile_store(c, n->a);
      }
      if (n->a->kind == E_NAME && (c->u->scope->kind == SC_CLASS || c->u->scope->kind == SC_MODULE)) {
        /* record the annotation in __annotations__ (PEP 526), created on first use */
        compile_expr(c, n->b);
        emit(c, c->u->scope->kind == SC_CLASS ? OP_LOAD_NAME : OP_LOAD_GLOBAL, name_index(c, N.__annotations__));
        load_const(c, n->a->v);
        emit0(c, OP_STORE_SUBSCR);
      } else if (!n->c && n->a->kind != E_NAME) {
        /* evaluate the target's object for side effects, as CPython does */
        if (n->a->kind == E_ATTR) { compile_expr(c, n->a->a); emit0(c, OP_POP_TOP); }
      }
      return;
    case S_DEL:
      for (int i = 0; i < n->list.n; i++) compile_delete(c, n->list.items[i]);
      return;
    case S_PASS: case S_GLOBAL: case S_NONLOCAL:
      return;
    case S_BREAK:
      compile_break_continue(c, n, true);
      return;
    case S_CONTINUE:
      compile_break_continue(c, n, false);
      return;
    case S_RETURN:
      compile_return(c, n);
      return;
    case S_RAISE:
      if (n->a) compile_expr(c, n->a);
      if (n->b) compile_expr(c, n->b);
      emit(c, OP_RAISE_VARARGS, n->b ? 2 : n->a ? 1 : 0);
      return;
    case S_ASSERT: {
      compile_expr(c, n->a);
      int ok = emit(c, OP_POP_JUMP_IF_TRUE, 0);
      emit0(c, OP_LOAD_ASSERTION_ERROR);
      if (n->b) {
        compile_expr(c, n->b);
        emit(c, OP_CALL_FUNCTION, 1);
      }
      emit(c, OP_RAISE_VARARGS, 1);
      patch_here(c, ok);
      return;
    }
    case S_IF: {
      int jf;
      compile_jump_cond(c, n->a, false, &jf);
      compile_body(c, &n->list);
      if (n->list2.n) {
        int je = emit(c, OP_JUMP, 0);
        patch_here(c, jf);
        compile_body(c, &n->list2);
        patch_here(c, je);
      } else {
        patch_here(c, jf);
      }
      return;
    }
    case S_WHILE:
      compile_while(c, n);
      return;
    case S_FOR:
      compile_for(c, n);
      return;
    case S_TRY:
      compile_try(c, n);
      return;
    case S_WITH:
      compile_with_items(c, n, 0);
      return;
    case S_FUNCDEF:
      for (int i = 0; i < n->list2.n; i++) compile_expr(c, n->list2.items[i]);
      compile_function_obj(c, n, n->args);
      for (int i = 0; i < n->list2.n; i++) emit(c, OP_CALL_FUNCTION, 1);
      emit_name(c, n->v, CTX_STORE);
      return;
    case S_CLASSDEF:
      compile_class(c, n);
      return;
    case S_IMPORT:
      compile_import(c, n);
      return;
    case S_IMPORTFROM:
      compile_import_from(c, n);
      return;
    default:
      cerror(c, n, "unsupported statement%s", "");
  }
}

/* ---- stack depth -------------------------------------------------------------------------- */
static int stack_effect(int op, int arg, bool jump) {
  switch (op) {
    case OP_NOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: case OP_GET_ITER:
    case OP_GET_AWAITABLE: case OP_GET_YIELD_FROM_ITER: case OP_POP_BLOCK: case OP_YIELD_VALUE:
    case OP_LIST_TO_TUPLE: case OP_LOAD_ATTR: case OP_UNARY_OP: case OP_JUMP: case OP_DELETE_FAST:
    case OP_DELETE_DEREF: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_GET_AITER:
      return 0;
    case OP_POP_TOP: case OP_POP_ITER_CLOSE: case OP_RETURN_VALUE: case OP_YIELD_FROM: case OP_POP_EXCEPT: case OP_RERAISE:
    case OP_PRINT_EXPR: case OP_IMPORT_STAR: case OP_BINARY_SUBSCR: case OP_BINARY_OP:
    case OP_COMPARE_OP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_STORE_FAST:
    case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL: case OP_DELETE_ATTR:
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_IMPORT_NAME:
      return -1;
    case OP_DUP_TOP: case OP_WITH_EXCEPT: case OP_LOAD_BUILD_CLASS: case OP_LOAD_ASSERTION_ERROR:
    case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME: case OP_LOAD_GLOBAL: case OP_LOAD_METHOD:
    case OP_IMPORT_FROM: case OP_BEFORE_ASYNC_WITH: case OP_GET_ANEXT:
      return 1;
    case OP_DUP_TOP_TWO: return 2;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: case OP_STORE_ATTR: case OP_MAP_ADD: return -2;
    case OP_CALL_FUNCTION: return -((arg & 0xff) + 2 * (arg >> 8));
    case OP_CALL_METHOD: return -((arg & 0xff) + 2 * (arg >> 8)) - 1;
    case OP_CALL_FUNCTION_EX: return -1 - (arg & 1);
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_SLICE:
    case OP_BUILD_STRING:
      return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg);
    case OP_RAISE_VARARGS: return -arg;
    case OP_SETUP_EXCEPT: return jump ? 2 : 0;
    case OP_SETUP_WITH: return jump ? 2 : 1;
    case OP_SETUP_ASYNC_WITH: return jump ? 1 : 0;
    case OP_SETUP_ASYNC_FOR: return jump ? 2 : 0;
    case OP_END_ASYNC_FOR: return -3;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
  }
  return 0;
}

static int compute_stacksize(C *c) {
  Unit *u = c->u;
  size_t n = u->len;
  int *depth = gc_alloc((n + 1) * sizeof(int));
  for (size_t i = 0; i <= n; i++) depth[i] = -1;
  int *work = gc_alloc((n + 1) * sizeof(int));
  int nw = 0;
  int maxd = 0;
  depth[0] = 0;
  work[nw++] = 0;
  while (nw) {
    int pc = work[--nw];
    int d = depth[pc];
    while (pc < (int)n) {
      int op = u->code[pc];
      int arg = 0, next = pc + 1;
      if (op > OP_HAVE_ARG) {
        arg = u->code[pc + 1] | (u->code[pc + 2] << 8) | (u->code[pc + 3] << 16);
        next = pc + 4;
      }
      bool is_jump = op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
                     op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER ||
                     op == OP_SETUP_EXCEPT || op == OP_SETUP_WITH || op == OP_SETUP_ASYNC_WITH ||
                     op == OP_SETUP_ASYNC_FOR;
      if (is_jump) {
        int jd = d + stack_effect(op, arg, true);
        if (jd > maxd) maxd = jd;
        if (arg <= (int)n && depth[arg] < jd) {
          depth[arg] = jd;
          work[nw++] = arg;
        }
      }
      if (op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS) break;
      d += stack_effect(op, arg, false);
      if (d > maxd) maxd = d;
      if (next <= (int)n && depth[next] >= d) break;
      if (next <= (int)n) depth[next] = d;
      pc = next;
    }
  }
  gc_free(depth);
  gc_free(work);
  return maxd + 2;
}

/* ---- code objects ------------------------------------------------------------------------- */
static Value list_to_tuple(Value l) { return tuple_from(((List *)l)->len, ((List *)l)->items); }

static Code *finish_unit(C *c, Scope *s, Value name, Value qualname, int firstline) {
  Unit *u = c->u;
  Code *code = obj_alloc(&code_type, sizeof(Code));
  code->name = name;
  code->qualname = qualname;
  code->filename = c->filename;
  code->bytecode = bytes_new(u->code, u->len);
  code->consts = list_to_tuple(u->consts);
  code->names = list_to_tuple(u->names);
  code->varnames = list_to_tuple(s->varnames);
  code->cellnames = list_to_tuple(s->cellvars);
  code->freenames = list_to_tuple(s->freevars);
  code->lines = bytes_new((const uint8_t *)u->lines, u->nlines * sizeof(uint32_t));
  code->nlocals = (uint16_t)((List *)s->varnames)->len;
  code->ncells = (uint16_t)((List *)s->cellvars)->len;
  code->nfree = (uint16_t)((List *)s->freevars)->len;
  code->argcount = (uint16_t)s->argcount;
  code->kwonlycount = (uint16_t)s->kwonlycount;
  code->firstline = firstline;
  uint16_t flags = 0;
  if (s->varargs) flags |= CO_VARARGS;
  if (s->varkw) flags |= CO_VARKW;
  if (s->generator) flags |= CO_GENERATOR;
  if (s->coroutine && s->kind == SC_FUNCTION) flags |= CO_COROUTINE;
  if (s->kind == SC_FUNCTION || s->kind == SC_COMPREHENSION) flags |= CO_NEWLOCALS;
  /* an awaiting comprehension is a coroutine; an awaiting generator expression, with both flags,
   * an async generator (PEP 530) */
  if (s->coroutine && s->kind == SC_COMPREHENSION) flags |= CO_COROUTINE;
  if (u->doc) flags |= CO_DOC;
  if (s->posonly > 255) cerror(c, NULL, "too many positional-only parameters%s", "");
  flags |= (uint16_t)(s->posonly << 8);
  if (code->ncells) {
    int16_t *map = gc_alloc(code->ncells * sizeof(int16_t));
    bool any = false;
    for (int i = 0; i < code->ncells; i++) {
      Value nm = ((List *)s->cellvars)->items[i];
      int ai = scope_index(s->varnames, nm);
      int nparams = s->argcount + s->kwonlycount + s->varargs + s->varkw;
      map[i] = (int16_t)(ai >= 0 && ai < nparams ? ai : -1);
      if (map[i] >= 0) any = true;
    }
    if (any) {
      code->cell2arg = bytes_new((const uint8_t *)map, code->ncells * sizeof(int16_t));
      flags |= CO_HAS_CELLARGS;
    }
  }
  code->flags = flags;
  code->stacksize = (uint16_t)compute_stacksize(c);
  return code;
}

static void unit_init(Unit *u, Scope *s) {
  memset(u, 0, sizeof *u);
  u->scope = s;
  u->consts = list_new(0);
  u->names = list_new(0);
  u->name_idx = dict_new();
  u->last_line = -1;
}

/* does a block (not nested functions/classes) contain `name: annotation` statements? */
static bool has_annotations(NodeList *l) {
  for (int i = 0; i < l->n; i++) {
    Node *st = l->items[i];
    if (st->kind == S_ANNASSIGN && st->a->kind == E_NAME) return true;
    if (st->kind == S_IF || st->kind == S_WHILE || st->kind == S_FOR || st->kind == S_WITH) {
      if (has_annotations(&st->list) || has_annotations(&st->list2)) return true;
    }
    if (st->kind == S_TRY) {
      if (has_annotations(&st->list)) return true;
      if (st->c && has_annotations(&st->c->list)) return true;
      if (st->d && has_annotations(&st->d->list)) return true;
      for (int k = 0; k < st->list2.n; k++)
        if (has_annotations(&st->list2.items[k]->list)) return true;
    }
  }
  return false;
}

static Code *compile_scope_code(C *c, Scope *s, Node *n) {
  Unit *outer = c->u;
  Unit u;
  unit_init(&u, s);
  u.line = n->line;
  c->u = &u;
  if (n->kind == S_FUNCDEF) {
    Value doc = docstring(&n->list);
    if (doc) {
      const_index(c, doc); /* the first constant: consts[0] */
      u.doc = true;
    }
    compile_body(c, &n->list);
    load_const(c, NONE);
    emit0(c, OP_RETURN_VALUE);
  } else if (n->kind == E_LAMBDA) {
    compile_expr(c, n->a);
    emit0(c, OP_RETURN_VALUE);
  } else if (n->kind == S_CLASSDEF) {
    emit(c, OP_LOAD_NAME, name_index(c, N.__name__));
    emit(c, OP_STORE_NAME, name_index(c, N.__module__));
    load_const(c, s->qualname);
    emit(c, OP_STORE_NAME, name_index(c, N.__qualname__));
    store_doc(c, &n->list);
    if (has_annotations(&n->list)) {
      emit(c, OP_BUILD_MAP, 0);
      emit(c, OP_STORE_NAME, name_index(c, N.__annotations__));
    }
    compile_body(c, &n->list);
    int ci = scope_index(s->cellvars, N.__class__);
    if (ci >= 0) emit(c, OP_LOAD_CLOSURE, ci);
    else load_const(c, NONE);
    emit0(c, OP_RETURN_VALUE);
  } else {
    /* comprehension */
    bool gen = n->kind == E_GENEXP;
    if (!gen) emit(c, n->kind == E_LISTCOMP ? OP_BUILD_LIST : n->kind == E_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    int loops[64], exits[64];
    bool async_loop[64];
    int nl = n->list.n;
    if (nl > 64) cerror(c, n, "too many nested comprehension loops%s", "");
    for (int i = 0; i < nl; i++) {
      Node *f = n->list.items[i];
      if (i == 0) emit(c, OP_LOAD_FAST, 0);
      else {
        compile_expr(c, f->b);
        emit0(c, f->flags ? OP_GET_AITER : OP_GET_ITER);
      }
      async_loop[i] = f->flags != 0;
      loops[i] = here(c);
      if (f->flags) {
        exits[i] = emit(c, OP_SETUP_ASYNC_FOR, 0);
        emit0(c, OP_GET_ANEXT);
        load_const(c, NONE);
        emit0(c, OP_YIELD_FROM);
        emit0(c, OP_POP_BLOCK);
      } else {
        exits[i] = emit(c, OP_FOR_ITER, 0);
      }
      compile_store(c, f->a);
      for (int k = 0; k < f->list.n; k++) {
        compile_expr(c, f->list.items[k]);
        emit(c, OP_POP_JUMP_IF_FALSE, loops[i]);
      }
    }
    if (n->kind == E_DICTCOMP) {
      compile_expr(c, n->a);
      compile_expr(c, n->b);
      emit(c, OP_MAP_ADD, nl + 1);
    } else {
      compile_expr(c, n->a);
      if (gen) {
        emit0(c, OP_YIELD_VALUE);
        emit0(c, OP_POP_TOP);
      } else {
        emit(c, n->kind == E_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, nl + 1);
      }
    }
    for (int i = nl - 1; i >= 0; i--) {
      emit(c, OP_JUMP, loops[i]);
      patch_here(c, exits[i]);
      if (async_loop[i]) emit0(c, OP_END_ASYNC_FOR);
    }
    if (gen) load_const(c, NONE);
    emit0(c, OP_RETURN_VALUE);
  }
  Code *code = finish_unit(c, s, s->name, s->qualname, n->line);
  c->u = outer;
  return code;
}

Value compile_source(const char *src, size_t len, Value filename, int mode) {
  bool repl = mode == 1;
  Node *mod = parse_module(src, len, filename, repl);
  Scope *s = scope_analyze(mod, filename);
  C c = {filename, NULL, 0};
  Unit u;
  unit_init(&u, s);
  u.repl = repl;
  u.line = 1;
  c.u = &u;
  if (mode == 2) {
    /* eval(): a single expression whose value is returned */
    if (mod->list.n != 1 || mod->list.items[0]->kind != S_EXPR)
      syntax_error(filename, mod->list.n ? mod->list.items[0]->line : 1, 0, "invalid syntax");
    compile_expr(&c, mod->list.items[0]->a);
    emit0(&c, OP_RETURN_VALUE);
    return V(finish_unit(&c, s, intern_cstr("<module>"), intern_cstr("<module>"), 1));
  }
  if (has_annotations(&mod->list)) {
    emit(&c, OP_BUILD_MAP, 0);
    emit(&c, OP_STORE_GLOBAL, name_index(&c, N.__annotations__));
  }
  if (!repl) store_doc(&c, &mod->list);
  compile_body(&c, &mod->list);
  load_const(&c, NONE);
  emit0(&c, OP_RETURN_VALUE);
  return V(finish_unit(&c, s, intern_cstr("<module>"), intern_cstr("<module>"), 1));
}
