package dev.vboard.emulator.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ElfLoaderTest {

  private static final byte[] VECTORS = {0x00, 0x00, 0x40, 0x20, 0x09, 0x00, 0x00, 0x00};

  @Test
  void loadsEachPtLoadSegmentAtItsPhysicalAddress() throws Exception {
    byte[] data = {1, 2, 3, 4};
    byte[] elf = new TestElf()
        .load(0x0, VECTORS, VECTORS.length)
        .load(0x2000_0000L, 0x0000_1000L, data, data.length)
        .build();

    LoadedImage image = ElfLoader.parse(elf);

    assertEquals(ImageFormat.ELF, image.format());
    assertEquals(2, image.segments().size());
    assertEquals(new ImageSegment(0x0, VECTORS), image.segments().get(0));
    assertEquals(new ImageSegment(0x1000, data), image.segments().get(1));
    assertEquals(OptionalLong.of(0x101), image.entry());
  }

  @Test
  void zeroFillsMemszBeyondFilesz() throws Exception {
    byte[] elf = new TestElf().load(0x2000_0000L, new byte[] {7, 7}, 6).build();

    ImageSegment s = ElfLoader.parse(elf).segments().get(0);

    assertArrayEquals(new byte[] {7, 7, 0, 0, 0, 0}, s.data());
  }

  @Test
  void skipsNonLoadSegmentsAndEmptyOnes() throws Exception {
    byte[] elf = new TestElf()
        .other(0x7000_0001, new byte[] {9, 9, 9, 9}) // PT_ARM_EXIDX
        .load(0x100, new byte[0], 0)
        .load(0x0, VECTORS, VECTORS.length)
        .build();

    assertEquals(1, ElfLoader.parse(elf).segments().size());
  }

  @Test
  void refusesBadMagic() {
    byte[] elf = new TestElf().load(0, VECTORS, 8).build();
    elf[1] = 'X';
    assertRefused(elf, "not an ELF file (bad magic number)");
  }

  @Test
  void refusesTruncatedHeader() {
    byte[] elf = Arrays.copyOf(new TestElf().load(0, VECTORS, 8).build(), 30);
    assertRefused(elf, "truncated ELF file: 30 bytes, shorter than the 52-byte ELF header");
  }

  @Test
  void refuses64BitImages() {
    TestElf t = new TestElf().load(0, VECTORS, 8);
    t.elfClass = 2;
    assertRefused(t.build(),
        "unsupported ELF class 2: a Cortex-M image must be 32-bit (ELFCLASS32)");
  }

  @Test
  void refusesBigEndianImages() {
    TestElf t = new TestElf().load(0, VECTORS, 8);
    t.data = 2;
    assertRefused(t.build(),
        "unsupported ELF data encoding 2: a Cortex-M image must be little-endian (ELFDATA2LSB)");
  }

  @Test
  void refusesOtherArchitectures() {
    TestElf t = new TestElf().load(0, VECTORS, 8);
    t.machine = 62;
    assertRefused(t.build(), "wrong architecture: ELF e_machine is 62, expected ARM (40)");
  }

  @Test
  void refusesRelocatableObjects() {
    TestElf t = new TestElf().load(0, VECTORS, 8);
    t.type = 1;
    assertRefused(t.build(), "not an executable: ELF e_type is 1, expected ET_EXEC (2)");
  }

  @Test
  void refusesTruncatedSegmentData() {
    byte[] elf = new TestElf().load(0, new byte[64], 64).build();
    assertRefused(Arrays.copyOf(elf, elf.length - 10),
        "truncated ELF file: segment 0 needs bytes up to 148 but the file has 138");
  }

  @Test
  void refusesTruncatedProgramHeaderTable() {
    byte[] elf = new TestElf().load(0, new byte[0], 4).build();
    assertRefused(Arrays.copyOf(elf, 60),
        "truncated ELF file: program header table at 52 runs past the end of the file (60 bytes)");
  }

  @Test
  void refusesFileszLargerThanMemsz() {
    byte[] elf = new TestElf().load(0, new byte[8], 4).build();
    assertRefused(elf, "bad ELF program header 0: p_filesz 8 exceeds p_memsz 4");
  }

  @Test
  void refusesImagesWithoutLoadableSegments() {
    byte[] elf = new TestElf().other(4, new byte[4]).build();
    assertRefused(elf, "ELF file has no loadable (PT_LOAD) segments");
  }

  private static void assertRefused(byte[] elf, String message) {
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> ElfLoader.parse(elf));
    assertEquals(message, e.getMessage());
  }
}
