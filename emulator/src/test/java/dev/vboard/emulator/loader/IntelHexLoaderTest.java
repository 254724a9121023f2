package dev.vboard.emulator.loader;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntelHexLoaderTest {

  /** Builds one record with its checksum, so tests state intent rather than hex arithmetic. */
  static String record(int type, int offset, int... data) {
    int sum = data.length + (offset >> 8) + (offset & 0xff) + type;
    StringBuilder sb = new StringBuilder(String.format(":%02X%04X%02X", data.length, offset, type));
    for (int d : data) {
      sb.append(String.format("%02X", d));
      sum += d;
    }
    return sb.append(String.format("%02X", -sum & 0xff)).append('\n').toString();
  }

  private static final String EOF = ":00000001FF\n";

  @Test
  void parsesTheSpecificationsExampleRecord() throws Exception {
    // The classic example: 16 bytes at 0x0100, checksum 0x40.
    String hex = ":10010000214601360121470136007EFE09D2190140\n" + EOF;

    LoadedImage image = IntelHexLoader.parse(hex.getBytes(US_ASCII));

    assertEquals(1, image.segments().size());
    assertEquals(0x100, image.segments().get(0).address());
    assertEquals(16, image.segments().get(0).length());
    assertEquals(0x21, image.segments().get(0).data()[0]);
  }

  @Test
  void joinsContiguousRecordsIntoOneSegmentAndSplitsGaps() throws Exception {
    String hex = record(0, 0x0000, 1, 2) + record(0, 0x0002, 3) + record(0, 0x0010, 4) + EOF;

    LoadedImage image = IntelHexLoader.parse(hex.getBytes(US_ASCII));

    assertEquals(2, image.segments().size());
    assertArrayEquals(new byte[] {1, 2, 3}, image.segments().get(0).data());
    assertEquals(0x10, image.segments().get(1).address());
  }

  @Test
  void extendedLinearAddressSetsTheUpperSixteenBits() throws Exception {
    String hex = record(4, 0, 0x20, 0x00) + record(0, 0x1234, 0xaa) + EOF;

    assertEquals(0x2000_1234L,
        IntelHexLoader.parse(hex.getBytes(US_ASCII)).segments().get(0).address());
  }

  @Test
  void extendedSegmentAddressIsTimesSixteenAndWrapsWithinTheSegment() throws Exception {
    String hex = record(2, 0, 0x10, 0x00) + record(0, 0xffff, 0xaa, 0xbb) + EOF;

    LoadedImage image = IntelHexLoader.parse(hex.getBytes(US_ASCII));

    // SBA 0x10000 + (0xffff + i) mod 64K: byte 0 at 0x1ffff, byte 1 wraps to 0x10000.
    assertEquals(new ImageSegment(0x10000, new byte[] {(byte) 0xbb}), image.segments().get(0));
    assertEquals(new ImageSegment(0x1ffff, new byte[] {(byte) 0xaa}), image.segments().get(1));
  }

  @Test
  void startLinearAddressGivesTheEntry() throws Exception {
    String hex = record(0, 0, 1) + record(5, 0, 0x00, 0x00, 0x01, 0x01) + EOF;

    assertEquals(OptionalLong.of(0x101), IntelHexLoader.parse(hex.getBytes(US_ASCII)).entry());
  }

  @Test
  void startSegmentAddressGivesCsTimesSixteenPlusIp() throws Exception {
    String hex = record(0, 0, 1) + record(3, 0, 0x12, 0x34, 0x00, 0x05) + EOF;

    assertEquals(OptionalLong.of(0x12345), IntelHexLoader.parse(hex.getBytes(US_ASCII)).entry());
  }

  @Test
  void ignoresEverythingAfterTheEndOfFileRecord() throws Exception {
    String hex = record(0, 0, 1) + EOF + "garbage\n";

    assertEquals(1, IntelHexLoader.parse(hex.getBytes(US_ASCII)).segments().size());
  }

  @Test
  void acceptsCrLfLineEndingsAndLowerCaseHex() throws Exception {
    String hex = ":0100000001fe\r\n:00000001ff\r\n";

    assertEquals(1, IntelHexLoader.parse(hex.getBytes(US_ASCII)).segments().size());
  }

  @Test
  void refusesABadChecksum() {
    assertRefused(":0100000001FF\n" + EOF, "Intel HEX line 1: checksum mismatch");
  }

  @Test
  void refusesAMissingEndOfFileRecord() {
    assertRefused(record(0, 0, 1), "truncated Intel HEX file: no end-of-file (01) record");
  }

  @Test
  void refusesATruncatedRecord() {
    assertRefused(record(0, 0, 1) + ":030000\n" + EOF, "Intel HEX line 2: truncated record");
  }

  @Test
  void refusesALengthThatDisagreesWithTheData() {
    assertRefused(":020000000105\n" + EOF,
        "Intel HEX line 1: record length 2 does not match its 1 data bytes");
  }

  @Test
  void refusesUnknownRecordTypes() {
    assertRefused(record(6, 0, 1) + EOF, "Intel HEX line 1: unknown record type 06");
  }

  @Test
  void refusesLinesThatAreNotRecords() {
    assertRefused("hello\n" + EOF, "Intel HEX line 1: record does not start with ':'");
  }

  @Test
  void refusesNonHexDigits() {
    assertRefused(":01000000GG00\n" + EOF, "Intel HEX line 1: not a hexadecimal digit");
  }

  @Test
  void refusesOverlappingData() {
    assertRefused(record(0, 0, 1, 2) + record(0, 1, 3) + EOF,
        "Intel HEX line 2: data at 0x00000001 overlaps an earlier record");
  }

  @Test
  void refusesWrongLengthForAddressRecords() {
    assertRefused(record(4, 0, 0x20) + EOF,
        "Intel HEX line 1: record type 04 must carry 2 data bytes, not 1");
  }

  @Test
  void recognisesHexTextButNotBinary() {
    assertTrue(IntelHexLoader.looksLikeHex((record(0, 0, 1) + EOF).getBytes(US_ASCII)));
    assertEquals(false, IntelHexLoader.looksLikeHex(new byte[] {':', 0, 1}));
  }

  @Property(tries = 200)
  void roundTripsArbitraryDataThroughHexRecords(
      @ForAll @Size(min = 1, max = 300) byte[] data,
      @ForAll @IntRange(min = 0, max = 0x7fff) int upper,
      @ForAll @IntRange(min = 0, max = 0xffff) int start) throws Exception {
    // Emit 16-byte records with linear addressing, re-emitting 04 records at 64K boundaries.
    StringBuilder hex = new StringBuilder();
    long base = (long) upper << 16 | start;
    long currentUpper = -1;
    for (int i = 0; i < data.length; i += 16) {
      long addr = base + i;
      int n = (int) Math.min(Math.min(16, data.length - i), 0x10000 - (addr & 0xffff));
      if (addr >>> 16 != currentUpper) {
        currentUpper = addr >>> 16;
        hex.append(record(4, 0, (int) (currentUpper >> 8), (int) (currentUpper & 0xff)));
      }
      int[] chunk = new int[n];
      for (int j = 0; j < n; j++) {
        chunk[j] = data[i + j] & 0xff;
      }
      hex.append(record(0, (int) (addr & 0xffff), chunk));
      if (n < 16 && i + n < data.length) {
        i -= 16 - n;
      }
    }
    hex.append(EOF);

    LoadedImage image = IntelHexLoader.parse(hex.toString().getBytes(US_ASCII));

    assertEquals(1, image.segments().size());
    assertEquals(new ImageSegment(base, data), image.segments().get(0));
  }

  private static void assertRefused(String hex, String message) {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> IntelHexLoader.parse(hex.getBytes(US_ASCII)));
    assertEquals(message, e.getMessage());
  }
}
