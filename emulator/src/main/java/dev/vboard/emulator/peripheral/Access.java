package dev.vboard.emulator.peripheral;

/** How the guest may access a register, as the datasheets' register tables state it. */
public enum Access {
  /** Read and write. */
  RW,
  /** Read only; writes are a guest error and are ignored. */
  RO,
  /** Write only; reads are a guest error and return zero. */
  WO,
  /** Read; writing a one clears that bit, writing zero leaves it. */
  W1C,
  /** Reading returns the value and has a side effect (clears, pops a FIFO). */
  RC
}
