/* The select module: poll objects (CPython's register/modify/unregister/poll, returning the
 * registered object as MicroPython does, plus MicroPython's ipoll) and select.select, over
 * port_net_poll. A registered object is a socket, anything with fileno(), an int descriptor or
 * sys.stdin (the console: fd 0 on the host, the UART on the board). poll() with nothing
 * registered still sleeps for its timeout: asyncio sleeps that way (in WFI on the board). */
#include "mod_net.h"


/* entries: a list of (obj, fd, eventmask) tuples, in registration order */
typedef struct {
  Obj hdr;
  Value entries;
} Poll;

static Type *poll_type;

static int fd_of(Value obj) {
  if (is_int(obj)) return (int)py_index(obj);
  Value sys = import_module(intern_cstr("sys"));
  if (obj == dict_get_str(((Module *)sys)->dict, intern_cstr("stdin"))) return VB_FD_STDIN;
  return (int)py_index(py_call_method(obj, intern_cstr("fileno"), 0, NULL));
}

/* timeout_ms argument: None or negative waits forever; a float is rounded up, as CPython. */
static int timeout_arg(int n, const Value *a, int i, double scale) {
  if (n <= i || a[i] == NONE) return -1;
  double t = float_val(a[i]) * scale;
  if (t < 0 || t >= 2147483647.0) return -1;
  int ms = (int)t;
  return ms < t ? ms + 1 : ms;
}

static intptr_t find(Poll *p, Value obj, int fd) {
  List *l = (List *)p->entries;
  for (size_t i = 0; i < l->len; i++) {
    Tuple *e = (Tuple *)l->items[i];
    if (e->items[0] == obj || SMALL_VAL(e->items[1]) == fd) return (intptr_t)i;
  }
  return -1;
}

static Value p_register(int n, const Value *a) {
  Poll *p = (Poll *)a[0];
  int fd = fd_of(a[1]);
  intptr_t mask = n > 2 ? py_index(a[2]) : VB_POLLIN | VB_POLLOUT;
  Value e = tuple3(a[1], MK_SMALL(fd), MK_SMALL(mask));
  intptr_t i = find(p, a[1], fd);
  if (i < 0) list_append(p->entries, e);
  else ((List *)p->entries)->items[i] = e;
  return NONE;
}

static Value p_modify(int n, const Value *a) {
  (void)n;
  Poll *p = (Poll *)a[0];
  int fd = fd_of(a[1]);
  intptr_t i = find(p, a[1], fd);
  if (i < 0) vb_raise_errno(VB_ENOENT);
  ((List *)p->entries)->items[i] = tuple3(a[1], MK_SMALL(fd), MK_SMALL(py_index(a[2])));
  return NONE;
}

static Value p_unregister(int n, const Value *a) {
  (void)n;
  Poll *p = (Poll *)a[0];
  intptr_t i = find(p, a[1], fd_of(a[1]));
  if (i < 0) py_raise(exc_new(&KeyError_type, 1, &a[1]));
  list_pop_index(p->entries, i);
  return NONE;
}

/* Polls the entries; returns the list of (obj, revents) ready. one_shot clears the mask of each
 * reported entry (MicroPython's ipoll flags=1). */
static Value do_poll(Poll *p, int timeout_ms, bool one_shot) {
  List *l = (List *)p->entries;
  size_t n = l->len;
  PortPollFd *fds = gc_alloc((n ? n : 1) * sizeof *fds);
  for (size_t i = 0; i < n; i++) {
    Tuple *e = (Tuple *)l->items[i];
    fds[i].fd = (int)SMALL_VAL(e->items[1]);
    fds[i].events = (short)SMALL_VAL(e->items[2]);
  }
  int r = vb_poll(fds, (int)n, timeout_ms);
  Value out = list_new(0);
  for (size_t i = 0; r > 0 && i < n && i < l->len; i++) {
    if (!fds[i].revents) continue;
    Tuple *e = (Tuple *)l->items[i];
    list_append(out, tuple2(e->items[0], MK_SMALL(fds[i].revents)));
    if (one_shot) l->items[i] = tuple3(e->items[0], e->items[1], MK_SMALL(0));
  }
  gc_free(fds);
  return out;
}

