package dev.vboard.netstack.transport.tcp;

/** Chooses initial send sequence numbers (RFC 9293 section 3.4.1). */
@FunctionalInterface
public interface IssGenerator {
  int iss(FourTuple tuple, long nowNs);

  /**
   * RFC 6528's scheme, made deterministic: ISN = M + F(4-tuple, secret), where M is the
   * virtual clock in 4 microsecond ticks and F is a keyed hash with a seed from the config
   * instead of a random secret, so runs replay exactly.
   */
  static IssGenerator rfc6528(long seed) {
    return (t, now) -> {
      long h = seed;
      h = mix(h ^ (t.localIp() & 0xffffffffL));
      h = mix(h ^ ((long) t.localPort() << 16 | t.remotePort()));
      h = mix(h ^ (t.remoteIp() & 0xffffffffL));
      return (int) (now / 4_000) + (int) h;
    };
  }

  /** SplitMix64's finaliser: a cheap bijective mixer with good avalanche. */
  private static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
