package dev.vboard.netstack.link;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory guest for tests, in the manner of Netty's {@code EmbeddedChannel}: inject frames
 * as the guest, drain what the network sent back, and run virtual time forward.
 */
public final class EmbeddedLink {
  private static final int MAX_POLLS_PER_INSTANT = 10_000;

  private final Link link;
  private final List<byte[]> toGuest = new ArrayList<>();
  private long now;

  public EmbeddedLink(Link link) {
    this.link = link;
  }

  public long now() {
    return now;
  }

  /** The guest transmits {@code frame} at the current time. */
  public void inject(byte[] frame) {
    toGuest.addAll(link.receiveFromGuest(frame, now));
  }

  /** Every frame sent to the guest since the last drain, in order. */
  public List<byte[]> drain() {
    List<byte[]> out = List.copyOf(toGuest);
    toGuest.clear();
    return out;
  }

  /**
   * Runs every deadline up to and including {@code t}, then sets the time to {@code t}. Fails
   * the test if the link keeps asking to be polled at one instant without making progress.
   */
  public void runUntil(long t) {
    if (t < now) {
      throw new IllegalArgumentException("time goes backwards: " + t + " < " + now);
    }
    int pollsAtNow = 0;
    for (long at = link.pollAt(); at <= t; at = link.pollAt()) {
      pollsAtNow = at <= now ? pollsAtNow + 1 : 0;
      if (pollsAtNow > MAX_POLLS_PER_INSTANT) {
        throw new IllegalStateException("link polled " + pollsAtNow + " times at " + now);
      }
      now = Math.max(now, at);
      toGuest.addAll(link.poll(now));
    }
    now = t;
  }
}
