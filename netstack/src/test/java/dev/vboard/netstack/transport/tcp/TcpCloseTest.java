package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.transport.tcp.Bench.GUEST_ISS;
import static dev.vboard.netstack.transport.tcp.Bench.ISS;
import static dev.vboard.netstack.transport.tcp.Bench.MS;
import static dev.vboard.netstack.transport.tcp.Bench.bytes;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_ACK;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_FIN;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_PSH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing: RFC 9293 section 3.6 (figures 12-14) and the FIN steps of 3.10.7.4. */
class TcpCloseTest {
  private static final long TWO_MSL = 2 * TcpConfig.defaults().mslNs();

  private static TcpRepr fin(Bench b, int seqOffset, int ack) {
    return b.template().withSeq(GUEST_ISS + 1 + seqOffset).withAck(ack)
        .withFlags(FLAG_ACK | FLAG_FIN);
  }

  @Test
  void establishedRecvFinAcksAndReportsEndOfStream() {
    Bench b = new Bench().established();
    b.inject(fin(b, 0, ISS + 1));
    TcpRepr ack = b.one();
    assertEquals(GUEST_ISS + 2, ack.ack(), "the FIN occupies one sequence number");
    assertEquals(TcpState.CLOSE_WAIT, b.state());
    assertTrue(b.app.events.contains("peerClosed"));
    assertTrue(b.app.eof);
  }

  @Test
  void closeWaitCloseSendsFinThenLastAckClosesOnItsAck() {
    Bench b = new Bench().established();
    b.inject(fin(b, 0, ISS + 1));
    b.drain();
    b.conn().close();
    b.runUntil(b.now);
    TcpRepr fin = b.one();
    assertEquals(FLAG_ACK | FLAG_FIN, fin.flags());
    assertEquals(ISS + 1, fin.seq());
    assertEquals(TcpState.LAST_ACK, b.state());
    b.inject(b.template().withSeq(GUEST_ISS + 2).withAck(ISS + 2));
    assertEquals(0, b.engine.connectionCount());
    assertEquals("closed:null", b.app.events.get(b.app.events.size() - 1));
  }

  @Test
  void establishedCloseGoesThroughFinWait1FinWait2AndTimeWait() {
    Bench b = new Bench().established();
    b.conn().close();
    assertEquals(TcpState.FIN_WAIT_1, b.state());
    b.runUntil(b.now);
    assertEquals(ISS + 1, b.one().seq());
    b.inject(b.template().withAck(ISS + 2));
    assertEquals(TcpState.FIN_WAIT_2, b.state());
    b.inject(fin(b, 0, ISS + 2));
    assertEquals(GUEST_ISS + 2, b.one().ack());
    assertEquals(TcpState.TIME_WAIT, b.state());
    assertEquals("closed:null", b.app.events.get(b.app.events.size() - 1));
    b.runUntil(TWO_MSL + b.now - 1);
    assertEquals(TcpState.TIME_WAIT, b.state());
    b.advance(1);
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void finWait1RecvFinAndAckGoesStraightToTimeWait() {
    Bench b = new Bench().established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(fin(b, 0, ISS + 2));
    assertEquals(TcpState.TIME_WAIT, b.state());
  }

  @Test
  void simultaneousCloseGoesThroughClosing() {
    Bench b = new Bench().established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(fin(b, 0, ISS + 1)); // the peer's FIN crossed ours
    assertEquals(TcpState.CLOSING, b.state());
    assertEquals(GUEST_ISS + 2, b.one().ack());
    b.inject(b.template().withSeq(GUEST_ISS + 2).withAck(ISS + 2));
    assertEquals(TcpState.TIME_WAIT, b.state());
  }

  @Test
  void timeWaitRecvRetransmittedFinIsAckedAgainAndRestartsTheTimer() {
    Bench b = new Bench().established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(fin(b, 0, ISS + 2));
    b.drain();
    b.advance(TWO_MSL / 2);
    b.inject(fin(b, 0, ISS + 2));
    assertEquals(GUEST_ISS + 2, b.one().ack());
    b.advance(TWO_MSL - 1);
    assertEquals(TcpState.TIME_WAIT, b.state());
    b.advance(1);
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void halfCloseKeepsSendingAfterThePeersFin() {
    Bench b = new Bench().established();
    b.inject(fin(b, 0, ISS + 1));
    b.drain();
    byte[] d = bytes(3000, 2);
    assertEquals(3000, b.conn().write(d, 0, d.length));
    b.conn().close();
    b.runUntil(b.now);
    List<TcpRepr> segs = b.drain();
    assertEquals(3, segs.size());
    assertTrue(segs.get(2).has(FLAG_FIN), "the FIN rides on the last data segment");
    assertEquals(ISS + 1 + 3000, segs.get(2).seq() + segs.get(2).payload().length);
    b.inject(b.template().withSeq(GUEST_ISS + 2).withAck(ISS + 1 + 3001));
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void peerHalfCloseStillReceivesOurData() {
    Bench b = new Bench().established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(b.template().withAck(ISS + 2));
    assertEquals(TcpState.FIN_WAIT_2, b.state());
    byte[] d = bytes(200, 4);
    b.inject(b.data(0, d).withAck(ISS + 2));
    assertArrayEquals(d, b.app.received.toByteArray());
  }

  @Test
  void finAfterAHoleWaitsForTheMissingData() {
    Bench b = new Bench().established();
    byte[] d = bytes(200, 4);
    b.inject(b.data(100, java.util.Arrays.copyOfRange(d, 100, 200))
        .withFlags(FLAG_ACK | FLAG_PSH | FLAG_FIN));
    assertEquals(TcpState.ESTABLISHED, b.state());
    assertEquals(GUEST_ISS + 1, b.one().ack());
    b.inject(b.data(0, java.util.Arrays.copyOfRange(d, 0, 100)));
    assertEquals(TcpState.CLOSE_WAIT, b.state());
    assertEquals(GUEST_ISS + 202, b.one().ack());
    assertArrayEquals(d, b.app.received.toByteArray());
    assertTrue(b.app.eof);
  }

  @Test
  void finWait2GivesUpOnAPeerThatNeverCloses() {
    Bench b = new Bench(TcpConfig.defaults().withFinWait2TimeoutNs(5000 * MS)).established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(b.template().withAck(ISS + 2));
    assertEquals(TcpState.FIN_WAIT_2, b.state());
    b.runUntil(5000 * MS - 1);
    assertEquals(TcpState.FIN_WAIT_2, b.state());
    b.runUntil(5000 * MS);
    assertEquals(0, b.engine.connectionCount());
    b.assertNothingSent();
  }

  @Test
  void lostFinIsRetransmitted() {
    Bench b = new Bench().established();
    b.conn().close();
    b.runUntil(b.now);
    TcpRepr fin = b.one();
    b.runUntil(200 * MS);
    assertEquals(fin, b.one());
  }

  @Test
  void closeInSynReceivedSendsFinOnceEstablished() {
    Bench b = new Bench();
    b.synReceived();
    b.conn().close();
    b.runUntil(b.now);
    b.assertNothingSent();
    b.inject(b.template());
    assertEquals(TcpState.FIN_WAIT_1, b.state());
    assertTrue(b.one().has(FLAG_FIN));
  }
}
