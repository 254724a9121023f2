/* Symbol tables: which names of a code block are locals, cells, free or global (Python
 * language reference, "Naming and binding"). */
#ifndef VBPY_SCOPE_H
#define VBPY_SCOPE_H

#include "ast.h"

enum { SC_MODULE, SC_FUNCTION, SC_CLASS, SC_COMPREHENSION };
/* symbol flags collected from the tree */
enum { SYM_BOUND = 1, SYM_USED = 2, SYM_GLOBAL = 4, SYM_NONLOCAL = 8, SYM_PARAM = 16 };
/* resolution */
enum { RES_LOCAL = 1, RES_GLOBAL_EXPLICIT, RES_GLOBAL_IMPLICIT, RES_FREE, RES_CELL, RES_NAME };

typedef struct Scope {
  int kind;
  struct Scope *parent;
  Node *node;
  Value syms;     /* dict: name -> small int (flags | resolution << 8) */
  Value varnames; /* list: parameters first */
  Value cellvars, freevars; /* lists */
  Value children; /* list of scopes, as raw pointers wrapped in small-int-free cells */
  Value name, qualname;
  bool generator, coroutine, uses_super;
  int argcount, kwonlycount;
  int posonly; /* parameters before a / */
  bool varargs, varkw;
} Scope;

/* Builds the scopes for a module tree; raises SyntaxError for misplaced declarations. */
Scope *scope_analyze(Node *module, Value filename);
int scope_resolve(Scope *s, Value name);
int scope_index(Value list, Value name); /* -1 if absent */

#endif
