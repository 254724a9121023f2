package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the Private Peripheral Bus (0xE0000000-0xE00FFFFF) vboard does not model: ITM,
 * DWT, FPB, TPIU and the rest around the system control space. As QEMU 7.2's armv7m
 * "ppb-default" region: privileged accesses read zero and ignore writes (logged as guest
 * errors); unprivileged ones are bus errors, a precise BusFault, as the PPB is privileged only
 * (ARMv7-M ARM B3.1).
 */
final class PrivatePeripheralBusDefault implements MmioDevice {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  private final long base;
  private final BooleanSupplier unprivileged;
  private final IntConsumer busError;

  PrivatePeripheralBusDefault(long base, BooleanSupplier unprivileged, IntConsumer busError) {
    this.base = base;
    this.unprivileged = unprivileged;
    this.busError = busError;
  }

  @Override
  public int read(int offset, int size) {
    long address = base + (offset & 0xffffffffL);
    if (refused(address, "read")) {
      return 0;
    }
    GUEST.info("unassigned PPB: {}-byte read at 0x{}", size, Long.toHexString(address));
    return 0;
  }

  @Override
  public void write(int offset, int size, int value) {
    long address = base + (offset & 0xffffffffL);
    if (refused(address, "write")) {
      return;
    }
    GUEST.info("unassigned PPB: {}-byte write of 0x{} at 0x{}", size,
        Integer.toHexString(value), Long.toHexString(address));
  }

  private boolean refused(long address, String what) {
    if (!unprivileged.getAsBoolean()) {
      return false;
    }
    GUEST.warn("PPB: unprivileged {} at 0x{}", what, Long.toHexString(address));
    busError.accept((int) address);
    return true;
  }

  @Override
  public void reset() {
  }
}
