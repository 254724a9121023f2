package dev.vboard.emulator.arm;

/**
 * The core's own bus accesses during exception entry and return (vector fetch, stacking,
 * unstacking), which go through the memory map like any access but bypass the instruction
 * engine. A failed access is a bus error the exception model turns into a fault.
 */
public interface SystemBus {

  /** Reads a little-endian word; returns it zero-extended, or -1 on a bus error. */
  long read32(int address);

  /** Writes a little-endian word; false on a bus error. */
  boolean write32(int address, int value);
}
