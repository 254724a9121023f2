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

class IcmpTest {
  /** RFC 792 echo request, identifier 1, sequence number 2, data "abcd". */
  static final byte[] ECHO = {
      0x08, 0x00, 0x33, 0x36, 0x00, 0x01, 0x00, 0x02,
      0x61, 0x62, 0x63, 0x64};
  static final byte[] DATA = "abcd".getBytes(StandardCharsets.US_ASCII);
  static final IcmpRepr REPR = IcmpRepr.echo(IcmpRepr.ECHO_REQUEST, 1, 2);

  @Test
  void deconstruct() throws WireException {
    IcmpPacket p = IcmpPacket.wrap(ECHO, 0, ECHO.length);
    assertEquals(8, p.type());
    assertEquals(0, p.code());
    assertEquals(0x3336, p.checksum());
    assertEquals(1, p.ident());
    assertEquals(2, p.seq());
    assertTrue(p.verifyChecksum());
    assertEquals(8, p.payloadOffset());
    assertEquals(4, p.payloadLength());
  }

  @Test
  void construct() {
    byte[] buf = new byte[ECHO.length + 3];
    REPR.emit(buf, 3, DATA, 0, DATA.length);
    byte[] slice = new byte[ECHO.length];
    System.arraycopy(buf, 3, slice, 0, slice.length);
    assertArrayEquals(ECHO, slice);
  }

  @Test
  void parse() throws WireException {
    IcmpRepr r = IcmpRepr.parse(IcmpPacket.wrap(ECHO, 0, ECHO.length));
    assertEquals(REPR, r);
    assertEquals(1, r.ident());
    assertEquals(2, r.seq());
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen(DATA.length)];
    REPR.emit(buf, 0, DATA, 0, DATA.length);
    assertArrayEquals(ECHO, buf);
  }

  @Test
  void badChecksumIsRejected() {
    byte[] bad = ECHO.clone();
    bad[11] = 0x65;
    WireException e = assertThrows(WireException.class,
        () -> IcmpRepr.parse(IcmpPacket.wrap(bad, 0, bad.length)));
    assertEquals(WireException.Kind.BAD_CHECKSUM, e.kind());
  }

  @Property
  void parseOfEmitIsIdentity(@ForAll @IntRange(max = 255) int type,
      @ForAll @IntRange(max = 255) int code, @ForAll int rest,
      @ForAll @Size(max = 64) byte[] data) throws WireException {
    IcmpRepr r = new IcmpRepr(type, code, rest);
    byte[] buf = new byte[r.bufferLen(data.length)];
    r.emit(buf, 0, data, 0, data.length);
    assertEquals(r, IcmpRepr.parse(IcmpPacket.wrap(buf, 0, buf.length)));
  }
}
