package dev.vboard.emulator.semihosting;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Maps Java's host I/O exceptions back to the POSIX errno the guest would get from QEMU. */
final class HostErrors {

  private HostErrors() { }

  static ErrnoException toErrno(IOException e) {
    int errno;
    if (e instanceof NoSuchFileException) {
      errno = Errno.ENOENT;
    } else if (e instanceof AccessDeniedException) {
      errno = Errno.EACCES;
    } else if (e instanceof FileAlreadyExistsException) {
      errno = Errno.EEXIST;
    } else if (e instanceof DirectoryNotEmptyException) {
      errno = Errno.ENOTEMPTY;
    } else if (e instanceof NotDirectoryException) {
      errno = Errno.ENOTDIR;
    } else if (e instanceof FileSystemException f && f.getReason() != null
        && f.getReason().contains("Is a directory")) {
      errno = Errno.EISDIR;
    } else if (e instanceof FileSystemException f && f.getReason() != null
        && f.getReason().contains("Not a directory")) {
      errno = Errno.ENOTDIR;
    } else {
      errno = Errno.EIO;
    }
    return new ErrnoException(errno, e.toString());
  }
}
