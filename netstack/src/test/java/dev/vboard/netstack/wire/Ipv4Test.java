package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Ipv4Test {
  /** RFC 791 header, 10.0.2.15 to 10.0.2.2, UDP, DF, TTL 64, ident 0, carrying a UDP datagram. */
  static final byte[] PACKET = {
      0x45, 0x00, 0x00, 0x21, 0x00, 0x00, 0x40, 0x00,
      0x40, 0x11, 0x22, (byte) 0xbc, 0x0a, 0x00, 0x02, 0x0f,
      0x0a, 0x00, 0x02, 0x02, 0x04, (byte) 0xd2, 0x00, 0x07,
      0x00, 0x0d, (byte) 0x9f, 0x18, 0x68, 0x65, 0x6c, 0x6c,
      0x6f};
  static final Ipv4Repr REPR = new Ipv4Repr(Ipv4Address.parse("10.0.2.15"),
      Ipv4Address.parse("10.0.2.2"), IpProtocol.UDP, 13, 64);

  @Test
  void deconstruct() throws WireException {
    Ipv4Packet p = Ipv4Packet.wrap(PACKET);
    assertEquals(4, p.version());
    assertEquals(20, p.headerLen());
    assertEquals(0, p.tos());
    assertEquals(33, p.totalLen());
    assertEquals(0, p.ident());
    assertTrue(p.dontFragment());
    assertFalse(p.moreFragments());
    assertEquals(0, p.fragmentOffset());
    assertEquals(64, p.ttl());
    assertEquals(IpProtocol.UDP, p.protocol());
    assertEquals(0x22bc, p.checksum());
    assertTrue(p.verifyChecksum());
    assertEquals(0x0a00020f, p.src());
    assertEquals(0x0a000202, p.dst());
    assertEquals(20, p.payloadOffset());
    assertEquals(13, p.payloadLength());
  }

  @Test
  void construct() throws WireException {
    byte[] buf = new byte[PACKET.length];
    REPR.emit(buf, 0);
    System.arraycopy(PACKET, 20, buf, 20, 13);
    Ipv4Packet p = Ipv4Packet.wrap(buf);
    p.setTtl(64);
    p.fillChecksum();
    assertArrayEquals(PACKET, buf);
  }

  @Test
  void parse() throws WireException {
    assertEquals(REPR, Ipv4Repr.parse(Ipv4Packet.wrap(PACKET)));
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen()];
    REPR.emit(buf, 0);
    assertArrayEquals(Arrays.copyOf(PACKET, 20), buf);
  }

  @Test
  void ethernetPaddingAfterTotalLengthIsIgnored() throws WireException {
    byte[] padded = Arrays.copyOf(PACKET, 46);
    Ipv4Packet p = Ipv4Packet.wrap(padded);
    assertEquals(REPR, Ipv4Repr.parse(p));
    assertEquals(13, p.payloadLength());
  }

  @Test
  void badHeaderChecksumIsRejected() {
    assertKind(WireException.Kind.BAD_CHECKSUM, mutate(11, 0xbd));
  }

  @Test
  void totalLengthBeyondTheBufferIsTruncated() {
    assertKind(WireException.Kind.TRUNCATED, withChecksum(mutate(3, 0x40)));
  }

  @Test
  void totalLengthBelowTheHeaderIsBadLength() {
    assertKind(WireException.Kind.BAD_LENGTH, withChecksum(mutate(3, 0x10)));
  }

  @Test
  void ihlBelowFiveIsBadLength() {
    assertKind(WireException.Kind.BAD_LENGTH, mutate(0, 0x44));
  }

  @Test
  void versionSixIsUnsupported() {
    assertKind(WireException.Kind.UNSUPPORTED, mutate(0, 0x65));
  }

  @Test
  void fragmentsAreRejected() {
    assertKind(WireException.Kind.FRAGMENTED, withChecksum(mutate(6, 0x20)));
    byte[] laterFragment = mutate(6, 0x00);
    laterFragment[7] = 0x10;
    assertKind(WireException.Kind.FRAGMENTED, withChecksum(laterFragment));
  }

  @Test
  void optionsAreSkipped() throws WireException {
    // IHL 6: one 4-byte option word (NOPs and an end-of-list) between header and payload.
    byte[] buf = new byte[PACKET.length + 4];
    System.arraycopy(PACKET, 0, buf, 0, 20);
    buf[20] = 1;
    buf[21] = 1;
    buf[22] = 1;
    buf[23] = 0;
    System.arraycopy(PACKET, 20, buf, 24, 13);
    buf[0] = 0x46;
    buf[3] = (byte) buf.length;
    Ipv4Packet p = Ipv4Packet.wrap(buf);
    p.fillChecksum();
    assertEquals(REPR, Ipv4Repr.parse(p));
    assertEquals(24, p.payloadOffset());
  }

  private static byte[] mutate(int index, int value) {
    byte[] b = PACKET.clone();
    b[index] = (byte) value;
    return b;
  }

  private static byte[] withChecksum(byte[] b) {
    try {
      Ipv4Packet.wrap(b).fillChecksum();
    } catch (WireException e) {
      throw new AssertionError(e);
    }
    return b;
  }

  private static void assertKind(WireException.Kind kind, byte[] packet) {
    WireException e = assertThrows(WireException.class,
        () -> Ipv4Repr.parse(Ipv4Packet.wrap(packet)));
    assertEquals(kind, e.kind(), e.getMessage());
  }

  @Property
  void parseOfEmitIsIdentity(@ForAll int src, @ForAll int dst,
      @ForAll @IntRange(max = 255) int proto, @ForAll @IntRange(max = 1480) int len,
      @ForAll @IntRange(max = 255) int ttl) throws WireException {
    Ipv4Repr r = new Ipv4Repr(src, dst, proto, len, ttl);
    byte[] buf = new byte[r.totalLen()];
    r.emit(buf, 0);
    assertEquals(r, Ipv4Repr.parse(Ipv4Packet.wrap(buf)));
  }
}
