/* Functions, code objects, cells and modules. */
#include "py.h"

Value function_new(Code *code, Value globals, Value defaults, Value kwdefaults, Value closure) {
  Function *f = obj_alloc(&function_type, sizeof(Function));
  f->code = code;
  f->globals = globals;
  f->defaults = defaults;
  f->kwdefaults = kwdefaults;
  f->closure = closure;
  f->name = code->name;
  f->qualname = code->qualname;
  return V(f);
}

static Value function_repr(Value v) {
  return str_printf("<function %s at %p>", str_cstr(((Function *)v)->qualname), (void *)v);
}

static Value function_getattr(Value v, Value name) {
  Function *f = (Function *)v;
  if (f->dict) {
    Value r = dict_get_str(f->dict, name);
    if (r) return r;
  }
  if (name == N.__name__) return f->name;
  if (name == N.__qualname__) return f->qualname;
  if (name == N.__module__) {
    Value m = dict_get_str(f->globals, N.__name__);
    return m ? m : NONE;
  }
  if (name == N.__doc__) return f->code->flags & CO_DOC ? ((Tuple *)f->code->consts)->items[0] : NONE;
  if (name == N.__code__) return V(f->code);
  if (name == N.__defaults__) return f->defaults ? f->defaults : NONE;
  if (name == N.__dict__) {
    if (!f->dict) f->dict = dict_new();
    return f->dict;
  }
  if (name == N.__globals__) return f->globals;
  if (name == N.__closure__) return f->closure ? f->closure : NONE;
  return generic_getattr(v, name);
}

static bool function_setattr(Value v, Value name, Value val) {
  Function *f = (Function *)v;
  if (name == N.__name__) { f->name = val; return true; }
  if (name == N.__qualname__) { f->qualname = val; return true; }
  if (name == N.__defaults__) { f->defaults = val == NONE ? VNULL : val; return true; }
  if (!f->dict) f->dict = dict_new();
  if (val) dict_set(f->dict, name, val);
  else if (!dict_del(f->dict, name)) raise_msg(&AttributeError_type, "'function' object has no attribute '%s'", str_cstr(name));
  return true;
}

static Value function_call(Value f, int nargs, int nkw, const Value *args) {
  return vm_call_function(f, nargs, nkw, args);
}

Type function_type = {
    .hdr = {&type_type}, .name = "function", .base = &object_type, .repr = function_repr,
    .getattr = function_getattr, .setattr = function_setattr, .call = function_call,
};

static Value code_getattr(Value v, Value name) {
  Code *c = (Code *)v;
  if (name == N.__name__ || name == intern_cstr("co_name")) return c->name;
  if (name == intern_cstr("co_argcount")) return MK_SMALL(c->argcount);
  if (name == intern_cstr("co_filename")) return c->filename;
  if (name == intern_cstr("co_varnames")) return c->varnames;
  if (name == intern_cstr("co_flags")) {
    /* CPython's bit values (Include/cpython/code.h), which inspect/asyncio test against. */
    int f = c->flags, r = 0;
    if (f & CO_NEWLOCALS) r |= 0x3; /* CO_OPTIMIZED | CO_NEWLOCALS */
    if (f & CO_VARARGS) r |= 0x4;
    if (f & CO_VARKW) r |= 0x8;
    if (f & CO_GENERATOR) r |= 0x20;
    if (f & CO_COROUTINE) r |= 0x80;
    return MK_SMALL(r);
  }
  return generic_getattr(v, name);
}
Type code_type = {.hdr = {&type_type}, .name = "code", .base = &object_type, .getattr = code_getattr};

Value cell_new(Value v) {
  Cell *c = obj_alloc(&cell_type, sizeof(Cell));
  c->value = v;
  return V(c);
}
static Value cell_getattr(Value v, Value name) {
  if (name == intern_cstr("cell_contents")) {
    if (!((Cell *)v)->value) raise_msg(&ValueError_type, "Cell is empty");
    return ((Cell *)v)->value;
  }
  return generic_getattr(v, name);
}
Type cell_type = {.hdr = {&type_type}, .name = "cell", .base = &object_type, .getattr = cell_getattr};

/* ---- modules ------------------------------------------------------------------------------ */
Value module_new(Value name) {
  Module *m = obj_alloc(&module_type, sizeof(Module));
  m->name = name;
  m->dict = dict_new();
  dict_set(m->dict, N.__name__, name);
  dict_set(m->dict, N.__doc__, NONE); /* the module's docstring replaces it when it runs */
  return V(m);
}

static Value module_getattr(Value v, Value name) {
  Module *m = (Module *)v;
  Value r = dict_get_str(m->dict, name);
  if (r) return r;
  if (name == N.__dict__) return m->dict;
  Value ga = dict_get_str(m->dict, N.__getattr__);
  if (ga) return py_call1(ga, name);
  return VNULL;
}

static bool module_setattr(Value v, Value name, Value val) {
  Module *m = (Module *)v;
  if (val) dict_set(m->dict, name, val);
  else if (!dict_del(m->dict, name)) raise_msg(&AttributeError_type, "module has no attribute '%s'", str_cstr(name));
  return true;
}

static Value module_repr(Value v) {
  Module *m = (Module *)v;
  Value f = dict_get_str(m->dict, N.__file__);
  if (f) return str_printf("<module '%s' from '%s'>", str_cstr(m->name), str_cstr(f));
  return str_printf("<module '%s' (built-in)>", str_cstr(m->name));
}

Type module_type = {
    .hdr = {&type_type}, .name = "module", .base = &object_type, .repr = module_repr,
    .getattr = module_getattr, .setattr = module_setattr,
};

Value module_with_defs(const char *name, const MethodDef *defs) {
  Value m = module_new(intern_cstr(name));
  Value d = ((Module *)m)->dict;
  for (; defs && defs->name; defs++)
    dict_set(d, intern_cstr(defs->name), builtin_new(defs->name, defs->fn, defs->min, defs->max, defs->kw));
  return m;
}
