package dev.vboard.emulator.bus;

/**
 * A memory-mapped peripheral as the bus sees it. Offsets are relative to the device's base.
 *
 * <p>Contract: never throw for a guest access. An unknown offset or an unimplemented bit is a
 * guest error: log it (logger {@code vboard.guest}) and read as zero / ignore the write.
 * Callbacks run mid-block on the simulation thread; they must not stop the CPU themselves. To
 * change interrupt state, drive an {@link dev.vboard.emulator.irq.IrqLine}; the CPU core checks
 * for newly pending interrupts at the next block boundary.
 */
public interface MmioDevice {

  /** Reads {@code size} (1, 2 or 4) bytes at {@code offset}; the result is zero-extended. */
  int read(int offset, int size);

  /** Writes the low {@code size} (1, 2 or 4) bytes of {@code value} at {@code offset}. */
  void write(int offset, int size, int value);

  /** Puts the device into its power-on state (also on AIRCR.SYSRESETREQ). */
  void reset();
}
