package dev.vboard.netstack.transport.dns;

import dev.vboard.netstack.wire.Ipv4Address;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed name table: the same answers on every run. Names match case-insensitively (RFC 1035
 * section 2.3.3) and without a trailing dot.
 */
public final class StaticResolver implements DnsResolver {
  private final Map<String, List<Integer>> table;

  public StaticResolver(Map<String, List<Integer>> table) {
    Map<String, List<Integer>> copy = new LinkedHashMap<>();
    table.forEach((name, addrs) -> copy.put(normalize(name), List.copyOf(addrs)));
    this.table = Map.copyOf(copy);
  }

  /**
   * Reads a hosts(5)-style table: an IPv4 address, then one or more names, {@code #} starts a
   * comment. Lines with an IPv6 address are skipped (this network is IPv4 only); a name listed on
   * several lines gets every address, in file order.
   */
  public static StaticResolver readHosts(Reader reader) throws IOException {
    Map<String, List<Integer>> table = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int lineNo = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNo++;
      int hash = line.indexOf('#');
      String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
      if (fields.length < 2 || fields[0].contains(":")) {
        continue;
      }
      int addr;
      try {
        addr = Ipv4Address.parse(fields[0]);
      } catch (IllegalArgumentException e) {
        throw new IOException("hosts line " + lineNo + ": bad address '" + fields[0] + "'", e);
      }
      for (int i = 1; i < fields.length; i++) {
        table.computeIfAbsent(normalize(fields[i]), k -> new ArrayList<>()).add(addr);
      }
    }
    return new StaticResolver(table);
  }

  static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  @Override
  public List<Integer> lookupA(String name) {
    return table.getOrDefault(normalize(name), List.of());
  }
}
