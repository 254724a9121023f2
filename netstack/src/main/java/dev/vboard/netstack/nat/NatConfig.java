package dev.vboard.netstack.nat;

import java.util.ArrayList;
import java.util.List;

/**
 * How the netstack reaches real host sockets.
 *
 * <p>{@link #disabled()} (the library default) opens no host socket at all, so a run is fully
 * deterministic: TCP beyond the virtual hosts is refused with RST, UDP is dropped. The command
 * line's default is {@link #hostAccess()}; {@code --restrict} is {@link #withRestrict}: as QEMU's
 * {@code restrict=on} ("the guest will be isolated ... This option does not affect any explicitly
 * set forwarding rules", QEMU invocation documentation, "-netdev user"), the guest reaches no
 * host socket and the host resolver is not asked, but port forwards still work. Unlike QEMU,
 * which drops such packets silently, restricted connections fail fast: RST for TCP, ICMP
 * destination unreachable (communication administratively prohibited, RFC 1812 5.2.7.1) for UDP.
 *
 * @param enabled whether host sockets exist at all
 * @param restrict guest-initiated traffic never reaches a host socket; forwards still work
 * @param hostDns DNS names the static table does not know are asked of the host resolver
 * @param forwards host-to-guest port forwards
 * @param udpIdleNs virtual time after which an idle UDP flow's host socket is closed
 * @param bufferBytes each direction's buffer in one TCP bridge (the rest of the backpressure
 *     is the TCP windows and the host socket buffers)
 * @param hostPollIntervalNs while host sockets exist and the guest is busy (not idle), how often
 *     in virtual time the embedder should look for ready host sockets
 *     ({@code Netstack.hostIoReady}); idle waits end on readiness itself, with no polling
 */
public record NatConfig(boolean enabled, boolean restrict, boolean hostDns,
    List<PortForward> forwards, long udpIdleNs, int bufferBytes, long hostPollIntervalNs) {
  /** As QEMU's slirp SO_EXPIRE: 240 s for an idle UDP flow. */
  public static final long DEFAULT_UDP_IDLE_NS = 240_000_000_000L;
  public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
  public static final long DEFAULT_HOST_POLL_INTERVAL_NS = 1_000_000L;

  public NatConfig {
    forwards = List.copyOf(forwards);
    if (udpIdleNs <= 0 || bufferBytes <= 0 || hostPollIntervalNs <= 0) {
      throw new IllegalArgumentException("NAT timeouts and buffer sizes must be positive");
    }
  }

  /**
   * No host sockets: deterministic runs and tests. Restricted, so that adding forwards to it
   * opens the forwards and nothing else.
   */
  public static NatConfig disabled() {
    return new NatConfig(false, true, false, List.of(), DEFAULT_UDP_IDLE_NS,
        DEFAULT_BUFFER_BYTES, DEFAULT_HOST_POLL_INTERVAL_NS);
  }

  /** QEMU's {@code -nic user}: outbound NAT, 10.0.2.2 is the host's loopback, host DNS. */
  public static NatConfig hostAccess() {
    return new NatConfig(true, false, true, List.of(), DEFAULT_UDP_IDLE_NS,
        DEFAULT_BUFFER_BYTES, DEFAULT_HOST_POLL_INTERVAL_NS);
  }

  /**
   * The command line's view: host access unless {@code --restrict}, plus each
   * {@code --hostfwd} spec in {@link PortForward} syntax.
   *
   * @param defaultGuest the guest address for forwards that leave it out (the first DHCP address)
   * @throws IllegalArgumentException naming the bad forward
   */
  public static NatConfig fromOptions(boolean restrict, List<String> hostfwds, int defaultGuest) {
    List<PortForward> forwards = new ArrayList<>();
    for (String spec : hostfwds) {
      forwards.add(PortForward.parse(spec, defaultGuest));
    }
    return hostAccess().withRestrict(restrict).withForwards(forwards);
  }

  /** {@code --restrict}: host sockets only for the forwards. */
  public NatConfig withRestrict(boolean on) {
    return new NatConfig(enabled || on, on, hostDns, forwards, udpIdleNs, bufferBytes,
        hostPollIntervalNs);
  }

  /** Sets the forwards (and enables host sockets, which forwards need). */
  public NatConfig withForwards(List<PortForward> f) {
    return new NatConfig(enabled || !f.isEmpty(), restrict, hostDns, f, udpIdleNs, bufferBytes,
        hostPollIntervalNs);
  }

  public NatConfig withHostDns(boolean on) {
    return new NatConfig(enabled, restrict, on, forwards, udpIdleNs, bufferBytes,
        hostPollIntervalNs);
  }

  public NatConfig withUdpIdleNs(long ns) {
    return new NatConfig(enabled, restrict, hostDns, forwards, ns, bufferBytes,
        hostPollIntervalNs);
  }

  public NatConfig withBufferBytes(int bytes) {
    return new NatConfig(enabled, restrict, hostDns, forwards, udpIdleNs, bytes,
        hostPollIntervalNs);
  }

  /** Whether the guest's own connections may reach host sockets. */
  public boolean outbound() {
    return enabled && !restrict;
  }

  /** Whether DNS lookups go to the host resolver. */
  public boolean usesHostResolver() {
    return outbound() && hostDns;
  }
}
