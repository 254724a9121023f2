/* The socket module: IPv4 stream and datagram sockets over the port's non-blocking socket
 * interface (port_net.h), with CPython's socket API (Library reference, "socket") and
 * MicroPython's stream methods read/readinto/readline/write (MicroPython docs, "socket").
 *
 * Every port call is non-blocking; a blocking socket (timeout None) or one with a timeout
 * waits for readiness with port_net_poll and retries, so the board waits in WFI. A timeout
 * raises TimeoutError(ETIMEDOUT, "timed out"), an OSError as CPython's socket.timeout is.
 * Sockets are not closed by the collector (the VM has no finalizers): close them. */
#include "port.h"
#include "mod_net.h"

typedef struct {
  Obj hdr;
  int fd;         /* -1 once closed */
  int type;       /* VB_SOCK_* */
  int timeout_ms; /* -1 blocking, 0 non-blocking */
} Sock;

/* The type lives in the GC heap, held by the module, so the collector sees its dict. */
static Type *sock_type;

Type *vb_type_new(const char *name, size_t inst_size, VbMakeFn make_new, UnaryFn repr, const MethodDef *methods) {
  Type *t = obj_alloc(&type_type, sizeof(Type));
  t->name = name;
  t->base = &object_type;
  t->inst_size = inst_size;
  t->make_new = make_new;
  t->repr = repr;
  type_init_builtin(t);
  type_add_methods(t, methods);
  return t;
}

/* ---- helpers -------------------------------------------------------------------------------- */

static Sock *sock_of(Value v) {
  if (!is_type(v, sock_type)) raise_msg(&TypeError_type, "socket expected");
  Sock *s = (Sock *)v;
  if (s->fd < 0) vb_raise_errno(VB_EBADF);
  return s;
}

static Value sock_new(int fd, int type) {
  Sock *s = obj_alloc(sock_type, sizeof(Sock));
  s->fd = fd;
  s->type = type;
  s->timeout_ms = -1;
  return V(s);
}

static NORETURN void raise_timeout(void) {
  Value args[2] = {MK_SMALL(VB_ETIMEDOUT), str_from_cstr("timed out")};
  py_raise(exc_new(&TimeoutError_type, 2, args));
}

/* For a blocking socket and a port result of -EAGAIN: waits until ev is ready (or raises
 * TimeoutError once the socket's timeout since t0 has passed) and returns true to retry. */
static bool again(Sock *s, int r, short ev, uint64_t t0) {
  if (r != -VB_EAGAIN || s->timeout_ms == 0) return false;
  int ms = -1;
  if (s->timeout_ms > 0) {
    uint64_t spent = (port_ticks_us() - t0) / 1000u;
    if (spent >= (uint64_t)s->timeout_ms) raise_timeout();
    ms = s->timeout_ms - (int)spent;
  }
  PortPollFd p = {s->fd, ev, 0};
  if (vb_poll(&p, 1, ms) == 0) raise_timeout();
  return true;
}

/* (host, port) to an address; '' is INADDR_ANY, names are resolved. */
static void addr_from(Value a, uint32_t *addr, uint16_t *port) {
  if (!is_type(a, &tuple_type) || ((Tuple *)a)->len != 2)
    raise_msg(&TypeError_type, "AF_INET address must be tuple, not %s", type_name(a));
  Value h = ((Tuple *)a)->items[0];
  if (!isinst(h, &str_type)) raise_msg(&TypeError_type, "str expected, not %s", type_name(h));
  intptr_t p = py_index(((Tuple *)a)->items[1]);
  if (p < 0 || p > 65535) raise_msg(&OverflowError_type, "port must be 0-65535.");
  *port = (uint16_t)p;
  *addr = 0;
  if (str_len(h) && port_net_resolve(str_cstr(h), addr) < 0) {
    Value args[2] = {MK_SMALL(-2), str_from_cstr("Name or service not known")};
    py_raise(exc_new(&OSError_type, 2, args));
  }
}

static Value addr_to(uint32_t a, uint16_t port) {
  return tuple2(str_printf("%u.%u.%u.%u", (unsigned)(a >> 24), (unsigned)(a >> 16) & 255u,
                           (unsigned)(a >> 8) & 255u, (unsigned)a & 255u),
                MK_SMALL(port));
}

