/* Type objects, classes, instances, and the descriptor types (builtin functions, bound
 * methods, slot wrappers, property, staticmethod, classmethod, super).  Method resolution
 * order is C3, as in CPython (Python language reference, "The Python 2.3 MRO"). */
#include "py.h"

#include <math.h>

#include <stdio.h>

Type slotwrap_type;
Value type_call(Value f, int nargs, int nkw, const Value *args);

/* ---- built-in functions ------------------------------------------------------------------- */
void arg_check(const char *fname, int nargs, int min, int max) {
  if (nargs < min || (max >= 0 && nargs > max)) {
    if (min == max)
      raise_msg(&TypeError_type, "%s() takes exactly %d argument%s (%d given)", fname, min, min == 1 ? "" : "s", nargs);
    if (nargs < min) raise_msg(&TypeError_type, "%s() takes at least %d argument%s (%d given)", fname, min, min == 1 ? "" : "s", nargs);
    raise_msg(&TypeError_type, "%s() takes at most %d argument%s (%d given)", fname, max, max == 1 ? "" : "s", nargs);
  }
}

Value kwarg_find(int nargs, int nkw, const Value *args, Value name) {
  for (int i = 0; i < nkw; i++) {
    Value k = args[nargs + 2 * i];
    if (k == name || str_eq(k, name)) return args[nargs + 2 * i + 1];
  }
  return VNULL;
}

NORETURN void raise_kw_unexpected(const char *fname, int nargs, int nkw, const Value *args) {
  (void)nkw;
  raise_msg(&TypeError_type, "%s() got an unexpected keyword argument '%s'", fname, str_cstr(args[nargs]));
}

static Value builtin_call(Value f, int nargs, int nkw, const Value *args) {
  Builtin *b = (Builtin *)f;
  if (b->kw) {
    arg_check(b->name, nargs, b->min, b->max);
    return ((BuiltinKwFn)b->fn)(nargs, nkw, args);
  }
  if (nkw) raise_msg(&TypeError_type, "%s() takes no keyword arguments", b->name);
  arg_check(b->name, nargs, b->min, b->max);
  return ((BuiltinFn)b->fn)(nargs, args);
}

static Value builtin_repr(Value f) {
  Builtin *b = (Builtin *)f;
  if (b->self && is_type(b->self, &type_type))
    return str_printf("<method '%s' of '%s' objects>", b->name, ((Type *)b->self)->name);
  return str_printf("<built-in function %s>", b->name);
}

Value builtin_new(const char *name, void *fn, int min, int max, bool kw) {
  Builtin *b = obj_alloc(&builtin_type, sizeof(Builtin));
  b->name = name;
  b->fn = fn;
  b->min = (int16_t)min;
  b->max = (int16_t)max;
  b->kw = kw;
  return V(b);
}

static Value builtin_getattr(Value f, Value name) {
  if (name == N.__name__) return str_from_cstr(((Builtin *)f)->name);
  if (name == N.__qualname__) return str_from_cstr(((Builtin *)f)->name);
  return generic_getattr(f, name);
}

Type builtin_type = {
    .hdr = {&type_type}, .name = "builtin_function_or_method", .base = &object_type,
    .call = builtin_call, .repr = builtin_repr, .getattr = builtin_getattr,
};

/* ---- bound methods ------------------------------------------------------------------------ */
Value bound_new(Value self, Value func) {
  Bound *b = obj_alloc(&bound_type, sizeof(Bound));
  b->self = self;
  b->func = func;
  return V(b);
}

static Value bound_call(Value f, int nargs, int nkw, const Value *args) {
  Bound *b = (Bound *)f;
  int total = nargs + 2 * nkw;
  Value *a = __builtin_alloca((size_t)(total + 1) * sizeof(Value));
  a[0] = b->self;
  if (total) memcpy(a + 1, args, (size_t)total * sizeof(Value));
  if (is_type(b->func, &function_type)) return vm_call_function(b->func, nargs + 1, nkw, a);
  return py_call(b->func, nargs + 1, nkw, a);
}

static Value bound_repr(Value f) {
  Bound *b = (Bound *)f;
  Value name = py_getattr_opt(b->func, N.__qualname__);
  if (!name) name = py_getattr_opt(b->func, N.__name__);
  SB sb;
  sb_init(&sb, 64);
  sb_adds(&sb, "<bound method ");
  if (name) sb_addv(&sb, name);
  sb_adds(&sb, " of ");
  sb_add_repr(&sb, b->self);
  sb_adds(&sb, ">");
  return sb_to_str(&sb);
}

static Value bound_getattr(Value f, Value name) {
  Bound *b = (Bound *)f;
  if (name == N.__self__) return b->self;
  if (name == N.dunder_func) return b->func;
  return py_getattr_opt(b->func, name);
}

static Value bound_richcmp(Value a, Value b, int op) {
  if (!is_type(b, &bound_type) || (op != CMP_EQ && op != CMP_NE)) return VNULL;
  bool eq = ((Bound *)a)->self == ((Bound *)b)->self && ((Bound *)a)->func == ((Bound *)b)->func;
  return PYBOOL(op == CMP_EQ ? eq : !eq);
}

