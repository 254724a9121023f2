package dev.vboard.emulator.peripheral.lan9118;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EthernetCrcTest {

  @Test
  void fcsIsTheCrc32CheckValueLeastSignificantByteFirst() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(new byte[] {0x26, 0x39, (byte) 0xf4, (byte) 0xcb},
        EthernetCrc.fcs(check, check.length));
  }

  /**
   * QEMU's value is zlib's crc32 seeded with ~0 (a register starting at 0), byte-swapped: for
   * "123456789" that CRC is 0xd202d277 (Python's {@code zlib.crc32(b"123456789", 0xffffffff)}),
   * stored big-endian.
   */
  @Test
  void qemuRxCrcIsZlibCrc32SeededWithAllOnesByteSwapped() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(new byte[] {(byte) 0xd2, 0x02, (byte) 0xd2, 0x77},
        EthernetCrc.qemuRxCrc(check, check.length));
  }

  @Test
  void broadcastHashesToTheTopBitOfHashh() {
    // All-ones input keeps the register all ones for the first bits: index 0x3f.
    assertEquals(0x3f, EthernetCrc.hashIndex(new byte[] {-1, -1, -1, -1, -1, -1}));
  }

  /** The MSB-first register without final inversion is the bit-reversed complement of CRC-32. */
  @Property
  void hashIndexIsTheTopOfTheBigEndianCrc(@ForAll @Size(6) byte[] addr) {
    CRC32 crc = new CRC32();
    crc.update(addr);
    int bigEndian = Integer.reverse(~(int) crc.getValue());
    assertEquals(bigEndian >>> 26, EthernetCrc.hashIndex(addr));
  }
}
