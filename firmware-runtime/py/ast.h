/* Abstract syntax tree built by parser.c and consumed by scope.c and compile.c.  One generic
 * node shape keeps the tree compact; the comment on each kind says which fields it uses. */
#ifndef VBPY_AST_H
#define VBPY_AST_H

#include "py.h"

typedef struct Node Node;
typedef struct { Node **items; int n, cap; } NodeList;

enum {
  /* expressions */
  E_NAME,      /* v=name */
  E_CONST,     /* v=value */
  E_FSTR,      /* list=parts (E_CONST str or E_FMT) */
  E_FMT,       /* a=expr, op=conversion char, b=spec (E_FSTR) or NULL */
  E_BINOP,     /* op=BIN_*, a, b */
  E_UNARY,     /* op=UN_*, a */
  E_BOOLOP,    /* op=0 and / 1 or, list=values */
  E_COMPARE,   /* a=left, list=comparators, ops=CMP_* per comparator */
  E_IFEXP,     /* a=test, b=body, c=orelse */
  E_LAMBDA,    /* args, a=body expr */
  E_CALL,      /* a=func, list=args (may hold E_STARRED), list2=keywords (E_KEYWORD) */
  E_KEYWORD,   /* v=name or VNULL for **, a=value */
  E_ATTR,      /* a=obj, v=name */
  E_SUBSCR,    /* a=obj, b=index */
  E_SLICE,     /* a, b, c (any NULL) */
  E_TUPLE,     /* list */
  E_LIST,      /* list */
  E_SET,       /* list */
  E_DICT,      /* list=keys (NULL entry: ** unpack), list2=values */
  E_LISTCOMP,  /* a=elt, list=E_COMPFOR clauses */
  E_SETCOMP,   /* a=elt, list */
  E_GENEXP,    /* a=elt, list */
  E_DICTCOMP,  /* a=key, b=value, list */
  E_COMPFOR,   /* a=target, b=iter, list=ifs, flags=async */
  E_STARRED,   /* a */
  E_YIELD,     /* a or NULL */
  E_YIELDFROM, /* a */
  E_AWAIT,     /* a */
  E_NAMEDEXPR, /* a=target name, b=value */
  /* statements */
  S_EXPR,      /* a */
  S_ASSIGN,    /* list=targets, a=value */
  S_AUGASSIGN, /* op, a=target, b=value */
  S_ANNASSIGN, /* a=target, b=annotation, c=value or NULL */
  S_DEL,       /* list */
  S_PASS, S_BREAK, S_CONTINUE,
  S_RETURN,    /* a or NULL */
  S_RAISE,     /* a=exc or NULL, b=cause or NULL */
  S_GLOBAL,    /* list of E_NAME */
  S_NONLOCAL,  /* list of E_NAME */
  S_ASSERT,    /* a=test, b=msg */
  S_IF,        /* a=test, list=body, list2=orelse */
  S_WHILE,     /* a=test, list=body, list2=orelse */
  S_FOR,       /* a=target, b=iter, list=body, list2=orelse, flags=async */
  S_TRY,       /* list=body, list2=handlers (S_HANDLER), c=S_BLOCK orelse, d=S_BLOCK finally */
  S_HANDLER,   /* a=type or NULL, v=name or VNULL, list=body */
  S_BLOCK,     /* list */
  S_WITH,      /* list=items (E_WITHITEM), list2=body, flags=async */
  E_WITHITEM,  /* a=context expr, b=target or NULL */
  S_FUNCDEF,   /* v=name, args, list=body, list2=decorators, flags=async */
  S_CLASSDEF,  /* v=name, list=body, list2=decorators, b=E_CALL holding bases/keywords */
  S_IMPORT,    /* list of E_ALIAS */
  S_IMPORTFROM,/* v=module name (or VNULL), op=level, list of E_ALIAS */
  E_ALIAS,     /* v=dotted name, v2=asname or VNULL */
  N_ARGS,      /* list=positional params (N_ARG), op=posonly count, b=vararg N_ARG, list2=kwonly, c=kwarg N_ARG */
  N_ARG,       /* v=name, a=default or NULL */
  S_MODULE,    /* list */
};

struct Node {
  uint8_t kind;
  uint8_t op;
  uint8_t flags;
  int line;
  Node *a, *b, *c, *d;
  Node *args;
  NodeList list, list2;
  uint8_t *ops;
  Value v, v2;
  void *scope; /* filled in by scope.c for functions, lambdas, classes, comprehensions */
};

Node *parse_module(const char *src, size_t len, Value filename, bool single);

#endif
