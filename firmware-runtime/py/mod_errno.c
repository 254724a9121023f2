/* The errno module (the E* codes the socket layer produces, Linux numbering as in
 * port_net.h, plus errorcode) and the OSError raising shared by socket, select and network.
 * Messages are glibc's strerror texts, so str(OSError) matches CPython on Linux. Also the
 * interruptible poll the socket and select modules wait with. */
#include "port.h"
#include "mod_net.h"
#include "sched.h"

/* text: the name, NUL, then the message; one pointer per entry keeps the table small */
typedef struct {
  uint8_t code;
  const char *text;
} ErrnoDef;

static const ErrnoDef errno_defs[] = {
    {VB_EPERM, "EPERM\0Operation not permitted"},
    {VB_ENOENT, "ENOENT\0No such file or directory"},
    {VB_EINTR, "EINTR\0Interrupted system call"},
    {VB_EIO, "EIO\0Input/output error"},
    {VB_EBADF, "EBADF\0Bad file descriptor"},
    {VB_EAGAIN, "EAGAIN\0Resource temporarily unavailable"},
    {VB_ENOMEM, "ENOMEM\0Cannot allocate memory"},
    {VB_EACCES, "EACCES\0Permission denied"},
    {VB_EEXIST, "EEXIST\0File exists"},
    {VB_ENODEV, "ENODEV\0No such device"},
    {VB_EINVAL, "EINVAL\0Invalid argument"},
    {VB_EPIPE, "EPIPE\0Broken pipe"},
    {VB_ENOTSOCK, "ENOTSOCK\0Socket operation on non-socket"},
    {VB_EMSGSIZE, "EMSGSIZE\0Message too long"},
    {VB_EOPNOTSUPP, "EOPNOTSUPP\0Operation not supported"},
    {VB_EAFNOSUPPORT, "EAFNOSUPPORT\0Address family not supported by protocol"},
    {VB_EADDRINUSE, "EADDRINUSE\0Address already in use"},
    {VB_EADDRNOTAVAIL, "EADDRNOTAVAIL\0Cannot assign requested address"},
    {VB_ENETUNREACH, "ENETUNREACH\0Network is unreachable"},
    {VB_ECONNABORTED, "ECONNABORTED\0Software caused connection abort"},
    {VB_ECONNRESET, "ECONNRESET\0Connection reset by peer"},
    {VB_ENOBUFS, "ENOBUFS\0No buffer space available"},
    {VB_EISCONN, "EISCONN\0Transport endpoint is already connected"},
    {VB_ENOTCONN, "ENOTCONN\0Transport endpoint is not connected"},
    {VB_ETIMEDOUT, "ETIMEDOUT\0Connection timed out"},
    {VB_ECONNREFUSED, "ECONNREFUSED\0Connection refused"},
    {VB_EHOSTUNREACH, "EHOSTUNREACH\0No route to host"},
    {VB_EALREADY, "EALREADY\0Operation already in progress"},
    {VB_EINPROGRESS, "EINPROGRESS\0Operation now in progress"},
};
#define N_ERRNO (sizeof errno_defs / sizeof errno_defs[0])

/* The OSError subclass CPython picks for an errno (PEP 3151, "New exception classes"); also
 * what OSError(errno, strerror) constructs (obj_exc.c). */
Type *errno_type(int e) {
  switch (e) {
  case VB_EAGAIN: case VB_EALREADY: case VB_EINPROGRESS: return &BlockingIOError_type;
  case VB_EPIPE: return &BrokenPipeError_type;
  case VB_ECONNABORTED: return &ConnectionAbortedError_type;
  case VB_ECONNREFUSED: return &ConnectionRefusedError_type;
  case VB_ECONNRESET: return &ConnectionResetError_type;
  case VB_EEXIST: return &FileExistsError_type;
  case VB_ENOENT: return &FileNotFoundError_type;
  case VB_EINTR: return &InterruptedError_type;
  case VB_EPERM: case VB_EACCES: return &PermissionError_type;
  case VB_ETIMEDOUT: return &TimeoutError_type;
  default: return &OSError_type;
  }
}

NORETURN void vb_raise_errno(int e) {
  const char *msg = NULL;
  for (size_t i = 0; i < N_ERRNO; i++)
    if (errno_defs[i].code == e) msg = errno_defs[i].text + strlen(errno_defs[i].text) + 1;
  Value args[2] = {MK_SMALL(e), msg ? str_from_cstr(msg) : str_printf("Unknown error %d", e)};
  py_raise(exc_new(errno_type(e), 2, args));
}

int vb_check(int r) {
  if (r < 0) vb_raise_errno(-r);
  return r;
}

/* A soft interrupt that ran callbacks (a machine.Timer, micropython.schedule) ends the wait
 * early with nothing ready, and so does one that ran since the previous poll returned: the
 * caller (asyncio's loop) then looks at what the callbacks changed, such as a set
 * ThreadSafeFlag, before it sleeps again. */
int vb_poll(PortPollFd *fds, int n, int timeout_ms) {
  uint64_t end = port_ticks_us() + (uint64_t)timeout_ms * 1000u;
  if (sched_ran) timeout_ms = 0;
  for (;;) {
    sched_ran = 0;
    int r = port_net_poll(fds, n, timeout_ms);
    if (r != -VB_EINTR) return vb_check(r);
    if (port_interrupt_pending()) raise_type(&KeyboardInterrupt_type);
    sched_run();
    if (sched_ran) {
      sched_ran = 0;
      return 0;
    }
    if (timeout_ms > 0) {
      uint64_t now = port_ticks_us();
      if (now >= end) return 0;
      timeout_ms = (int)((end - now + 999u) / 1000u);
    }
  }
}

Value mod_errno_init(void) {
  Value m = module_with_defs("errno", NULL);
  Value d = ((Module *)m)->dict;
  Value codes = dict_new();
  for (size_t i = 0; i < N_ERRNO; i++) {
    Value name = intern_cstr(errno_defs[i].text);
    dict_set(d, name, MK_SMALL(errno_defs[i].code));
    dict_set(codes, MK_SMALL(errno_defs[i].code), name);
  }
  dict_set_str(d, "EWOULDBLOCK", MK_SMALL(VB_EAGAIN));
  dict_set_str(d, "errorcode", codes);
  return m;
}