static intptr_t bound_hash(Value v) { return (intptr_t)(((Bound *)v)->self ^ ((Bound *)v)->func) >> 4; }

Type bound_type = {
    .hdr = {&type_type}, .name = "method", .base = &object_type, .call = bound_call,
    .repr = bound_repr, .getattr = bound_getattr, .richcmp = bound_richcmp, .hash = bound_hash,
};

/* ---- slot wrappers: object.__repr__, list.__getitem__, ... as callables -------------------- */
enum { SW_REPR, SW_STR, SW_HASH, SW_LT, SW_LE, SW_EQ, SW_NE, SW_GT, SW_GE, SW_ITER, SW_NEXT,
       SW_LEN, SW_CONTAINS, SW_GETITEM, SW_SETITEM, SW_DELITEM, SW_CALL, SW_COUNT };
typedef struct { Obj hdr; Type *owner; int slot; const char *name; } SlotWrap;
#define SW_UNOP_ABS 9 /* 300 + 9: int.__abs__ and float.__abs__ */

static Value slotwrap_call(Value f, int nargs, int nkw, const Value *args) {
  SlotWrap *w = (SlotWrap *)f;
  Type *t = w->owner;
  if (nargs < 1) raise_msg(&TypeError_type, "descriptor '%s' of '%s' object needs an argument", w->name, t->name);
  Value self = args[0];
  if (!isinst(self, t)) raise_msg(&TypeError_type, "descriptor '%s' requires a '%s' object but received a '%s'", w->name, t->name, type_name(self));
  if (w->slot >= 100) {
    int kind = w->slot / 100, op = w->slot % 100;
    if (nkw) raise_msg(&TypeError_type, "%s() takes no keyword arguments", w->name);
    arg_check(w->name, nargs, kind == 3 ? 1 : 2, kind == 3 ? 1 : 2);
    Value r;
    if (kind == 1) r = t->binop(op, self, args[1]);
    else if (kind == 2) r = t->binop(op, args[1], self);
    else if (op == SW_UNOP_ABS && t == &float_type) r = float_new(fabs(float_val(self)));
    else if (op == SW_UNOP_ABS) r = py_compare_bool(CMP_LT, self, MK_SMALL(0)) ? t->unop(UN_NEG, self) : t->unop(UN_POS, self);
    else r = t->unop(op, self);
    return r ? r : NOTIMPL;
  }
  int need = (w->slot >= SW_LT && w->slot <= SW_GE) || w->slot == SW_CONTAINS || w->slot == SW_GETITEM || w->slot == SW_DELITEM ? 2
             : w->slot == SW_SETITEM ? 3 : 1;
  if (w->slot != SW_CALL) {
    if (nkw) raise_msg(&TypeError_type, "%s() takes no keyword arguments", w->name);
    arg_check(w->name, nargs, need, need);
  }
  switch (w->slot) {
    case SW_REPR: return t->repr ? t->repr(self) : str_printf("<%s object at %p>", type_name(self), (void *)self);
    case SW_STR: return t->str ? t->str(self) : (t->repr ? t->repr(self) : py_repr(self));
    case SW_HASH: return int_from_i64(t->hash(self));
    case SW_ITER: return t->iter(self);
    case SW_NEXT: {
      Value v = t->next(self);
      if (!v) raise_type(&StopIteration_type);
      return v;
    }
    case SW_LEN: return MK_SMALL(t->len(self));
    case SW_CONTAINS: return PYBOOL(t->contains(self, args[1]) > 0);
    case SW_GETITEM: return t->subscr(self, args[1], VNULL);
    case SW_SETITEM: t->subscr(self, args[1], args[2]); return NONE;
    case SW_DELITEM: t->subscr(self, args[1], SENTINEL_DEL); return NONE;
    case SW_CALL: return t->call(self, nargs - 1, nkw, args + 1);
    default: {
      Value r = t->richcmp(self, args[1], w->slot - SW_LT);
      return r ? r : NOTIMPL;
    }
  }
}

static Value slotwrap_repr(Value f) {
  SlotWrap *w = (SlotWrap *)f;
  return str_printf("<slot wrapper '%s' of '%s' objects>", w->name, w->owner->name);
}

Type slotwrap_type = {
    .hdr = {&type_type}, .name = "wrapper_descriptor", .base = &object_type,
    .call = slotwrap_call, .repr = slotwrap_repr,
};

static void add_slotwrap(Type *t, const char *name, int slot) {
  Value key = intern_cstr(name);
  if (dict_get_str(t->dict, key)) return;
  SlotWrap *w = obj_alloc(&slotwrap_type, sizeof(SlotWrap));
  w->owner = t;
  w->slot = slot;
  w->name = name;
  dict_set(t->dict, key, V(w));
}

