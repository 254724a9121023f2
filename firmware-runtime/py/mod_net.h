/* Helpers shared by the VM's network modules (socket, select, errno, network): raising OSError
 * for port results, the interruptible poll, and built-in types in the GC heap. */
#ifndef VBPY_MOD_NET_H
#define VBPY_MOD_NET_H

#include "port_net.h"
#include "py.h"

/* Raises OSError (the matching subclass, as CPython picks it) for a positive errno. */
__attribute__((noreturn)) void vb_raise_errno(int err);
/* Raises for a negative port result; returns it unchanged when >= 0 (mod_errno.c). */
int vb_check(int r);
/* A built-in type in the GC heap (held by its module, so the collector sees its dict and
 * method table, which a static Type outside runtime.c's type list would not get); mod_socket.c */
typedef Value (*VbMakeFn)(Type *t, int nargs, int nkw, const Value *args);
Type *vb_type_new(const char *name, size_t inst_size, VbMakeFn make_new, UnaryFn repr, const MethodDef *methods);
/* port_net_poll, retried after an interrupted wait (PEP 475) unless the user interrupted
 * (port_interrupt_pending: KeyboardInterrupt); raises for errors (mod_errno.c). */
int vb_poll(PortPollFd *fds, int n, int timeout_ms);

#endif
