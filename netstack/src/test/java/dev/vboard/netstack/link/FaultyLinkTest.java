package dev.vboard.netstack.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyLinkTest {
  /** Echoes each frame back once and records what reached it. */
  private static final class Echo implements Link {
    final List<byte[]> seen = new ArrayList<>();

    @Override
    public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
      seen.add(frame);
      return List.of(frame.clone());
    }

    @Override
    public long pollAt() {
      return NEVER;
    }

    @Override
    public List<byte[]> poll(long nowNs) {
      return List.of();
    }
  }

  private static List<byte[]> run(FaultyLink link, int frames) {
    List<byte[]> back = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      back.addAll(link.receiveFromGuest(new byte[] {(byte) i, 0, 0, 0}, i));
    }
    return back;
  }

  @Test
  void noFaultsIsTransparent() {
    Echo echo = new Echo();
    List<byte[]> back = run(new FaultyLink(echo, FaultyLink.Faults.NONE, 1), 100);
    assertEquals(100, back.size());
    assertArrayEquals(new byte[] {5, 0, 0, 0}, back.get(5));
  }

  @Test
  void dropEverythingDeliversNothingInEitherDirection() {
    Echo echo = new Echo();
    FaultyLink link = new FaultyLink(echo, new FaultyLink.Faults(1, 0, 0), 1);
    assertEquals(0, run(link, 10).size());
    assertEquals(0, echo.seen.size());
    assertEquals(10, link.dropped());
  }

  @Test
  void duplicationDoublesBothDirections() {
    Echo echo = new Echo();
    FaultyLink link = new FaultyLink(echo, new FaultyLink.Faults(0, 0, 1), 1);
    assertEquals(40, run(link, 10).size());
    assertEquals(20, echo.seen.size());
  }

  @Test
  void corruptionChangesOneByteAndLeavesTheCallersArrayAlone() {
    Echo echo = new Echo();
    FaultyLink link = new FaultyLink(echo, new FaultyLink.Faults(0, 1, 0), 1);
    byte[] frame = {1, 2, 3, 4};
    link.receiveFromGuest(frame, 0);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, frame);
    byte[] seen = echo.seen.get(0);
    int diffs = 0;
    for (int i = 0; i < 4; i++) {
      diffs += seen[i] != frame[i] ? 1 : 0;
    }
    assertEquals(1, diffs);
  }

  @Test
  void sameSeedLosesTheSameFramesAndAnotherSeedOthers() {
    FaultyLink.Faults f = new FaultyLink.Faults(0.3, 0.1, 0.1);
    List<String> a = fingerprint(run(new FaultyLink(new Echo(), f, 42), 500));
    assertEquals(a, fingerprint(run(new FaultyLink(new Echo(), f, 42), 500)));
    assertNotEquals(a, fingerprint(run(new FaultyLink(new Echo(), f, 43), 500)));
  }

  private static List<String> fingerprint(List<byte[]> frames) {
    return frames.stream().map(java.util.Arrays::toString).toList();
  }

  @Test
  void probabilitiesOutsideZeroToOneAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new FaultyLink.Faults(1.5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new FaultyLink.Faults(0, Double.NaN, 0));
  }
}
