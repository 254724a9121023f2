package dev.vboard.netstack.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Wraps a {@link Link} and damages the frames crossing it, in both directions: each frame is
 * independently dropped, corrupted (one byte flipped) or duplicated with the configured
 * probabilities. The random source is seeded, so a run with the same seed and the same traffic
 * loses the same frames: a failure seen once can be replayed.
 */
public final class FaultyLink implements Link {
  /**
   * Fault probabilities, each in [0, 1], checked in this order for every frame.
   *
   * @param drop the frame vanishes
   * @param corrupt one random byte of the frame is replaced by a different value
   * @param duplicate the frame is delivered twice
   */
  public record Faults(double drop, double corrupt, double duplicate) {
    public static final Faults NONE = new Faults(0, 0, 0);

    public Faults {
      for (double p : new double[] {drop, corrupt, duplicate}) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("fault probability out of [0, 1]: " + p);
        }
      }
    }
  }

  private final Link inner;
  private final Faults faults;
  private final Random random;
  private long dropped;
  private long corrupted;
  private long duplicated;

  public FaultyLink(Link inner, Faults faults, long seed) {
    this.inner = inner;
    this.faults = faults;
    this.random = new Random(seed);
  }

  @Override
  public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] f : damage(frame)) {
      out.addAll(inner.receiveFromGuest(f, nowNs));
    }
    return damageAll(out);
  }

  @Override
  public long pollAt() {
    return inner.pollAt();
  }

  @Override
  public List<byte[]> poll(long nowNs) {
    return damageAll(inner.poll(nowNs));
  }

  private List<byte[]> damageAll(List<byte[]> frames) {
    List<byte[]> out = new ArrayList<>(frames.size());
    for (byte[] f : frames) {
      out.addAll(damage(f));
    }
    return out;
  }

  /** Zero, one or two frames for one: never modifies the caller's array. */
  private List<byte[]> damage(byte[] frame) {
    if (random.nextDouble() < faults.drop()) {
      dropped++;
      return List.of();
    }
    byte[] f = frame;
    if (frame.length > 0 && random.nextDouble() < faults.corrupt()) {
      f = frame.clone();
      int at = random.nextInt(f.length);
      f[at] ^= (byte) (1 + random.nextInt(255));
      corrupted++;
    }
    if (random.nextDouble() < faults.duplicate()) {
      duplicated++;
      return List.of(f, f.clone());
    }
    return List.of(f);
  }

  public long dropped() {
    return dropped;
  }

  public long corrupted() {
    return corrupted;
  }

  public long duplicated() {
    return duplicated;
  }
}
