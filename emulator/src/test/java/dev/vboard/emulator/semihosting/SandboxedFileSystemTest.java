package dev.vboard.emulator.semihosting;

import static dev.vboard.emulator.semihosting.SemihostingOp.SYS_ERRNO;
import static dev.vboard.emulator.semihosting.SemihostingOp.SYS_OPEN;
import static dev.vboard.emulator.semihosting.SemihostingOp.SYS_REMOVE;
import static dev.vboard.emulator.semihosting.SemihostingOp.SYS_RENAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host file access through semihosting stays inside the root directory. */
class SandboxedFileSystemTest {

  @TempDir
  Path tmp;

  Path root;
  Path outside;
  FakeGuest guest;
  ArmSemihosting semi;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectory(tmp.resolve("root"));
    outside = Files.writeString(tmp.resolve("secret"), "do not read");
    Files.createDirectory(root.resolve("sub"));
    Files.writeString(root.resolve("sub/inside"), "fine");
    guest = new FakeGuest();
    semi = new ArmSemihosting(SemihostingConfig.defaults(root, ""), new BufferConsole(""));
  }

  private int open(String name, int mode) {
    return guest.r0(semi, SYS_OPEN, guest.block(guest.string(name), mode, name.length()));
  }

  private void assertRefused(String name, int mode, int errno) {
    assertEquals(-1, open(name, mode), name);
    assertEquals(errno, guest.r0(semi, SYS_ERRNO, 0), name);
  }

  @Test
  void relativePathsInsideTheRootOpen() {
    assertTrue(open("sub/inside", 0) > 0);
    assertTrue(open("sub/../sub/inside", 0) > 0);
  }

  @Test
  void dotDotOutOfTheRootIsRefused() {
    assertRefused("../secret", 0, Errno.EACCES);
    assertRefused("sub/../../secret", 0, Errno.EACCES);
    assertRefused("../created", 4, Errno.EACCES);
    assertFalse(Files.exists(tmp.resolve("created")));
  }

  @Test
  void absolutePathsOutsideTheRootAreRefusedButInsideAreFine() {
    assertRefused(outside.toString(), 0, Errno.EACCES);
    assertRefused("/etc/passwd", 0, Errno.EACCES);
    assertTrue(open(root.resolve("sub/inside").toString(), 0) > 0);
  }

  @Test
  void symlinksPointingOutAreRefusedForReadAndCreate() throws Exception {
    Files.createSymbolicLink(root.resolve("link-file"), outside);
    Files.createSymbolicLink(root.resolve("link-dir"), tmp);
    Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("would-be-created"));

    assertRefused("link-file", 0, Errno.EACCES);
    assertRefused("link-file", 4, Errno.EACCES);
    assertRefused("link-dir/secret", 0, Errno.EACCES);
    assertRefused("link-dir/new", 4, Errno.EACCES);
    assertRefused("dangling", 4, Errno.EACCES);
    assertFalse(Files.exists(tmp.resolve("would-be-created")));
    assertFalse(Files.exists(tmp.resolve("new")));
  }

  @Test
  void symlinksStayingInsideTheRootWork() throws Exception {
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("sub/inside"));

    assertTrue(open("alias", 0) > 0);
  }

  @Test
  void removeAndRenameCannotReachOutside() throws Exception {
    Files.createSymbolicLink(root.resolve("link-dir"), tmp);
    long secret = guest.string("../secret");
    long viaLink = guest.string("link-dir/secret");

    assertEquals(-1, guest.r0(semi, SYS_REMOVE, guest.block(secret, 9)));
    assertEquals(-1, guest.r0(semi, SYS_REMOVE, guest.block(viaLink, 15)));
    assertEquals(-1, guest.r0(semi, SYS_RENAME,
        guest.block(guest.string("sub/inside"), 10, guest.string("../stolen"), 9)));
    assertTrue(Files.exists(outside));
    assertFalse(Files.exists(tmp.resolve("stolen")));
  }

  @Test
  void removingALinkRemovesTheLinkNotItsTarget() throws Exception {
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("sub/inside"));

    assertEquals(0, guest.r0(semi, SYS_REMOVE, guest.block(guest.string("alias"), 5)));
    assertTrue(Files.exists(root.resolve("sub/inside")));
    assertFalse(Files.exists(root.resolve("alias"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  /** As the host's open(2) under QEMU 7.2: a directory opens read-only and nothing else. */
  @Test
  void aDirectoryOpensForReadingOnlyAndLooksLikeTheHostsOpen() throws Exception {
    int h = open("sub", 0);
    assertTrue(h > 0, "read-only open of a directory succeeds");
    assertEquals(Files.size(root.resolve("sub")),
        guest.r0(semi, SemihostingOp.SYS_FLEN, guest.block(h)), "SYS_FLEN is fstat's size");
    assertEquals(0, guest.r0(semi, SemihostingOp.SYS_SEEK, guest.block(h, 0)));
    long buffer = guest.string("xxxxxxxx");
    assertEquals(8, guest.r0(semi, SemihostingOp.SYS_READ, guest.block(h, buffer, 8)),
        "reading transfers nothing");
    assertRefused("sub", 4, Errno.EISDIR);
    assertRefused("sub", 2, Errno.EISDIR);
    assertTrue(open(".", 0) > 0, "the root itself too");
    assertRefused(".", 4, Errno.EISDIR);
  }

  @Test
  void creatingInAMissingDirectoryIsEnoent() {
    assertRefused("nodir/file", 4, Errno.ENOENT);
  }
}
