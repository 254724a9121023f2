package dev.vboard.emulator.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Parses Intel HEX (Intel, "Hexadecimal Object File Format Specification", rev. A, 1988).
 *
 * <p>Each record is {@code :LLAAAATT<data>CC}; the checksum makes all record bytes sum to zero
 * modulo 256. Record types: 00 data, 01 end of file, 02 extended segment address (base = USBA *
 * 16; offsets wrap within the 64 KiB segment), 03 start segment address (CS:IP), 04 extended
 * linear address (upper 16 address bits), 05 start linear address (EIP). Records after the end of
 * file record are ignored, as the specification says the file ends there. Two records writing the
 * same byte are refused: a programmer would silently keep one, which hides a broken build.
 */
public final class IntelHexLoader {

  static final int DATA = 0x00;
  static final int END_OF_FILE = 0x01;
  static final int EXTENDED_SEGMENT_ADDRESS = 0x02;
  static final int START_SEGMENT_ADDRESS = 0x03;
  static final int EXTENDED_LINEAR_ADDRESS = 0x04;
  static final int START_LINEAR_ADDRESS = 0x05;

  private record Chunk(long address, byte[] data, int line) { }

  private IntelHexLoader() { }

  /** True when the file looks like Intel HEX: printable text whose first record starts with ':'. */
  public static boolean looksLikeHex(byte[] image) {
    int i = 0;
    while (i < image.length && Character.isWhitespace(image[i])) {
      i++;
    }
    if (i == image.length || image[i] != ':') {
      return false;
    }
    for (byte b : image) {
      if (b != '\r' && b != '\n' && b != '\t' && (b < 0x20 || b > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  public static LoadedImage parse(byte[] image) throws ImageFormatException {
    String[] lines = new String(image, StandardCharsets.US_ASCII).split("\r\n|\n|\r", -1);
    List<Chunk> chunks = new ArrayList<>();
    long segmentBase = 0;
    boolean linear = false;
    OptionalLong entry = OptionalLong.empty();
    boolean sawEnd = false;
    for (int n = 0; n < lines.length && !sawEnd; n++) {
      int lineNo = n + 1;
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      byte[] rec = decodeRecord(line, lineNo);
      int length = rec[0] & 0xff;
      int offset = (rec[1] & 0xff) << 8 | (rec[2] & 0xff);
      int type = rec[3] & 0xff;
      switch (type) {
        case DATA -> {
          byte[] data = new byte[length];
          System.arraycopy(rec, 4, data, 0, length);
          addData(chunks, linear, segmentBase, offset, data, lineNo);
        }
        case END_OF_FILE -> {
          expectLength(length, 0, type, lineNo);
          sawEnd = true;
        }
        case EXTENDED_SEGMENT_ADDRESS -> {
          expectLength(length, 2, type, lineNo);
          segmentBase = (long) word(rec, 4) << 4;
          linear = false;
        }
        case START_SEGMENT_ADDRESS -> {
          expectLength(length, 4, type, lineNo);
          entry = OptionalLong.of(((long) word(rec, 4) << 4) + word(rec, 6));
        }
        case EXTENDED_LINEAR_ADDRESS -> {
          expectLength(length, 2, type, lineNo);
          segmentBase = (long) word(rec, 4) << 16;
          linear = true;
        }
        case START_LINEAR_ADDRESS -> {
          expectLength(length, 4, type, lineNo);
          entry = OptionalLong.of((long) word(rec, 4) << 16 | word(rec, 6));
        }
        default -> throw new ImageFormatException(
            String.format("Intel HEX line %d: unknown record type %02X", lineNo, type));
      }
    }
    if (!sawEnd) {
      throw new ImageFormatException("truncated Intel HEX file: no end-of-file (01) record");
    }
    List<ImageSegment> segments = merge(chunks);
    if (segments.isEmpty()) {
      throw new ImageFormatException("Intel HEX file has no data records");
    }
    return new LoadedImage(ImageFormat.INTEL_HEX, segments, entry);
  }

  /** Returns length, offset (2), type, data..., checksum as bytes, after validating the record. */
  private static byte[] decodeRecord(String line, int lineNo) throws ImageFormatException {
    if (line.charAt(0) != ':') {
      throw new ImageFormatException(
          "Intel HEX line " + lineNo + ": record does not start with ':'");
    }
    String hex = line.substring(1);
    if (hex.length() % 2 != 0 || hex.length() < 10) {
      throw new ImageFormatException("Intel HEX line " + lineNo + ": truncated record");
    }
    byte[] rec = new byte[hex.length() / 2];
    for (int i = 0; i < rec.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new ImageFormatException("Intel HEX line " + lineNo + ": not a hexadecimal digit");
      }
      rec[i] = (byte) (hi << 4 | lo);
    }
    int length = rec[0] & 0xff;
    if (rec.length != length + 5) {
      throw new ImageFormatException("Intel HEX line " + lineNo + ": record length " + length
          + " does not match its " + (rec.length - 5) + " data bytes");
    }
    int sum = 0;
    for (byte b : rec) {
      sum += b & 0xff;
    }
    if ((sum & 0xff) != 0) {
      throw new ImageFormatException("Intel HEX line " + lineNo + ": checksum mismatch");
    }
    return rec;
  }

  private static void expectLength(int length, int expected, int type, int lineNo)
      throws ImageFormatException {
    if (length != expected) {
      throw new ImageFormatException(String.format(
          "Intel HEX line %d: record type %02X must carry %d data bytes, not %d", lineNo, type,
          expected, length));
    }
  }

  private static int word(byte[] rec, int at) {
    return (rec[at] & 0xff) << 8 | (rec[at + 1] & 0xff);
  }

  /**
   * Segment addressing wraps the offset within 64 KiB (spec: SBA + ((DRLO + DRI) MOD 64K));
   * linear addressing does not (LBA + DRLO + DRI, modulo 4 GiB).
   */
  private static void addData(List<Chunk> chunks, boolean linear, long base, int offset,
      byte[] data, int lineNo) {
    if (data.length == 0) {
      return;
    }
    int beforeWrap = linear ? data.length : Math.min(data.length, 0x10000 - offset);
    long start = (base + offset) & 0xffff_ffffL;
    if (start + beforeWrap > 0x1_0000_0000L) {
      beforeWrap = (int) (0x1_0000_0000L - start);
    }
    chunks.add(new Chunk(start, Arrays.copyOfRange(data, 0, beforeWrap), lineNo));
    if (beforeWrap < data.length) {
      long wrapped = linear ? 0 : base;
      chunks.add(new Chunk(wrapped,
          Arrays.copyOfRange(data, beforeWrap, data.length), lineNo));
    }
  }

  /** Joins address-contiguous chunks into segments; overlapping data is an error. */
  private static List<ImageSegment> merge(List<Chunk> chunks) throws ImageFormatException {
    List<Chunk> sorted = new ArrayList<>(chunks);
    sorted.sort(Comparator.comparingLong(Chunk::address));
    List<ImageSegment> segments = new ArrayList<>();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    long runStart = -1;
    long runEnd = -1;
    for (Chunk c : sorted) {
      if (c.address() < runEnd) {
        throw new ImageFormatException(String.format(
            "Intel HEX line %d: data at 0x%08x overlaps an earlier record", c.line(), c.address()));
      }
      if (c.address() != runEnd) {
        if (runStart >= 0) {
          segments.add(new ImageSegment(runStart, run.toByteArray()));
        }
        run.reset();
        runStart = c.address();
      }
      run.writeBytes(c.data());
      runEnd = c.address() + c.data().length;
    }
    if (runStart >= 0) {
      segments.add(new ImageSegment(runStart, run.toByteArray()));
    }
    return segments;
  }
}