static intptr_t opt_int(int nargs, const Value *a, int i, intptr_t def) {
  return nargs > i && a[i] != NONE ? py_index(a[i]) : def;
}

/* ---- construction, options -------------------------------------------------------------- */

static Value sock_make(Type *t, int nargs, int nkw, const Value *a) {
  (void)t;
  Value v[3] = {MK_SMALL(2), MK_SMALL(VB_SOCK_STREAM), MK_SMALL(0)};
  static const char *const kws[3] = {"family", "type", "proto"};
  for (int i = 0; i < 3; i++) {
    Value k = i < nargs ? a[i] : kwarg_find(nargs, nkw, a, intern_cstr(kws[i]));
    if (k && k != NONE) v[i] = k;
  }
  if (py_index(v[0]) != 2) vb_raise_errno(VB_EAFNOSUPPORT);
  int type = (int)py_index(v[1]);
  if (type != VB_SOCK_STREAM && type != VB_SOCK_DGRAM) vb_raise_errno(VB_EINVAL);
  return sock_new(vb_check(port_net_socket(type)), type);
}

static Value s_close(int n, const Value *a) {
  (void)n;
  Sock *s = (Sock *)a[0];
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    vb_check(port_net_close(fd));
  }
  return NONE;
}

static Value s_exit(int n, const Value *a) { return s_close(n, a); }
static Value s_enter(int n, const Value *a) { (void)n; return a[0]; }
static Value s_fileno(int n, const Value *a) { (void)n; return MK_SMALL(((Sock *)a[0])->fd); }

static Value s_settimeout(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  if (a[1] == NONE) {
    s->timeout_ms = -1;
  } else {
    double t = float_val(a[1]);
    if (t < 0) raise_msg(&ValueError_type, "Timeout value out of range");
    /* a positive timeout waits at least 1 ms; beyond ~24 days it is as good as forever */
    s->timeout_ms = t >= 2147483.0 ? -1 : (int)(t * 1000.0 + 0.999);
  }
  return NONE;
}

static Value s_gettimeout(int n, const Value *a) {
  (void)n;
  Sock *s = (Sock *)a[0];
  return s->timeout_ms < 0 ? NONE : float_new(s->timeout_ms / 1000.0);
}

static Value s_setblocking(int n, const Value *a) {
  (void)n;
  sock_of(a[0])->timeout_ms = py_truth(a[1]) ? -1 : 0;
  return NONE;
}

static Value s_setsockopt(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  intptr_t v = is_int(a[3]) ? py_index(a[3]) : 1;
  vb_check(port_net_setsockopt(s->fd, (int)py_index(a[1]), (int)py_index(a[2]), (int)v));
  return NONE;
}

/* ---- connections ---------------------------------------------------------------------------- */

static Value s_bind(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  uint32_t ip;
  uint16_t port;
  addr_from(a[1], &ip, &port);
  vb_check(port_net_bind(s->fd, ip, port));
  return NONE;
}

static Value s_listen(int n, const Value *a) {
  Sock *s = sock_of(a[0]);
  intptr_t backlog = opt_int(n, a, 1, 5);
  vb_check(port_net_listen(s->fd, backlog < 0 ? 0 : (int)backlog));
  return NONE;
}

static Value s_accept(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  uint32_t ip = 0;
  uint16_t port = 0;
  uint64_t t0 = port_ticks_us();
  int r;
  while (again(s, r = port_net_accept(s->fd, &ip, &port), VB_POLLIN, t0)) {
  }
  /* as in CPython, the new socket is blocking whatever the listening one is */
  return tuple2(sock_new(vb_check(r), s->type), addr_to(ip, port));
}

static Value s_connect(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  uint32_t ip;
  uint16_t port;
  addr_from(a[1], &ip, &port);
  uint64_t t0 = port_ticks_us();
  int r = port_net_connect(s->fd, ip, port);
  if (r == -VB_EINPROGRESS && s->timeout_ms != 0) {
    again(s, -VB_EAGAIN, VB_POLLOUT, t0); /* returns once writable (or raises TimeoutError) */
    r = port_net_sock_error(s->fd);
  }
  vb_check(r);
  return NONE;
}

