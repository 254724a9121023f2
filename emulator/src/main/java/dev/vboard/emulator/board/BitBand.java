package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;

/**
 * A Cortex-M3 bit-band alias region (ARMv7-M ARM, A3.7.3 "Bit-banding"; Cortex-M3 TRM 3.7):
 * word {@code n} of the alias is bit {@code n % 8} of byte {@code n / 8} of the target region.
 * A read returns that bit in bit 0; a write stores bit 0 of the value into it with a
 * read-modify-write of the target byte, as QEMU's {@code bitband_writel} does.
 */
final class BitBand implements MmioDevice {

  /** Byte access to the target region (RAM or peripherals). */
  interface ByteBus {
    int readByte(long address);

    void writeByte(long address, int value);
  }

  private final ByteBus bus;
  private final long target;

  BitBand(ByteBus bus, long target) {
    this.bus = bus;
    this.target = target;
  }

  @Override
  public int read(int offset, int size) {
    long bitIndex = (offset & 0xffffffffL) >>> 2;
    int b = bus.readByte(target + bitIndex / 8);
    return (b >>> (bitIndex % 8)) & 1;
  }

  @Override
  public void write(int offset, int size, int value) {
    long bitIndex = (offset & 0xffffffffL) >>> 2;
    long address = target + bitIndex / 8;
    int mask = 1 << (bitIndex % 8);
    int b = bus.readByte(address);
    bus.writeByte(address, (value & 1) != 0 ? b | mask : b & ~mask);
  }

  @Override
  public void reset() {
    // No state: the bits live in the target region.
  }
}
