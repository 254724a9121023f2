package dev.vboard.emulator.loader;

import java.util.Arrays;

/**
 * One contiguous piece of an image: {@code data} goes to guest physical address {@code address}.
 * For an ELF segment {@code data} already holds the zero fill from p_filesz up to p_memsz.
 */
public record ImageSegment(long address, byte[] data) {

  public ImageSegment {
    if (address < 0 || address + data.length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("segment at 0x%x of %d bytes is outside the 32-bit address space", address,
              data.length));
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }

  /** One past the last byte. */
  public long end() {
    return address + data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageSegment s && s.address == address && Arrays.equals(s.data, data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(address) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("ImageSegment[0x%08x, %d bytes]", address, data.length);
  }
}
