package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ArpTest {
  /** RFC 826 request: 52:54:00:12:34:56 at 10.0.2.15 asks who has 10.0.2.2. */
  static final byte[] REQUEST = {
      0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
      0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x0a, 0x00,
      0x02, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x0a, 0x00, 0x02, 0x02};
  static final ArpRepr REPR = new ArpRepr(ArpRepr.REQUEST, MacAddress.parse("52:54:00:12:34:56"),
      Ipv4Address.parse("10.0.2.15"), MacAddress.ZERO, Ipv4Address.parse("10.0.2.2"));

  @Test
  void deconstruct() throws WireException {
    ArpPacket p = ArpPacket.wrap(REQUEST, 0, REQUEST.length);
    assertEquals(1, p.htype());
    assertEquals(0x0800, p.ptype());
    assertEquals(6, p.hlen());
    assertEquals(4, p.plen());
    assertEquals(ArpRepr.REQUEST, p.oper());
    assertEquals(MacAddress.parse("52:54:00:12:34:56"), p.sha());
    assertEquals(0x0a00020f, p.spa());
    assertEquals(MacAddress.ZERO, p.tha());
    assertEquals(0x0a000202, p.tpa());
  }

  @Test
  void construct() {
    byte[] buf = new byte[40];
    REPR.emit(buf, 6);
    byte[] slice = new byte[REQUEST.length];
    System.arraycopy(buf, 6, slice, 0, slice.length);
    assertArrayEquals(REQUEST, slice);
  }

  @Test
  void parse() throws WireException {
    assertEquals(REPR, ArpRepr.parse(ArpPacket.wrap(REQUEST, 0, REQUEST.length)));
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen()];
    REPR.emit(buf, 0);
    assertArrayEquals(REQUEST, buf);
  }

  @Test
  void nonEthernetHardwareIsUnsupported() {
    byte[] bad = REQUEST.clone();
    bad[1] = 6;
    WireException e = assertThrows(WireException.class,
        () -> ArpRepr.parse(ArpPacket.wrap(bad, 0, bad.length)));
    assertEquals(WireException.Kind.UNSUPPORTED, e.kind());
  }

  @Test
  void unknownOperationIsMalformed() {
    byte[] bad = REQUEST.clone();
    bad[7] = 9;
    WireException e = assertThrows(WireException.class,
        () -> ArpRepr.parse(ArpPacket.wrap(bad, 0, bad.length)));
    assertEquals(WireException.Kind.MALFORMED, e.kind());
  }

  @Property
  void parseOfEmitIsIdentity(@ForAll @IntRange(min = 1, max = 2) int op,
      @ForAll @LongRange(max = 0xffff_ffff_ffffL) long sha, @ForAll int spa,
      @ForAll @LongRange(max = 0xffff_ffff_ffffL) long tha, @ForAll int tpa)
      throws WireException {
    ArpRepr r = new ArpRepr(op, new MacAddress(sha), spa, new MacAddress(tha), tpa);
    byte[] buf = new byte[r.bufferLen()];
    r.emit(buf, 0);
    assertEquals(r, ArpRepr.parse(ArpPacket.wrap(buf, 0, buf.length)));
  }
}
