package dev.vboard.netstack.nat;

import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;

/**
 * One host-to-guest port forward, written as QEMU's {@code -nic user} writes it:
 * {@code hostfwd=[tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport} (QEMU invocation
 * documentation, "-netdev user"). The {@code hostfwd=} prefix is optional here.
 *
 * <p>Defaults follow QEMU except for one: protocol TCP, guest address the first DHCP address, but
 * the host address is the loopback 127.0.0.1 rather than QEMU's "any", so that a forward never
 * exposes the guest beyond this machine unless asked for with an explicit {@code 0.0.0.0}.
 * Host port 0 asks the host for any free port; the guest port must be set.
 *
 * @param protocol {@link IpProtocol#TCP} or {@link IpProtocol#UDP}
 */
public record PortForward(int protocol, int hostAddr, int hostPort, int guestAddr,
    int guestPort) {
  private static final String PREFIX = "hostfwd=";
  /** The host address when the spec leaves it out. */
  public static final int DEFAULT_HOST_ADDR = Ipv4Address.of(127, 0, 0, 1);

  public PortForward {
    if (protocol != IpProtocol.TCP && protocol != IpProtocol.UDP) {
      throw new IllegalArgumentException("port forward protocol must be TCP or UDP");
    }
    if (hostPort < 0 || hostPort > 0xffff || guestPort < 1 || guestPort > 0xffff) {
      throw new IllegalArgumentException("port forward port out of range");
    }
  }

  /**
   * Parses one forward.
   *
   * @param defaultGuest the guest address when the spec leaves it out
   * @throws IllegalArgumentException with a message naming the bad part
   */
  public static PortForward parse(String spec, int defaultGuest) {
    String s = spec.startsWith(PREFIX) ? spec.substring(PREFIX.length()) : spec;
    int dash = s.lastIndexOf('-');
    if (dash < 0) {
      throw bad(spec, "expected host part '-' guest part");
    }
    String[] host = s.substring(0, dash).split(":", -1);
    String[] guest = s.substring(dash + 1).split(":", -1);
    if (host.length != 3 || guest.length != 2) {
      throw bad(spec, "expected [tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport");
    }
    int protocol = switch (host[0]) {
      case "", "tcp" -> IpProtocol.TCP;
      case "udp" -> IpProtocol.UDP;
      default -> throw bad(spec, "unknown protocol '" + host[0] + "'");
    };
    int hostAddr = host[1].isEmpty() ? DEFAULT_HOST_ADDR : address(spec, host[1]);
    int guestAddr = guest[0].isEmpty() ? defaultGuest : address(spec, guest[0]);
    int hostPort = port(spec, host[2], 0);
    int guestPort = port(spec, guest[1], 1);
    return new PortForward(protocol, hostAddr, hostPort, guestAddr, guestPort);
  }

  private static int address(String spec, String text) {
    try {
      return Ipv4Address.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad(spec, "bad IPv4 address '" + text + "'");
    }
  }

  private static int port(String spec, String text, int min) {
    try {
      int p = Integer.parseInt(text);
      if (p >= min && p <= 0xffff) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(spec, "bad port '" + text + "'");
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException("hostfwd '" + spec + "': " + why);
  }

  /** The canonical QEMU spelling, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return (protocol == IpProtocol.TCP ? "tcp" : "udp") + ":" + Ipv4Address.toString(hostAddr)
        + ":" + hostPort + "-" + Ipv4Address.toString(guestAddr) + ":" + guestPort;
  }
}