static Value s_shutdown(int n, const Value *a) {
  (void)n;
  vb_check(port_net_shutdown(sock_of(a[0])->fd, (int)py_index(a[1])));
  return NONE;
}

static Value sockname(Value self, int peer) {
  uint32_t ip = 0;
  uint16_t port = 0;
  vb_check(port_net_sockname(sock_of(self)->fd, peer, &ip, &port));
  return addr_to(ip, port);
}
static Value s_getsockname(int n, const Value *a) { (void)n; return sockname(a[0], 0); }
static Value s_getpeername(int n, const Value *a) { (void)n; return sockname(a[0], 1); }

/* ---- data ----------------------------------------------------------------------------------- */

static void buf_of(Value v, const uint8_t **d, size_t *len) {
  if (!get_buffer(v, d, len)) raise_msg(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(v));
}

/* Sends from d; once (send) or until everything went or, non-blocking, nothing more can go.
 * Returns the count sent, or -1 if a non-blocking socket could take nothing. */
static intptr_t send_loop(Sock *s, const uint8_t *d, size_t len, bool all) {
  uint64_t t0 = port_ticks_us();
  size_t done = 0;
  do {
    int r;
    while (again(s, r = port_net_send(s->fd, d + done, len - done), VB_POLLOUT, t0)) {
    }
    if (r == -VB_EAGAIN) {
      if (done == 0) return -1;
      break;
    }
    done += (size_t)vb_check(r);
  } while (all && done < len);
  return (intptr_t)done;
}

static Value s_send(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  const uint8_t *d;
  size_t len;
  buf_of(a[1], &d, &len);
  intptr_t r = send_loop(s, d, len, false);
  if (r < 0) vb_raise_errno(VB_EAGAIN);
  return MK_SMALL(r);
}

static Value s_sendall(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  const uint8_t *d;
  size_t len;
  buf_of(a[1], &d, &len);
  if (send_loop(s, d, len, true) < (intptr_t)len) vb_raise_errno(VB_EAGAIN);
  return NONE;
}

/* MicroPython's stream write: all of it (blocking), what fits, or None if nothing fits. */
static Value s_write(int n, const Value *a) {
  Sock *s = sock_of(a[0]);
  const uint8_t *d;
  size_t len;
  buf_of(a[1], &d, &len);
  if (n > 2) {
    intptr_t m = py_index(a[2]);
    if (m >= 0 && (size_t)m < len) len = (size_t)m;
  }
  intptr_t r = len ? send_loop(s, d, len, true) : 0;
  return r < 0 ? NONE : MK_SMALL(r);
}

static Value s_sendto(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  const uint8_t *d;
  size_t len;
  buf_of(a[1], &d, &len);
  uint32_t ip;
  uint16_t port;
  addr_from(a[2], &ip, &port);
  uint64_t t0 = port_ticks_us();
  int r;
  while (again(s, r = port_net_sendto(s->fd, d, len, ip, port), VB_POLLOUT, t0)) {
  }
  return MK_SMALL(vb_check(r));
}

/* Receives into d: one port read (once) or until len bytes or end of stream. Returns the count,
 * or -1 when a non-blocking socket had nothing. */
static intptr_t recv_loop(Sock *s, uint8_t *d, size_t len, bool once) {
  uint64_t t0 = port_ticks_us();
  size_t done = 0;
  while (done < len) {
    int r;
    while (again(s, r = port_net_recv(s->fd, d + done, len - done), VB_POLLIN, t0)) {
    }
    if (r == -VB_EAGAIN) return done ? (intptr_t)done : -1;
    if (vb_check(r) == 0) break;
    done += (size_t)r;
    if (once) break;
  }
  return (intptr_t)done;
}

static Value s_recv(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  intptr_t len = py_index(a[1]);
  if (len < 0) raise_msg(&ValueError_type, "negative buffersize in recv");
  uint8_t *buf = gc_alloc((size_t)len + 1);
  intptr_t r = len ? recv_loop(s, buf, (size_t)len, true) : 0;
  if (r < 0) vb_raise_errno(VB_EAGAIN);
  Value b = bytes_new(buf, (size_t)r);
  gc_free(buf);
  return b;
}

