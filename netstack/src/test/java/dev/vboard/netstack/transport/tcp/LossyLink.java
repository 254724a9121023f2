package dev.vboard.netstack.transport.tcp;

import java.util.PriorityQueue;
import java.util.Random;

/**
 * Two engines back to back through an in-memory link that drops, delays (and so reorders),
 * duplicates and corrupts segments, all from one seeded {@link Random} so every run replays.
 */
final class LossyLink {
  static final int A_IP = 0x0a000202;
  static final int B_IP = 0x0a00020f;

  private record InFlight(long at, long order, int src, int dst, byte[] segment) { }

  final TcpEngine a;
  final TcpEngine b;
  private final Random random;
  private final double loss;
  private final double duplicate;
  private final double corrupt;
  private final long minDelayNs;
  private final long maxDelayNs;
  private final PriorityQueue<InFlight> queue = new PriorityQueue<>((x, y) ->
      x.at() != y.at() ? Long.compare(x.at(), y.at()) : Long.compare(x.order(), y.order()));
  private long order;
  long now;
  long delivered;
  long dropped;
  /** A running CRC of every segment sent and when: equal digests mean identical runs. */
  final java.util.zip.CRC32 digest = new java.util.zip.CRC32();
  /** When set, every segment is lost: the peer has vanished. */
  boolean blackhole;

  LossyLink(TcpConfig config, long seed, double loss, double duplicate, double corrupt,
      long minDelayNs, long maxDelayNs, IssGenerator issA, IssGenerator issB) {
    this.random = new Random(seed);
    this.loss = loss;
    this.duplicate = duplicate;
    this.corrupt = corrupt;
    this.minDelayNs = minDelayNs;
    this.maxDelayNs = maxDelayNs;
    this.a = new TcpEngine(config, this::send, issA);
    this.b = new TcpEngine(config, this::send, issB);
  }

  private void send(int src, int dst, byte[] segment) {
    digest.update(segment);
    digest.update((int) (now >>> 20));
    if (blackhole || random.nextDouble() < loss) {
      dropped++;
      return;
    }
    int copies = random.nextDouble() < duplicate ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      byte[] s = segment.clone();
      if (random.nextDouble() < corrupt) {
        s[random.nextInt(s.length)] ^= (byte) (1 << random.nextInt(8));
      }
      long delay = minDelayNs + (long) (random.nextDouble() * (maxDelayNs - minDelayNs));
      queue.add(new InFlight(now + delay, order++, src, dst, s));
    }
  }

  /** Runs the link and both engines until {@code done} holds or virtual time passes {@code end}. */
  void runUntil(java.util.function.BooleanSupplier done, long end) {
    while (!done.getAsBoolean()) {
      long next = Math.min(a.pollAt(), b.pollAt());
      if (!queue.isEmpty()) {
        next = Math.min(next, queue.peek().at());
      }
      if (next > end) {
        now = end;
        return;
      }
      now = Math.max(now, next);
      while (!queue.isEmpty() && queue.peek().at() <= now) {
        InFlight f = queue.poll();
        TcpEngine to = f.dst() == A_IP ? a : b;
        delivered++;
        to.segmentArrived(f.src(), f.dst(), f.segment(), 0, f.segment().length, now);
      }
      if (a.pollAt() <= now) {
        a.poll(now);
      }
      if (b.pollAt() <= now) {
        b.poll(now);
      }
    }
  }
}
