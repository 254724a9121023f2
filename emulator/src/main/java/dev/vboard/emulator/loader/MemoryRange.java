package dev.vboard.emulator.loader;

/** A region of the board's memory map that an image may be loaded into (RAM or ROM). */
public record MemoryRange(String name, long base, long size) {

  public MemoryRange {
    if (base < 0 || size <= 0) {
      throw new IllegalArgumentException(
          "bad memory range " + name + ": base " + base + ", size " + size);
    }
  }

  /** One past the last byte. */
  public long end() {
    return base + size;
  }
}