static Value s_recvfrom(int n, const Value *a) {
  (void)n;
  Sock *s = sock_of(a[0]);
  intptr_t len = py_index(a[1]);
  if (len < 0) raise_msg(&ValueError_type, "negative buffersize in recvfrom");
  uint8_t *buf = gc_alloc((size_t)len + 1);
  uint32_t ip = 0;
  uint16_t port = 0;
  uint64_t t0 = port_ticks_us();
  int r;
  while (again(s, r = port_net_recvfrom(s->fd, buf, (size_t)len, &ip, &port), VB_POLLIN, t0)) {
  }
  Value b = bytes_new(buf, (size_t)vb_check(r));
  gc_free(buf);
  return tuple2(b, addr_to(ip, port));
}

/* MicroPython's read([n]): up to n bytes (all until end of stream without n); a non-blocking
 * socket returns what it has, or None if nothing. */
static Value s_read(int n, const Value *a) {
  Sock *s = sock_of(a[0]);
  intptr_t want = opt_int(n, a, 1, -1);
  size_t cap = want >= 0 ? (size_t)want : 256, got = 0;
  uint8_t *buf = gc_alloc(cap + 1);
  for (;;) {
    intptr_t r = got < cap ? recv_loop(s, buf + got, cap - got, want < 0) : 0;
    if (r < 0) {
      if (got == 0) return NONE;
      break;
    }
    got += (size_t)r;
    if (want >= 0 || r == 0) break;
    if (got == cap) buf = gc_realloc(buf, (cap *= 2) + 1);
  }
  Value b = bytes_new(buf, got);
  gc_free(buf);
  return b;
}

/* readinto(buf[, n]) (MicroPython: fills buf, None if a non-blocking socket had nothing) and
 * recv_into(buf[, n]) (CPython: one read, EAGAIN if nothing); n = 0 means all of buf. */
static Value into(int n, const Value *a, bool recv) {
  Sock *s = sock_of(a[0]);
  if (!is_type(a[1], &bytearray_type)) raise_msg(&TypeError_type, "a bytearray is required");
  ByteArray *ba = (ByteArray *)a[1];
  size_t len = ba->len;
  intptr_t m = opt_int(n, a, 2, 0);
  if (m > 0 && (size_t)m < len) len = (size_t)m;
  intptr_t r = len ? recv_loop(s, ba->data, len, recv) : 0;
  if (r < 0 && recv) vb_raise_errno(VB_EAGAIN);
  return r < 0 ? NONE : MK_SMALL(r);
}
static Value s_readinto(int n, const Value *a) { return into(n, a, false); }
static Value s_recv_into(int n, const Value *a) { return into(n, a, true); }

/* MicroPython's readline: byte by byte up to and including '\n'; None if a non-blocking
 * socket had nothing. */
static Value s_readline(int n, const Value *a) {
  Sock *s = sock_of(a[0]);
  intptr_t limit = opt_int(n, a, 1, -1);
  SB sb;
  sb_init(&sb, 64);
  while (limit < 0 || (intptr_t)sb.len < limit) {
    uint8_t c;
    intptr_t r = recv_loop(s, &c, 1, true);
    if (r < 0) {
      if (sb.len == 0) return NONE;
      break;
    }
    if (r == 0) break;
    sb_addc(&sb, (char)c);
    if (c == '\n') break;
  }
  Value b = bytes_new((const uint8_t *)sb.buf, sb.len);
  gc_free(sb.buf);
  return b;
}

static Value sock_repr(Value v) {
  Sock *s = (Sock *)v;
  return str_printf("<socket fd=%d, type=%d>", s->fd, s->type);
}

