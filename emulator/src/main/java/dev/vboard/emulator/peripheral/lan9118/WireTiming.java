package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.time.VirtualClock;

/**
 * How long a frame occupies the wire (IEEE 802.3 clause 4.4.2): 8 bytes of preamble and SFD,
 * the frame padded to the 60-byte minimum, the 4-byte FCS, then a 96-bit interframe gap before
 * the next frame may start.
 */
final class WireTiming {
  private WireTiming() { }

  static final int PREAMBLE_BYTES = 8;
  static final int MIN_FRAME_BYTES = 60;
  static final int FCS_BYTES = 4;
  static final int IFG_BITS = 96;

  /** Core cycles from the first preamble bit to the last FCS bit of a {@code len}-byte frame. */
  static long frameCycles(VirtualClock clock, int len, int nanosPerBit) {
    long bits = 8L * (PREAMBLE_BYTES + Math.max(len, MIN_FRAME_BYTES) + FCS_BYTES);
    return clock.nanosToCycles(bits * nanosPerBit);
  }

  /** Core cycles of the interframe gap. */
  static long gapCycles(VirtualClock clock, int nanosPerBit) {
    return clock.nanosToCycles((long) IFG_BITS * nanosPerBit);
  }
}
