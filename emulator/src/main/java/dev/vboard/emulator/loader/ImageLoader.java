package dev.vboard.emulator.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an image file and picks its loader: ELF by its magic number, Intel HEX by its extension
 * ({@code .hex}, {@code .ihex}, {@code .ihx}) or its text content, anything else as a raw binary
 * at the board's boot address. Pure: nothing touches guest memory here; see {@link ImageInstaller}.
 */
public final class ImageLoader {

  /** Far above any board's memory; refuses to read a mistaken multi-gigabyte file into the heap. */
  static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

  private ImageLoader() { }

  public static LoadedImage load(Path file, long bootAddress) throws ImageFormatException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ImageFormatException("is a directory, not an image file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ImageFormatException("image file too large (" + Files.size(file) + " bytes)");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageFormatException("no such file");
    } catch (IOException e) {
      throw new ImageFormatException("cannot read: " + e.getMessage());
    }
    return parse(bytes, file.getFileName() == null ? "" : file.getFileName().toString(),
        bootAddress);
  }

  /**
   * Parses {@code bytes}; {@code fileName} only serves to recognise Intel HEX by extension and to
   * refuse a {@code .elf}/{@code .axf} file that is not ELF.
   */
  public static LoadedImage parse(byte[] bytes, String fileName, long bootAddress)
      throws ImageFormatException {
    if (ElfLoader.isElf(bytes)) {
      return ElfLoader.parse(bytes);
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".elf") || lower.endsWith(".axf")) {
      // Named as ELF but without the magic: a broken file, not a raw image to boot blindly.
      throw new ImageFormatException("not an ELF file (bad magic number)");
    }
    if (lower.endsWith(".hex") || lower.endsWith(".ihex") || lower.endsWith(".ihx")
        || IntelHexLoader.looksLikeHex(bytes)) {
      return IntelHexLoader.parse(bytes);
    }
    return RawBinaryLoader.parse(bytes, bootAddress);
  }
}