/* ---- property, staticmethod, classmethod -------------------------------------------------- */
static Value property_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  Property *p = obj_alloc(&property_type, sizeof(Property));
  Value a[3] = {VNULL, VNULL, VNULL};
  for (int i = 0; i < nargs && i < 3; i++) a[i] = args[i] == NONE ? VNULL : args[i];
  Value v;
  if ((v = kwarg_find(nargs, nkw, args, N.fget))) a[0] = v;
  if ((v = kwarg_find(nargs, nkw, args, N.fset))) a[1] = v;
  if ((v = kwarg_find(nargs, nkw, args, N.fdel))) a[2] = v;
  p->fget = a[0];
  p->fset = a[1];
  p->fdel = a[2];
  return V(p);
}

static Value property_copy(Value self, int which, Value f) {
  Property *o = (Property *)self;
  Property *p = obj_alloc(&property_type, sizeof(Property));
  *p = *o;
  if (which == 0) p->fget = f;
  else if (which == 1) p->fset = f;
  else p->fdel = f;
  return V(p);
}
static Value property_getter(int n, const Value *a) { (void)n; return property_copy(a[0], 0, a[1]); }
static Value property_setter(int n, const Value *a) { (void)n; return property_copy(a[0], 1, a[1]); }
static Value property_deleter(int n, const Value *a) { (void)n; return property_copy(a[0], 2, a[1]); }

static Value property_getattr(Value p, Value name) {
  Property *pr = (Property *)p;
  if (name == N.fget) return pr->fget ? pr->fget : NONE;
  if (name == N.fset) return pr->fset ? pr->fset : NONE;
  if (name == N.fdel) return pr->fdel ? pr->fdel : NONE;
  if (name == N.__doc__) return NONE;
  return generic_getattr(p, name);
}

Type property_type = {
    .hdr = {&type_type}, .name = "property", .base = &object_type,
    .make_new = property_make, .getattr = property_getattr,
};

static Value staticmethod_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)nkw;
  arg_check(t->name, nargs, 1, 1);
  StaticMethod *s = obj_alloc(t, sizeof(StaticMethod));
  s->func = args[0];
  return V(s);
}

static Value sm_getattr(Value s, Value name) {
  if (name == N.dunder_func) return ((StaticMethod *)s)->func;
  return generic_getattr(s, name);
}

static Value sm_call(Value f, int nargs, int nkw, const Value *args) {
  return py_call(((StaticMethod *)f)->func, nargs, nkw, args);
}

Type staticmethod_type = {
    .hdr = {&type_type}, .name = "staticmethod", .base = &object_type,
    .make_new = staticmethod_make, .getattr = sm_getattr, .call = sm_call,
};
Type classmethod_type = {
    .hdr = {&type_type}, .name = "classmethod", .base = &object_type,
    .make_new = staticmethod_make, .getattr = sm_getattr,
};

/* ---- super -------------------------------------------------------------------------------- */
static Value super_getattr(Value s, Value name) {
  Super *su = (Super *)s;
  Type *start = su->type;
  Value obj = su->obj;
  bool obj_is_type = isinst(obj, &type_type) && type_is_sub((Type *)obj, start);
  Type *ot = obj_is_type ? (Type *)obj : type_of(obj);
  Tuple *mro = (Tuple *)ot->mro;
  size_t i = 0;
  while (i < mro->len && mro->items[i] != V(start)) i++;
  for (i++; i < mro->len; i++) {
    Type *b = (Type *)mro->items[i];
    if (!b->dict) continue;
    Value attr = dict_get_str(b->dict, name);
    if (!attr) continue;
    Type *at = type_of(attr);
    if (at == &staticmethod_type) return ((StaticMethod *)attr)->func;
    if (at == &classmethod_type) return bound_new(V(ot), ((StaticMethod *)attr)->func);
    if (obj_is_type) return attr;
    if (at == &function_type || at == &builtin_type || at == &slotwrap_type) return bound_new(obj, attr);
    if (at == &property_type) return py_call1(((Property *)attr)->fget, obj);
    return attr;
  }
  if (name == N.__class__) return V(&super_type);
  return VNULL;
}

static Value super_make(Type *t, int nargs, int nkw, const Value *args);
static Value super_repr(Value s) {
  return str_printf("<super: <class '%s'>, <%s object>>", ((Super *)s)->type->name, type_name(((Super *)s)->obj));
}

Type super_type = {
    .hdr = {&type_type}, .name = "super", .base = &object_type, .make_new = super_make,
    .getattr = super_getattr, .repr = super_repr,
};

static Value super_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)t;
  (void)nkw;
  Super *s = obj_alloc(&super_type, sizeof(Super));
  if (nargs == 2) {
    if (!isinst(args[0], &type_type)) raise_msg(&TypeError_type, "super() argument 1 must be a type");
    s->type = (Type *)args[0];
    s->obj = args[1];
    return V(s);
  }
  if (nargs != 0) raise_msg(&TypeError_type, "super() takes 0 or 2 arguments");
  /* zero-argument form: the __class__ cell and the first argument of the calling function */
  Frame *f = vm.frame;
  if (!f || !f->func) raise_msg(&RuntimeError_type, "super(): no arguments");
  Code *c = f->code;
  Tuple *fv = (Tuple *)c->freenames;
  Value cls = VNULL;
  for (size_t i = 0; i < fv->len; i++) {
    if (fv->items[i] == N.__class__) {
      Cell *cell = (Cell *)f->slots[c->nlocals + c->ncells + i];
      cls = cell->value;
    }
  }
  if (!cls) raise_msg(&RuntimeError_type, "super(): __class__ cell not found");
  if (c->argcount == 0 && !(c->flags & CO_VARARGS)) raise_msg(&RuntimeError_type, "super(): no arguments");
  Value self = f->slots[0];
  if (c->cell2arg) {
    const int16_t *ca = (const int16_t *)((Bytes *)c->cell2arg)->data;
    for (int i = 0; i < c->ncells; i++)
      if (ca[i] == 0) self = ((Cell *)f->slots[c->nlocals + i])->value;
  }
  if (!self) raise_msg(&RuntimeError_type, "super(): arg[0] deleted");
  s->type = (Type *)cls;
  s->obj = self;
  return V(s);
}

