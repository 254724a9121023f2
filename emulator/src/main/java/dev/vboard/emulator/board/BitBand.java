package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;

/**
 * A Cortex-M3 bit-band alias region (ARMv7-M ARM, A3.7.3 "Bit-banding"; Cortex-M3 TRM 3.7):
 * word {@code n} of the alias is bit {@code n % 8} of byte {@code n / 8} of the target region.
 * As QEMU's {@code bitband_read}/{@code bitband_write} (hw/arm/armv7m.c) do, the access to the
 * target has the size of the alias access, at the target address rounded down to that size:
 * a word access reads (and for a write, read-modify-writes) the whole aligned word holding the
 * bit. That matters for peripherals, whose registers answer only word accesses at their exact
 * offsets (a byte access to the second byte of a register reads as 0 on most of them).
 */
final class BitBand implements MmioDevice {

  /** Sized access (1, 2 or 4 bytes, little-endian) to the target region. */
  interface Bus {
    int read(long address, int size);

    void write(long address, int size, int value);
  }

  private final Bus bus;
  private final long target;

  BitBand(Bus bus, long target) {
    this.bus = bus;
    this.target = target;
  }

  /** Address of the {@code size}-byte unit of the target that holds the bit. */
  private long unit(int offset, int size) {
    return (target + ((offset & 0xffffffffL) >>> 5)) & -(long) size;
  }

  /** The bit's position within that unit. */
  private static int bitInUnit(int offset, int size) {
    return ((offset & 0xffffffff) >>> 2) & (8 * size - 1);
  }

  @Override
  public int read(int offset, int size) {
    return (bus.read(unit(offset, size), size) >>> bitInUnit(offset, size)) & 1;
  }

  @Override
  public void write(int offset, int size, int value) {
    long address = unit(offset, size);
    int mask = 1 << bitInUnit(offset, size);
    int old = bus.read(address, size);
    bus.write(address, size, (value & 1) != 0 ? old | mask : old & ~mask);
  }

  @Override
  public void reset() {
    // No state: the bits live in the target region.
  }
}
