/* The time module, MicroPython flavour (ticks_ms/us with wrap-around arithmetic) plus the
 * CPython functions monotonic/time/time_ns.  Ticks wrap at 2**30 as on MicroPython ports. */
#include "port.h"
#include "py.h"
#include "sched.h"

#include <math.h>

#define TICKS_PERIOD (1L << 30)
#define TICKS_MAX (TICKS_PERIOD - 1)

static Value t_sleep(int n, const Value *a) {
  (void)n;
  double s = float_val(a[0]);
  if (s < 0) raise_msg(&ValueError_type, "sleep length must be non-negative");
  sched_sleep_us((uint64_t)(s * 1e6));
  return NONE;
}
static Value t_sleep_ms(int n, const Value *a) {
  (void)n;
  intptr_t ms = py_index(a[0]);
  if (ms > 0) sched_sleep_us((uint64_t)ms * 1000u);
  return NONE;
}
static Value t_sleep_us(int n, const Value *a) {
  (void)n;
  intptr_t us = py_index(a[0]);
  if (us > 0) sched_sleep_us((uint64_t)us);
  return NONE;
}
static Value t_ticks_ms(int n, const Value *a) { (void)n; (void)a; return MK_SMALL((intptr_t)((port_ticks_us() / 1000u) & TICKS_MAX)); }
static Value t_ticks_us(int n, const Value *a) { (void)n; (void)a; return MK_SMALL((intptr_t)(port_ticks_us() & TICKS_MAX)); }
static Value t_ticks_cpu(int n, const Value *a) { (void)n; (void)a; return MK_SMALL((intptr_t)(port_ticks_us() & TICKS_MAX)); }
static Value t_ticks_diff(int n, const Value *a) {
  (void)n;
  intptr_t d = (py_index(a[0]) - py_index(a[1])) & TICKS_MAX;
  if (d >= TICKS_PERIOD / 2) d -= TICKS_PERIOD;
  return MK_SMALL(d);
}
static Value t_ticks_add(int n, const Value *a) {
  (void)n;
  return MK_SMALL((py_index(a[0]) + py_index(a[1])) & TICKS_MAX);
}
static Value t_monotonic(int n, const Value *a) { (void)n; (void)a; return float_new((double)port_ticks_us() / 1e6); }
static Value t_time(int n, const Value *a) { (void)n; (void)a; return float_new((double)port_time_ns() / 1e9); }
static Value t_time_ns(int n, const Value *a) { (void)n; (void)a; return int_from_i64((int64_t)port_time_ns()); }
static Value t_monotonic_ns(int n, const Value *a) { (void)n; (void)a; return int_from_i64((int64_t)port_ticks_us() * 1000); }

static const MethodDef time_defs[] = {
    {"sleep", t_sleep, 1, 1, 0, 0}, {"sleep_ms", t_sleep_ms, 1, 1, 0, 0},
    {"sleep_us", t_sleep_us, 1, 1, 0, 0}, {"ticks_ms", t_ticks_ms, 0, 0, 0, 0},
    {"ticks_us", t_ticks_us, 0, 0, 0, 0}, {"ticks_cpu", t_ticks_cpu, 0, 0, 0, 0},
    {"ticks_diff", t_ticks_diff, 2, 2, 0, 0}, {"ticks_add", t_ticks_add, 2, 2, 0, 0},
    {"monotonic", t_monotonic, 0, 0, 0, 0}, {"perf_counter", t_monotonic, 0, 0, 0, 0},
    {"time", t_time, 0, 0, 0, 0}, {"time_ns", t_time_ns, 0, 0, 0, 0},
    {"monotonic_ns", t_monotonic_ns, 0, 0, 0, 0}, {"perf_counter_ns", t_monotonic_ns, 0, 0, 0, 0},
    {NULL, NULL, 0, 0, 0, 0},
};

Value mod_time_init(void) { return module_with_defs("time", time_defs); }
