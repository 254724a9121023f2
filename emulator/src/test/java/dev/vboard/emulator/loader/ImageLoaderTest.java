package dev.vboard.emulator.loader;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

  private static final List<MemoryRange> AN385 = List.of(
      new MemoryRange("ssram1", 0x0000_0000L, 0x40_0000),
      new MemoryRange("ssram23", 0x2000_0000L, 0x40_0000));

  @TempDir
  Path dir;

  @Test
  void picksTheLoaderByContentAndExtension() throws Exception {
    byte[] elf = new TestElf().load(0, new byte[8], 8).build();
    byte[] hex = (IntelHexLoaderTest.record(0, 0, 1) + ":00000001FF\n").getBytes(US_ASCII);
    byte[] bin = {0, 0, 0x40, 0x20, 9, 0, 0, 0};

    assertEquals(ImageFormat.ELF, ImageLoader.parse(elf, "fw.bin", 0).format());
    assertEquals(ImageFormat.INTEL_HEX, ImageLoader.parse(hex, "fw.txt", 0).format());
    assertEquals(ImageFormat.RAW_BINARY, ImageLoader.parse(bin, "fw.bin", 0).format());
  }

  @Test
  void placesARawBinaryAtTheBootAddress() throws Exception {
    byte[] bin = {1, 2, 3};

    LoadedImage image = ImageLoader.parse(bin, "fw.bin", 0x1000);

    assertEquals(List.of(new ImageSegment(0x1000, bin)), image.segments());
  }

  @Test
  void refusesAnEmptyFile() {
    assertRefused(new byte[0], "fw.bin", "empty image file");
  }

  @Test
  void refusesAHexExtensionWithBinaryContent() {
    assertRefused(new byte[] {1, 2, 3}, "fw.hex",
        "Intel HEX line 1: record does not start with ':'");
  }

  @Test
  void refusesAnElfExtensionWithoutTheElfMagic() {
    assertRefused("garbage\n".getBytes(US_ASCII), "fw.elf", "not an ELF file (bad magic number)");
  }

  @Test
  void refusesAMissingFileWithOneLine() {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageLoader.load(dir.resolve("nope.elf"), 0));
    assertEquals("no such file", e.getMessage());
  }

  @Test
  void readsFilesFromDisk() throws Exception {
    Path f = dir.resolve("fw.bin");
    Files.write(f, new byte[] {5, 6});

    assertEquals(List.of(new ImageSegment(0, new byte[] {5, 6})),
        ImageLoader.load(f, 0).segments());
  }

  @Test
  void installerWritesEverySegment() throws Exception {
    FakeMemory memory = new FakeMemory(AN385);
    LoadedImage image = ElfLoader.parse(new TestElf()
        .load(0, new byte[] {1, 2}, 2).load(0x2000_0000L, new byte[] {3}, 3).build());

    ImageInstaller.install(image, AN385, memory);

    assertArrayEquals(new byte[] {1, 2}, memory.read(0, 2));
    assertArrayEquals(new byte[] {3, 0, 0}, memory.read(0x2000_0000L, 3));
  }

  @Test
  void installerRefusesAnImageLargerThanTheBoardMemoryBeforeWritingAnything() throws Exception {
    FakeMemory memory = new FakeMemory(AN385);
    LoadedImage image = RawBinaryLoader.parse(new byte[0x40_0001], 0);

    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageInstaller.install(image, AN385, memory));

    assertEquals("image does not fit the board's memory: 4194305 bytes at 0x00000000-0x00400000"
        + " are outside ssram1 0x00000000-0x003fffff, ssram23 0x20000000-0x203fffff",
        e.getMessage());
    assertEquals(0, memory.written);
  }

  @Test
  void installerAcceptsASegmentSpanningAdjacentRegions() throws Exception {
    List<MemoryRange> ranges = List.of(new MemoryRange("a", 0, 16), new MemoryRange("b", 16, 16));

    ImageInstaller.checkFits(RawBinaryLoader.parse(new byte[32], 0), ranges);
  }

  private static void assertRefused(byte[] bytes, String name, String message) {
    ImageFormatException e = assertThrows(ImageFormatException.class,
        () -> ImageLoader.parse(bytes, name, 0));
    assertEquals(message, e.getMessage());
  }

  /** Guest memory backed by a sparse byte map, faulting outside the given ranges. */
  static final class FakeMemory implements GuestMemory {
    final TreeMap<Long, Byte> bytes = new TreeMap<>();
    final List<MemoryRange> ranges;
    long written;

    FakeMemory(List<MemoryRange> ranges) {
      this.ranges = ranges;
    }

    private void check(long address, int length) {
      for (long a = address; a < address + length; a++) {
        long at = a;
        if (ranges.stream().noneMatch(r -> at >= r.base() && at < r.end())) {
          throw new GuestAccessException(at, "unmapped");
        }
      }
    }

    @Override
    public byte[] read(long address, int length) {
      check(address, length);
      byte[] out = new byte[length];
      for (int i = 0; i < length; i++) {
        out[i] = bytes.getOrDefault(address + i, (byte) 0);
      }
      return out;
    }

    @Override
    public void write(long address, byte[] data) {
      check(address, data.length);
      for (int i = 0; i < data.length; i++) {
        bytes.put(address + i, data[i]);
      }
      written += data.length;
    }
  }
}
