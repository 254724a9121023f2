package dev.vboard.emulator.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Parses an ELF executable for a Cortex-M into load segments.
 *
 * <p>Only what the "ELF for the ARM Architecture" (ARM IHI 0044) and the System V gABI say a
 * loader needs: the ELF header, then every PT_LOAD program header. Segments are placed at their
 * physical address (p_paddr), as QEMU's {@code load_elf} does for M-profile boards, so that an
 * image linked to run from RAM but stored in flash (VMA != LMA, e.g. .data) lands where a real
 * flash programmer would put it. Bytes between p_filesz and p_memsz are zero-filled (.bss).
 * Section headers are ignored: a stripped image loads the same.
 */
public final class ElfLoader {

  // e_ident (gABI "ELF Identification")
  private static final int EI_CLASS = 4;
  private static final int EI_DATA = 5;
  private static final int EI_VERSION = 6;
  private static final int ELFCLASS32 = 1;
  private static final int ELFDATA2LSB = 1;
  private static final int EV_CURRENT = 1;

  // Elf32_Ehdr field offsets
  private static final int E_TYPE = 16;
  private static final int E_MACHINE = 18;
  private static final int E_ENTRY = 24;
  private static final int E_PHOFF = 28;
  private static final int E_PHENTSIZE = 42;
  private static final int E_PHNUM = 44;
  static final int EHDR_SIZE = 52;

  // Elf32_Phdr field offsets
  private static final int P_TYPE = 0;
  private static final int P_OFFSET = 4;
  private static final int P_PADDR = 12;
  private static final int P_FILESZ = 16;
  private static final int P_MEMSZ = 20;
  static final int PHDR_SIZE = 32;

  static final int ET_EXEC = 2;
  static final int EM_ARM = 40;
  static final int PT_LOAD = 1;

  private ElfLoader() { }

  /** True when {@code image} starts with the ELF magic number. */
  public static boolean isElf(byte[] image) {
    return image.length >= 4 && image[0] == 0x7f && image[1] == 'E' && image[2] == 'L'
        && image[3] == 'F';
  }

  public static LoadedImage parse(byte[] image) throws ImageFormatException {
    if (!isElf(image)) {
      throw new ImageFormatException("not an ELF file (bad magic number)");
    }
    if (image.length < EHDR_SIZE) {
      throw new ImageFormatException("truncated ELF file: " + image.length
          + " bytes, shorter than the 52-byte ELF header");
    }
    if (image[EI_CLASS] != ELFCLASS32) {
      throw new ImageFormatException(
          "unsupported ELF class " + image[EI_CLASS]
              + ": a Cortex-M image must be 32-bit (ELFCLASS32)");
    }
    if (image[EI_DATA] != ELFDATA2LSB) {
      throw new ImageFormatException("unsupported ELF data encoding " + image[EI_DATA]
          + ": a Cortex-M image must be little-endian (ELFDATA2LSB)");
    }
    if (image[EI_VERSION] != EV_CURRENT) {
      throw new ImageFormatException("unsupported ELF version " + image[EI_VERSION]);
    }
    int machine = u16(image, E_MACHINE);
    if (machine != EM_ARM) {
      throw new ImageFormatException(
          "wrong architecture: ELF e_machine is " + machine + ", expected ARM (40)");
    }
    int type = u16(image, E_TYPE);
    if (type != ET_EXEC) {
      throw new ImageFormatException(
          "not an executable: ELF e_type is " + type + ", expected ET_EXEC (2)");
    }
    long phoff = u32(image, E_PHOFF);
    int phentsize = u16(image, E_PHENTSIZE);
    int phnum = u16(image, E_PHNUM);
    if (phnum == 0) {
      throw new ImageFormatException("ELF file has no program headers: nothing to load");
    }
    if (phentsize < PHDR_SIZE) {
      throw new ImageFormatException("bad ELF e_phentsize " + phentsize + " (expected 32)");
    }
    if (phoff + (long) phentsize * phnum > image.length) {
      throw new ImageFormatException("truncated ELF file: program header table at " + phoff
          + " runs past the end of the file (" + image.length + " bytes)");
    }

    List<ImageSegment> segments = new ArrayList<>();
    for (int i = 0; i < phnum; i++) {
      int ph = (int) (phoff + (long) i * phentsize);
      if (u32(image, ph + P_TYPE) != PT_LOAD) {
        continue;
      }
      long offset = u32(image, ph + P_OFFSET);
      long paddr = u32(image, ph + P_PADDR);
      long filesz = u32(image, ph + P_FILESZ);
      long memsz = u32(image, ph + P_MEMSZ);
      if (memsz == 0) {
        continue;
      }
      if (filesz > memsz) {
        throw new ImageFormatException("bad ELF program header " + i + ": p_filesz " + filesz
            + " exceeds p_memsz " + memsz);
      }
      if (offset + filesz > image.length) {
        throw new ImageFormatException("truncated ELF file: segment " + i + " needs bytes up to "
            + (offset + filesz) + " but the file has " + image.length);
      }
      if (paddr + memsz > 0x1_0000_0000L || memsz > Integer.MAX_VALUE - 8) {
        throw new ImageFormatException(String.format(
            "bad ELF program header %d: segment at 0x%08x of %d bytes leaves the 32-bit"
                + " address space", i, paddr, memsz));
      }
      byte[] data = new byte[(int) memsz];
      System.arraycopy(image, (int) offset, data, 0, (int) filesz);
      segments.add(new ImageSegment(paddr, data));
    }
    if (segments.isEmpty()) {
      throw new ImageFormatException("ELF file has no loadable (PT_LOAD) segments");
    }
    return new LoadedImage(ImageFormat.ELF, segments, OptionalLong.of(u32(image, E_ENTRY)));
  }

  private static int u16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int off) {
    return ((b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16
        | (long) (b[off + 3] & 0xff) << 24);
  }
}
