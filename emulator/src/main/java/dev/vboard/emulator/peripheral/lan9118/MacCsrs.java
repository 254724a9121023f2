package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.GuestError;
import java.util.Arrays;

/**
 * The MAC control and status registers (datasheet 5.4), which the host reaches one at a time
 * through MAC_CSR_CMD/MAC_CSR_DATA; MII_ACC/MII_DATA in turn reach the {@link Phy}.
 *
 * <p>Every access completes at once, so MAC_CSR_CMD.CSR_BUSY and MII_ACC.MIIBZY always read
 * back 0, as in QEMU. Per the datasheet an MII access starts only when MIIBZY is written as 1;
 * an address other than the internal PHY's reads 0xffff, as an MDIO bus with nobody there.
 * VLAN1/VLAN2, WUFF and WUCSR hold their values (QEMU ignores or rejects them); wake-up and
 * the VLAN frame length rules are not modelled.
 */
final class MacCsrs {

  /** The MAC CSR indices (datasheet table 5.4). */
  static final int MAC_CR = 1;
  static final int ADDRH = 2;
  static final int ADDRL = 3;
  static final int HASHH = 4;
  static final int HASHL = 5;
  static final int MII_ACC = 6;
  static final int MII_DATA = 7;
  static final int FLOW = 8;
  static final int VLAN1 = 9;
  static final int VLAN2 = 10;
  static final int WUFF = 11;
  static final int WUCSR = 12;

  static final int MAC_CR_RXALL = 1 << 31;
  static final int MAC_CR_RCVOWN = 1 << 23;
  static final int MAC_CR_LOOPBK = 1 << 21;
  static final int MAC_CR_FDPX = 1 << 20;
  static final int MAC_CR_MCPAS = 1 << 19;
  static final int MAC_CR_PRMS = 1 << 18;
  static final int MAC_CR_INVFILT = 1 << 17;
  static final int MAC_CR_PASSBAD = 1 << 16;
  static final int MAC_CR_HO = 1 << 15;
  static final int MAC_CR_HPFILT = 1 << 13;
  static final int MAC_CR_BCAST = 1 << 11;
  static final int MAC_CR_TXEN = 1 << 3;
  static final int MAC_CR_RXEN = 1 << 2;
  /** Reserved MAC_CR bits (QEMU's MAC_CR_RESERVED); they read as zero. */
  static final int MAC_CR_RESERVED = 0x7f40_4213;

  static final int MII_BUSY = 1;
  static final int MII_WRITE = 1 << 1;

  private static final int WUFF_WORDS = 8;

  /** Told when MAC_CR changes, with the old and new values. */
  interface Listener {
    void macCrChanged(int before, int after);
  }

  private final String device;
  private final Phy phy;
  private final Listener listener;
  private int macCr;
  private byte[] addr = new byte[MacAddress.LENGTH];
  private int hashH;
  private int hashL;
  private int miiAcc;
  private int miiData;
  private int flow;
  private int vlan1;
  private int vlan2;
  private final int[] wuff = new int[WUFF_WORDS];
  private int wuffIndex;
  private int wucsr;

  MacCsrs(String device, Phy phy, Listener listener) {
    this.device = device;
    this.phy = phy;
    this.listener = listener;
  }

  /**
   * Reset values (datasheet 5.4): MAC_CR has PRMS set; ADDRH/ADDRL come from the EEPROM
   * ({@code mac}) or are all ones when it did not load ({@code null}).
   */
  void reset(MacAddress mac) {
    macCr = MAC_CR_PRMS;
    addr = mac == null ? new byte[] {-1, -1, -1, -1, -1, -1} : mac.bytes();
    hashH = 0;
    hashL = 0;
    miiAcc = 0;
    miiData = 0;
    flow = 0;
    vlan1 = 0;
    vlan2 = 0;
    Arrays.fill(wuff, 0);
    wuffIndex = 0;
    wucsr = 0;
  }

  /** The EEPROM loader (RELOAD) writes the station address. */
  void loadAddress(MacAddress mac) {
    addr = mac.bytes();
  }

  int macCr() {
    return macCr;
  }

  MacAddress address() {
    return MacAddress.of(addr);
  }

  int hashH() {
    return hashH;
  }

  int hashL() {
    return hashL;
  }

  /** Whether {@code index} names a MAC CSR. */
  static boolean exists(int index) {
    return index >= MAC_CR && index <= WUCSR;
  }

  int read(int index) {
    return switch (index) {
      case MAC_CR -> macCr;
      case ADDRH -> (addr[4] & 0xff) | (addr[5] & 0xff) << 8;
      case ADDRL -> (addr[0] & 0xff) | (addr[1] & 0xff) << 8 | (addr[2] & 0xff) << 16
          | (addr[3] & 0xff) << 24;
      case HASHH -> hashH;
      case HASHL -> hashL;
      case MII_ACC -> miiAcc;
      case MII_DATA -> miiData;
      case FLOW -> flow;
      case VLAN1 -> vlan1;
      case VLAN2 -> vlan2;
      case WUFF -> {
        int v = wuff[wuffIndex];
        wuffIndex = (wuffIndex + 1) % WUFF_WORDS;
        yield v;
      }
      case WUCSR -> wucsr;
      default -> {
        GuestError.log(device, "read of unknown MAC CSR %d", index);
        yield 0;
      }
    };
  }

  void write(int index, int value) {
    switch (index) {
      case MAC_CR -> {
        int before = macCr;
        macCr = value & ~MAC_CR_RESERVED;
        listener.macCrChanged(before, macCr);
      }
      case ADDRH -> {
        addr[4] = (byte) value;
        addr[5] = (byte) (value >> 8);
      }
      case ADDRL -> {
        for (int i = 0; i < 4; i++) {
          addr[i] = (byte) (value >> (8 * i));
        }
      }
      case HASHH -> hashH = value;
      case HASHL -> hashL = value;
      case MII_ACC -> writeMiiAcc(value);
      case MII_DATA -> miiData = value & 0xffff;
      // FCBSY (bit 0) would send a pause frame; flow control is not modelled, so it clears.
      case FLOW -> flow = value & 0xffff_0006;
      case VLAN1 -> vlan1 = value & 0xffff;
      case VLAN2 -> vlan2 = value & 0xffff;
      // The wake-up frame filter is a block of eight words written one after the other.
      case WUFF -> {
        wuff[wuffIndex] = value;
        wuffIndex = (wuffIndex + 1) % WUFF_WORDS;
      }
      // GUE, WUEN, MPEN are read/write; WUFR and MPR are write-one-to-clear and never set here.
      case WUCSR -> wucsr = (wucsr & ~(value & 0x60)) | (value & 0x206);
      default -> GuestError.log(device, "write of 0x%08x to unknown MAC CSR %d", value, index);
    }
  }

  /** MII_ACC: bits 15:11 PHY address, 10:6 register, 1 MIIWnR, 0 MIIBZY (datasheet 5.4). */
  private void writeMiiAcc(int value) {
    miiAcc = value & 0xffc2;
    if ((value & MII_BUSY) == 0) {
      return;
    }
    int phyAddr = (value >>> 11) & 0x1f;
    int reg = (value >>> 6) & 0x1f;
    boolean write = (value & MII_WRITE) != 0;
    if (phyAddr != Phy.ADDRESS) {
      if (!write) {
        miiData = 0xffff;
      }
      return;
    }
    if (write) {
      phy.write(reg, miiData);
    } else {
      miiData = phy.read(reg) & 0xffff;
    }
  }
}
