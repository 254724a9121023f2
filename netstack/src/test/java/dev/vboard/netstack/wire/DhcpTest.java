package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DhcpTest {
  private static final byte[] HEAD = {
      0x01, 0x01, 0x06, 0x00, 0x39, 0x03, (byte) 0xf3, 0x26,
      0x00, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x52, 0x54, 0x00, 0x12,
      0x34, 0x56};
  /** Magic cookie, then options 53 (DISCOVER), 50 (10.0.2.15), 55 (1, 3, 6), END. */
  private static final byte[] OPTIONS = {
      0x63, (byte) 0x82, 0x53, 0x63, 0x35, 0x01, 0x01, 0x32,
      0x04, 0x0a, 0x00, 0x02, 0x0f, 0x37, 0x03, 0x01,
      0x03, 0x06, (byte) 0xff};
  /**
   * A DHCPDISCOVER (RFC 2131 figure 1) from 52:54:00:12:34:56, xid 0x3903f326, broadcast flag,
   * padded to 300 bytes: everything not in HEAD (bytes 0-33) or OPTIONS (236-254) is zero.
   */
  static final byte[] DISCOVER = discover();

  static final DhcpRepr REPR = new DhcpRepr(DhcpRepr.BOOTREQUEST, 0x3903f326, 0, 0x8000, 0, 0, 0,
      0, MacAddress.parse("52:54:00:12:34:56"), DhcpOption.DISCOVER,
      Ipv4Address.parse("10.0.2.15"), null, null, null, null, null, null, List.of(),
      List.of(1, 3, 6));

  private static byte[] discover() {
    byte[] b = new byte[300];
    System.arraycopy(HEAD, 0, b, 0, HEAD.length);
    System.arraycopy(OPTIONS, 0, b, DhcpPacket.MAGIC, OPTIONS.length);
    return b;
  }

  @Test
  void deconstruct() throws WireException {
    DhcpPacket p = DhcpPacket.wrap(DISCOVER);
    assertEquals(1, p.op());
    assertEquals(1, p.htype());
    assertEquals(6, p.hlen());
    assertEquals(0, p.hops());
    assertEquals(0x3903f326, p.xid());
    assertEquals(0, p.secs());
    assertEquals(DhcpPacket.FLAG_BROADCAST, p.flags());
    assertEquals(0, p.ciaddr());
    assertEquals(0, p.yiaddr());
    assertEquals(0, p.siaddr());
    assertEquals(0, p.giaddr());
    assertEquals(MacAddress.parse("52:54:00:12:34:56"), p.chaddr());
    assertEquals(DhcpPacket.MAGIC_COOKIE, p.magic());
    assertEquals(60, p.optionsLength());
  }

  @Test
  void construct() {
    assertArrayEquals(DISCOVER, REPR.toBytes());
  }

  @Test
  void parse() throws WireException {
    DhcpRepr r = DhcpRepr.parse(DhcpPacket.wrap(DISCOVER));
    assertEquals(REPR, r);
    assertTrue(r.broadcast());
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen() + 4];
    REPR.emit(buf, 4);
    byte[] slice = new byte[DISCOVER.length];
    System.arraycopy(buf, 4, slice, 0, slice.length);
    assertArrayEquals(DISCOVER, slice);
  }

  @Test
  void padOptionsAndUnknownOptionsAreSkipped() throws WireException {
    byte[] b = DISCOVER.clone();
    // Replace option 50 with PADs and an unknown option 12 (host name "ab").
    byte[] opts = {0x35, 0x01, 0x01, 0x00, 0x00, 0x0c, 0x02, 0x61, 0x62, (byte) 0xff};
    java.util.Arrays.fill(b, DhcpPacket.OPTIONS, b.length, (byte) 0);
    System.arraycopy(opts, 0, b, DhcpPacket.OPTIONS, opts.length);
    DhcpRepr r = DhcpRepr.parse(DhcpPacket.wrap(b));
    assertEquals(DhcpOption.DISCOVER, r.messageType());
    assertEquals(null, r.requestedIp());
  }

  @Test
  void optionRunningPastTheEndIsTruncated() {
    byte[] b = java.util.Arrays.copyOf(DISCOVER, DhcpPacket.OPTIONS + 5);
    b[DhcpPacket.OPTIONS + 3] = 50;
    b[DhcpPacket.OPTIONS + 4] = 4;
    assertKind(WireException.Kind.TRUNCATED, b);
  }

  @Test
  void wrongOptionLengthIsBadLength() {
    byte[] b = DISCOVER.clone();
    b[DhcpPacket.OPTIONS + 4] = 3; // option 50 with 3 bytes
    assertKind(WireException.Kind.BAD_LENGTH, b);
  }

  @Test
  void missingMagicCookieIsUnsupported() {
    byte[] b = DISCOVER.clone();
    b[DhcpPacket.MAGIC] = 0;
    assertKind(WireException.Kind.UNSUPPORTED, b);
  }

  @Test
  void missingMessageTypeIsMalformed() {
    byte[] b = DISCOVER.clone();
    b[DhcpPacket.OPTIONS] = 0; // turn option 53 into PADs
    b[DhcpPacket.OPTIONS + 1] = 0;
    b[DhcpPacket.OPTIONS + 2] = 0;
    assertKind(WireException.Kind.MALFORMED, b);
  }

  private static void assertKind(WireException.Kind kind, byte[] b) {
    WireException e = assertThrows(WireException.class,
        () -> DhcpRepr.parse(DhcpPacket.wrap(b)));
    assertEquals(kind, e.kind(), e.getMessage());
  }

  @Provide
  Arbitrary<DhcpRepr> messages() {
    Arbitrary<Integer> word = Arbitraries.integers();
    Arbitrary<Integer> maybe = word.injectNull(0.3);
    Arbitrary<MacAddress> mac = Arbitraries.longs().between(0, 0xffff_ffff_ffffL)
        .map(MacAddress::new);
    Arbitrary<List<Integer>> addrs = word.list().ofMaxSize(4);
    Arbitrary<List<Integer>> codes = Arbitraries.integers().between(1, 254).list().ofMaxSize(8);
    Arbitrary<Object[]> header = Combinators.combine(Arbitraries.integers().between(1, 2), word,
        Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(0, 0xffff),
        word, word, word, word).as((op, xid, secs, flags, ci, yi, si, gi) ->
        new Object[] {op, xid, secs, flags, ci, yi, si, gi});
    Arbitrary<Object[]> opts = Combinators.combine(Arbitraries.integers().between(1, 8), maybe,
        maybe, maybe, maybe, maybe, maybe, maybe).as((t, req, sid, lease, t1, t2, mask, router) ->
        new Object[] {t, req, sid, lease, t1, t2, mask, router});
    return Combinators.combine(header, opts, mac, addrs, codes).as((h, o, m, dns, prl) ->
        new DhcpRepr((int) h[0], (int) h[1], (int) h[2], (int) h[3], (int) h[4], (int) h[5],
            (int) h[6], (int) h[7], m, (int) o[0], (Integer) o[1], (Integer) o[2],
            (Integer) o[3], (Integer) o[4], (Integer) o[5], (Integer) o[6], (Integer) o[7], dns,
            prl));
  }

  @Property(tries = 300)
  void parseOfEmitIsIdentity(@ForAll("messages") DhcpRepr r) throws WireException {
    assertEquals(r, DhcpRepr.parse(DhcpPacket.wrap(r.toBytes())));
  }
}