static const MethodDef sock_methods[] = {
    {"close", s_close, 1, 1, 0, MK_METHOD}, {"__enter__", s_enter, 1, 1, 0, MK_METHOD},
    {"__exit__", s_exit, 1, 4, 0, MK_METHOD}, {"fileno", s_fileno, 1, 1, 0, MK_METHOD},
    {"settimeout", s_settimeout, 2, 2, 0, MK_METHOD}, {"gettimeout", s_gettimeout, 1, 1, 0, MK_METHOD},
    {"setblocking", s_setblocking, 2, 2, 0, MK_METHOD}, {"setsockopt", s_setsockopt, 4, 4, 0, MK_METHOD},
    {"bind", s_bind, 2, 2, 0, MK_METHOD}, {"listen", s_listen, 1, 2, 0, MK_METHOD},
    {"accept", s_accept, 1, 1, 0, MK_METHOD}, {"connect", s_connect, 2, 2, 0, MK_METHOD},
    {"shutdown", s_shutdown, 2, 2, 0, MK_METHOD}, {"getsockname", s_getsockname, 1, 1, 0, MK_METHOD},
    {"getpeername", s_getpeername, 1, 1, 0, MK_METHOD}, {"send", s_send, 2, 3, 0, MK_METHOD},
    {"sendall", s_sendall, 2, 3, 0, MK_METHOD}, {"sendto", s_sendto, 3, 3, 0, MK_METHOD},
    {"recv", s_recv, 2, 3, 0, MK_METHOD}, {"recvfrom", s_recvfrom, 2, 3, 0, MK_METHOD},
    {"recv_into", s_recv_into, 2, 4, 0, MK_METHOD}, {"read", s_read, 1, 2, 0, MK_METHOD},
    {"readinto", s_readinto, 2, 3, 0, MK_METHOD}, {"readline", s_readline, 1, 2, 0, MK_METHOD},
    {"write", s_write, 2, 3, 0, MK_METHOD},
    {NULL, NULL, 0, 0, 0, 0},
};

/* ---- module functions ----------------------------------------------------------------------- */

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0): one IPv4 entry, as MicroPython
 * returns (CPython lists one per socket type when type is 0). */
static Value m_getaddrinfo(int nargs, int nkw, const Value *a) {
  static const char *const kws[4] = {"family", "type", "proto", "flags"};
  intptr_t v[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) {
    Value k = i + 2 < nargs ? a[i + 2] : kwarg_find(nargs, nkw, a, intern_cstr(kws[i]));
    if (k && k != NONE) v[i] = py_index(k);
  }
  if (v[0] != 0 && v[0] != 2) vb_raise_errno(VB_EAFNOSUPPORT);
  intptr_t port = 0;
  if (isinst(a[1], &str_type)) port = py_index(int_from_str(str_cstr(a[1]), str_len(a[1]), 10, true));
  else if (a[1] != NONE) port = py_index(a[1]);
  Value host = a[0] == NONE ? str_from_cstr("127.0.0.1") : a[0];
  uint32_t ip;
  uint16_t p;
  vb_check(port_net_if_up());
  addr_from(tuple2(host, MK_SMALL(port)), &ip, &p);
  intptr_t type = v[1] ? v[1] : VB_SOCK_STREAM;
  intptr_t proto = v[2] ? v[2] : type == VB_SOCK_DGRAM ? VB_IPPROTO_UDP : VB_IPPROTO_TCP;
  Value e[5] = {MK_SMALL(2), MK_SMALL(type), MK_SMALL(proto), vm.empty_str, addr_to(ip, p)};
  Value entry = tuple_from(5, e);
  return list_from(1, &entry);
}

Value mod_socket_init(void) {
  static const MethodDef defs[] = {{"getaddrinfo", m_getaddrinfo, 2, 6, 1, 0}, {NULL, NULL, 0, 0, 0, 0}};
  static const struct { const char *name; uint8_t v; } consts[] = {
      {"AF_INET", 2}, {"SOCK_STREAM", VB_SOCK_STREAM}, {"SOCK_DGRAM", VB_SOCK_DGRAM},
      {"SOL_SOCKET", VB_SOL_SOCKET}, {"SO_REUSEADDR", VB_SO_REUSEADDR},
      {"IPPROTO_TCP", VB_IPPROTO_TCP}, {"IPPROTO_UDP", VB_IPPROTO_UDP},
      {"TCP_NODELAY", VB_TCP_NODELAY}, {"SHUT_RD", 0}, {"SHUT_WR", 1}, {"SHUT_RDWR", 2},
  };
  Value m = module_with_defs("socket", defs);
  Value d = ((Module *)m)->dict;
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) dict_set_str(d, consts[i].name, MK_SMALL(consts[i].v));
  sock_type = vb_type_new("socket", sizeof(Sock), sock_make, sock_repr, sock_methods);
  dict_set_str(d, "socket", V(sock_type));
  dict_set_str(d, "error", V(&OSError_type));
  dict_set_str(d, "timeout", V(&TimeoutError_type));
  return m;
}
