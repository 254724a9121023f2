package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 6298's arithmetic, in milliseconds of virtual time. */
class RttEstimatorTest {
  private static final long MS = 1_000_000L;

  @Test
  void startsAtOneSecond() {
    assertEquals(1000 * MS, new RttEstimator(TcpConfig.defaults()).rtoNs());
  }

  @Test
  void firstSampleSetsSrttAndHalfOfItAsRttvar() {
    RttEstimator r = new RttEstimator(TcpConfig.defaults());
    r.sample(400 * MS);
    // RTO = SRTT + 4 * RTTVAR = 400 + 4 * 200 (section 2.2).
    assertEquals(1200 * MS, r.rtoNs());
    assertEquals(400 * MS, r.srttNs());
  }

  @Test
  void laterSamplesSmoothWithAlphaAndBeta() {
    RttEstimator r = new RttEstimator(TcpConfig.defaults());
    r.sample(400 * MS);
    r.sample(800 * MS);
    // RTTVAR = 3/4 * 200 + 1/4 * 400 = 250; SRTT = 7/8 * 400 + 1/8 * 800 = 450 (section 2.3).
    assertEquals(450 * MS, r.srttNs());
    assertEquals(1450 * MS, r.rtoNs());
  }

  @Test
  void isBoundedBelowByTheDocumentedFloorAndAboveBySixtySeconds() {
    RttEstimator r = new RttEstimator(TcpConfig.defaults());
    r.sample(1 * MS);
    assertEquals(200 * MS, r.rtoNs());
    for (int i = 0; i < 20; i++) {
      r.backoff();
    }
    assertEquals(60_000 * MS, r.rtoNs());
  }
}
