package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Covers unmapped address space. Left unmapped, Unicorn would end the run at the end of the
 * block with part of it executed and the count lost; as an MMIO region the access reaches us,
 * and stopping the engine from here aborts exactly this access with the registers as they were
 * before the instruction. The core then raises a precise BusFault on it (QEMU reports data bus
 * errors as precise).
 */
final class CatchAllDevice implements MmioDevice {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  private final long base;
  private final IntConsumer abort;

  /** @param abort stops the core on the access, given the address (the CPU core's abort) */
  CatchAllDevice(long base, IntConsumer abort) {
    this.base = base;
    this.abort = abort;
  }

  @Override
  public int read(int offset, int size) {
    fault(offset, false);
    return 0;
  }

  @Override
  public void write(int offset, int size, int value) {
    fault(offset, true);
  }

  private void fault(int offset, boolean write) {
    int address = (int) (base + (offset & 0xffffffffL));
    GUEST.warn("bus error: {} of unmapped address 0x{}", write ? "write" : "read",
        Integer.toHexString(address));
    abort.accept(address);
  }

  @Override
  public void reset() {
  }
}