/* ---- object ------------------------------------------------------------------------------- */
static Value object_repr(Value v) {
  Type *t = type_of(v);
  if ((t->flags & TF_HEAP) && t->module && str_len(t->module) && !str_eq(t->module, N.__builtins__))
    return str_printf("<%s.%s object at %p>", str_cstr(t->module), t->name, (void *)v);
  return str_printf("<%s object at %p>", t->name, (void *)v);
}
static intptr_t object_hash(Value v) { return (intptr_t)(v >> 4); }
static Value object_richcmp(Value a, Value b, int op) {
  if (op == CMP_EQ) return a == b ? TRUE_V : NOTIMPL;
  if (op == CMP_NE) return a == b ? FALSE_V : NOTIMPL;
  return NOTIMPL;
}

static Value object_make(Type *t, int nargs, int nkw, const Value *args) {
  (void)args;
  if (nargs || nkw) raise_msg(&TypeError_type, "object() takes no arguments");
  return V(obj_alloc(t, t->inst_size ? t->inst_size : sizeof(Obj)));
}

/* object.__new__(cls, ...): allocates an instance of a (possibly heap) type. */
static Value object_new_fn(int nargs, int nkw, const Value *args) {
  if (nargs < 1 || !isinst(args[0], &type_type)) raise_msg(&TypeError_type, "object.__new__(X): X is not a type object");
  Type *t = (Type *)args[0];
  if (!(t->flags & TF_HEAP) && t->make_new && t != &object_type) return t->make_new(t, nargs - 1, 0, args + 1);
  Type *sb = static_base(t);
  if (sb->flags & TF_IMMUT) return subinst_new(t, sb->make_new(sb, nargs - 1, nkw, args + 1));
  return V(obj_alloc(t, t->inst_size ? t->inst_size : sizeof(Obj)));
}
static Value object_init_fn(int nargs, int nkw, const Value *args) {
  (void)nargs; (void)nkw; (void)args;
  return NONE;
}
static Value object_setattr_fn(int nargs, const Value *args) {
  (void)nargs;
  if (!isinst(args[1], &str_type)) raise_msg(&TypeError_type, "attribute name must be string");
  if (!generic_setattr(args[0], intern_value(args[1]), args[2]))
    raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", type_name(args[0]), str_cstr(args[1]));
  return NONE;
}
static Value object_delattr_fn(int nargs, const Value *args) {
  (void)nargs;
  if (!generic_setattr(args[0], intern_value(args[1]), VNULL))
    raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", type_name(args[0]), str_cstr(args[1]));
  return NONE;
}
static Value object_getattribute_fn(int nargs, const Value *args) {
  (void)nargs;
  Value v = generic_getattr(args[0], intern_value(args[1]));
  if (!v) raise_msg(&AttributeError_type, "'%s' object has no attribute '%s'", type_name(args[0]), str_cstr(args[1]));
  return v;
}
static Value object_format_fn(int nargs, const Value *args) {
  (void)nargs;
  if (str_len(args[1])) raise_msg(&TypeError_type, "unsupported format string passed to %s.__format__", type_name(args[0]));
  return py_str(args[0]);
}
static Value object_init_subclass(int nargs, const Value *args) { (void)nargs; (void)args; return NONE; }

static const MethodDef object_methods[] = {
    {"__new__", object_new_fn, 1, -1, 1, MK_STATIC},
    {"__init__", object_init_fn, 1, -1, 1, MK_METHOD},
    {"__setattr__", object_setattr_fn, 3, 3, 0, MK_METHOD},
    {"__delattr__", object_delattr_fn, 2, 2, 0, MK_METHOD},
    {"__getattribute__", object_getattribute_fn, 2, 2, 0, MK_METHOD},
    {"__format__", object_format_fn, 2, 2, 0, MK_METHOD},
    {"__init_subclass__", object_init_subclass, 1, -1, 0, MK_CLASS},
    {NULL, NULL, 0, 0, 0, 0},
};

Type object_type = {
    .hdr = {&type_type}, .name = "object", .flags = TF_BASETYPE, .inst_size = sizeof(Obj),
    .make_new = object_make, .repr = object_repr, .hash = object_hash, .richcmp = object_richcmp,
};

