package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.machine.GuestMemory;

/**
 * A second view of RAM at another address, like QEMU's memory_region_init_alias: AN385 mirrors
 * SSRAM1, SSRAM2/3 and block RAM. Accesses are forwarded to the target through
 * {@link GuestMemory}, so both views always agree.
 *
 * <p>Known limit: the mirror is an MMIO region for the CPU core, so data accesses work but code
 * cannot be executed from the mirror (QEMU can). A machine-level alias mapping would lift it.
 */
final class MemoryMirror implements MmioDevice {
  private final GuestMemory memory;
  private final long target;

  MemoryMirror(GuestMemory memory, long target) {
    this.memory = memory;
    this.target = target;
  }

  @Override
  public int read(int offset, int size) {
    byte[] b = memory.read(target + (offset & 0xffffffffL), size);
    int v = 0;
    for (int i = size - 1; i >= 0; i--) {
      v = v << 8 | (b[i] & 0xff);
    }
    return v;
  }

  @Override
  public void write(int offset, int size, int value) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (value >>> (8 * i));
    }
    memory.write(target + (offset & 0xffffffffL), b);
  }

  @Override
  public void reset() {
    // RAM keeps its contents across reset; the mirror has no state of its own.
  }
}