static Value p_poll(int n, const Value *a) { return do_poll((Poll *)a[0], timeout_arg(n, a, 1, 1), false); }

static Value p_ipoll(int n, const Value *a) {
  bool one_shot = n > 2 && (py_index(a[2]) & 1);
  return py_iter(do_poll((Poll *)a[0], timeout_arg(n, a, 1, 1), one_shot));
}

static const MethodDef poll_methods[] = {
    {"register", p_register, 2, 3, 0, MK_METHOD}, {"modify", p_modify, 3, 3, 0, MK_METHOD},
    {"unregister", p_unregister, 2, 2, 0, MK_METHOD}, {"poll", p_poll, 1, 2, 0, MK_METHOD},
    {"ipoll", p_ipoll, 1, 3, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

static Value m_poll(int n, const Value *a) {
  (void)n;
  (void)a;
  Poll *p = obj_alloc(poll_type, sizeof(Poll));
  p->entries = list_new(0);
  return V(p);
}

/* select(rlist, wlist, xlist[, timeout]) through one poll: readable includes hang-up and
 * error, as Linux's select reports them; nothing is ever reported as exceptional (the board
 * has no urgent data), but xlist's objects must still be valid. */
static Value m_select(int n, const Value *a) {
  Poll *p = (Poll *)m_poll(0, NULL);
  static const short ev[3] = {VB_POLLIN, VB_POLLOUT, 0};
  for (int k = 0; k < 3; k++) {
    Value it = py_iter(a[k]), o;
    while ((o = py_next(it))) {
      int fd = fd_of(o);
      intptr_t i = find(p, o, fd);
      if (i < 0) list_append(p->entries, tuple3(o, MK_SMALL(fd), MK_SMALL(ev[k])));
      else {
        Tuple *e = (Tuple *)((List *)p->entries)->items[i];
        e->items[2] = MK_SMALL(SMALL_VAL(e->items[2]) | ev[k]);
      }
    }
  }
  Value ready = do_poll(p, timeout_arg(n, a, 3, 1000), false);
  Value res[3] = {list_new(0), list_new(0), list_new(0)};
  static const short want[2] = {VB_POLLIN | VB_POLLHUP | VB_POLLERR, VB_POLLOUT | VB_POLLERR};
  for (int k = 0; k < 2; k++) {
    Value it = py_iter(a[k]), o;
    while ((o = py_next(it))) {
      List *rl = (List *)ready;
      for (size_t i = 0; i < rl->len; i++) {
        Tuple *t = (Tuple *)rl->items[i];
        if (t->items[0] == o && (SMALL_VAL(t->items[1]) & want[k])) list_append(res[k], o);
      }
    }
  }
  return tuple3(res[0], res[1], res[2]);
}

Value mod_select_init(void) {
  static const MethodDef defs[] = {
      {"poll", m_poll, 0, 0, 0, 0}, {"select", m_select, 3, 4, 0, 0}, {NULL, NULL, 0, 0, 0, 0},
  };
  Value m = module_with_defs("select", defs);
  Value d = ((Module *)m)->dict;
  dict_set_str(d, "POLLIN", MK_SMALL(VB_POLLIN));
  dict_set_str(d, "POLLPRI", MK_SMALL(VB_POLLPRI)); /* MicroPython's asyncio asks for it */
  dict_set_str(d, "POLLOUT", MK_SMALL(VB_POLLOUT));
  dict_set_str(d, "POLLERR", MK_SMALL(VB_POLLERR));
  dict_set_str(d, "POLLHUP", MK_SMALL(VB_POLLHUP));
  poll_type = vb_type_new("poll", sizeof(Poll), NULL, NULL, poll_methods);
  dict_set_str(d, "_poll_type", V(poll_type)); /* keeps the heap type reachable */
  return m;
}