/* ---- type --------------------------------------------------------------------------------- */
bool type_is_sub(const Type *t, const Type *base) {
  if (t == base) return true;
  if (t->mro) {
    Tuple *m = (Tuple *)t->mro;
    for (size_t i = 0; i < m->len; i++)
      if (m->items[i] == V(base)) return true;
    return false;
  }
  for (t = t->base; t; t = t->base)
    if (t == base) return true;
  return false;
}

static Value type_repr(Value v) {
  Type *t = (Type *)v;
  if ((t->flags & TF_HEAP) && t->module && !str_eq(t->module, N.__builtins__))
    return str_printf("<class '%s.%s'>", str_cstr(t->module), t->name);
  return str_printf("<class '%s'>", t->name);
}

static Value type_getattr(Value v, Value name) {
  Type *t = (Type *)v;
  Value attr = lookup_mro(t, name);
  if (attr) {
    Type *at = type_of(attr);
    if (at == &staticmethod_type) return ((StaticMethod *)attr)->func;
    if (at == &classmethod_type) return bound_new(v, ((StaticMethod *)attr)->func);
    if ((at->flags & TF_HEAP)) {
      Value g = lookup_mro(at, N.__get__);
      if (g) return py_call3(g, attr, NONE, v);
    }
    return attr;
  }
  if (name == N.__name__) return t->name_obj ? t->name_obj : str_from_cstr(t->name);
  if (name == N.__qualname__) {
    Value q = t->dict ? dict_get_str(t->dict, N.__qualname__) : VNULL;
    return q ? q : (t->name_obj ? t->name_obj : str_from_cstr(t->name));
  }
  if (name == N.__mro__) return t->mro;
  if (name == N.__bases__) return t->bases ? t->bases : tuple_new(0);
  if (name == N.base) return t->base ? V(t->base) : NONE;
  if (name == N.__dict__) return dict_copy(t->dict);
  if (name == N.__module__) return t->module ? t->module : str_from_cstr("builtins");
  if (name == N.__doc__) return NONE;
  /* then the metaclass (type, or a class derived from it): its methods bind to the class */
  Type *mt = type_of(v);
  if (name == N.__class__) return V(mt);
  attr = lookup_mro(mt, name);
  if (!attr) return VNULL;
  Type *at = type_of(attr);
  if (at == &builtin_type || at == &function_type) return bound_new(v, attr);
  if (at == &staticmethod_type) return ((StaticMethod *)attr)->func;
  if (at == &classmethod_type) return bound_new(V(mt), ((StaticMethod *)attr)->func);
  if (at == &property_type && ((Property *)attr)->fget) return py_call1(((Property *)attr)->fget, v);
  return mt == &type_type ? VNULL : attr;
}

static bool type_setattr(Value v, Value name, Value val) {
  Type *t = (Type *)v;
  if (!(t->flags & TF_HEAP))
    raise_msg(&TypeError_type, "cannot set '%s' attribute of immutable type '%s'", str_cstr(name), t->name);
  if (val) {
    dict_set(t->dict, name, val);
    if (name == N.__getattr__) t->flags |= TF_HAS_GETATTR;
  } else if (!dict_del(t->dict, name)) {
    raise_msg(&AttributeError_type, "type object '%s' has no attribute '%s'", t->name, str_cstr(name));
  }
  return true;
}

static intptr_t type_hash(Value v) { return (intptr_t)(v >> 4); }

static Value mro_merge(Value seqs) {
  Value out = list_new(0);
  List *ls = (List *)seqs;
  for (;;) {
    bool any = false;
    for (size_t i = 0; i < ls->len; i++)
      if (((List *)ls->items[i])->len) any = true;
    if (!any) return out;
    Value cand = VNULL;
    for (size_t i = 0; i < ls->len && !cand; i++) {
      List *s = (List *)ls->items[i];
      if (!s->len) continue;
      Value c = s->items[0];
      bool in_tail = false;
      for (size_t j = 0; j < ls->len && !in_tail; j++) {
        List *o = (List *)ls->items[j];
        for (size_t k = 1; k < o->len; k++)
          if (o->items[k] == c) { in_tail = true; break; }
      }
      if (!in_tail) cand = c;
    }
    if (!cand) raise_msg(&TypeError_type, "Cannot create a consistent method resolution order (MRO)");
    list_append(out, cand);
    for (size_t i = 0; i < ls->len; i++) {
      List *s = (List *)ls->items[i];
      if (s->len && s->items[0] == cand) list_pop_index(V(s), 0);
    }
  }
}

static Value compute_mro(Type *t) {
  Tuple *bases = (Tuple *)t->bases;
  Value seqs = list_new(0);
  for (size_t i = 0; i < bases->len; i++) {
    Tuple *m = (Tuple *)((Type *)bases->items[i])->mro;
    list_append(seqs, list_from(m->len, m->items));
  }
  list_append(seqs, list_from(bases->len, bases->items));
  Value merged = mro_merge(seqs);
  List *ml = (List *)merged;
  Value r = tuple_new(ml->len + 1);
  ((Tuple *)r)->items[0] = V(t);
  for (size_t i = 0; i < ml->len; i++) ((Tuple *)r)->items[i + 1] = ml->items[i];
  return r;
}

