/* Generators, coroutines and async generators (PEP 255, 342, 380, 492, 525).  A generator owns
 * a heap frame; resuming it re-enters the interpreter loop on that frame until the next yield or
 * return. */
#include "py.h"
#include "bytecode.h"

/* An async generator is a generator whose frame also awaits (PEP 525): its code is both
 * CO_GENERATOR and CO_COROUTINE.  The awaitables its asend()/athrow()/aclose() return run it. */
typedef struct {
  Gen g;
  uint8_t running_async; /* one of its awaitables is in progress (CPython's ag_running_async) */
  uint8_t closed;        /* finished, or aclose() started */
} AsyncGen;

Value gen_new(Frame *f, bool coro) {
  bool agen = coro && (f->code->flags & CO_GENERATOR);
  Gen *g = obj_alloc(agen ? &asyncgen_type : coro ? &coro_type : &gen_type,
                     agen ? sizeof(AsyncGen) : sizeof(Gen));
  g->frame = f;
  g->name = f->code->name;
  return V(g);
}

static const char *kind_name(Gen *g) {
  Type *t = OBJ(g)->type;
  return t == &coro_type ? "coroutine" : t == &asyncgen_type ? "async generator" : "generator";
}

static Value resume(Gen *g, Value send, Value exc, Value *ret) {
  if (g->finished) {
    if (exc) py_raise(exc);
    *ret = NONE;
    return VNULL;
  }
  if (g->running) raise_msg(&ValueError_type, "%s already executing", kind_name(g));
  if (!g->started && send && send != NONE && !exc)
    raise_msg(&TypeError_type, "can't send non-None value to a just-started %s", kind_name(g));
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
    bool agen = OBJ(g)->type == &asyncgen_type;
    if (isinst(e, &StopIteration_type) || (agen && isinst(e, &StopAsyncIteration_type))) {
      /* PEP 479, and PEP 525 for StopAsyncIteration raised inside an async generator */
      Value re = exc_new_msg(&RuntimeError_type, "%s raised %s", kind_name(g),
                             isinst(e, &StopIteration_type) ? "StopIteration" : "StopAsyncIteration");
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
  return str_printf("<%s object %s at %p>", OBJ(v)->type->name, str_cstr(q), (void *)v);
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

/* ---- async generators (PEP 525) ------------------------------------------------------------
 * asend(v) (and __anext__), athrow(exc) and aclose() return an awaitable (AgOp) that runs the
 * generator's frame when awaited.  The frame suspends for one of two reasons: an await inside it
 * (its last instruction is YIELD_FROM), whose value the awaitable passes up to the event loop;
 * or a yield (YIELD_VALUE), which completes the awaitable with the yielded value, as CPython's
 * wrapped values do.  A return ends the generator: StopAsyncIteration. */

enum { AG_SEND, AG_THROW, AG_CLOSE };    /* which method made the awaitable */
enum { AG_INIT, AG_ITER, AG_DONE };      /* not yet awaited, in progress, finished */

typedef struct {
  Obj hdr;
  AsyncGen *ag;
  Value arg;     /* asend: the value to send first; athrow: the exception */
  uint8_t kind, state;
} AgOp;

static Value agop_new(Value ag, int kind, Value arg) {
  AgOp *op = obj_alloc(&agop_type, sizeof(AgOp));
  op->ag = (AsyncGen *)ag;
  op->kind = (uint8_t)kind;
  op->arg = arg;
  return V(op);
}

/* the awaitable is finished, by a result or an exception */
static void agop_done(AgOp *op) {
  op->state = AG_DONE;
  op->ag->running_async = 0;
}

/* One step of the generator's frame for the awaitable op: send v, or throw exc.  Returns what an
 * await inside the frame yields, for the event loop; VNULL when op completed with *ret. */
static Value agop_step(AgOp *op, Value v, Value exc, Value *ret) {
  Gen *g = &op->ag->g;
  Value r, gret;
  Nlr n;
  if (NLR_TRY(n)) {
    r = exc ? gen_throw(V(g), exc, &gret) : gen_send(V(g), v, &gret);
    nlr_pop();
  } else {
    Value e = vm.raised;
    agop_done(op);
    if (isinst(e, &StopAsyncIteration_type) || isinst(e, &GeneratorExit_type)) {
      op->ag->closed = 1;
      /* aclose() is done when the generator let GeneratorExit (or its end) through */
      if (op->kind == AG_CLOSE) return *ret = NONE, VNULL;
    }
    py_raise(e);
  }
  if (!r) { /* the frame returned */
    agop_done(op);
    op->ag->closed = 1;
    if (op->kind == AG_CLOSE) return *ret = NONE, VNULL;
    raise_type(&StopAsyncIteration_type);
  }
  if (*g->frame->lasti != OP_YIELD_VALUE) return r; /* an await inside the generator */
  agop_done(op);
  if (op->kind == AG_CLOSE) raise_msg(&RuntimeError_type, "async generator ignored GeneratorExit");
  *ret = r;
  return VNULL;
}

static NORETURN void agop_reused(AgOp *op) {
  raise_msg(&RuntimeError_type, "cannot reuse already awaited %s", op->kind == AG_SEND ? "__anext__()/asend()" : "aclose()/athrow()");
}

/* The awaitable's send(v): the first one starts the operation (CPython's async_gen_asend_send
 * and async_gen_athrow_send). */
Value agop_send(Value self, Value v, Value *ret) {
  AgOp *op = (AgOp *)self;
  AsyncGen *ag = op->ag;
  Value exc = VNULL;
  if (op->state == AG_DONE) agop_reused(op);
  if (op->state == AG_INIT) {
    if (op->kind != AG_SEND && ag->g.finished) {
      op->state = AG_DONE;
      return *ret = NONE, VNULL;
    }
    if (ag->running_async) {
      op->state = AG_DONE;
      static const char *const what[] = {"anext", "athrow", "aclose"};
      raise_msg(&RuntimeError_type, "%s(): asynchronous generator is already running", what[op->kind]);
    }
    op->state = AG_ITER;
    if (op->kind == AG_SEND) {
      if (v == NONE) v = op->arg;
    } else if (op->kind == AG_THROW) {
      exc = op->arg;
    } else {
      ag->closed = 1;
      exc = exc_new(&GeneratorExit_type, 0, NULL);
    }
  }
  ag->running_async = 1;
  return agop_step(op, v, exc, ret);
}

static Value agop_next_slot(Value v) {
  Value ret;
  Value r = agop_send(v, NONE, &ret);
  if (r || ret == NONE) return r;
  raise_stop(ret);
}

static Value m_agop_send(int n, const Value *a) {
  (void)n;
  Value ret;
  Value r = agop_send(a[0], a[1], &ret);
  if (r) return r;
  raise_stop(ret);
}

static Value m_agop_throw(int n, const Value *a) {
  AgOp *op = (AgOp *)a[0];
  if (op->state == AG_DONE) agop_reused(op);
  Value exc = a[1];
  if (n > 2 && a[2] != NONE && is_type(exc, &type_type)) exc = py_call1(exc, a[2]);
  op->state = AG_ITER;
  op->ag->running_async = 1;
  Value ret;
  Value r = agop_step(op, VNULL, exc, &ret);
  if (r) return r;
  raise_stop(ret);
}

static Value m_agop_close(int n, const Value *a) {
  (void)n;
  ((AgOp *)a[0])->state = AG_DONE;
  return NONE;
}

static Value m_asend(int n, const Value *a) { (void)n; return agop_new(a[0], AG_SEND, a[1]); }
static Value m_anext(int n, const Value *a) { (void)n; return agop_new(a[0], AG_SEND, NONE); }
static Value m_aclose(int n, const Value *a) { (void)n; return agop_new(a[0], AG_CLOSE, NONE); }

static Value m_athrow(int n, const Value *a) {
  Value exc = a[1];
  if (n > 2 && a[2] != NONE && is_type(exc, &type_type)) exc = py_call1(exc, a[2]);
  else if (is_type(exc, &type_type)) exc = py_call0(exc);
  if (!isinst(exc, &BaseException_type)) raise_msg(&TypeError_type, "exceptions must derive from BaseException");
  return agop_new(a[0], AG_THROW, exc);
}

static const MethodDef asyncgen_methods[] = {
    {"__aiter__", m_await, 1, 1, 0, MK_METHOD}, {"__anext__", m_anext, 1, 1, 0, MK_METHOD},
    {"asend", m_asend, 2, 2, 0, MK_METHOD}, {"athrow", m_athrow, 2, 4, 0, MK_METHOD},
    {"aclose", m_aclose, 1, 1, 0, MK_METHOD}, {NULL, NULL, 0, 0, 0, 0},
};
static const MethodDef agop_methods[] = {
    {"send", m_agop_send, 2, 2, 0, MK_METHOD}, {"throw", m_agop_throw, 2, 4, 0, MK_METHOD},
    {"close", m_agop_close, 1, 1, 0, MK_METHOD}, {"__await__", m_await, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

Type asyncgen_type = {.hdr = {&type_type}, .name = "async_generator", .base = &object_type,
                      .repr = gen_repr, .getattr = gen_getattr};
Type agop_type = {.hdr = {&type_type}, .name = "async_generator_asend", .base = &object_type,
                  .iter = self_iter, .next = agop_next_slot};

Type gen_type = {.hdr = {&type_type}, .name = "generator", .base = &object_type,
                 .iter = self_iter, .next = gen_next_slot, .repr = gen_repr, .getattr = gen_getattr};
Type coro_type = {.hdr = {&type_type}, .name = "coroutine", .base = &object_type,
                  .repr = gen_repr, .getattr = gen_getattr};

void gen_init(void) {
  type_add_methods(&gen_type, gen_methods);
  type_add_methods(&coro_type, coro_methods);
  type_add_methods(&asyncgen_type, asyncgen_methods);
  type_add_methods(&agop_type, agop_methods);
}
