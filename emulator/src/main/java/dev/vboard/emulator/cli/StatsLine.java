package dev.vboard.emulator.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON line {@code --stats} prints on stderr at exit. Field names and order are part of
 * the interface (scripts parse it): instructions, virtual_ns, host_ns, exit_code, then, when the
 * board has a connected network, {@code "net":{...}} with the netstack's counters sorted by
 * name (rx.frames, tx.frames, drop.LAYER.REASON, nat.*).
 *
 * @param net the network counters, or null for no {@code net} object
 */
public record StatsLine(long instructions, long virtualNanos, long hostNanos, int exitCode,
    Map<String, Long> net) {

  public StatsLine {
    net = net == null ? null : new TreeMap<>(net);
  }

  /** A line without network counters. */
  public StatsLine(long instructions, long virtualNanos, long hostNanos, int exitCode) {
    this(instructions, virtualNanos, hostNanos, exitCode, null);
  }

  public String toJson() {
    StringBuilder json = new StringBuilder();
    json.append("{\"instructions\":").append(instructions)
        .append(",\"virtual_ns\":").append(virtualNanos)
        .append(",\"host_ns\":").append(hostNanos)
        .append(",\"exit_code\":").append(exitCode);
    if (net != null) {
      json.append(",\"net\":{");
      String sep = "";
      for (Map.Entry<String, Long> e : net.entrySet()) {
        json.append(sep).append('"').append(escape(e.getKey())).append("\":").append(e.getValue());
        sep = ",";
      }
      json.append('}');
    }
    return json.append('}').toString();
  }

  /** Counter names are ASCII identifiers with dots; escape anyway so the line stays JSON. */
  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
