package dev.vboard.emulator.semihosting;

import java.io.ByteArrayOutputStream;

/**
 * ":tt" opened by the guest. By the SH_EXT_STDOUT_STDERR convention QEMU follows, the open mode
 * picks the stream: modes 0-3 (read) are stdin, 4-7 (write) stdout, 8-11 (append) stderr.
 */
final class ConsoleFile implements OpenFile {

  /** The host stream: stdin, stdout or stderr (descriptors 0, 1, 2). */
  enum Stream { IN, OUT, ERR }

  private final SemihostingConsole console;
  private final Stream stream;

  ConsoleFile(SemihostingConsole console, Stream stream) {
    this.console = console;
    this.stream = stream;
  }

  static Stream forMode(int mode) {
    return mode < 4 ? Stream.IN : mode < 8 ? Stream.OUT : Stream.ERR;
  }

  /** Waits for one byte, then takes whatever else is ready, as a terminal read does. */
  @Override
  public byte[] read(int max) throws ErrnoException {
    if (stream != Stream.IN) {
      throw new ErrnoException(Errno.EBADF, "console output handle is not readable");
    }
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    if (max <= 0) {
      return new byte[0];
    }
    int b = console.read();
    while (b >= 0) {
      got.write(b);
      if (got.size() == max || b == '\n') {
        break;
      }
      b = console.poll();
    }
    return got.toByteArray();
  }

  @Override
  public void write(byte[] data) throws ErrnoException {
    switch (stream) {
      case OUT -> console.writeOut(data);
      case ERR -> console.writeErr(data);
      default -> throw new ErrnoException(Errno.EBADF, "console input handle is not writable");
    }
  }

  @Override
  public void seek(long position) throws ErrnoException {
    throw new ErrnoException(Errno.ESPIPE, "cannot seek the console");
  }

  /** See {@link SemihostingConsole#length}: 0 unless the host stream is a file. */
  @Override
  public long length() {
    return console.length(stream.ordinal());
  }

  @Override
  public boolean isTty() {
    return true;
  }

  /** Closing the guest's handle leaves the host's stdio open, as QEMU does. */
  @Override
  public void close() { }
}
