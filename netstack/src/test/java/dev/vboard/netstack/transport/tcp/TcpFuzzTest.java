package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile guests: seeded random segments, near and far from the right numbers, against every
 * state. Nothing may throw, and data the engine delivers is always a prefix of what was sent.
 */
class TcpFuzzTest {
  private static final long MS = 1_000_000L;

  @Test
  void randomSegmentsNeverThrowAndNeverCorruptTheStream() {
    Random r = new Random(1234);
    byte[] stream = Bench.bytes(1 << 16, 3);
    for (int round = 0; round < 100; round++) {
      Bench b = new Bench(TcpConfig.defaults().withBuffers(4096, 4096)
          .withMaxOutOfOrderRanges(3), r.nextInt(), r.nextInt());
      b.established();
      b.conn().write(Bench.bytes(3000, 1), 0, 3000);
      for (int i = 0; i < 200; i++) {
        TcpRepr seg = randomSegment(r, b, stream);
        b.inject(seg);
        if (r.nextInt(10) == 0) {
          b.advance(r.nextInt(2000) * MS);
        }
        if (r.nextInt(20) == 0 && b.engine.connectionCount() > 0 && b.conn() != null) {
          b.conn().close();
        }
        b.drain();
      }
      byte[] got = b.app.received.toByteArray();
      byte[] prefix = java.util.Arrays.copyOf(stream, got.length);
      assertArrayEquals(prefix, got, "round " + round);
      b.runUntil(b.now + 3_600_000 * MS);
      assertTrue(b.engine.connectionCount() <= 1);
    }
  }

  private static TcpRepr randomSegment(Random r, Bench b, byte[] stream) {
    TcpConnection c = b.conn();
    int rcvNxt = c != null ? c.rcvNxt() : b.guestIss + 1;
    int sndUna = c != null ? c.sndUna() : b.iss + 1;
    int offset = r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(6000) - 1000;
    int seq = rcvNxt + offset;
    int ack = r.nextInt(8) == 0 ? r.nextInt() : sndUna + r.nextInt(4000) - 500;
    int flags = r.nextInt(4) == 0 ? r.nextInt(256) : 0x10 | (r.nextInt(3) == 0 ? 0x01 : 0);
    int len = r.nextInt(3) == 0 ? 0 : r.nextInt(1500);
    byte[] payload = new byte[len];
    // Bytes at their true stream position, so anything delivered must match the stream.
    long pos = (seq - (b.guestIss + 1)) & 0xffffffffL;
    for (int i = 0; i < len; i++) {
      payload[i] = stream[(int) ((pos + i) % stream.length)];
    }
    TcpOptions options = r.nextInt(10) == 0
        ? TcpOptions.mssOnly(r.nextInt(70000) & 0xffff).withWindowScale(r.nextInt(20))
        : TcpOptions.NONE;
    return new TcpRepr(Bench.GUEST_PORT, Bench.HOST_PORT, seq, ack, flags, r.nextInt(65536), 0,
        options, payload);
  }
}
