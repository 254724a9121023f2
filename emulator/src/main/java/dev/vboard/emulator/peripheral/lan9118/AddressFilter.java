package dev.vboard.emulator.peripheral.lan9118;

/**
 * The MAC's destination address filter (datasheet, "Address Filtering", and the MAC_CR bit
 * descriptions), in the order QEMU applies it: promiscuous; broadcast unless BCAST disables it;
 * all multicast with MCPAS; then perfect or (with HPFILT for multicast, HO for unicast) hash
 * filtering against HASHH:HASHL, perfect filtering inverted by INVFILT.
 */
final class AddressFilter {
  private AddressFilter() { }

  /** Whether a frame to the destination in {@code frame[0..6)} passes. */
  static boolean accepts(byte[] frame, int macCr, MacAddress own, int hashH, int hashL) {
    if ((macCr & MacCsrs.MAC_CR_PRMS) != 0) {
      return true;
    }
    if (isBroadcast(frame)) {
      return (macCr & MacCsrs.MAC_CR_BCAST) == 0;
    }
    boolean multicast = (frame[0] & 1) != 0;
    if (multicast && (macCr & MacCsrs.MAC_CR_MCPAS) != 0) {
      return true;
    }
    boolean hashed = multicast
        ? (macCr & MacCsrs.MAC_CR_HPFILT) != 0
        : (macCr & MacCsrs.MAC_CR_HO) != 0;
    if (hashed) {
      int index = EthernetCrc.hashIndex(frame);
      int table = (index & 0x20) != 0 ? hashH : hashL;
      return ((table >>> (index & 0x1f)) & 1) != 0;
    }
    boolean match = own.matches(frame);
    return (macCr & MacCsrs.MAC_CR_INVFILT) != 0 ? !match : match;
  }

  static boolean isBroadcast(byte[] frame) {
    for (int i = 0; i < MacAddress.LENGTH; i++) {
      if (frame[i] != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }
}
