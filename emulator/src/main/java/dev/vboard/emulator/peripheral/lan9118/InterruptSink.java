package dev.vboard.emulator.peripheral.lan9118;

/** How a part of the controller latches events into INT_STS (datasheet 5.3). */
@FunctionalInterface
interface InterruptSink {

  /** Sets {@code bits} (INT_STS bit positions, see {@link IntSts}) and updates the IRQ pin. */
  void raise(int bits);
}
