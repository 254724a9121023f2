package dev.vboard.emulator.loader;

import java.util.List;
import java.util.OptionalLong;

/**
 * A flat image: the whole file is one segment at the board's boot address (0x0 on mps2-an385,
 * where the vector table must sit at reset), as QEMU's {@code load_image_targphys} does when a
 * -kernel file is not ELF.
 */
public final class RawBinaryLoader {

  private RawBinaryLoader() { }

  public static LoadedImage parse(byte[] image, long bootAddress) throws ImageFormatException {
    if (image.length == 0) {
      throw new ImageFormatException("empty image file");
    }
    if (bootAddress + image.length > 0x1_0000_0000L) {
      throw new ImageFormatException(String.format(
          "image of %d bytes at 0x%08x leaves the 32-bit address space", image.length,
          bootAddress));
    }
    return new LoadedImage(ImageFormat.RAW_BINARY, List.of(new ImageSegment(bootAddress, image)),
        OptionalLong.empty());
  }
}
