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

class DnsTest {
  /** RFC 1035 standard query, ID 0x1234, RD set, one question: example.vboard IN A. */
  static final byte[] QUERY = {
      0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x07, 0x65, 0x78, 0x61,
      0x6d, 0x70, 0x6c, 0x65, 0x06, 0x76, 0x62, 0x6f,
      0x61, 0x72, 0x64, 0x00, 0x00, 0x01, 0x00, 0x01};
  /** Its answer with the owner name compressed to a pointer at offset 12 (0xc00c). */
  static final byte[] COMPRESSED_RESPONSE = {
      0x12, 0x34, (byte) 0x85, (byte) 0x80, 0x00, 0x01, 0x00, 0x01,
      0x00, 0x00, 0x00, 0x00, 0x07, 0x65, 0x78, 0x61,
      0x6d, 0x70, 0x6c, 0x65, 0x06, 0x76, 0x62, 0x6f,
      0x61, 0x72, 0x64, 0x00, 0x00, 0x01, 0x00, 0x01,
      (byte) 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
      0x01, 0x2c, 0x00, 0x04, 0x0a, 0x00, 0x02, 0x63};
  static final DnsQuestion QUESTION = new DnsQuestion("example.vboard", DnsQuestion.TYPE_A,
      DnsQuestion.CLASS_IN);
  static final DnsRepr REPR = new DnsRepr(0x1234, DnsRepr.FLAG_RD, List.of(QUESTION), List.of(),
      List.of(), List.of());

  @Test
  void deconstruct() throws WireException {
    DnsPacket p = DnsPacket.wrap(QUERY);
    assertEquals(0x1234, p.id());
    assertEquals(0x0100, p.flags());
    assertEquals(1, p.qdcount());
    assertEquals(0, p.ancount());
    assertEquals(0, p.nscount());
    assertEquals(0, p.arcount());
  }

  @Test
  void construct() {
    assertArrayEquals(QUERY, REPR.toBytes());
  }

  @Test
  void parse() throws WireException {
    DnsRepr r = DnsRepr.parse(DnsPacket.wrap(QUERY));
    assertEquals(REPR, r);
    assertEquals(0, r.opcode());
  }

  @Test
  void emit() {
    byte[] buf = new byte[REPR.bufferLen() + 1];
    REPR.emit(buf, 1);
    byte[] slice = new byte[QUERY.length];
    System.arraycopy(buf, 1, slice, 0, slice.length);
    assertArrayEquals(QUERY, slice);
  }

  @Test
  void compressedNamesAreFollowed() throws WireException {
    DnsRepr r = DnsRepr.parse(DnsPacket.wrap(COMPRESSED_RESPONSE));
    assertTrue(r.isResponse());
    assertEquals(DnsRepr.NOERROR, r.rcode());
    assertEquals(List.of(DnsRecord.a("example.vboard", 300, Ipv4Address.parse("10.0.2.99"))),
        r.answers());
  }

  @Test
  void pointerLoopIsMalformed() {
    byte[] loop = COMPRESSED_RESPONSE.clone();
    loop[33] = 32; // the answer's name points at itself
    assertKind(WireException.Kind.MALFORMED, loop);
  }

  @Test
  void forwardPointerIsMalformed() {
    byte[] fwd = QUERY.clone();
    fwd[12] = (byte) 0xc0;
    fwd[13] = 0x1c;
    assertKind(WireException.Kind.MALFORMED, fwd);
  }

  @Test
  void labelRunningPastTheEndIsTruncated() {
    byte[] cut = java.util.Arrays.copyOf(QUERY, 18);
    assertKind(WireException.Kind.TRUNCATED, cut);
  }

  @Test
  void countsThatLieAreTruncated() {
    byte[] lying = QUERY.clone();
    lying[7] = 3; // three answers that are not there
    assertKind(WireException.Kind.TRUNCATED, lying);
  }

  private static void assertKind(WireException.Kind kind, byte[] b) {
    WireException e = assertThrows(WireException.class, () -> DnsRepr.parse(DnsPacket.wrap(b)));
    assertEquals(kind, e.kind(), e.getMessage());
  }

  @Provide
  Arbitrary<DnsRepr> messages() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '0')
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> name = label.list().ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
    Arbitrary<DnsQuestion> question = Combinators.combine(name, u16, u16).as(DnsQuestion::new);
    Arbitrary<DnsRecord> record = Combinators.combine(name, u16, u16, Arbitraries.integers(),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as(DnsRecord::new);
    return Combinators.combine(u16, u16, question.list().ofMaxSize(2), record.list().ofMaxSize(2),
        record.list().ofMaxSize(2), record.list().ofMaxSize(2)).as(DnsRepr::new);
  }

  @Property(tries = 300)
  void parseOfEmitIsIdentity(@ForAll("messages") DnsRepr r) throws WireException {
    assertEquals(r, DnsRepr.parse(DnsPacket.wrap(r.toBytes())));
  }
}
