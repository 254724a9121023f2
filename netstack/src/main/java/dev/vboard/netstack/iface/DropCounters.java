package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.WireException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dropped packets per layer and reason, for {@code --stats}. Every drop is also logged at
 * DEBUG on {@code vboard.net}: malformed guest traffic is normal, never an error of ours.
 * Shared by all layers of one netstack; not thread-safe, like the rest of the simulation path.
 */
public final class DropCounters {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");

  private final long[][] counts = new long[Layer.values().length][DropReason.values().length];

  /**
   * Counts one drop. {@code detail} (a repr, a datagram, a message) is only turned into text when
   * DEBUG is on, so pass the object rather than a concatenated string on frequent paths.
   */
  public void drop(Layer layer, DropReason reason, Object detail) {
    counts[layer.ordinal()][reason.ordinal()]++;
    LOG.debug("drop {} {}: {}", layer, reason, detail);
  }

  public void drop(Layer layer, WireException e) {
    drop(layer, DropReason.of(e.kind()), e.getMessage());
  }

  public long get(Layer layer, DropReason reason) {
    return counts[layer.ordinal()][reason.ordinal()];
  }

  public long total() {
    long sum = 0;
    for (long[] row : counts) {
      for (long c : row) {
        sum += c;
      }
    }
    return sum;
  }

  /** Non-zero counters as {@code "ipv4.bad_checksum" -> n}, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    for (Layer l : Layer.values()) {
      for (DropReason r : DropReason.values()) {
        long c = counts[l.ordinal()][r.ordinal()];
        if (c != 0) {
          out.put(l.name().toLowerCase() + "." + r.name().toLowerCase(), c);
        }
      }
    }
    return out;
  }
}
