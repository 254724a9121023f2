package dev.vboard.emulator.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks the three loaders on one image built by arm-none-eabi-gcc at test time: the ELF,
 * objcopy's Intel HEX and objcopy's flat binary must put the same bytes at the same addresses.
 */
class CompiledImageTest {

  @TempDir
  static Path dir;

  private static final String SOURCE = """
      extern unsigned long _estack;
      int counter = 42;            /* .data: VMA in RAM, LMA in flash */
      int zeroed[4];               /* .bss */
      void reset(void) { for (;;) { counter++; zeroed[0] = counter; } }
      __attribute__((section(".vectors"))) const void *vectors[2] = { &_estack, (void *) reset };
      """;

  private static final String LINKER_SCRIPT = """
      MEMORY { FLASH (rx) : ORIGIN = 0x00000000, LENGTH = 64K
               RAM (rwx)  : ORIGIN = 0x20000000, LENGTH = 64K }
      _estack = ORIGIN(RAM) + LENGTH(RAM);
      ENTRY(reset)
      SECTIONS {
        .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
        .data : { *(.data*) } > RAM AT > FLASH
        .bss : { *(.bss*) *(COMMON) } > RAM
      }
      """;

  @BeforeAll
  static void build() throws Exception {
    assumeTrue(run(List.of("arm-none-eabi-gcc", "--version")), "arm-none-eabi-gcc not installed");
    Files.writeString(dir.resolve("fw.c"), SOURCE);
    Files.writeString(dir.resolve("fw.ld"), LINKER_SCRIPT);
    assumeTrue(run(List.of("arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb", "-O1", "-nostdlib",
        "-T", "fw.ld", "-o", "fw.elf", "fw.c")), "compile failed");
    assumeTrue(run(List.of("arm-none-eabi-objcopy", "-O", "ihex", "fw.elf", "fw.hex")));
    assumeTrue(run(List.of("arm-none-eabi-objcopy", "-O", "binary", "fw.elf", "fw.bin")));
  }

  @Test
  void elfHexAndBinaryAgreeOnTheFlashContents() throws Exception {
    LoadedImage elf = ImageLoader.load(dir.resolve("fw.elf"), 0);
    LoadedImage hex = ImageLoader.load(dir.resolve("fw.hex"), 0);
    LoadedImage bin = ImageLoader.load(dir.resolve("fw.bin"), 0);

    assertEquals(ImageFormat.ELF, elf.format());
    assertEquals(ImageFormat.INTEL_HEX, hex.format());
    assertEquals(ImageFormat.RAW_BINARY, bin.format());
    // objcopy emits by LMA, like our ELF loader's p_paddr: flash holds .text then .data's image.
    byte[] flat = bin.segments().get(0).data();
    assertEquals(flash(elf, flat.length), bytesToHex(flat));
    assertEquals(flash(hex, flat.length), bytesToHex(flat));
  }

  @Test
  void dataSegmentIsPlacedByLoadAddressWithItsBssZeroFilled() throws Exception {
    LoadedImage elf = ImageLoader.load(dir.resolve("fw.elf"), 0);

    // ld puts .data and .bss in one PT_LOAD: p_vaddr in RAM, p_paddr right after .text in
    // flash, p_filesz 4 (.data), p_memsz 20 (+ 16 bytes of .bss). QEMU zero-fills by p_paddr too.
    ImageSegment data = elf.segments().get(1);
    assertEquals(20, data.length());
    assertEquals(42, data.data()[0]);
    assertEquals(0, data.data()[19]);
    assertEquals(true, data.address() < 0x2000_0000L);
  }

  /** The image's bytes in [0, length) as hex text, so a mismatch prints readably. */
  private static String flash(LoadedImage image, int length) {
    byte[] out = new byte[length];
    for (ImageSegment s : image.segments()) {
      if (s.address() < length) {
        System.arraycopy(s.data(), 0, out, (int) s.address(),
            (int) Math.min(s.length(), length - s.address()));
      }
    }
    return bytesToHex(out);
  }

  private static String bytesToHex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }

  private static boolean run(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
