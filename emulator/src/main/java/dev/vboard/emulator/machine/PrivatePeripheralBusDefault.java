package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the Private Peripheral Bus (0xE0000000-0xE00FFFFF) vboard does not model: ITM,
 * DWT, FPB, TPIU and the rest around the system control space. As QEMU 7.2's armv7m
 * "ppb-default" region: privileged accesses are those of an {@link UnimplementedDevice} (read
 * zero, ignore writes, logged); unprivileged ones are bus errors, a precise BusFault, as the
 * PPB is privileged only (ARMv7-M ARM B3.1).
 */
final class PrivatePeripheralBusDefault implements MmioDevice {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  private final long base;
  private final MmioDevice privileged;
  private final BooleanSupplier unprivileged;
  private final IntConsumer busError;

  PrivatePeripheralBusDefault(long base, BooleanSupplier unprivileged, IntConsumer busError) {
    this.base = base;
    this.privileged = new UnimplementedDevice("ppb", base);
    this.unprivileged = unprivileged;
    this.busError = busError;
  }

  @Override
  public int read(int offset, int size) {
    return refused(offset, "read") ? 0 : privileged.read(offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    if (!refused(offset, "write")) {
      privileged.write(offset, size, value);
    }
  }

  private boolean refused(int offset, String what) {
    if (!unprivileged.getAsBoolean()) {
      return false;
    }
    long address = base + (offset & 0xffffffffL);
    GUEST.warn("PPB: unprivileged {} at 0x{}", what, Long.toHexString(address));
    busError.accept((int) address);
    return true;
  }

  @Override
  public void reset() {
  }
}
