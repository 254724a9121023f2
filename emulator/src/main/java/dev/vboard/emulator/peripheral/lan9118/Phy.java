package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.GuestError;

/**
 * The LAN9118's internal 10/100 PHY at MII address 1 (datasheet 5.5), reached through the MAC's
 * MII_ACC/MII_DATA registers. The cable is always plugged into a 10/100 full-duplex,
 * autonegotiating partner unless {@link #setLinkUp} says otherwise.
 *
 * <p>As in QEMU: autonegotiation completes at once; ID1/ID2 read 0x0007/0xc0d1; link up raises
 * the ENERGYON and autonegotiation-complete interrupt sources, link down the link-down source;
 * reading the interrupt source register clears it. Beyond QEMU: the link status bit of the basic
 * status register latches low until read (IEEE 802.3 22.2.4.2.13), the link partner ability
 * reads zero while the link is down, the mode control, special modes and special control/status
 * registers (17, 18, 27, 31) exist, and the negotiated speed sets the wire rate.
 */
final class Phy {
  /** The internal PHY's MII address (datasheet 5.5: "PHY address 00001b"). */
  static final int ADDRESS = 1;

  static final int BCR = 0;
  static final int BSR = 1;
  static final int ID1 = 2;
  static final int ID2 = 3;
  static final int ANAR = 4;
  static final int ANLPAR = 5;
  static final int ANER = 6;
  static final int MCSR = 17;
  static final int SMR = 18;
  static final int SCSIR = 27;
  static final int ISR = 29;
  static final int IMR = 30;
  static final int PSCSR = 31;

  static final int BCR_RESET = 1 << 15;
  static final int BCR_LOOPBACK = 1 << 14;
  static final int BCR_SPEED_100 = 1 << 13;
  static final int BCR_AN_ENABLE = 1 << 12;
  static final int BCR_POWER_DOWN = 1 << 11;
  static final int BCR_ISOLATE = 1 << 10;
  static final int BCR_AN_RESTART = 1 << 9;
  static final int BCR_FULL_DUPLEX = 1 << 8;
  static final int BCR_WRITABLE = 0x7980;

  /** 100BASE-TX FD/HD, 10BASE-T FD/HD, AN ability, extended capabilities. */
  static final int BSR_CAPABILITIES = 0x7809;
  static final int BSR_AN_COMPLETE = 1 << 5;
  static final int BSR_LINK = 1 << 2;

  static final int ANAR_100 = (1 << 8) | (1 << 7);
  static final int ANAR_WRITABLE = 0x2de0;
  static final int ANAR_SELECTOR_8023 = 0x0001;
  /** The partner: 10/100 half and full duplex, symmetric pause, acknowledge. */
  static final int LINK_PARTNER = 0x4000 | 0x0400 | 0x01e0 | ANAR_SELECTOR_8023;

  static final int MCSR_ENERGYON = 1 << 1;
  static final int MCSR_WRITABLE = (1 << 13) | (1 << 9) | (1 << 6);
  /** MODE = 111 (all capable, autonegotiation), PHYAD = 1. */
  static final int SMR_DEFAULT = 0x00e0 | ADDRESS;
  static final int PSCSR_AUTODONE = 1 << 12;
  static final int PSCSR_4B5B = 1 << 6;

  static final int INT_ENERGYON = 1 << 7;
  static final int INT_AN_COMPLETE = 1 << 6;
  static final int INT_REMOTE_FAULT = 1 << 5;
  static final int INT_LINK_DOWN = 1 << 4;
  static final int INT_AN_LP_ACK = 1 << 3;
  static final int INT_PARALLEL_FAULT = 1 << 2;
  static final int INT_AN_PAGE = 1 << 1;
  static final int INT_MASKABLE = 0xfe;

  private final String device;
  private boolean linkUp = true;
  private boolean linkLatchedLow;
  private int bcr;
  private int anar;
  private int mcsr;
  private int smr;
  private int scsir;
  private int pscsr;
  private int intSource;
  private int intMask;

  Phy(String device) {
    this.device = device;
    reset();
  }

  /** Power-on / PHY_RST / BCR.RESET state (QEMU's phy_reset; datasheet 5.5 defaults). */
  void reset() {
    bcr = BCR_SPEED_100 | BCR_AN_ENABLE;
    anar = 0x01e1;
    mcsr = 0;
    smr = SMR_DEFAULT;
    scsir = 0;
    pscsr = PSCSR_4B5B;
    intMask = 0;
    intSource = 0;
    linkLatchedLow = false;
    if (linkUp) {
      intSource |= INT_ENERGYON | INT_AN_COMPLETE;
    } else {
      intSource |= INT_LINK_DOWN;
    }
  }

  boolean linkUp() {
    return linkUp;
  }

