package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.function.IntConsumer;

/**
 * A device smaller than the 4 KiB page Unicorn must map for it, with nothing behind the rest of
 * the page: offsets below {@code size} reach the device, the others are the bus errors QEMU
 * gives there (its LAN9118 on mps2-an385 decodes 256 bytes, and 0x40200100 faults).
 */
final class PageTail implements MmioDevice {
  private final MmioDevice device;
  private final long size;
  private final CatchAllDevice tail;

  PageTail(MmioDevice device, long base, long size, IntConsumer abort) {
    this.device = device;
    this.size = size;
    this.tail = new CatchAllDevice(base + size, abort);
  }

  @Override
  public int read(int offset, int size) {
    long at = offset & 0xffffffffL;
    return at < this.size ? device.read(offset, size) : tail.read((int) (at - this.size), size);
  }

  @Override
  public void write(int offset, int size, int value) {
    long at = offset & 0xffffffffL;
    if (at < this.size) {
      device.write(offset, size, value);
    } else {
      tail.write((int) (at - this.size), size, value);
    }
  }

  @Override
  public void reset() {
    device.reset();
  }
}
