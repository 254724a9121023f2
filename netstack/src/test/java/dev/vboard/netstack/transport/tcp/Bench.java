package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpPacket;
import dev.vboard.netstack.wire.TcpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine on an in-memory link, driven segment by segment as the guest would: {@code inject}
 * a segment from the guest, {@code drain} what the engine sent, {@code runUntil} a virtual time.
 * The fixtures are named after the state the connection is left in.
 */
final class Bench {
  static final int GUEST = 0x0a00020f;
  static final int HOST = 0x0a000202;
  static final int GUEST_PORT = 49152;
  static final int HOST_PORT = 7;
  static final FourTuple TUPLE = new FourTuple(HOST, HOST_PORT, GUEST, GUEST_PORT);
  static final int ISS = 1000;
  static final int GUEST_ISS = 5000;
  static final long MS = 1_000_000L;

  final TcpEngine engine;
  final RecordingApp app = new RecordingApp();
  final List<byte[]> out = new ArrayList<>();
  final int iss;
  final int guestIss;
  long now;

  Bench() {
    this(TcpConfig.defaults(), ISS, GUEST_ISS);
  }

  Bench(TcpConfig config) {
    this(config, ISS, GUEST_ISS);
  }

  Bench(TcpConfig config, int iss, int guestIss) {
    this.iss = iss;
    this.guestIss = guestIss;
    this.engine = new TcpEngine(config, (src, dst, seg) -> {
      assertEquals(HOST, src);
      assertEquals(GUEST, dst);
      out.add(seg);
    }, (t, nowNs) -> iss);
  }

  // ---- Fixtures ----

  Bench listen() {
    engine.listen(HOST, HOST_PORT, (t, n) -> app);
    return this;
  }

  /** LISTEN, then the guest's SYN; returns the SYN,ACK. */
  TcpRepr synReceived() {
    listen();
    inject(template().withSeq(guestIss).withFlags(TcpPacket.FLAG_SYN).withAck(0)
        .withOptions(TcpOptions.mssOnly(1460)));
    return one();
  }

  /** The handshake completed from a guest SYN. */
  Bench established() {
    synReceived();
    inject(template());
    assertEquals(TcpState.ESTABLISHED, state());
    return this;
  }

  /** An active open towards the guest; returns our SYN. */
  TcpRepr synSent() {
    engine.connect(TUPLE, app, now);
    return one();
  }

  // ---- Segments ----

  /** A segment from the guest right after the handshake: ACK, nothing else. */
  TcpRepr template() {
    return new TcpRepr(GUEST_PORT, HOST_PORT, guestIss + 1, iss + 1, TcpPacket.FLAG_ACK, 64240,
        0, TcpOptions.NONE, new byte[0]);
  }

  TcpRepr data(int seqOffset, byte[] payload) {
    return template().withSeq(guestIss + 1 + seqOffset)
        .withFlags(TcpPacket.FLAG_ACK | TcpPacket.FLAG_PSH).withPayload(payload);
  }

  void inject(TcpRepr seg) {
    byte[] bytes = seg.toBytes(GUEST, HOST);
    engine.segmentArrived(GUEST, HOST, bytes, 0, bytes.length, now);
  }

  List<TcpRepr> drain() {
    List<TcpRepr> segs = new ArrayList<>();
    for (byte[] b : out) {
      try {
        segs.add(TcpRepr.parse(HOST, GUEST, b, 0, b.length));
      } catch (WireException e) {
        fail("engine sent a malformed segment: " + e.getMessage());
      }
    }
    out.clear();
    return segs;
  }

  TcpRepr one() {
    List<TcpRepr> segs = drain();
    assertEquals(1, segs.size(), () -> "expected one segment, got " + segs);
    return segs.get(0);
  }

  void assertNothingSent() {
    List<TcpRepr> segs = drain();
    assertEquals(List.of(), segs);
  }

  /** Advances virtual time to {@code t}, running every deadline on the way. */
  void runUntil(long t) {
    while (engine.pollAt() <= t) {
      now = Math.max(now, engine.pollAt());
      engine.poll(now);
    }
    now = t;
  }

  void advance(long dt) {
    runUntil(now + dt);
  }

  TcpConnection conn() {
    return engine.connectionState(TUPLE);
  }

  TcpState state() {
    TcpConnection c = conn();
    return c == null ? TcpState.CLOSED : c.state();
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed + i * 7);
    }
    return b;
  }
}
