package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A region the board declares but vboard does not model: reads zero, ignores writes, logs. */
final class UnimplementedDevice implements MmioDevice {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  private final String name;
  private final long base;

  UnimplementedDevice(String name, long base) {
    this.name = name;
    this.base = base;
  }

  @Override
  public int read(int offset, int size) {
    GUEST.info("unimplemented {}: {}-byte read at 0x{}", name, size,
        Long.toHexString(base + (offset & 0xffffffffL)));
    return 0;
  }

  @Override
  public void write(int offset, int size, int value) {
    GUEST.info("unimplemented {}: {}-byte write of 0x{} at 0x{}", name, size,
        Integer.toHexString(value), Long.toHexString(base + (offset & 0xffffffffL)));
  }

  @Override
  public void reset() {
  }
}
