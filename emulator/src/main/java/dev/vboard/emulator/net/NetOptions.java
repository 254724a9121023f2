package dev.vboard.emulator.net;

import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.nat.NatConfig;
import dev.vboard.netstack.transport.service.QuoteBook;
import dev.vboard.netstack.wire.Ipv4Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the board's NIC meets the network: the options {@code vboard run} and the embedding API
 * share. {@link #defaults()} is QEMU's {@code -nic user}: the NIC connected, virtual services
 * on, host sockets reachable through 10.0.2.2 (QEMU's convention), no forwards, no capture.
 *
 * @param connected false leaves the NIC's cable unplugged ({@code --no-net})
 * @param hostAccess whether host sockets may exist at all; false gives a netstack that does no
 *     I/O (forwards and outbound NAT are then refused), for fully deterministic tests
 * @param restrict {@code --restrict}: the guest reaches no host socket; forwards still work
 * @param hostForwards {@code --hostfwd} specs, QEMU syntax
 * @param pcap capture file, or null
 * @param mac the NIC's MAC address (XX:XX:XX:XX:XX:XX), or null for the board file's
 * @param servicesOff virtual services turned off by name ({@link #SERVICES})
 * @param noServices all virtual services off
 * @param qotdFile quotes for the qotd service, one per line, or null for the built-in ones
 */
public record NetOptions(boolean connected, boolean hostAccess, boolean restrict,
    List<String> hostForwards, Path pcap, String mac, Set<String> servicesOff,
    boolean noServices, Path qotdFile) {

  /** The virtual services on 10.0.2.2 that {@code --service NAME=off} can turn off. */
  public static final List<String> SERVICES =
      List.of("echo", "discard", "daytime", "qotd", "chargen");

  /** The first DHCP address: where a forward without a guest address goes (QEMU's default). */
  static final int FIRST_GUEST = Ipv4Address.of(10, 0, 2, 15);

  public NetOptions {
    hostForwards = List.copyOf(hostForwards);
    servicesOff = Set.copyOf(servicesOff);
    for (String s : servicesOff) {
      if (!SERVICES.contains(s)) {
        throw new IllegalArgumentException("unknown network service '" + s + "' (known: "
            + String.join(", ", SERVICES) + ")");
      }
    }
  }

  public static NetOptions defaults() {
    return new NetOptions(true, true, false, List.of(), null, null, Set.of(), false, null);
  }

  /** The NIC unplugged ({@code --no-net}). */
  public NetOptions withConnected(boolean on) {
    return new NetOptions(on, hostAccess, restrict, hostForwards, pcap, mac, servicesOff,
        noServices, qotdFile);
  }

  public NetOptions withHostAccess(boolean on) {
    return new NetOptions(connected, on, restrict, hostForwards, pcap, mac, servicesOff,
        noServices, qotdFile);
  }

  public NetOptions withRestrict(boolean on) {
    return new NetOptions(connected, hostAccess, on, hostForwards, pcap, mac, servicesOff,
        noServices, qotdFile);
  }

  public NetOptions withHostForwards(List<String> specs) {
    return new NetOptions(connected, hostAccess, restrict, specs, pcap, mac, servicesOff,
        noServices, qotdFile);
  }

  public NetOptions withPcap(Path file) {
    return new NetOptions(connected, hostAccess, restrict, hostForwards, file, mac, servicesOff,
        noServices, qotdFile);
  }

  public NetOptions withMac(String address) {
    return new NetOptions(connected, hostAccess, restrict, hostForwards, pcap, address,
        servicesOff, noServices, qotdFile);
  }

  public NetOptions withServicesOff(Set<String> names) {
    return new NetOptions(connected, hostAccess, restrict, hostForwards, pcap, mac, names,
        noServices, qotdFile);
  }

  public NetOptions withNoServices(boolean on) {
    return new NetOptions(connected, hostAccess, restrict, hostForwards, pcap, mac, servicesOff,
        on, qotdFile);
  }

  public NetOptions withQotdFile(Path file) {
    return new NetOptions(connected, hostAccess, restrict, hostForwards, pcap, mac, servicesOff,
        noServices, file);
  }

  /**
   * The netstack configuration these options describe.
   *
   * @throws IllegalArgumentException naming a bad forward
   * @throws UncheckedIOException when the quotes file cannot be read
   */
  public NetstackConfig netstackConfig() {
    if (!hostAccess && !hostForwards.isEmpty()) {
      throw new IllegalArgumentException("port forwards need host access");
    }
    NatConfig nat = hostAccess
        ? NatConfig.fromOptions(restrict, hostForwards, FIRST_GUEST)
        : NatConfig.disabled();
    NetstackConfig config = NetstackConfig.defaults().withNat(nat)
        .withVirtualServices(!noServices);
    if (qotdFile != null) {
      try {
        List<String> quotes = QuoteBook.fromFile(qotdFile).quotes();
        if (quotes.isEmpty()) {
          throw new IllegalArgumentException("quotes file " + qotdFile + " has no quotes");
        }
        config = config.withQuotes(quotes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read quotes file " + qotdFile + ": " + e, e);
      }
    }
    return config;
  }

  /** The services to turn off one by one (all of them count as off under no-services). */
  Set<String> servicesToUnbind() {
    return noServices ? Set.of() : new TreeSet<>(servicesOff);
  }
}
