/* Generators and coroutines (PEP 255, 342, 380, 492).  A generator owns a heap frame; resuming
 * it re-enters the interpreter loop on that frame until the next yield or return. */
#include "py.h"

Value gen_new(Frame *f, bool coro) {
  Gen *g = obj_alloc(coro ? &coro_type : &gen_type, sizeof(Gen));
  g->frame = f;
  g->name = f->code->name;
  return V(g);
}

static Value resume(Gen *g, Value send, Value exc, Value *ret) {
  if (g->finished) {
    if (exc) py_raise(exc);
    *ret = NONE;
    return VNULL;
  }
  if (g->running) raise_msg(&ValueError_type, "%s already executing", OBJ(g)->type == &coro_type ? "coroutine" : "generator");
  if (!g->started && send && send != NONE && !exc)
    raise_msg(&TypeError_type, "can't send non-None value to a just-started %s", OBJ(g)->type == &coro_type ? "coroutine" : "generator");
  g->running = 1;
  int status;
  Value r;
  Nlr n;
  /* Each generator keeps the exception it is handling while suspended, so a bare `raise` or
   * sys.exc_info() inside it sees its own, not whichever other generator ran last; with none
   * of its own it sees its caller's, as in CPython. */
  Value outer = vm.cur_exc;
  if (g->exc_state) vm.cur_exc = g->exc_state;
  if (NLR_TRY(n)) {
    r = vm_run(g->frame, g->started ? send : VNULL, exc, &status);
    nlr_pop();
  } else {
    vm.cur_exc = outer;
    g->exc_state = VNULL;
    g->running = 0;
    g->finished = 1;
    g->started = 1;
    Value e = vm.raised;
    if (isinst(e, &StopIteration_type)) {
      Value re = exc_new_msg(&RuntimeError_type, "%s raised StopIteration", OBJ(g)->type == &coro_type ? "coroutine" : "generator");
      ((Exc *)re)->cause = e;
      ((Exc *)re)->suppress_context = true;
      py_raise(re);
    }
    py_raise(e);
  }
  g->running = 0;
  g->started = 1;
  g->exc_state = status == RUN_YIELD && vm.cur_exc != outer ? vm.cur_exc : VNULL;
  vm.cur_exc = outer;
  if (status == RUN_YIELD) {
    if (g->frame->nblocks > 0) gc_register_gen(V(g));
    return r;
  }
  g->finished = 1;
  g->frame = NULL; /* release the frame for the collector */
  *ret = r;
  return VNULL;
}

Value gen_send(Value gen, Value v, Value *ret) { return resume((Gen *)gen, v, VNULL, ret); }

Value gen_throw(Value gen, Value exc, Value *ret) {
  Gen *g = (Gen *)gen;
  if (is_type(exc, &type_type)) exc = py_call0(exc);
  if (!g->started) {
    g->finished = 1;
    g->started = 1;
    py_raise(exc);
  }
  return resume(g, VNULL, exc, ret);
}

static NORETURN void raise_stop(Value ret) {
  if (ret == NONE) raise_type(&StopIteration_type);
  py_raise(exc_new(&StopIteration_type, 1, &ret));
}

static Value gen_next_slot(Value v) {
  Value ret;
  Value r = gen_send(v, NONE, &ret);
  if (r) return r;
  if (ret != NONE) {
    /* a return value in a for loop is dropped; py_next's protocol has no room for it */
  }
  return VNULL;
}

static Value self_iter(Value v) { return v; }

static Value m_send(int n, const Value *a) {
  (void)n;
  Value ret;
  Value r = gen_send(a[0], a[1], &ret);
  if (r) return r;
  raise_stop(ret);
}

static Value m_throw(int n, const Value *a) {
  Value exc = a[1];
  if (n > 2 && a[2] != NONE && is_type(exc, &type_type)) exc = py_call1(exc, a[2]);
  Value ret;
  Value r = gen_throw(a[0], exc, &ret);
  if (r) return r;
  raise_stop(ret);
}

static Value m_close(int n, const Value *a) {
  (void)n;
  Gen *g = (Gen *)a[0];
  if (g->finished || !g->started) {
    g->finished = 1;
    return NONE;
  }
  Value ret;
  Nlr nl;
  if (NLR_TRY(nl)) {
    Value r = gen_throw(a[0], exc_new(&GeneratorExit_type, 0, NULL), &ret);
    nlr_pop();
    if (r) raise_msg(&RuntimeError_type, "generator ignored GeneratorExit");
    return NONE;
  }
  if (isinst(vm.raised, &GeneratorExit_type) || isinst(vm.raised, &StopIteration_type)) return NONE;
  py_raise(vm.raised);
}

static Value m_next(int n, const Value *a) {
  (void)n;
  Value ret;
  Value r = gen_send(a[0], NONE, &ret);
  if (r) return r;
  raise_stop(ret);
}

static Value m_await(int n, const Value *a) { (void)n; return a[0]; }

static Value gen_repr(Value v) {
  Gen *g = (Gen *)v;
  Value q = g->frame ? g->frame->code->qualname : g->name;
  return str_printf("<%s object %s at %p>", OBJ(v)->type == &coro_type ? "coroutine" : "generator", str_cstr(q), (void *)v);
}

static Value gen_getattr(Value v, Value name) {
  Gen *g = (Gen *)v;
  if (name == N.__name__) return g->name;
  if (name == N.__qualname__) return g->frame ? g->frame->code->qualname : g->name;
  return generic_getattr(v, name);
}

static const MethodDef gen_methods[] = {
    {"send", m_send, 2, 2, 0, MK_METHOD}, {"throw", m_throw, 2, 4, 0, MK_METHOD},
    {"close", m_close, 1, 1, 0, MK_METHOD}, {"__next__", m_next, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};
static const MethodDef coro_methods[] = {
    {"send", m_send, 2, 2, 0, MK_METHOD}, {"throw", m_throw, 2, 4, 0, MK_METHOD},
    {"close", m_close, 1, 1, 0, MK_METHOD}, {"__await__", m_await, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type gen_type = {.hdr = {&type_type}, .name = "generator", .base = &object_type,
                 .iter = self_iter, .next = gen_next_slot, .repr = gen_repr, .getattr = gen_getattr};
Type coro_type = {.hdr = {&type_type}, .name = "coroutine", .base = &object_type,
                  .repr = gen_repr, .getattr = gen_getattr};

void gen_init(void) {
  type_add_methods(&gen_type, gen_methods);
  type_add_methods(&coro_type, coro_methods);
}
