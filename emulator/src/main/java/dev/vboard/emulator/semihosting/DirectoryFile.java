package dev.vboard.emulator.semihosting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory opened for reading by SYS_OPEN. QEMU 7.2 passes the open to the host's
 * open(O_RDONLY), which succeeds on a directory; the handle then answers as the host does:
 * SYS_FLEN is fstat's size, SYS_SEEK succeeds, reading fails (EISDIR) and writing too (EBADF).
 * Opening a directory for writing fails with EISDIR (see {@link SandboxedFileSystem#open}).
 */
final class DirectoryFile implements OpenFile {
  private final Path path;

  DirectoryFile(Path path) {
    this.path = path;
  }

  @Override
  public byte[] read(int max) throws ErrnoException {
    throw new ErrnoException(Errno.EISDIR, path + " is a directory");
  }

  @Override
  public void write(byte[] data) throws ErrnoException {
    throw new ErrnoException(Errno.EBADF, "directory not open for writing");
  }

  @Override
  public void seek(long position) {
    // lseek on a directory succeeds on Linux; there is nothing to move.
  }

  @Override
  public long length() throws ErrnoException {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  @Override
  public boolean isTty() {
    return false;
  }

  @Override
  public void close() { }
}
