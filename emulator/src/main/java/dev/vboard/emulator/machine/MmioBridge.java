package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.unicorn.UnicornLib;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts an {@link MmioDevice} to Unicorn's MMIO callbacks. A Java exception must never unwind
 * through the engine's native frames, so a device that throws despite its contract is logged
 * as a guest-visible error and the access reads zero.
 */
final class MmioBridge implements UnicornLib.MmioRead, UnicornLib.MmioWrite {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  private final String name;
  private final MmioDevice device;

  MmioBridge(String name, MmioDevice device) {
    this.name = name;
    this.device = device;
  }

  @Override
  public long invoke(Pointer uc, long offset, int size, Pointer userData) {
    try {
      return device.read((int) offset, size) & 0xffffffffL;
    } catch (RuntimeException e) {
      GUEST.error("{}: read at offset 0x{} failed", name, Long.toHexString(offset), e);
      return 0;
    }
  }

  @Override
  public void invoke(Pointer uc, long offset, int size, long value, Pointer userData) {
    try {
      device.write((int) offset, size, (int) value);
    } catch (RuntimeException e) {
      GUEST.error("{}: write at offset 0x{} failed", name, Long.toHexString(offset), e);
    }
  }
}
