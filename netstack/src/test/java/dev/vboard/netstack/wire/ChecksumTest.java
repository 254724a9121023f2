package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChecksumTest {

  /** An IPv4 header captured from the wire (10.0.2.15 -> 10.0.2.2, TCP), checksum 0x22ae. */
  private static final byte[] IPV4_HEADER = {
      0x45, 0x00, 0x00, 0x3c, 0x1c, 0x46, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00,
      0x0a, 0x00, 0x02, 0x0f, 0x0a, 0x00, 0x02, 0x02};

  @Test
  void computesTheHeaderChecksumAndVerifiesToZero() {
    byte[] header = IPV4_HEADER.clone();
    int sum = Checksum.compute(header, 0, header.length);
    header[10] = (byte) (sum >>> 8);
    header[11] = (byte) sum;
    assertEquals(0, Checksum.compute(header, 0, header.length));
  }

  @Test
  void oddLengthIsPaddedWithZero() {
    byte[] odd = {0x01, 0x02, 0x03};
    byte[] even = {0x01, 0x02, 0x03, 0x00};
    assertEquals(Checksum.compute(even, 0, 4), Checksum.compute(odd, 0, 3));
  }

  @Test
  void rfc1071Example() {
    // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to 0xddf2 after folding.
    byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
    assertEquals(~0xddf2 & 0xffff, Checksum.compute(data, 0, data.length));
  }
}
