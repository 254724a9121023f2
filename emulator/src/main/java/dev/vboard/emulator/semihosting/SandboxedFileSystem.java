package dev.vboard.emulator.semihosting;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The host files a guest may reach through semihosting: everything under one root directory and
 * nothing else. Relative guest paths resolve against the root; a path that leaves it (through
 * "..", an absolute path elsewhere, or a symbolic link pointing outside) fails with EACCES, as if
 * the host had refused permission. QEMU itself gives the guest the whole host file system; a
 * confined root keeps a test image from touching the developer's files.
 */
public final class SandboxedFileSystem {

  private final Path root;

  /** @param root an existing directory; it is resolved to its real path once, here */
  public SandboxedFileSystem(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new IOException("semihosting root is not a directory: " + root);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Opens {@code guestPath} with an fopen-style mode number (spec SYS_OPEN: 0 "r", 1 "rb", 2 "r+",
   * 3 "r+b", 4 "w", 5 "wb", 6 "w+", 7 "w+b", 8 "a", 9 "ab", 10 "a+", 11 "a+b").
   */
  OpenFile open(String guestPath, int mode) throws ErrnoException {
    int kind = mode / 2; // the "b" variants behave the same on a POSIX host
    if (kind == 0 && namesRoot(guestPath)) {
      return new DirectoryFile(root); // "." : read-only, as below
    }
    Path path = resolve(guestPath, true);
    if (Files.isDirectory(path)) {
      // As the host's open(2) under QEMU: read-only succeeds, anything else is EISDIR.
      if (kind == 0) {
        return new DirectoryFile(path);
      }
      throw new ErrnoException(Errno.EISDIR, guestPath + " is a directory");
    }
    Set<OpenOption> options = new HashSet<>();
    switch (kind) {
      case 0 -> options.add(StandardOpenOption.READ);
      case 1 -> options.addAll(Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
      case 2 -> options.addAll(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING));
      case 3 -> options.addAll(Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
      case 4 -> options.addAll(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
      case 5 -> options.addAll(Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.CREATE));
      default -> throw new ErrnoException(Errno.EINVAL, "bad open mode " + mode);
    }
    options.add(LinkOption.NOFOLLOW_LINKS);
    try {
      return new HostFile(FileChannel.open(path, options), kind >= 4);
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  /** Whether {@code guestPath} is the root itself ("." and the like). */
  private boolean namesRoot(String guestPath) {
    try {
      return !guestPath.isEmpty() && root.resolve(guestPath).normalize().equals(root);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  void remove(String guestPath) throws ErrnoException {
    Path path = resolve(guestPath, false);
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  void rename(String from, String to) throws ErrnoException {
    Path source = resolve(from, false);
    Path target = resolve(to, false);
    try {
      // rename(2) semantics: atomic, replacing an existing target.
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  /**
   * Maps a guest path to a host path inside the root, or fails. The parent directory's real path
   * (all links followed) must lie inside the root. With {@code followLast}, as for SYS_OPEN, an
   * existing last component is followed too and must also resolve inside the root, and a dangling
   * link is refused; without it, as for SYS_REMOVE and SYS_RENAME, the entry itself is meant, so a
   * link is removed or renamed, never its target. The result contains no links.
   */
  Path resolve(String guestPath, boolean followLast) throws ErrnoException {
    if (guestPath.isEmpty()) {
      throw new ErrnoException(Errno.ENOENT, "empty path");
    }
    Path path;
    try {
      path = root.resolve(guestPath).normalize();
    } catch (InvalidPathException e) {
      throw new ErrnoException(Errno.ENOENT, "invalid path " + guestPath);
    }
    if (!path.startsWith(root)) {
      throw new ErrnoException(Errno.EACCES, guestPath + " is outside the semihosting root");
    }
    if (path.equals(root)) {
      throw new ErrnoException(Errno.EISDIR, guestPath + " is the semihosting root");
    }
    try {
      Path parent = path.getParent();
      if (!Files.isDirectory(parent)) {
        throw new ErrnoException(Errno.ENOENT, guestPath + ": no such directory");
      }
      Path realParent = parent.toRealPath();
      if (!realParent.startsWith(root)) {
        throw new ErrnoException(Errno.EACCES, guestPath + " links outside the semihosting root");
      }
      Path entry = realParent.resolve(path.getFileName());
      if (!followLast || !Files.isSymbolicLink(entry)) {
        return entry;
      }
      if (!Files.exists(entry)) {
        throw new ErrnoException(Errno.EACCES, guestPath + " is a dangling link");
      }
      Path target = entry.toRealPath();
      if (!target.startsWith(root)) {
        throw new ErrnoException(Errno.EACCES, guestPath + " links outside the semihosting root");
      }
      return target;
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }
}
