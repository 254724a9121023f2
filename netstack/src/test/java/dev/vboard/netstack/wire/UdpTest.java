package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UdpTest {
  static final int SRC = Ipv4Address.parse("10.0.2.15");
  static final int DST = Ipv4Address.parse("10.0.2.2");
  /** RFC 768 datagram 10.0.2.15:1234 to 10.0.2.2:7 carrying "hello". */
  static final byte[] DATAGRAM = {
      0x04, (byte) 0xd2, 0x00, 0x07, 0x00, 0x0d, (byte) 0x9f, 0x18,
      0x68, 0x65, 0x6c, 0x6c, 0x6f};
  static final byte[] DATA = "hello".getBytes(StandardCharsets.US_ASCII);
  static final UdpRepr REPR = new UdpRepr(1234, 7);

  @Test
  void deconstruct() throws WireException {
    UdpPacket p = UdpPacket.wrap(DATAGRAM);
    assertEquals(1234, p.srcPort());
    assertEquals(7, p.dstPort());
    assertEquals(13, p.length());
    assertEquals(0x9f18, p.checksum());
    assertTrue(p.verifyChecksum(SRC, DST));
    assertArrayEquals(DATA, p.payload());
  }

  @Test
  void construct() {
    assertArrayEquals(DATAGRAM, REPR.datagram(SRC, DST, DATA));
  }

  @Test
  void parse() throws WireException {
    assertEquals(REPR, UdpRepr.parse(UdpPacket.wrap(DATAGRAM), SRC, DST));
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen(DATA.length) + 2];
    REPR.emit(buf, 2, SRC, DST, DATA, 0, DATA.length);
    byte[] slice = new byte[DATAGRAM.length];
    System.arraycopy(buf, 2, slice, 0, slice.length);
    assertArrayEquals(DATAGRAM, slice);
  }

  @Test
  void zeroChecksumMeansNoneAndIsAccepted() throws WireException {
    byte[] none = DATAGRAM.clone();
    none[6] = 0;
    none[7] = 0;
    assertEquals(REPR, UdpRepr.parse(UdpPacket.wrap(none), SRC, DST));
  }

  @Test
  void checksumCoversThePseudoHeader() {
    WireException e = assertThrows(WireException.class,
        () -> UdpRepr.parse(UdpPacket.wrap(DATAGRAM), SRC, DST + 1));
    assertEquals(WireException.Kind.BAD_CHECKSUM, e.kind());
  }

  @Test
  void lengthFieldLongerThanThePacketIsTruncated() {
    byte[] lying = DATAGRAM.clone();
    lying[5] = 0x20;
    WireException e = assertThrows(WireException.class,
        () -> UdpRepr.parse(UdpPacket.wrap(lying), SRC, DST));
    assertEquals(WireException.Kind.TRUNCATED, e.kind());
  }

  @Test
  void lengthFieldShorterThanTheHeaderIsBadLength() {
    byte[] lying = DATAGRAM.clone();
    lying[5] = 0x04;
    WireException e = assertThrows(WireException.class,
        () -> UdpRepr.parse(UdpPacket.wrap(lying), SRC, DST));
    assertEquals(WireException.Kind.BAD_LENGTH, e.kind());
  }

  @Property
  void parseOfEmitIsIdentity(@ForAll @IntRange(max = 0xffff) int srcPort,
      @ForAll @IntRange(min = 1, max = 0xffff) int dstPort, @ForAll int src, @ForAll int dst,
      @ForAll @Size(max = 64) byte[] data) throws WireException {
    UdpRepr r = new UdpRepr(srcPort, dstPort);
    UdpPacket p = UdpPacket.wrap(r.datagram(src, dst, data));
    assertEquals(r, UdpRepr.parse(p, src, dst));
    assertArrayEquals(data, p.payload());
  }
}
