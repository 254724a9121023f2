/* The machine module: what of MicroPython's machine API a port without pins can offer.
 *
 *   Timer([id], *, mode=Timer.PERIODIC, period=-1, freq=-1, tick_hz=1000, callback=None)
 *       with init(**same), deinit() and the constants ONE_SHOT and PERIODIC. Every timer is
 *       virtual (MicroPython's id -1) and soft: callback(timer) runs at the VM's next safe point
 *       after the deadline (sched.h), driven by the port's alarm (on the board a hardware timer
 *       interrupt, on the host SIGALRM). It may set an asyncio.ThreadSafeFlag.
 *   idle()  waits for an interrupt, at most 1 ms (the tick of MicroPython's ports), running
 *       callbacks that came due.
 */
#include "mod_net.h"
#include "port.h"
#include "sched.h"

enum { ONE_SHOT, PERIODIC };

static Type *timer_type;

static SoftTimer *timer_of(Value v) {
  if (!is_type(v, timer_type)) raise_msg(&TypeError_type, "Timer expected");
  return (SoftTimer *)v;
}

/* init's keyword arguments, after self and up to one positional (the id, ignored). */
static void timer_configure(SoftTimer *t, int nargs, int nkw, const Value *a) {
  static const char *const names[5] = {"mode", "period", "freq", "tick_hz", "callback"};
  Value v[5] = {MK_SMALL(PERIODIC), MK_SMALL(-1), MK_SMALL(-1), MK_SMALL(1000), NONE};
  for (int i = 0; i < nkw; i++) {
    int k = 0;
    while (k < 5 && !str_eq(a[nargs + 2 * i], intern_cstr(names[k]))) k++;
    if (k == 5) raise_msg(&TypeError_type, "unexpected keyword argument '%s'", str_cstr(a[nargs + 2 * i]));
    v[k] = a[nargs + 2 * i + 1];
  }
  intptr_t mode = py_index(v[0]);
  if (mode != ONE_SHOT && mode != PERIODIC) raise_msg(&ValueError_type, "invalid mode");
  double period_us;
  if (float_val(v[2]) != -1) {
    double hz = float_val(v[2]);
    if (!(hz > 0)) raise_msg(&ValueError_type, "freq must be positive");
    period_us = 1e6 / hz;
  } else {
    double ticks = float_val(v[1]), tick_hz = float_val(v[3]);
    if (ticks < 0) raise_msg(&ValueError_type, "period or freq required");
    if (!(tick_hz > 0)) raise_msg(&ValueError_type, "tick_hz must be positive");
    period_us = ticks * 1e6 / tick_hz;
  }
  if (period_us > 1e15) raise_msg(&ValueError_type, "period too long");
  t->period_us = period_us < 1 ? 1 : (uint64_t)(period_us + 0.5);
  t->periodic = mode == PERIODIC;
  t->callback = v[4];
  t->deadline_us = port_ticks_us() + t->period_us;
  sched_timer_start(t);
}

static Value timer_make(Type *type, int nargs, int nkw, const Value *a) {
  if (nargs > 1) raise_msg(&TypeError_type, "Timer() takes at most 1 positional argument");
  SoftTimer *t = obj_alloc(type, sizeof(SoftTimer));
  t->callback = NONE;
  t->period_us = 1000;
  t->periodic = 1;
  if (nkw) timer_configure(t, nargs, nkw, a);
  return V(t);
}

static Value tm_init(int nargs, int nkw, const Value *a) {
  if (nargs > 1) raise_msg(&TypeError_type, "init() takes keyword arguments only");
  timer_configure(timer_of(a[0]), nargs, nkw, a);
  return NONE;
}

static Value tm_deinit(int n, const Value *a) {
  (void)n;
  sched_timer_stop(timer_of(a[0]));
  return NONE;
}

static Value timer_repr(Value v) {
  SoftTimer *t = (SoftTimer *)v;
  const char *mode = t->periodic ? "PERIODIC" : "ONE_SHOT";
  if (t->period_us % 1000u == 0)
    return str_printf("Timer(mode=%s, period=%lu, tick_hz=1000)", mode, (unsigned long)(t->period_us / 1000u));
  return str_printf("Timer(mode=%s, period=%lu, tick_hz=1000000)", mode, (unsigned long)t->period_us);
}

static const MethodDef timer_methods[] = {
    {"init", tm_init, 1, 1, 1, MK_METHOD}, {"deinit", tm_deinit, 1, 1, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value m_idle(int n, const Value *a) {
  (void)n;
  (void)a;
  port_sleep_us(1000);
  if (port_interrupt_pending()) raise_type(&KeyboardInterrupt_type);
  sched_run();
  return NONE;
}

Value mod_machine_init(void) {
  static const MethodDef defs[] = {{"idle", m_idle, 0, 0, 0, 0}, {NULL, NULL, 0, 0, 0, 0}};
  Value m = module_with_defs("machine", defs);
  timer_type = vb_type_new("Timer", sizeof(SoftTimer), timer_make, timer_repr, timer_methods);
  dict_set_str(timer_type->dict, "ONE_SHOT", MK_SMALL(ONE_SHOT));
  dict_set_str(timer_type->dict, "PERIODIC", MK_SMALL(PERIODIC));
  dict_set_str(((Module *)m)->dict, "Timer", V(timer_type));
  return m;
}
