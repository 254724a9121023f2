package dev.vboard.emulator.peripheral.lan9118;

import java.util.zip.CRC32;

/**
 * The IEEE 802.3 CRC-32 in the two forms the MAC uses (IEEE 802.3 clause 3.2.9), and the value
 * QEMU's model appends to received frames instead.
 */
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

  /** The reflected CRC-32 table (polynomial 0xEDB88320). */
  private static final int[] TABLE = new int[256];

  static {
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? 0xedb8_8320 ^ (c >>> 1) : c >>> 1;
      }
      TABLE[n] = c;
    }
  }

  /**
   * The four bytes QEMU 7.2's LAN9118 appends to a received frame in place of the FCS, in FIFO
   * order: {@code bswap32(crc32(~0, frame, len))} with zlib's crc32, whose register then starts at
   * 0 instead of all ones, so the value is not the frame's FCS. Kept so that firmware dumping the
   * RX FIFO sees QEMU's bytes; no driver can check it against QEMU anyway.
   */
  static byte[] qemuRxCrc(byte[] frame, int len) {
    int reg = 0;
    for (int i = 0; i < len; i++) {
      reg = TABLE[(reg ^ frame[i]) & 0xff] ^ (reg >>> 8);
    }
    int v = ~reg;
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
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
