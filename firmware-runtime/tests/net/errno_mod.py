# The errno module: the codes the socket layer uses, and errorcode.
import errno

names = ["EPERM", "ENOENT", "EINTR", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST",
         "ENODEV", "EINVAL", "EPIPE", "ENOTSOCK", "EMSGSIZE", "EOPNOTSUPP", "EAFNOSUPPORT",
         "EADDRINUSE", "EADDRNOTAVAIL", "ENETUNREACH", "ECONNABORTED", "ECONNRESET",
         "ENOBUFS", "EISCONN", "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH",
         "EALREADY", "EINPROGRESS", "EWOULDBLOCK"]
for n in names:
    v = getattr(errno, n)
    # Linux names 95 ENOTSUP (an alias), MicroPython EOPNOTSUPP
    print(n, v, errno.errorcode[v] if n not in ("EWOULDBLOCK", "EOPNOTSUPP") else "")
print(errno.errorcode[errno.EWOULDBLOCK] in ("EAGAIN", "EWOULDBLOCK"))
e = OSError(errno.ECONNRESET, "Connection reset by peer")
print(e.errno, e.strerror, e)
