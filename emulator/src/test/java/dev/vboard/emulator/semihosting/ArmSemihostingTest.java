package dev.vboard.emulator.semihosting;

import static dev.vboard.emulator.semihosting.SemihostingOp.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.loader.ImageSegment;
import dev.vboard.emulator.loader.MemoryRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmSemihostingTest {

  @TempDir
  Path root;

  FakeGuest guest;
  BufferConsole console;
  ArmSemihosting semi;

  @BeforeEach
  void setUp() throws Exception {
    guest = new FakeGuest();
    console = new BufferConsole("ab\ncd");
    semi = new ArmSemihosting(SemihostingConfig.defaults(root, "fw.elf one two")
        .withHeapInfo(new HeapInfo(0x2000_1000L, 0x2001_0000L, 0x2001_0000L, 0x2000_1000L)),
        console);
  }

  private int open(String name, int mode) {
    return guest.r0(semi, SYS_OPEN, guest.block(guest.string(name), mode, name.length()));
  }

  private int write(int handle, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return guest.r0(semi, SYS_WRITE, guest.block(handle, guest.put(b), b.length));
  }

  private int errno() {
    return guest.r0(semi, SYS_ERRNO, 0);
  }

  // ---- console -----------------------------------------------------------------------------

  @Test
  void writecPrintsOneCharacterAndLeavesR0Undefined() {
    int r0 = guest.r0(semi, SYS_WRITEC, guest.put(new byte[] {'x', 'y'}));

    assertEquals("x", console.console());
    assertEquals(ArmSemihosting.DEAD, r0);
  }

  @Test
  void write0PrintsUpToTheNul() {
    guest.r0(semi, SYS_WRITE0, guest.string("hello, world\n"));

    assertEquals("hello, world\n", console.console());
    assertEquals("", console.out(), "QEMU 7.2 keeps WRITE0 off stdout");
  }

  @Test
  void write0OfAStringRunningIntoUnmappedMemoryStillPrintsWhatIsMapped() {
    long end = FakeGuest.RAM + FakeGuest.SIZE;
    guest.write(end - 3, new byte[] {'a', 'b', 0});

    guest.r0(semi, SYS_WRITE0, end - 3);

    assertEquals("ab", console.console());
  }

  @Test
  void readcReturnsTheNextInputByteThenMinusOneAtEndOfInput() {
    assertEquals('a', guest.r0(semi, SYS_READC, 0));
    assertEquals('b', guest.r0(semi, SYS_READC, 0));
    for (int i = 0; i < 3; i++) {
      guest.r0(semi, SYS_READC, 0);
    }
    assertEquals(-1, guest.r0(semi, SYS_READC, 0));
  }

  @Test
  void ttOpenedForWriteIsStdoutAndForAppendIsStderr() {
    int out = open(":tt", 4);
    int err = open(":tt", 8);

    assertEquals(0, write(out, "to out"));
    assertEquals(0, write(err, "to err"));

    assertEquals("to out", console.out());
    assertEquals("to err", console.err());
    assertEquals(0, guest.r0(semi, SYS_ISTTY, guest.block(out)),
        "stdio redirected (QEMU answers with isatty() on its descriptors)");
    console.terminal = true;
    assertEquals(1, guest.r0(semi, SYS_ISTTY, guest.block(out)), "stdio on a terminal");
  }

  @Test
  void ttOpenedForReadReadsOneLineAndReportsTheBytesNotRead() {
    int in = open(":tt", 0);
    long buf = guest.put(new byte[16]);

    int notRead = guest.r0(semi, SYS_READ, guest.block(in, buf, 16));

    assertEquals(16 - 3, notRead);
    assertEquals("ab\n", new String(guest.read(buf, 3), StandardCharsets.US_ASCII));
  }

  @Test
  void handlesStartAtOneAndReuseTheLowestFree() {
    assertEquals(1, open(":tt", 0));
    assertEquals(2, open(":tt", 4));
    assertEquals(0, guest.r0(semi, SYS_CLOSE, guest.block(1)));
    assertEquals(1, open(":tt", 8));
  }

  @Test
  void seekingTheConsoleFailsWithEspipe() {
    int out = open(":tt", 4);

    assertEquals(-1, guest.r0(semi, SYS_SEEK, guest.block(out, 0)));
    assertEquals(Errno.ESPIPE, errno());
  }

  // ---- files -------------------------------------------------------------------------------

  @Test
  void writesThenReadsBackAHostFileInTheRoot() throws Exception {
    int h = open("data.txt", 6); // w+
    assertEquals(0, write(h, "0123456789"));
    assertEquals(10, guest.r0(semi, SYS_FLEN, guest.block(h)));
    assertEquals(0, guest.r0(semi, SYS_SEEK, guest.block(h, 4)));
    long buf = guest.put(new byte[8]);

    int notRead = guest.r0(semi, SYS_READ, guest.block(h, buf, 8));

    assertEquals(2, notRead, "6 bytes were left after offset 4");
    assertEquals("456789", new String(guest.read(buf, 6), StandardCharsets.US_ASCII));
    assertEquals(0, guest.r0(semi, SYS_CLOSE, guest.block(h)));
    assertEquals("0123456789", Files.readString(root.resolve("data.txt")));
  }

  @Test
  void readAtEndOfFileReturnsTheFullLength() throws Exception {
    Files.writeString(root.resolve("empty"), "");
    int h = open("empty", 0);

    assertEquals(5, guest.r0(semi, SYS_READ, guest.block(h, guest.put(new byte[5]), 5)));
  }

  @Test
  void appendModeWritesAtTheEnd() throws Exception {
    Files.writeString(root.resolve("log"), "old;");
    int h = open("log", 10); // a+
    guest.r0(semi, SYS_SEEK, guest.block(h, 0));

    write(h, "new");

    assertEquals("old;new", Files.readString(root.resolve("log")));
  }

  @Test
  void truncateModeEmptiesAnExistingFile() throws Exception {
    Files.writeString(root.resolve("f"), "long old content");
    int h = open("f", 4);
    write(h, "x");
    guest.r0(semi, SYS_CLOSE, guest.block(h));

    assertEquals("x", Files.readString(root.resolve("f")));
  }

  @Test
  void openingAMissingFileForReadFailsWithEnoent() {
    assertEquals(-1, open("missing", 0));
    assertEquals(Errno.ENOENT, errno());
  }

  /** The failure shows in the count only: SYS_ERRNO keeps the last value, as in QEMU 7.2. */
  @Test
  void writingAFileOpenedForReadFailsAndReportsNothingWritten() throws Exception {
    Files.writeString(root.resolve("ro"), "x");
    int h = open("ro", 0);
    assertEquals(-1, open("missing", 0));

    assertEquals(3, write(h, "abc"));
    assertEquals(Errno.ENOENT, errno(), "SYS_WRITE's EBADF is not reported");
  }

  @Test
  void openModeTwelveAndAboveIsEinval() {
    assertEquals(-1, open("f", 12));
    assertEquals(Errno.EINVAL, errno());
  }

  @Test
  void aNameWhoseLengthDoesNotEndAtTheNulIsEinval() {
    long name = guest.string("abcdef");

    assertEquals(-1, guest.r0(semi, SYS_OPEN, guest.block(name, 0, 3)));
    assertEquals(Errno.EINVAL, errno());
  }

  @Test
  void closingAnUnknownHandleIsEbadf() {
    assertEquals(-1, guest.r0(semi, SYS_CLOSE, guest.block(7)));
    assertEquals(Errno.EBADF, errno());
  }

  @Test
  void isttyIsZeroWithEnottyForFilesAndMinusOneForBadHandles() throws Exception {
    Files.writeString(root.resolve("f"), "x");
    int h = open("f", 0);

    assertEquals(0, guest.r0(semi, SYS_ISTTY, guest.block(h)));
    assertEquals(Errno.ENOTTY, errno());
    assertEquals(-1, guest.r0(semi, SYS_ISTTY, guest.block(99)));
    assertEquals(Errno.EBADF, errno());
  }

  @Test
  void removeDeletesAFile() throws Exception {
    Files.writeString(root.resolve("gone"), "x");

    assertEquals(0, guest.r0(semi, SYS_REMOVE, guest.block(guest.string("gone"), 4)));
    assertFalse(Files.exists(root.resolve("gone")));
    assertEquals(-1, guest.r0(semi, SYS_REMOVE, guest.block(guest.string("gone"), 4)));
    assertEquals(Errno.ENOENT, errno());
  }

  @Test
  void renameMovesAFileReplacingTheTarget() throws Exception {
    Files.writeString(root.resolve("a"), "A");
    Files.writeString(root.resolve("b"), "B");

    int r0 = guest.r0(semi, SYS_RENAME,
        guest.block(guest.string("a"), 1, guest.string("b"), 1));

    assertEquals(0, r0);
    assertEquals("A", Files.readString(root.resolve("b")));
    assertFalse(Files.exists(root.resolve("a")));
  }

  @Test
  void tmpnamNamesAFileInsideTheRootThatCanBeOpened() {
    long buf = guest.put(new byte[32]);

    assertEquals(0, guest.r0(semi, SYS_TMPNAM, guest.block(buf, 7, 32)));
    String name = guest.stringAt(buf);
    assertEquals("vboard-tmp-07", name);
    assertTrue(open(name, 4) > 0);
    assertEquals(-1, guest.r0(semi, SYS_TMPNAM, guest.block(buf, 7, 5)), "buffer too small");
  }

  @Test
  void featuresFileAdvertisesExitExtendedAndStdoutStderr() {
    int h = open(":semihosting-features", 0);
    long buf = guest.put(new byte[8]);

    assertEquals(8 - 5, guest.r0(semi, SYS_READ, guest.block(h, buf, 8)));
    assertArrayEquals(new byte[] {'S', 'H', 'F', 'B', 3}, guest.read(buf, 5));
    assertEquals(5, guest.r0(semi, SYS_FLEN, guest.block(h)));
    assertEquals(-1, open(":semihosting-features", 4));
    assertEquals(Errno.EACCES, errno());
  }

  // ---- time, environment, errors -----------------------------------------------------------

  @Test
  void clockCountsCentisecondsOfVirtualTime() {
    guest.clock.advance(25_000_000L * 3 / 2); // 1.5 s at 25 MHz

    assertEquals(150, guest.r0(semi, SYS_CLOCK, 0));
  }

  @Test
  void timeIsTheFixedEpochPlusVirtualSeconds() {
    assertEquals(1_704_067_200, guest.r0(semi, SYS_TIME, 0));
    guest.clock.advance(25_000_000L * 61);

    assertEquals(1_704_067_261, guest.r0(semi, SYS_TIME, 0));
  }

  @Test
  void elapsedWritesA64BitNanosecondCountAndTickfreqIsOneGigahertz() {
    guest.clock.advance(25_000_000L * 5); // 5 s = 5e9 ns, more than 32 bits
    long block = guest.block(0, 0);

    assertEquals(0, guest.r0(semi, SYS_ELAPSED, block));
    long ticks = (guest.readWord(block) & 0xffff_ffffL) | (long) guest.readWord(block + 4) << 32;
    assertEquals(5_000_000_000L, ticks);
    assertEquals(1_000_000_000, guest.r0(semi, SYS_TICKFREQ, 0));
  }

  @Test
  void getCmdlineCopiesTheLineAndItsLength() {
    long buf = guest.put(new byte[64]);
    long block = guest.block(buf, 64);

    assertEquals(0, guest.r0(semi, SYS_GET_CMDLINE, block));
    assertEquals("fw.elf one two", guest.stringAt(buf));
    assertEquals(14, guest.readWord(block + 4));
  }

  @Test
  void getCmdlineIntoATooSmallBufferIsE2big() {
    assertEquals(-1, guest.r0(semi, SYS_GET_CMDLINE, guest.block(guest.put(new byte[8]), 14)));
    assertEquals(Errno.E2BIG, errno());
  }

  @Test
  void heapinfoFillsTheFourWordBlockItIsPointedTo() {
    long result = guest.block(0, 0, 0, 0);

    assertEquals(0, guest.r0(semi, SYS_HEAPINFO, guest.block(result)));
    assertEquals(0x2000_1000, guest.readWord(result));
    assertEquals(0x2001_0000, guest.readWord(result + 4));
    assertEquals(0x2001_0000, guest.readWord(result + 8));
    assertEquals(0x2000_1000, guest.readWord(result + 12));
  }

  @Test
  void iserrorIsOneForNegativeValues() {
    assertEquals(1, guest.r0(semi, SYS_ISERROR, guest.block(-1)));
    assertEquals(0, guest.r0(semi, SYS_ISERROR, guest.block(5)));
  }

  @Test
  void errnoStaysSetAfterALaterSuccess() {
    open("missing", 0);
    open(":tt", 0);

    assertEquals(Errno.ENOENT, errno());
  }

  @Test
  void aBadArgumentBlockPointerIsEfaultNotAnException() {
    assertEquals(-1, guest.r0(semi, SYS_OPEN, 0x10));
    assertEquals(Errno.EFAULT, errno());
  }

  @Test
  void anUnknownOperationReturnsMinusOneWithEnosys() {
    assertEquals(-1, guest.r0(semi, 0x77, 0));
    assertEquals(Errno.ENOSYS, errno());
  }

  @Test
  void systemIsRefusedUnlessEnabled() {
    long cmd = guest.string("true");

    assertEquals(-1, guest.r0(semi, SYS_SYSTEM, guest.block(cmd, 4)));
    assertEquals(Errno.EPERM, errno());
  }

  @Test
  void systemRunsTheCommandInTheRootWhenEnabled() throws Exception {
    ArmSemihosting allowed = new ArmSemihosting(
        SemihostingConfig.defaults(root, "").withAllowSystem(true), console);
    long cmd = guest.string("echo hi > made-by-system; exit 3");

    assertEquals(3 << 8, guest.r0(allowed, SYS_SYSTEM, guest.block(cmd, 33)));
    assertEquals("hi\n", Files.readString(root.resolve("made-by-system")));
  }

  // ---- exit --------------------------------------------------------------------------------

  @Test
  void exitWithApplicationExitIsStatusZero() {
    assertEquals(new FakeGuest.Outcome(true, 0),
        guest.call(semi, SYS_EXIT, ADP_STOPPED_APPLICATION_EXIT));
  }

  @Test
  void exitWithAnyOtherReasonIsStatusOne() {
    assertEquals(new FakeGuest.Outcome(true, 1), guest.call(semi, SYS_EXIT, 0x20023));
  }

  @Test
  void exitExtendedUsesTheSubcodeForApplicationExit() {
    assertEquals(new FakeGuest.Outcome(true, 3),
        guest.call(semi, SYS_EXIT_EXTENDED, guest.block(ADP_STOPPED_APPLICATION_EXIT, 3)));
    assertEquals(new FakeGuest.Outcome(true, 1),
        guest.call(semi, SYS_EXIT_EXTENDED, guest.block(0x20023, 3)));
  }

  // ---- heap info ---------------------------------------------------------------------------

  @Test
  void heapInfoLikeQemuOffersTheLargestFreeGapOfTheLargestRam() {
    List<MemoryRange> ram = List.of(new MemoryRange("ssram1", 0, 0x40_0000),
        new MemoryRange("ssram23", 0x2000_0000L, 0x40_0000),
        new MemoryRange("psram", 0x2100_0000L, 0x100_0000));
    List<ImageSegment> image = List.of(new ImageSegment(0, new byte[0x1000]),
        new ImageSegment(0x2100_0000L, new byte[0x100]));

    HeapInfo info = HeapInfo.likeQemu(ram, image);

    assertEquals(new HeapInfo(0x2100_0100L, 0x2200_0000L, 0x2200_0000L, 0x2100_0100L), info);
  }

  @Test
  void heapInfoPrefersTheLowerRamOnATieAndTheFirstGapOnATie() {
    List<MemoryRange> ram = List.of(new MemoryRange("hi", 0x2000_0000L, 0x100),
        new MemoryRange("lo", 0x1000, 0x100));
    List<ImageSegment> image = List.of(new ImageSegment(0x1040, new byte[0x80]));

    assertEquals(new HeapInfo(0x1000, 0x1040, 0x1040, 0x1000), HeapInfo.likeQemu(ram, image));
    assertEquals(HeapInfo.NONE, HeapInfo.likeQemu(List.of(), image));
  }
}
