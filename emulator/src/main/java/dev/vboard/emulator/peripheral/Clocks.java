package dev.vboard.emulator.peripheral;

/** Conversions between a peripheral clock and the core clock that drives virtual time. */
final class Clocks {
  private Clocks() { }

  /**
   * Core cycles per tick of a {@code tickHz} clock. Virtual time counts whole core cycles, so the
   * peripheral clock must divide the core clock; a board file that says otherwise is refused.
   */
  static long cyclesPerTick(long coreHz, long tickHz, String device) {
    if (tickHz <= 0 || tickHz > coreHz || coreHz % tickHz != 0) {
      throw new IllegalArgumentException(String.format(
          "%s: clock of %d Hz must divide the %d Hz core clock", device, tickHz, coreHz));
    }
    return coreHz / tickHz;
  }
}
