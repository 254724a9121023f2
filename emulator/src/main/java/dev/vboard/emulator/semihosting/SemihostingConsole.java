package dev.vboard.emulator.semihosting;

/**
 * Where semihosting's console streams go. QEMU 7.2 (system mode, {@code target=native}, no
 * semihosting chardev) routes them three ways, which we keep apart so the embedder can match it:
 * <ul>
 *   <li>{@link #writeOut}: SYS_WRITE to ":tt" opened for writing (modes 4-7), QEMU's stdout;</li>
 *   <li>{@link #writeErr}: SYS_WRITE to ":tt" opened for append (modes 8-11), QEMU's stderr, per
 *       the SH_EXT_STDOUT_STDERR extension;</li>
 *   <li>{@link #writeConsole}: SYS_WRITEC and SYS_WRITE0, QEMU's semihosting console, which is
 *       its stderr unless a chardev is configured (checked against qemu-system-arm 7.2).</li>
 * </ul>
 * SYS_READC and reads from ":tt" opened for reading come from {@link #read}.
 */
public interface SemihostingConsole {

  void writeOut(byte[] bytes);

  void writeErr(byte[] bytes);

  void writeConsole(byte[] bytes);

  /**
   * The next input byte, waiting for one if necessary (semihosting calls are blocking and virtual
   * time stands still meanwhile); -1 at end of input.
   */
  int read();

  /** The next input byte if one is ready now, else -1. */
  int poll();

  /**
   * What SYS_ISTTY says of ":tt": whether the host's stdio is a terminal, as QEMU answers with
   * isatty() on its own descriptors (newlib's isatty(1) and stdio buffering follow it).
   */
  default boolean isTerminal() {
    return false;
  }

  /**
   * What SYS_FLEN says of ":tt" on host descriptor {@code fd} (0, 1 or 2, by the open mode):
   * QEMU 7.2 answers with fstat() on its own descriptor, so the size of the file the host
   * redirected it to, and 0 for a terminal or a pipe.
   */
  default long length(int fd) {
    return 0;
  }

  /** A console with no input and output thrown away. */
  static SemihostingConsole discarding() {
    return new SemihostingConsole() {
      @Override
      public void writeOut(byte[] bytes) { }

      @Override
      public void writeErr(byte[] bytes) { }

      @Override
      public void writeConsole(byte[] bytes) { }

      @Override
      public int read() {
        return -1;
      }

      @Override
      public int poll() {
        return -1;
      }
    };
  }
}
