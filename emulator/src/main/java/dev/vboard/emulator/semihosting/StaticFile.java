package dev.vboard.emulator.semihosting;

import java.util.Arrays;

/**
 * A read-only file served from memory: ":semihosting-features" (spec 5.1, "Semihosting
 * extensions"), through which a guest learns that SYS_EXIT_EXTENDED and the stdout/stderr
 * ":tt" convention are available.
 */
final class StaticFile implements OpenFile {

  /**
   * Magic "SHFB", then feature byte 0: SH_EXT_EXIT_EXTENDED (bit 0) | SH_EXT_STDOUT_STDERR
   * (bit 1).
   */
  static final byte[] FEATURES = {0x53, 0x48, 0x46, 0x42, 0x03};

  private final byte[] data;
  private int position;

  StaticFile(byte[] data) {
    this.data = data.clone();
  }

  @Override
  public byte[] read(int max) {
    int n = Math.max(0, Math.min(max, data.length - position));
    byte[] out = Arrays.copyOfRange(data, position, position + n);
    position += n;
    return out;
  }

  @Override
  public void write(byte[] bytes) throws ErrnoException {
    throw new ErrnoException(Errno.EBADF, "read-only file");
  }

  @Override
  public void seek(long target) throws ErrnoException {
    if (target < 0 || target > data.length) {
      throw new ErrnoException(Errno.EINVAL, "seek outside the file");
    }
    position = (int) target;
  }

  @Override
  public long length() {
    return data.length;
  }

  @Override
  public boolean isTty() {
    return false;
  }

  @Override
  public void close() { }
}
