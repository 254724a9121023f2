package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 5681's window arithmetic with an MSS of 1000 bytes. */
class CongestionControlTest {

  private static CongestionControl started() {
    CongestionControl c = new CongestionControl();
    c.start(1000);
    return c;
  }

  @Test
  void initialWindowIsMinOfFourSegmentsAnd4380Bytes() {
    assertEquals(4000, started().window());
    CongestionControl big = new CongestionControl();
    big.start(1460);
    assertEquals(4380, big.window());
  }

  @Test
  void slowStartGrowsByAtMostOneSegmentPerAck() {
    CongestionControl c = started();
    c.onNewAck(3000);
    assertEquals(5000, c.window());
    c.onNewAck(10);
    assertEquals(5010, c.window());
  }

  @Test
  void aTimeoutRestartsFromOneSegmentAndThenAvoidsCongestion() {
    CongestionControl c = started();
    c.onRetransmissionTimeout(8000); // ssthresh = 4000
    assertEquals(1000, c.window());
    c.onNewAck(1000);
    c.onNewAck(1000);
    c.onNewAck(1000);
    assertEquals(4000, c.window(), "slow start up to ssthresh");
    c.onNewAck(1000);
    assertEquals(4250, c.window(), "then MSS*MSS/cwnd per ACK");
  }

  @Test
  void theThirdDuplicateAckAsksForAFastRetransmit() {
    CongestionControl c = started();
    assertFalse(c.onDuplicateAck(4000));
    assertFalse(c.onDuplicateAck(4000));
    assertTrue(c.onDuplicateAck(4000));
    assertEquals(2000 + 3000, c.window(), "ssthresh + 3 segments");
    assertFalse(c.onDuplicateAck(4000));
    assertEquals(6000, c.window(), "inflated by each further duplicate");
    c.onNewAck(4000);
    assertEquals(2000, c.window(), "deflated to ssthresh on the recovery ACK");
  }
}
