package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.transport.tcp.Bench.GUEST_ISS;
import static dev.vboard.netstack.transport.tcp.Bench.ISS;
import static dev.vboard.netstack.transport.tcp.Bench.MS;
import static dev.vboard.netstack.transport.tcp.Bench.bytes;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_ACK;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_PSH;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_RST;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_SYN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data in ESTABLISHED: RFC 9293 sections 3.8 and 3.10.7.4, RFC 6298, RFC 5681. */
class TcpDataTest {

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.write(p, 0, p.length);
    }
    return o.toByteArray();
  }

  @Test
  void establishedRecvDataDeliversItAndDelaysTheAck() {
    Bench b = new Bench().established();
    byte[] d = bytes(100, 1);
    b.inject(b.data(0, d));
    assertArrayEquals(d, b.app.received.toByteArray());
    b.runUntil(40 * MS - 1);
    b.assertNothingSent();
    b.runUntil(40 * MS);
    TcpRepr ack = b.one();
    assertEquals(GUEST_ISS + 101, ack.ack());
    assertEquals(FLAG_ACK, ack.flags());
  }

  @Test
  void establishedRecvTwoSegmentsAcksAtOnce() {
    Bench b = new Bench().established();
    b.inject(b.data(0, bytes(1460, 1)));
    b.assertNothingSent();
    b.inject(b.data(1460, bytes(1460, 2)));
    assertEquals(GUEST_ISS + 1 + 2920, b.one().ack());
  }

  @Test
  void establishedRecvOutOfOrderHoldsItAndAcksTheHole() {
    Bench b = new Bench().established();
    byte[] first = bytes(500, 1);
    byte[] second = bytes(500, 2);
    byte[] third = bytes(500, 3);
    b.inject(b.data(1000, third));
    assertEquals(GUEST_ISS + 1, b.one().ack(), "a duplicate ACK tells the peer about the hole");
    b.inject(b.data(500, second));
    assertEquals(GUEST_ISS + 1, b.one().ack());
    assertEquals(0, b.app.received.size());
    b.inject(b.data(0, first));
    assertEquals(GUEST_ISS + 1 + 1500, b.one().ack(), "filling the hole is ACKed at once");
    assertArrayEquals(concat(first, second, third), b.app.received.toByteArray());
  }

  @Test
  void establishedRecvDuplicateIsAckedAndNotDeliveredTwice() {
    Bench b = new Bench().established();
    byte[] d = bytes(300, 5);
    b.inject(b.data(0, d));
    b.inject(b.data(0, d));
    assertEquals(GUEST_ISS + 301, b.one().ack());
    assertArrayEquals(d, b.app.received.toByteArray());
  }

  @Test
  void establishedRecvOverlapIsTrimmed() {
    Bench b = new Bench().established();
    byte[] all = bytes(1000, 9);
    b.inject(b.data(0, Arrays.copyOfRange(all, 0, 600)));
    b.inject(b.data(400, Arrays.copyOfRange(all, 400, 1000)));
    b.inject(b.data(700, Arrays.copyOfRange(all, 700, 800))); // wholly old
    assertArrayEquals(all, b.app.received.toByteArray());
    assertEquals(GUEST_ISS + 1001, b.drain().get(0).ack());
  }

  @Test
  void establishedRecvOutOfOrderBeyondTheRangeLimitIsDroppedNotMisdelivered() {
    Bench b = new Bench(TcpConfig.defaults().withMaxOutOfOrderRanges(2)).established();
    byte[] all = bytes(700, 3);
    b.inject(b.data(200, Arrays.copyOfRange(all, 200, 300)));
    b.inject(b.data(400, Arrays.copyOfRange(all, 400, 500)));
    b.inject(b.data(600, Arrays.copyOfRange(all, 600, 700))); // a third range: dropped
    b.inject(b.data(0, Arrays.copyOfRange(all, 0, 200)));
    b.inject(b.data(300, Arrays.copyOfRange(all, 300, 400)));
    b.inject(b.data(500, Arrays.copyOfRange(all, 500, 700)));
    assertArrayEquals(all, b.app.received.toByteArray());
  }

  @Test
  void establishedWriteSendsMssSizedSegmentsWithinTheInitialWindow() {
    Bench b = new Bench().established();
    byte[] d = bytes(8000, 4);
    assertEquals(8000, b.conn().write(d, 0, d.length));
    b.runUntil(0);
    List<TcpRepr> segs = b.drain();
    // RFC 5681 initial window for MSS 1460: min(4*MSS, max(2*MSS, 4380)) = 4380 = 3 segments.
    assertEquals(3, segs.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(ISS + 1 + 1460 * i, segs.get(i).seq());
      assertEquals(1460, segs.get(i).payload().length);
      assertEquals(GUEST_ISS + 1, segs.get(i).ack());
    }
    b.inject(b.template().withAck(ISS + 1 + 4380));
    segs = b.drain();
    int sent = segs.stream().mapToInt(s -> s.payload().length).sum();
    assertEquals(8000 - 4380, sent, "slow start opens the window");
    assertTrue(segs.get(segs.size() - 1).has(FLAG_PSH), "the last segment of the buffer pushes");
  }

  @Test
  void sequenceNumbersWrapAroundTheTopOfTheSpaceInBothDirections() {
    Bench b = new Bench(TcpConfig.defaults(), 0xffff_ff00, 0xffff_ffc0).established();
    byte[] in = bytes(3000, 1);
    b.inject(b.data(0, java.util.Arrays.copyOfRange(in, 0, 1460)));
    b.inject(b.data(1460, java.util.Arrays.copyOfRange(in, 1460, 3000)));
    assertEquals(0xffff_ffc0 + 1 + 3000, b.one().ack());
    assertArrayEquals(in, b.app.received.toByteArray());
    byte[] out = bytes(3000, 2);
    b.conn().write(out, 0, out.length);
    b.runUntil(b.now);
    List<TcpRepr> segs = b.drain();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    segs.forEach(s -> got.write(s.payload(), 0, s.payload().length));
    assertArrayEquals(out, got.toByteArray());
    assertEquals(0xffff_ff01 + 1460, segs.get(1).seq());
    b.inject(b.template().withSeq(0xffff_ffc1 + 3000).withAck(0xffff_ff01 + 3000));
    assertEquals(0xffff_ff01 + 3000, b.conn().sndUna());
    assertEquals(65536, b.conn().writable(), "everything acknowledged across the wrap");
    assertEquals(Long.MAX_VALUE, b.engine.pollAt(), "no timer left");
  }

  @Test
  void writeAcceptsOnlyWhatTheSendBufferHolds() {
    Bench b = new Bench(TcpConfig.defaults().withBuffers(1000, 65536)).established();
    assertEquals(1000, b.conn().write(new byte[1500], 0, 1500));
    assertEquals(0, b.conn().write(new byte[1], 0, 1));
    assertEquals(0, b.conn().writable());
    b.runUntil(0);
    b.drain();
    b.app.events.clear();
    b.inject(b.template().withAck(ISS + 1 + 600));
    assertEquals(600, b.conn().writable());
    assertEquals(List.of("writable"), b.app.events);
  }

  @Test
  void retransmitsTheSameBytesAtTheRtoAndDoublesIt() {
    Bench b = new Bench().established();
    // The handshake's RTT sample (0 ns on this bench) leaves the RTO at its 200 ms floor.
    assertEquals(200 * MS, b.conn().rtoNs());
    byte[] d = bytes(100, 7);
    b.conn().write(d, 0, d.length);
    b.runUntil(0);
    TcpRepr original = b.one();
    b.runUntil(200 * MS - 1);
    b.assertNothingSent();
    b.runUntil(200 * MS);
    TcpRepr again = b.one();
    assertEquals(original, again);
    b.runUntil(600 * MS - 1);
    b.assertNothingSent();
    b.runUntil(600 * MS);
    assertEquals(original, b.one());
    b.runUntil(1400 * MS - 1);
    b.assertNothingSent();
    b.runUntil(1400 * MS);
    assertEquals(original, b.one());
  }

  @Test
  void theFirstRtoBeforeAnySampleIsOneSecond() {
    Bench b = new Bench();
    b.synReceived();
    assertEquals(1000 * MS, b.conn().rtoNs());
  }

  @Test
  void rttSamplesSetTheRtoButKarnSkipsRetransmittedSegments() {
    Bench b = new Bench().established();
    b.conn().write(new byte[10], 0, 10);
    b.runUntil(0);
    b.drain();
    b.runUntil(200 * MS); // retransmission: its ACK must not be sampled
    b.drain();
    b.runUntil(210 * MS);
    b.inject(b.template().withAck(ISS + 11));
    assertEquals(400 * MS, b.conn().rtoNs(), "still backed off: no sample from a retransmission");
    b.conn().write(new byte[10], 0, 10);
    b.runUntil(b.now);
    b.drain();
    b.advance(300 * MS);
    b.inject(b.template().withAck(ISS + 21));
    // RFC 6298 2.3 after the handshake's 0 ns sample: RTTVAR = 3/4*0 + 1/4*300 = 75 ms,
    // SRTT = 300/8 = 37.5 ms, RTO = 37.5 + 4*75 = 337.5 ms.
    assertEquals(337_500_000L, b.conn().rtoNs());
  }

  @Test
  void givesUpAfterMaxRetransmitsWithRstAndTimeout() {
    Bench b = new Bench(TcpConfig.defaults().withMaxRetransmits(2)).established();
    b.conn().write(new byte[10], 0, 10);
    b.runUntil(0);
    b.drain();
    b.runUntil(600 * MS);
    assertEquals(2, b.drain().size());
    b.runUntil(1400 * MS - 1);
    b.assertNothingSent();
    b.runUntil(1400 * MS);
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST, rst.flags());
    assertEquals(ISS + 11, rst.seq());
    assertEquals(TcpError.TIMEOUT, b.app.error);
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void thirdDuplicateAckTriggersFastRetransmit() {
    Bench b = new Bench().established();
    b.conn().write(bytes(4380, 1), 0, 4380);
    b.runUntil(0);
    TcpRepr first = b.drain().get(0);
    TcpRepr dup = b.template().withAck(ISS + 1);
    b.inject(dup);
    b.inject(dup);
    b.assertNothingSent();
    b.inject(dup);
    TcpRepr again = b.one();
    assertEquals(first.seq(), again.seq());
    assertArrayEquals(first.payload(), again.payload());
  }

  @Test
  void zeroWindowArmsThePersistTimerAndProbesWithBackoff() {
    Bench b = new Bench().established();
    b.inject(b.template().withWindow(0));
    byte[] d = bytes(50, 3);
    b.conn().write(d, 0, d.length);
    b.runUntil(0);
    b.assertNothingSent();
    b.runUntil(200 * MS - 1);
    b.assertNothingSent();
    b.runUntil(200 * MS);
    TcpRepr probe = b.one();
    assertEquals(ISS + 1, probe.seq());
    assertArrayEquals(new byte[] {d[0]}, probe.payload());
    b.inject(b.template().withWindow(0)); // the probe was refused
    b.runUntil(600 * MS - 1);
    b.assertNothingSent();
    b.runUntil(600 * MS);
    assertEquals(ISS + 1, b.one().seq());
    b.runUntil(1400 * MS);
    assertEquals(ISS + 1, b.one().seq(), "the persist interval doubles");
    // The window opens: everything goes, and the persist timer stops.
    b.inject(b.template().withWindow(1000));
    assertArrayEquals(d, b.one().payload());
    assertEquals(200 * MS + b.now, b.engine.pollAt(), "only the retransmission timer is armed");
  }

  @Test
  void zeroWindowProbeAcceptedByThePeerIsAcknowledged() {
    Bench b = new Bench().established();
    b.inject(b.template().withWindow(0));
    b.conn().write(bytes(50, 3), 0, 50);
    b.runUntil(200 * MS);
    b.one();
    b.inject(b.template().withAck(ISS + 2).withWindow(100));
    TcpRepr rest = b.one();
    assertEquals(ISS + 2, rest.seq());
    assertEquals(49, rest.payload().length);
  }

  @Test
  void slowApplicationShrinksTheWindowAndReadingReopensIt() {
    Bench b = new Bench(TcpConfig.defaults().withBuffers(65536, 4096)).established();
    b.app.autoRead = false;
    b.inject(b.data(0, bytes(1460, 1)));
    b.inject(b.data(1460, bytes(1460, 2)));
    assertEquals(4096 - 2920, b.one().window());
    b.inject(b.data(2920, bytes(1460, 3))); // only 1176 bytes fit
    TcpRepr ack = b.one();
    assertEquals(GUEST_ISS + 1 + 4096, ack.ack());
    assertEquals(0, ack.window());
    // A zero-window probe is answered with the (still zero) window.
    b.inject(b.data(4096, new byte[] {42}));
    assertEquals(0, b.one().window());
    byte[] buf = new byte[4096];
    assertEquals(4096, b.app.socket.read(buf, 0, buf.length));
    b.runUntil(b.now);
    TcpRepr update = b.one();
    assertEquals(4096, update.window(), "reading sends a window update");
    assertEquals(GUEST_ISS + 1 + 4096, update.ack());
  }

  @Test
  void smallReadsDoNotAnnounceSillyWindows() {
    Bench b = new Bench(TcpConfig.defaults().withBuffers(65536, 4096)).established();
    b.app.autoRead = false;
    b.inject(b.data(0, bytes(2048, 1)));
    b.inject(b.data(2048, bytes(2048, 2)));
    assertEquals(0, b.one().window());
    b.app.socket.read(new byte[100], 0, 100);
    b.runUntil(b.now);
    b.assertNothingSent();
    b.app.socket.read(new byte[1400], 0, 1400);
    b.runUntil(b.now);
    assertEquals(1500, b.one().window(), "sent once the opening reaches one MSS");
  }

  @Test
  void ackOfUnsentDataIsAnsweredAndDropped() {
    Bench b = new Bench().established();
    b.inject(b.data(0, bytes(10, 1)).withAck(ISS + 500));
    TcpRepr ack = b.one();
    assertEquals(ISS + 1, ack.seq());
    assertEquals(GUEST_ISS + 1, ack.ack(), "the segment's data was not taken");
    assertEquals(0, b.app.received.size());
  }

  @Test
  void anAckFarBelowSndUnaGetsAChallengeAckAndItsDataIsDropped() {
    Bench b = new Bench().established();
    b.inject(b.data(0, bytes(10, 1)).withAck(ISS + 1 - 100_000));
    TcpRepr challenge = b.one();
    assertEquals(GUEST_ISS + 1, challenge.ack());
    assertEquals(0, b.app.received.size());
  }

  @Test
  void establishedRecvRstAtRcvNxtResets() {
    Bench b = new Bench().established();
    b.inject(b.template().withFlags(FLAG_RST));
    assertEquals(TcpError.RESET, b.app.error);
    assertEquals(0, b.engine.connectionCount());
    b.assertNothingSent();
  }

  @Test
  void establishedRecvRstInWindowButNotExactGetsAChallengeAck() {
    Bench b = new Bench().established();
    b.inject(b.template().withSeq(GUEST_ISS + 100).withFlags(FLAG_RST));
    TcpRepr challenge = b.one();
    assertEquals(FLAG_ACK, challenge.flags());
    assertEquals(GUEST_ISS + 1, challenge.ack());
    assertEquals(TcpState.ESTABLISHED, b.state());
  }

  @Test
  void establishedRecvRstOutsideTheWindowIsIgnored() {
    Bench b = new Bench().established();
    b.inject(b.template().withSeq(GUEST_ISS - 100000).withFlags(FLAG_RST));
    b.assertNothingSent();
    assertEquals(TcpState.ESTABLISHED, b.state());
  }

  @Test
  void establishedRecvSynGetsAChallengeAck() {
    Bench b = new Bench().established();
    b.inject(b.template().withFlags(FLAG_SYN).withOptions(TcpOptions.mssOnly(1000)));
    assertEquals(FLAG_ACK, b.one().flags());
    assertEquals(TcpState.ESTABLISHED, b.state());
  }

  @Test
  void abortSendsRstAndForgetsTheConnection() {
    Bench b = new Bench().established();
    b.conn().abort();
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST, rst.flags());
    assertEquals(ISS + 1, rst.seq());
    b.runUntil(b.now);
    assertEquals(0, b.engine.connectionCount());
    assertEquals(List.of("open", "writable"), b.app.events, "no callback for its own abort");
  }
}
