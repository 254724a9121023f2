package dev.vboard.emulator.tap;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls a TAP device needs, mirroring their C prototypes (open(2), read(2), write(2),
 * poll(2), ioctl(2), socket(2), close(2)). Annotations only; {@link TapDevice} wraps them and
 * turns {@code errno} into exceptions. Every call saves errno for {@code LastError}.
 */
public interface TapLibC {
  int O_RDWR = 0x2;
  int O_NONBLOCK = 0x800;
  int O_CLOEXEC = 0x80000;

  int EINTR = 4;
  int ENOENT = 2;
  int ENXIO = 6;
  int EAGAIN = 11;
  int EACCES = 13;
  int ENODEV = 19;
  int EBUSY = 16;
  int EPERM = 1;

  int AF_INET = 2;
  int SOCK_DGRAM = 2;

  /** poll(2) {@code events} bits. */
  short POLLIN = 0x1;

  @SaveError
  int open(String path, int flags);

  @SaveError
  int close(int fd);

  @SaveError
  @ssize_t long read(int fd, Pointer buf, @size_t long count);

  @SaveError
  @ssize_t long write(int fd, Pointer buf, @size_t long count);

  /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}; fds in native order. */
  @SaveError
  int poll(@In @Out byte[] fds, long nfds, int timeoutMillis);

  /**
   * {@code int ioctl(int fd, unsigned long request, struct ifreq *)}: ioctl is variadic, but on
   * the Linux ABIs we run on (x86-64, AArch64) a pointer third argument is passed exactly as in a
   * fixed prototype.
   */
  @SaveError
  int ioctl(int fd, long request, @In @Out byte[] ifreq);

  @SaveError
  int socket(int domain, int type, int protocol);

  String strerror(int errnum);
}
