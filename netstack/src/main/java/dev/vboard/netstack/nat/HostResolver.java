package dev.vboard.netstack.nat;

import dev.vboard.netstack.transport.dns.DnsResolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers DNS lookups from the host's own resolver: first the configured static table (so
 * {@code --hosts} entries win), then {@link InetAddress#getAllByName}, which follows the host's
 * nsswitch: /etc/hosts, then the servers of resolv.conf. Only IPv4 answers are kept.
 *
 * <p>HOST I/O EDGE: the lookup blocks the simulation thread for as long as the host resolver
 * takes (the JVM caches answers, 30 s by default). Chosen over a hand-rolled UDP client because
 * it gives exactly the answers the host's other programs get, search domains and all. A name the
 * host cannot resolve, or any resolver failure, is reported as NXDOMAIN.
 */
public final class HostResolver implements DnsResolver {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");
  /** RFC 1035 section 2.3.4: 255 octets for a whole name. */
  private static final int MAX_NAME = 253;

  private final DnsResolver first;

  public HostResolver(DnsResolver first) {
    this.first = first;
  }

  @Override
  public List<Integer> lookupA(String name) {
    List<Integer> known = first.lookupA(name);
    if (!known.isEmpty() || !plausible(name)) {
      return known;
    }
    List<Integer> out = new ArrayList<>();
    try {
      for (InetAddress a : InetAddress.getAllByName(name)) {
        if (a instanceof Inet4Address) {
          out.add(HostRoute.addr(a));
        }
      }
    } catch (UnknownHostException | SecurityException e) {
      LOG.debug("host resolver: {}: {}", name, e.toString());
    }
    return out;
  }

  /**
   * Guest names go to the host resolver only if they are host names (RFC 1123 section 2.1):
   * never an address literal, which {@code getAllByName} would echo back without a lookup.
   */
  static boolean plausible(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().allMatch(
        c -> c == '.' || (c >= '0' && c <= '9'))) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-")
          || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
