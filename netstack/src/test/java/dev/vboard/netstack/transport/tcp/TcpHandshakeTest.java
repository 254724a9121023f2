package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.transport.tcp.Bench.GUEST_ISS;
import static dev.vboard.netstack.transport.tcp.Bench.ISS;
import static dev.vboard.netstack.transport.tcp.Bench.MS;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_ACK;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_FIN;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_RST;
import static dev.vboard.netstack.wire.TcpPacket.FLAG_SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening: RFC 9293 sections 3.5 and 3.10.7.1-3.10.7.3, event by event. */
class TcpHandshakeTest {

  @Test
  void listenRecvSynSendsSynAckWithOurMss() {
    Bench b = new Bench();
    TcpRepr synAck = b.synReceived();
    assertEquals(FLAG_SYN | FLAG_ACK, synAck.flags());
    assertEquals(ISS, synAck.seq());
    assertEquals(GUEST_ISS + 1, synAck.ack());
    assertEquals(1460, synAck.options().mss());
    assertEquals(-1, synAck.options().windowScale(), "no scaling unless the peer offers it");
    assertEquals(TcpState.SYN_RECEIVED, b.state());
    assertEquals(List.of(), b.app.events, "the application hears nothing before ESTABLISHED");
  }

  @Test
  void listenRecvSynWithWindowScaleAnswersWithOurs() {
    Bench b = new Bench(TcpConfig.defaults().withBuffers(65536, 256 * 1024)).listen();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN).withAck(0)
        .withOptions(TcpOptions.mssOnly(1460).withWindowScale(7)));
    TcpRepr synAck = b.one();
    assertEquals(3, synAck.options().windowScale(), "256 KiB needs a shift of 3");
    assertEquals(65535, synAck.window(), "a SYN's window is never scaled");
    b.inject(b.template());
    assertEquals(256 * 1024 >> 3, b.one().window(),
        "the full scaled window is announced once the SYN's 64 KiB limit no longer applies");
    b.inject(b.data(0, new byte[10]));
    b.advance(100 * MS);
    assertEquals((256 * 1024 - 10) >> 3, b.one().window(), "later windows are scaled by 2^3");
  }

  @Test
  void synReceivedRecvAckEstablishesAndOpensTheApplication() {
    Bench b = new Bench();
    b.established();
    assertEquals(List.of("open", "writable"), b.app.events);
    b.assertNothingSent();
  }

  @Test
  void synReceivedRecvRetransmittedSynResendsSynAck() {
    Bench b = new Bench();
    TcpRepr first = b.synReceived();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN).withAck(0));
    assertEquals(first, b.one());
  }

  @Test
  void synReceivedRetransmitsSynAckOnTimeoutWithBackoff() {
    Bench b = new Bench();
    TcpRepr first = b.synReceived();
    b.runUntil(1000 * MS - 1);
    b.assertNothingSent();
    b.runUntil(1000 * MS);
    assertEquals(first, b.one());
    b.runUntil(3000 * MS - 1);
    b.assertNothingSent();
    b.runUntil(3000 * MS);
    assertEquals(first, b.one());
  }

  @Test
  void synReceivedRecvBadAckSendsReset() {
    Bench b = new Bench();
    b.synReceived();
    b.inject(b.template().withAck(ISS + 50));
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST, rst.flags());
    assertEquals(ISS + 50, rst.seq());
  }

  @Test
  void synReceivedRecvRstReturnsToListenSilently() {
    Bench b = new Bench();
    b.synReceived();
    b.inject(b.template().withFlags(FLAG_RST));
    assertEquals(TcpState.CLOSED, b.state());
    assertEquals(0, b.engine.connectionCount());
    assertEquals(List.of(), b.app.events);
    b.synReceived(); // the listener is still there
  }

  @Test
  void closedPortRecvSynSendsRstAck() {
    Bench b = new Bench();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN).withAck(0)
        .withPayload(new byte[3]));
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST | FLAG_ACK, rst.flags());
    assertEquals(0, rst.seq());
    assertEquals(GUEST_ISS + 4, rst.ack(), "SEG.SEQ + SEG.LEN, the SYN counting one");
  }

  @Test
  void closedRecvAckSendsRstWithSeqOfTheAck() {
    Bench b = new Bench();
    b.inject(b.template().withAck(777));
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST, rst.flags());
    assertEquals(777, rst.seq());
  }

  @Test
  void closedRecvRstIsIgnored() {
    Bench b = new Bench();
    b.inject(b.template().withFlags(FLAG_RST));
    b.assertNothingSent();
  }

  @Test
  void listenerRefusingAConnectionResets() {
    Bench b = new Bench();
    b.engine.listen(0, Bench.HOST_PORT, (t, n) -> null);
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN).withAck(0));
    assertEquals(FLAG_RST | FLAG_ACK, b.one().flags());
  }

  @Test
  void aFullConnectionTableRefusesNewSyns() {
    Bench b = new Bench(TcpConfig.defaults().withMaxConnections(1));
    b.established();
    TcpRepr other = new TcpRepr(Bench.GUEST_PORT + 1, Bench.HOST_PORT, 77, 0, FLAG_SYN, 1000, 0,
        TcpOptions.NONE, new byte[0]);
    b.inject(other);
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST | FLAG_ACK, rst.flags());
    assertEquals(78, rst.ack());
    assertEquals(1, b.engine.connectionCount());
  }

  @Test
  void aFullConnectionTableGivesUpItsTimeWaitPairForANewSyn() {
    Bench b = new Bench(TcpConfig.defaults().withMaxConnections(1));
    b.established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(b.template().withAck(ISS + 2).withFlags(FLAG_ACK | FLAG_FIN));
    b.drain();
    assertEquals(TcpState.TIME_WAIT, b.state());
    TcpRepr other = new TcpRepr(Bench.GUEST_PORT + 1, Bench.HOST_PORT, 77, 0, FLAG_SYN, 1000, 0,
        TcpOptions.mssOnly(1460), new byte[0]);
    b.inject(other);
    TcpRepr synAck = b.one();
    assertEquals(FLAG_SYN | FLAG_ACK, synAck.flags());
    assertEquals(78, synAck.ack());
    assertEquals(TcpState.CLOSED, b.state(), "the TIME-WAIT pair made room");
    assertEquals(1, b.engine.connectionCount());
  }

  @Test
  void synSentSendsSynWithMssAndWindowScale() {
    Bench b = new Bench();
    TcpRepr syn = b.synSent();
    assertEquals(FLAG_SYN, syn.flags());
    assertEquals(ISS, syn.seq());
    assertEquals(1460, syn.options().mss());
    assertEquals(1, syn.options().windowScale(), "64 KiB needs a shift of 1");
    assertEquals(TcpState.SYN_SENT, b.state());
  }

  @Test
  void synSentRecvSynAckEstablishesAndAcks() {
    Bench b = new Bench();
    b.synSent();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN | FLAG_ACK)
        .withOptions(TcpOptions.mssOnly(1000)));
    TcpRepr ack = b.one();
    assertEquals(FLAG_ACK, ack.flags());
    assertEquals(ISS + 1, ack.seq());
    assertEquals(GUEST_ISS + 1, ack.ack());
    assertEquals(TcpState.ESTABLISHED, b.state());
    assertEquals(1000, b.conn().sndMss(), "the peer's MSS bounds our segments");
    assertEquals("open", b.app.events.get(0));
  }

  @Test
  void synSentRecvRstAckReportsRefused() {
    Bench b = new Bench();
    b.synSent();
    b.inject(b.template().withSeq(0).withFlags(FLAG_RST | FLAG_ACK));
    assertEquals(TcpState.CLOSED, b.state());
    assertEquals(TcpError.REFUSED, b.app.error);
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void synSentRecvRstWithoutAckIsIgnored() {
    Bench b = new Bench();
    b.synSent();
    b.inject(b.template().withFlags(FLAG_RST));
    assertEquals(TcpState.SYN_SENT, b.state());
  }

  @Test
  void synSentRecvUnacceptableAckSendsReset() {
    Bench b = new Bench();
    b.synSent();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN | FLAG_ACK).withAck(ISS + 9));
    TcpRepr rst = b.one();
    assertEquals(FLAG_RST, rst.flags());
    assertEquals(ISS + 9, rst.seq());
    assertEquals(TcpState.SYN_SENT, b.state());
  }

  @Test
  void synSentRecvSynIsASimultaneousOpen() {
    Bench b = new Bench();
    b.synSent();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN).withAck(0));
    TcpRepr synAck = b.one();
    assertEquals(FLAG_SYN | FLAG_ACK, synAck.flags());
    assertEquals(ISS, synAck.seq());
    assertEquals(GUEST_ISS + 1, synAck.ack());
    assertEquals(TcpState.SYN_RECEIVED, b.state());
    b.inject(b.template());
    assertEquals(TcpState.ESTABLISHED, b.state());
  }

  @Test
  void synSentGivesUpAfterMaxRetransmitsWithBackoff() {
    Bench b = new Bench(TcpConfig.defaults().withMaxRetransmits(3));
    TcpRepr syn = b.synSent();
    long[] expected = {1000, 3000, 7000};
    for (long t : expected) {
      b.runUntil(t * MS - 1);
      b.assertNothingSent();
      b.runUntil(t * MS);
      assertEquals(syn, b.one());
    }
    b.runUntil(15000 * MS);
    b.assertNothingSent(); // no RST: the peer never knew us
    assertEquals(TcpError.TIMEOUT, b.app.error);
    assertEquals(0, b.engine.connectionCount());
  }

  @Test
  void writesBeforeTheHandshakeAreSentOnceEstablished() {
    Bench b = new Bench();
    b.synSent();
    assertEquals(5, b.conn().write(new byte[] {1, 2, 3, 4, 5}, 0, 5));
    b.runUntil(0);
    b.assertNothingSent();
    b.inject(b.template().withSeq(GUEST_ISS).withFlags(FLAG_SYN | FLAG_ACK));
    List<TcpRepr> segs = b.drain();
    assertEquals(1, segs.size(), "the data carries the handshake's ACK");
    assertEquals(5, segs.get(0).payload().length);
    assertTrue(segs.get(0).has(FLAG_ACK));
  }

  @Test
  void timeWaitRecvNewSynReopensThePair() {
    Bench b = new Bench();
    b.established();
    b.conn().close();
    b.runUntil(b.now);
    b.drain();
    b.inject(b.template().withAck(ISS + 2).withFlags(FLAG_ACK | FLAG_FIN));
    assertEquals(TcpState.TIME_WAIT, b.state());
    b.drain();
    b.inject(b.template().withSeq(GUEST_ISS + 100000).withFlags(FLAG_SYN).withAck(0));
    assertEquals(TcpState.SYN_RECEIVED, b.state());
    assertEquals(FLAG_SYN | FLAG_ACK, b.one().flags());
  }
}