Value type_new_class(Value name, Value bases, Value dict, Type *meta) {
  return type_new_class_kw(name, bases, dict, meta, 0, NULL);
}

/* As type_new_class, with the class statement's keywords (name, value pairs) for the parent's
 * __init_subclass__ (PEP 487). */
/* __slots__ holds the name (a str, or an iterable of str) */
static bool slots_have(Value slots, Value name) {
  if (isinst(slots, &str_type)) return str_eq(slots, name);
  Value it = py_iter(slots), v;
  while ((v = py_next(it)))
    if (isinst(v, &str_type) && str_eq(v, name)) return true;
  return false;
}

/* Every class of the MRO but object declares __slots__, none of them '__dict__': instances
 * may only set the declared names (they still keep their values in a dict here). */
static bool slots_closed(Type *t) {
  Tuple *mro = (Tuple *)t->mro;
  for (size_t i = 0; i < mro->len; i++) {
    Type *b = (Type *)mro->items[i];
    if (b == &object_type) continue;
    Value s = (b->flags & TF_HEAP) && b->dict ? dict_get_str(b->dict, N.__slots__) : VNULL;
    if (!s || slots_have(s, N.__dict__)) return false;
  }
  return true;
}

bool slots_declare(Type *t, Value name) {
  Tuple *mro = (Tuple *)t->mro;
  for (size_t i = 0; i < mro->len; i++) {
    Type *b = (Type *)mro->items[i];
    Value s = (b->flags & TF_HEAP) && b->dict ? dict_get_str(b->dict, N.__slots__) : VNULL;
    if (s && slots_have(s, name)) return true;
  }
  return false;
}

Value type_new_class_kw(Value name, Value bases, Value dict, Type *meta, int nkw, const Value *kw) {
  (void)meta;
  Tuple *bt = (Tuple *)bases;
  if (bt->len == 0) {
    bases = tuple_from(1, (Value[]){V(&object_type)});
    bt = (Tuple *)bases;
  }
  for (size_t i = 0; i < bt->len; i++) {
    if (!isinst(bt->items[i], &type_type)) raise_msg(&TypeError_type, "bases must be types");
    Type *b = (Type *)bt->items[i];
    if (!(b->flags & TF_BASETYPE)) raise_msg(&TypeError_type, "type '%s' is not an acceptable base type", b->name);
  }
  /* the layout comes from the first base with a built-in layout beyond object's (CPython's
   * solid base), so class C(Mixin, tuple) instances are tuples */
  Type *base = (Type *)bt->items[0];
  for (size_t i = 1; i < bt->len && static_base(base) == &object_type; i++)
    if (static_base((Type *)bt->items[i]) != &object_type) base = (Type *)bt->items[i];
  for (size_t i = 0; i < bt->len; i++) {
    /* an immutable's layout cannot be combined with another built-in's (class C(int, str)) */
    Type *a = static_base(base), *b = static_base((Type *)bt->items[i]);
    if (a != b && b != &object_type && ((a->flags | b->flags) & TF_IMMUT))
      raise_msg(&TypeError_type, "multiple bases have instance lay-out conflict");
  }
  Type *t = gc_alloc(sizeof(Type));
  *t = *base; /* inherit the C slots of the primary base */
  t->hdr.type = &type_type;
  name = intern_value(name);
  t->name_obj = name;
  t->name = str_cstr(name);
  t->base = base;
  t->bases = bases;
  t->flags = TF_HEAP | TF_BASETYPE | (base->flags & (TF_EXC | TF_HAS_GETATTR));
  for (size_t i = 1; i < bt->len; i++) t->flags |= ((Type *)bt->items[i])->flags & (TF_EXC | TF_HAS_GETATTR);
  t->dict = dict_copy(dict);
  /* __doc__ is never inherited: a class without a docstring has None (CPython) */
  if (!dict_get_str(t->dict, N.__doc__)) dict_set(t->dict, N.__doc__, NONE);
  t->module = dict_get_str(t->dict, N.__module__);
  /* instances get a __dict__ slot after the base layout; classes (metaclass instances) keep
   * their attributes in the type's own dict instead */
  Value slots = dict_get_str(t->dict, N.__slots__);
  if (slots && is_type(slots, &tuple_type) && !((Tuple *)slots)->len) {
    /* __slots__ = (): no instance dict (only the empty form is supported) */
  } else if (!base->dict_offset && (static_base(base)->flags & TF_IMMUT)) {
    t->dict_offset = DICT_AT_END;
  } else if (!base->dict_offset && !type_is_sub(base, &type_type)) {
    t->dict_offset = base->inst_size;
    t->inst_size = base->inst_size + sizeof(Value);
  }
  t->mro = VNULL;
  t->mro = compute_mro(t);
  if (slots && slots_closed(t)) t->flags |= TF_SLOTS;
  /* implicit conversions done by type.__new__ */
  Value v = dict_get_str(t->dict, N.__new__);
  if (v && is_type(v, &function_type)) {
    StaticMethod *s = obj_alloc(&staticmethod_type, sizeof(StaticMethod));
    s->func = v;
    dict_set(t->dict, N.__new__, V(s));
  }
  static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
  for (int i = 0; i < 2; i++) {
    Value k = intern_cstr(implicit_cm[i]);
    v = dict_get_str(t->dict, k);
    if (v && is_type(v, &function_type)) {
      StaticMethod *s = obj_alloc(&classmethod_type, sizeof(StaticMethod));
      s->func = v;
      dict_set(t->dict, k, V(s));
    }
  }
  if (dict_get_str(t->dict, N.__eq__) && !dict_get_str(t->dict, N.__hash__)) dict_set(t->dict, N.__hash__, NONE);
  if (dict_get_str(t->dict, N.__getattr__)) t->flags |= TF_HAS_GETATTR;
  /* __set_name__ on descriptors, then the parent's __init_subclass__ (PEP 487) */
  size_t pos = 0;
  Value k, val;
  while (dict_next(t->dict, &pos, &k, &val)) {
    if (IS_SMALL(val) || !(type_of(val)->flags & TF_HEAP)) continue;
    Value sn = lookup_mro(type_of(val), N.__set_name__);
    if (sn) {
      Value a[3] = {val, V(t), k};
      py_call(sn, 3, 0, a);
    }
  }
  Value sup = VNULL;
  Tuple *mro = (Tuple *)t->mro;
  for (size_t i = 1; i < mro->len && !sup; i++) {
    Type *b = (Type *)mro->items[i];
    if (b->dict) sup = dict_get_str(b->dict, N.__init_subclass__);
  }
  if (sup && type_of(sup) == &classmethod_type && is_type(((StaticMethod *)sup)->func, &function_type)) {
    Value *a = __builtin_alloca((size_t)(1 + 2 * nkw) * sizeof(Value));
    a[0] = V(t);
    if (nkw) memcpy(a + 1, kw, (size_t)(2 * nkw) * sizeof(Value));
    py_call(((StaticMethod *)sup)->func, 1, nkw, a);
  } else if (nkw) {
    raise_msg(&TypeError_type, "%s.__init_subclass__() takes no keyword arguments", t->name);
  }
  return V(t);
}

