package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.unicorn.UnicornLib;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts an {@link MmioDevice} to Unicorn's MMIO callbacks. A Java exception must never unwind
 * through the engine's native frames, so a device that throws despite its contract is logged
 * as a guest-visible error and the access reads zero. With {@code --trace mmio} every access is
 * logged (logger {@code vboard.mmio}, TRACE): device, address, offset, size and value.
 */
final class MmioBridge implements UnicornLib.MmioRead, UnicornLib.MmioWrite {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");
  private static final Logger MMIO = LoggerFactory.getLogger("vboard.mmio");

  private final String name;
  private final long base;
  private final MmioDevice device;

  MmioBridge(String name, long base, MmioDevice device) {
    this.name = name;
    this.base = base;
    this.device = device;
  }

  @Override
  public long invoke(Pointer uc, long offset, int size, Pointer userData) {
    long value;
    try {
      value = device.read((int) offset, size) & 0xffffffffL;
    } catch (RuntimeException e) {
      GUEST.error("{}: read at offset 0x{} failed", name, Long.toHexString(offset), e);
      value = 0;
    }
    if (MMIO.isTraceEnabled()) {
      trace("read ", offset, size, value);
    }
    return value;
  }

  @Override
  public void invoke(Pointer uc, long offset, int size, long value, Pointer userData) {
    if (MMIO.isTraceEnabled()) {
      trace("write", offset, size, value);
    }
    try {
      device.write((int) offset, size, (int) value);
    } catch (RuntimeException e) {
      GUEST.error("{}: write at offset 0x{} failed", name, Long.toHexString(offset), e);
    }
  }

  private void trace(String what, long offset, int size, long value) {
    MMIO.trace(String.format("%s %s 0x%08x (+0x%03x) size %d value 0x%0" + (2 * size) + "x",
        name, what, base + offset, offset, size, value & (size >= 4 ? 0xffffffffL
            : (1L << (8 * size)) - 1)));
  }
}
