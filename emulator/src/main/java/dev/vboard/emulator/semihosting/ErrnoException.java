package dev.vboard.emulator.semihosting;

/** A semihosting operation failed; the guest sees -1 and SYS_ERRNO returns {@link #errno()}. */
final class ErrnoException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int errno;

  ErrnoException(int errno, String why) {
    super(why, null, false, false);
    this.errno = errno;
  }

  int errno() {
    return errno;
  }
}