Value type_call(Value f, int nargs, int nkw, const Value *args) {
  Type *t = (Type *)f;
  if (t == &type_type) {
    if (nargs == 1 && nkw == 0) return V(type_of(args[0]));
    if (nargs == 3) {
      if (!isinst(args[0], &str_type) || !is_type(args[1], &tuple_type) || !isinst(args[2], &dict_type))
        raise_msg(&TypeError_type, "type() argument types");
      Value d = dict_copy(args[2]);
      if (!dict_get_str(d, N.__module__)) dict_set(d, N.__module__, str_from_cstr("__main__"));
      return type_new_class(args[0], args[1], d, &type_type);
    }
    raise_msg(&TypeError_type, "type() takes 1 or 3 arguments");
  }
  if (!(t->flags & TF_HEAP)) {
    if (!t->make_new) raise_msg(&TypeError_type, "cannot create '%s' instances", t->name);
    return t->make_new(t, nargs, nkw, args);
  }
  int total = nargs + 2 * nkw;
  Value *a = __builtin_alloca((size_t)(total + 1) * sizeof(Value));
  if (total) memcpy(a + 1, args, (size_t)total * sizeof(Value));
  Value newf = lookup_mro(t, N.__new__);
  if (newf && type_of(newf) == &staticmethod_type) newf = ((StaticMethod *)newf)->func;
  Value obj;
  a[0] = f;
  obj = py_call(newf, nargs + 1, nkw, a);
  if (!isinst(obj, t)) return obj;
  Value init = lookup_mro(t, N.__init__);
  if (init && !(is_type(init, &builtin_type) && ((Builtin *)init)->fn == (void *)object_init_fn)) {
    a[0] = obj;
    Value r = py_call(init, nargs + 1, nkw, a);
    if (r != NONE) raise_msg(&TypeError_type, "__init__() should return None, not '%s'", type_name(r));
  }
  return obj;
}

static Value type_richcmp(Value a, Value b, int op) {
  if (op == CMP_EQ) return PYBOOL(a == b);
  if (op == CMP_NE) return PYBOOL(a != b);
  return VNULL;
}

static Value type_mro_fn(int nargs, const Value *args) {
  (void)nargs;
  Tuple *m = (Tuple *)((Type *)args[0])->mro;
  return list_from(m->len, m->items);
}
static Value type_subclasscheck(int nargs, const Value *args) {
  (void)nargs;
  return PYBOOL(isinst(args[1], &type_type) && type_is_sub((Type *)args[1], (Type *)args[0]));
}
static Value type_instancecheck(int nargs, const Value *args) {
  (void)nargs;
  return PYBOOL(isinst(args[1], (Type *)args[0]));
}
static Value type_setattr_fn(int nargs, const Value *args) {
  (void)nargs;
  if (!isinst(args[0], &type_type)) raise_msg(&TypeError_type, "descriptor '__setattr__' requires a 'type' object");
  type_setattr(args[0], intern_value(args[1]), args[2]);
  return NONE;
}
static Value type_delattr_fn(int nargs, const Value *args) {
  (void)nargs;
  type_setattr(args[0], intern_value(args[1]), VNULL);
  return NONE;
}

