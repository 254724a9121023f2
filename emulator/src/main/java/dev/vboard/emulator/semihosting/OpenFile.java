package dev.vboard.emulator.semihosting;

/** A handle the guest got from SYS_OPEN: a host file, the console, or a built-in read-only file. */
interface OpenFile {

  /** Reads up to {@code max} bytes; an empty array means end of file. */
  byte[] read(int max) throws ErrnoException;

  /** Writes all of {@code data}. */
  void write(byte[] data) throws ErrnoException;

  /** Moves to absolute offset {@code position} (SYS_SEEK has no whence). */
  void seek(long position) throws ErrnoException;

  long length() throws ErrnoException;

  boolean isTty();

  void close() throws ErrnoException;
}
