package dev.vboard.emulator.peripheral.lan9118;

import java.util.zip.CRC32;

/** The IEEE 802.3 CRC-32 in the two forms the MAC uses (IEEE 802.3 clause 3.2.9). */
final class EthernetCrc {
  private EthernetCrc() { }

  private static final int POLY = 0x04c1_1db7;

  /** The frame check sequence of {@code frame[0..len)}, in the order its bytes go on the wire. */
  static byte[] fcs(byte[] frame, int len) {
    CRC32 crc = new CRC32();
    crc.update(frame, 0, len);
    long v = crc.getValue();
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }

  /**
   * The multicast hash index of the destination address at {@code frame[0..6)}: the top six bits
   * of the CRC register after shifting the address in bit by bit, LSB first, without the final
   * inversion (datasheet, "Hash Filtering"; the same value as Linux's
   * {@code ether_crc(6, addr) >> 26}). Bit 5 selects HASHH, bits 4:0 the bit in it.
   */
  static int hashIndex(byte[] frame) {
    int crc = 0xffff_ffff;
    for (int i = 0; i < MacAddress.LENGTH; i++) {
      int b = frame[i];
      for (int bit = 0; bit < 8; bit++, b >>= 1) {
        boolean feedback = ((crc >>> 31) ^ (b & 1)) != 0;
        crc <<= 1;
        if (feedback) {
          crc ^= POLY;
        }
      }
    }
    return crc >>> 26;
  }
}