static const MethodDef type_methods[] = {
    {"__setattr__", type_setattr_fn, 3, 3, 0, MK_METHOD},
    {"__delattr__", type_delattr_fn, 2, 2, 0, MK_METHOD},
    {"mro", type_mro_fn, 1, 1, 0, MK_METHOD},
    {"__subclasscheck__", type_subclasscheck, 2, 2, 0, MK_METHOD},
    {"__instancecheck__", type_instancecheck, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value type_binop(int op, Value a, Value b) {
  /* int | None style unions (PEP 604) only appear in annotations; keep them evaluable */
  if ((op & 15) == BIN_OR && (is_type(a, &type_type) || a == NONE) && (is_type(b, &type_type) || b == NONE)) return a;
  return VNULL;
}

Type type_type = {
    .hdr = {&type_type}, .name = "type", .base = &object_type, .flags = TF_BASETYPE,
    .inst_size = sizeof(Type),
    .repr = type_repr, .getattr = type_getattr, .setattr = type_setattr, .call = type_call,
    .hash = type_hash, .richcmp = type_richcmp, .binop = type_binop,
};

/* ---- registration helpers ----------------------------------------------------------------- */
void type_add_methods(Type *t, const MethodDef *defs) {
  if (!t->dict) t->dict = dict_new();
  for (; defs->name; defs++) {
    Value b = builtin_new(defs->name, defs->fn, defs->min, defs->max, defs->kw);
    ((Builtin *)b)->self = V(t);
    if (defs->kind == MK_STATIC || defs->kind == MK_CLASS) {
      StaticMethod *s = obj_alloc(defs->kind == MK_STATIC ? &staticmethod_type : &classmethod_type, sizeof(StaticMethod));
      s->func = b;
      b = V(s);
    } else if (defs->kind == MK_PROPERTY) {
      Property *p = obj_alloc(&property_type, sizeof(Property));
      p->fget = b;
      b = V(p);
    }
    dict_set(t->dict, intern_cstr(defs->name), b);
  }
}

void type_init_builtin(Type *t) {
  if (!t->dict) t->dict = dict_new();
  if (!t->name_obj) t->name_obj = intern_cstr(t->name);
  if (!t->inst_size) t->inst_size = t->base ? t->base->inst_size : sizeof(Obj);
  if (t->mro) return;
  size_t n = 0;
  for (Type *b = t; b; b = b->base) n++;
  Value m = tuple_new(n);
  n = 0;
  for (Type *b = t; b; b = b->base) ((Tuple *)m)->items[n++] = V(b);
  t->mro = m;
  t->bases = t->base ? tuple_from(1, (Value[]){V(t->base)}) : tuple_new(0);
  if (t->repr) add_slotwrap(t, "__repr__", SW_REPR);
  if (t->str) add_slotwrap(t, "__str__", SW_STR);
  if (t->hash) add_slotwrap(t, "__hash__", SW_HASH);
  if (t->richcmp) {
    static const char *const names[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    for (int i = 0; i < 6; i++) add_slotwrap(t, names[i], SW_LT + i);
  }
  if (t->iter) add_slotwrap(t, "__iter__", SW_ITER);
  if (t->next) add_slotwrap(t, "__next__", SW_NEXT);
  if (t->len) add_slotwrap(t, "__len__", SW_LEN);
  if (t->contains) add_slotwrap(t, "__contains__", SW_CONTAINS);
  if (t->subscr) {
    add_slotwrap(t, "__getitem__", SW_GETITEM);
    add_slotwrap(t, "__setitem__", SW_SETITEM);
    add_slotwrap(t, "__delitem__", SW_DELITEM);
  }
  if (t->call && t != &type_type) add_slotwrap(t, "__call__", SW_CALL);
  if (t->binop && t != &type_type) {
    /* the names interned by names_init (runtime.c): snprintf cost ~120k instructions on the board */
    for (int i = 0; i < BIN_COUNT; i++) {
      add_slotwrap(t, str_cstr(N.binop[i]), 100 + i);
      add_slotwrap(t, str_cstr(N.rbinop[i]), 200 + i);
    }
  }
  if (t->unop) {
    add_slotwrap(t, "__neg__", 300 + UN_NEG);
    add_slotwrap(t, "__pos__", 300 + UN_POS);
    add_slotwrap(t, "__invert__", 300 + UN_INVERT);
    if (t == &int_type || t == &float_type) add_slotwrap(t, "__abs__", 300 + SW_UNOP_ABS);
  }
}

extern const MethodDef property_methods[];
const MethodDef property_methods[] = {
    {"getter", property_getter, 2, 2, 0, MK_METHOD},
    {"setter", property_setter, 2, 2, 0, MK_METHOD},
    {"deleter", property_deleter, 2, 2, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

void types_core_init(void) {
  type_add_methods(&object_type, object_methods);
  type_add_methods(&type_type, type_methods);
  type_add_methods(&property_type, property_methods);
}