  /** Plugs or unplugs the cable; the change raises the matching interrupt source. */
  void setLinkUp(boolean up) {
    if (up == linkUp) {
      return;
    }
    linkUp = up;
    if (up) {
      intSource |= INT_ENERGYON | INT_AN_COMPLETE;
    } else {
      intSource |= INT_LINK_DOWN;
      linkLatchedLow = true;
    }
  }

  /** The PHY's interrupt output, which INT_STS.PHY_INT follows. */
  boolean interruptPending() {
    return (intSource & intMask) != 0;
  }

  /** Frames go from the transmitter straight back to the receiver (BCR loopback). */
  boolean loopback() {
    return (bcr & BCR_LOOPBACK) != 0;
  }

  /** Whether frames can cross the cable now. */
  boolean carrier() {
    return linkUp && (bcr & (BCR_POWER_DOWN | BCR_ISOLATE)) == 0;
  }

  /** Nanoseconds per bit at the negotiated (or forced) speed: 10 at 100 Mbit/s, 100 at 10. */
  int nanosPerBit() {
    boolean fast = (bcr & BCR_AN_ENABLE) != 0
        ? (anar & LINK_PARTNER & ANAR_100) != 0
        : (bcr & BCR_SPEED_100) != 0;
    return fast ? 10 : 100;
  }

  /** Reads PHY register {@code reg}; reading ISR clears it. */
  int read(int reg) {
    return switch (reg) {
      case BCR -> bcr;
      case BSR -> readBsr();
      case ID1 -> 0x0007;
      case ID2 -> 0xc0d1;
      case ANAR -> anar;
      case ANLPAR -> anComplete() ? LINK_PARTNER : 0;
      case ANER -> 1; // the link partner is autonegotiation-able
      case MCSR -> mcsr | (linkUp ? MCSR_ENERGYON : 0);
      case SMR -> smr;
      case SCSIR -> scsir;
      case ISR -> {
        int v = intSource;
        intSource = 0;
        yield v;
      }
      case IMR -> intMask;
      case PSCSR -> pscsr | (anComplete() ? PSCSR_AUTODONE | speedIndication() : 0);
      default -> {
        GuestError.log(device, "read of unimplemented PHY register %d", reg);
        yield 0;
      }
    };
  }

  /** Writes PHY register {@code reg} with the 16-bit {@code value}. */
  void write(int reg, int value) {
    switch (reg) {
      case BCR -> writeBcr(value);
      case ANAR -> anar = (value & ANAR_WRITABLE) | ANAR_SELECTOR_8023;
      case MCSR -> mcsr = value & MCSR_WRITABLE;
      case SMR -> {
        if ((value & 0x1f) != ADDRESS) {
          GuestError.unimplemented(device, "changing the PHY address (SMR=0x%04x)", value);
        }
        smr = (value & 0x00e0) | ADDRESS;
      }
      case SCSIR -> scsir = value & 0xa810;
      case IMR -> intMask = value & INT_MASKABLE;
      case PSCSR -> pscsr = value & PSCSR_4B5B;
      case BSR, ID1, ID2, ANLPAR, ANER, ISR ->
          GuestError.log(device, "write of 0x%04x to read-only PHY register %d", value, reg);
      default -> GuestError.log(device, "write of 0x%04x to unimplemented PHY register %d",
          value, reg);
    }
  }

  private void writeBcr(int value) {
    if ((value & BCR_RESET) != 0) {
      reset();
      return;
    }
    boolean restart = (value & BCR_AN_RESTART) != 0
        || ((value & BCR_AN_ENABLE) != 0 && (bcr & BCR_AN_ENABLE) == 0);
    if ((value & (BCR_POWER_DOWN | BCR_ISOLATE)) != 0) {
      GuestError.unimplemented(device, "PHY power-down/isolate (BCR=0x%04x): no carrier", value);
    }
    bcr = value & BCR_WRITABLE;
    // Autonegotiation with the always-present partner completes at once, as in QEMU.
    if (restart && (bcr & BCR_AN_ENABLE) != 0 && linkUp) {
      intSource |= INT_AN_COMPLETE;
    }
  }

  private int readBsr() {
    boolean link = linkUp && !linkLatchedLow;
    linkLatchedLow = false;
    return BSR_CAPABILITIES | (link ? BSR_LINK : 0) | (anComplete() ? BSR_AN_COMPLETE : 0);
  }

  private boolean anComplete() {
    return linkUp && (bcr & BCR_AN_ENABLE) != 0;
  }

  /** PSCSR bits 4:2: 001 10BASE-T HD, 101 10BASE-T FD, 010 100BASE-TX HD, 110 100BASE-TX FD. */
  private int speedIndication() {
    int common = anar & LINK_PARTNER;
    boolean fast = nanosPerBit() == 10;
    boolean full = (common & (fast ? 1 << 8 : 1 << 6)) != 0;
    return ((fast ? 0b010 : 0b001) | (full ? 0b100 : 0)) << 2;
  }
}
