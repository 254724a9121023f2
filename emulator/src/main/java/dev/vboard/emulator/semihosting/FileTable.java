package dev.vboard.emulator.semihosting;

import java.util.ArrayList;
import java.util.List;

/**
 * The guest's open handles. Handles are small integers from 1 up, lowest free first; 0 is never
 * handed out because SYS_OPEN's caller tests for a nonzero handle (QEMU's guestfd table does the
 * same). At most {@link #MAX_OPEN} are open at once, so a leaking guest gets EMFILE, not an OOM.
 */
final class FileTable {

  static final int MAX_OPEN = 1024;

  /** Index = handle; slot 0 stays empty. */
  private final List<OpenFile> files = new ArrayList<>();

  FileTable() {
    files.add(null);
  }

  int add(OpenFile file) throws ErrnoException {
    for (int h = 1; h < files.size(); h++) {
      if (files.get(h) == null) {
        files.set(h, file);
        return h;
      }
    }
    if (files.size() > MAX_OPEN) {
      throw new ErrnoException(Errno.EMFILE, "too many open files");
    }
    files.add(file);
    return files.size() - 1;
  }

  OpenFile get(int handle) throws ErrnoException {
    OpenFile f = handle > 0 && handle < files.size() ? files.get(handle) : null;
    if (f == null) {
      throw new ErrnoException(Errno.EBADF, "bad handle " + handle);
    }
    return f;
  }

  /** Forgets the handle and returns its file for closing. */
  OpenFile remove(int handle) throws ErrnoException {
    OpenFile f = get(handle);
    files.set(handle, null);
    return f;
  }

  /** Closes everything still open (end of the run); errors no longer matter then. */
  void closeAll() {
    for (int h = 1; h < files.size(); h++) {
      OpenFile f = files.get(h);
      if (f != null) {
        try {
          f.close();
        } catch (ErrnoException ignored) {
          // The guest is gone; nobody is left to report the errno to.
        }
        files.set(h, null);
      }
    }
  }
}
