package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EthernetTest {
  /** Guest 52:54:00:12:34:56 to the gateway 52:55:0a:00:02:02, IPv4, with a 4-byte payload. */
  static final byte[] FRAME = {
      0x52, 0x55, 0x0a, 0x00, 0x02, 0x02, 0x52, 0x54,
      0x00, 0x12, 0x34, 0x56, 0x08, 0x00, 0x01, 0x02,
      0x03, 0x04};
  static final MacAddress GUEST = MacAddress.parse("52:54:00:12:34:56");
  static final MacAddress GATEWAY = MacAddress.parse("52:55:0a:00:02:02");
  static final EthernetRepr REPR = new EthernetRepr(GUEST, GATEWAY, EtherType.IPV4);

  @Test
  void deconstruct() throws WireException {
    EthernetFrame f = EthernetFrame.wrap(FRAME);
    assertEquals(GATEWAY, f.dst());
    assertEquals(GUEST, f.src());
    assertEquals(EtherType.IPV4, f.etherType());
    assertEquals(14, f.payloadOffset());
    assertEquals(4, f.payloadLength());
  }

  @Test
  void construct() throws WireException {
    byte[] buf = new byte[FRAME.length];
    EthernetFrame f = EthernetFrame.wrap(buf);
    f.setDst(GATEWAY);
    f.setSrc(GUEST);
    f.setEtherType(EtherType.IPV4);
    System.arraycopy(FRAME, 14, buf, 14, 4);
    assertArrayEquals(FRAME, buf);
  }

  @Test
  void parse() throws WireException {
    assertEquals(REPR, EthernetRepr.parse(EthernetFrame.wrap(FRAME)));
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen()];
    REPR.emit(buf, 0);
    assertArrayEquals(Arrays.copyOf(FRAME, 14), buf);
  }

  @Test
  void framePadsShortPayloadsToTheMinimumLength() {
    byte[] frame = REPR.frame(FRAME, 14, 4);
    assertEquals(EthernetFrame.MIN_LEN, frame.length);
    assertArrayEquals(FRAME, Arrays.copyOf(frame, FRAME.length));
  }

  @Test
  void truncatedHeaderIsRejected() {
    WireException e = assertThrows(WireException.class, () -> EthernetFrame.wrap(new byte[13]));
    assertEquals(WireException.Kind.TRUNCATED, e.kind());
  }

  @Test
  void ieee8023LengthFieldIsUnsupported() throws WireException {
    byte[] llc = FRAME.clone();
    llc[12] = 0x00;
    llc[13] = 0x2e;
    WireException e = assertThrows(WireException.class,
        () -> EthernetRepr.parse(EthernetFrame.wrap(llc)));
    assertEquals(WireException.Kind.UNSUPPORTED, e.kind());
  }

  @Test
  void macAddressTextRoundTripsAndKnowsGroupBit() {
    assertEquals("52:54:00:12:34:56", GUEST.toString());
    assertTrue(MacAddress.BROADCAST.isMulticast());
    assertTrue(MacAddress.parse("01:00:5e:00:00:01").isMulticast());
    assertEquals(false, GUEST.isMulticast());
  }

  @Property
  void parseOfEmitIsIdentity(@ForAll @LongRange(max = 0xffff_ffff_ffffL) long src,
      @ForAll @LongRange(max = 0xffff_ffff_ffffL) long dst,
      @ForAll @IntRange(min = 0x600, max = 0xffff) int type) throws WireException {
    EthernetRepr r = new EthernetRepr(new MacAddress(src), new MacAddress(dst), type);
    byte[] buf = new byte[r.bufferLen()];
    r.emit(buf, 0);
    assertEquals(r, EthernetRepr.parse(EthernetFrame.wrap(buf)));
  }
}
