/* The gc and micropython modules. */
#include "py.h"
#include "sched.h"

static bool gc_enabled = true;
static Value g_collect(int n, const Value *a) {
  (void)n;
  (void)a;
  gc_collect();
  gc_run_finalizers();
  return MK_SMALL(0);
}
static Value g_mem_free(int n, const Value *a) { (void)n; (void)a; return int_from_i64((int64_t)gc_mem_free()); }
static Value g_mem_alloc(int n, const Value *a) { (void)n; (void)a; return int_from_i64((int64_t)gc_mem_alloc()); }
static Value g_enable(int n, const Value *a) { (void)n; (void)a; gc_enabled = true; return NONE; }
static Value g_disable(int n, const Value *a) { (void)n; (void)a; gc_enabled = false; return NONE; }
static Value g_isenabled(int n, const Value *a) { (void)n; (void)a; return PYBOOL(gc_enabled); }
static Value g_threshold(int n, const Value *a) { (void)n; (void)a; return MK_SMALL(-1); }

static const MethodDef gc_defs[] = {
    {"collect", g_collect, 0, 1, 0, 0}, {"mem_free", g_mem_free, 0, 0, 0, 0},
    {"mem_alloc", g_mem_alloc, 0, 0, 0, 0}, {"enable", g_enable, 0, 0, 0, 0},
    {"disable", g_disable, 0, 0, 0, 0}, {"isenabled", g_isenabled, 0, 0, 0, 0},
    {"threshold", g_threshold, 0, 1, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

Value mod_gc_init(void) { return module_with_defs("gc", gc_defs); }

static Value mp_const(int n, const Value *a) { (void)n; return a[0]; }
static Value mp_mem_info(int n, const Value *a) {
  (void)n;
  (void)a;
  Value s = str_printf("mem: total=%lu, current=%lu\n", (unsigned long)(gc_mem_alloc() + gc_mem_free()), (unsigned long)gc_mem_alloc());
  py_print_value(vm.sys_stdout, s);
  return NONE;
}
static Value mp_identity_decorator(int n, const Value *a) { (void)n; return a[0]; }
static Value mp_opt_level(int n, const Value *a) { (void)n; (void)a; return MK_SMALL(0); }
/* schedule(func, arg): func(arg) at the VM's next safe point (sched.h), never nested in another
 * scheduled call; RuntimeError when the queue is full, as MicroPython. */
static Value mp_schedule(int n, const Value *a) {
  (void)n;
  if (!sched_schedule(a[0], a[1])) raise_msg(&RuntimeError_type, "schedule queue full");
  return NONE;
}
static Value mp_noop(int n, const Value *a) { (void)n; (void)a; return NONE; }

static const MethodDef mp_defs[] = {
    {"const", mp_const, 1, 1, 0, 0}, {"mem_info", mp_mem_info, 0, 1, 0, 0},
    {"native", mp_identity_decorator, 1, 1, 0, 0}, {"viper", mp_identity_decorator, 1, 1, 0, 0},
    {"opt_level", mp_opt_level, 0, 1, 0, 0}, {"schedule", mp_schedule, 2, 2, 0, 0},
    {"heap_lock", mp_noop, 0, 0, 0, 0}, {"heap_unlock", mp_noop, 0, 0, 0, 0},
    {"alloc_emergency_exception_buf", mp_noop, 1, 1, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

Value mod_micropython_init(void) { return module_with_defs("micropython", mp_defs); }
