package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(emit(x)) == x for every representable segment. */
class TcpReprProperties {

  @Property
  void parseOfEmitIsIdentity(@ForAll("segments") TcpRepr repr, @ForAll int srcIp, @ForAll int dstIp)
      throws WireException {
    byte[] bytes = repr.toBytes(srcIp, dstIp);
    assertEquals(repr, TcpRepr.parse(srcIp, dstIp, bytes, 0, bytes.length));
  }

  @Provide
  Arbitrary<TcpRepr> segments() {
    Arbitrary<Integer> port = Arbitraries.integers().between(1, 0xffff);
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
    Arbitrary<Integer> u32 = Arbitraries.integers();
    Arbitrary<Integer> flags = Arbitraries.integers().between(0, 0xff);
    Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<TcpOptions> options = Combinators.combine(
        Arbitraries.integers().between(-1, 0xffff),
        Arbitraries.integers().between(-1, 14),
        Arbitraries.of(true, false),
        Arbitraries.of(true, false),
        u32, u32).as((mss, ws, sack, ts, val, ecr) -> new TcpOptions(
            mss, ws, sack, ts ? val : 0, ts ? ecr : 0, ts));
    return Combinators.combine(port, port, u32, u32, flags, u16, u16, options)
        .as((sp, dp, seq, ack, f, win, urg, opt) -> new TcpRepr(sp, dp, seq, ack, f, win, urg, opt,
            new byte[0]))
        .flatMap(r -> payload.map(r::withPayload));
  }
}
