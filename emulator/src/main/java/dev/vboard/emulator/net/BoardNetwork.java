package dev.vboard.emulator.net;

import dev.vboard.emulator.board.Board;
import dev.vboard.emulator.board.BoardDescription;
import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.link.Link;
import dev.vboard.netstack.link.PcapLink;
import dev.vboard.netstack.link.PcapWriter;
import dev.vboard.netstack.transport.service.VirtualService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network behind one board: the netstack built from {@link NetOptions}, an optional pcap
 * capture around it, the {@link NetBridge} to the board's LAN9118, and host I/O wired into the
 * machine's idle path: pacing ({@link HostIoPacer}) and wake-ups ({@link HostSocketWaiter}).
 * Close it after the run: it flushes the capture and closes every host socket.
 */
public final class BoardNetwork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");
  /** The board-file type of the network controller this bridge drives. */
  static final String NIC_TYPE = "lan9118";

  private final Netstack netstack;
  private final PcapLink pcap;

  private BoardNetwork(Netstack netstack, PcapLink pcap) {
    this.netstack = netstack;
    this.pcap = pcap;
  }

  /**
   * Connects {@code board}'s network controller as {@code options} say. Returns empty when the
   * board has no LAN9118 or the options leave it unconnected (its link is then down, a cable
   * plugged into nothing).
   *
   * @throws IllegalArgumentException for a bad forward or quotes file
   * @throws UncheckedIOException when a forward cannot bind or the capture cannot be created
   */
  public static Optional<BoardNetwork> attach(Board board, NetOptions options) {
    Optional<Lan9118> nic = findNic(board);
    if (nic.isEmpty()) {
      if (options.connected()) {
        LOG.debug("{} has no {} to connect", board.description().name(), NIC_TYPE);
      }
      return Optional.empty();
    }
    if (!options.connected()) {
      nic.get().setLinkUp(false);
      return Optional.empty();
    }
    Netstack netstack = new Netstack(options.netstackConfig());
    try {
      unbindServices(netstack, options);
      PcapLink pcap = options.pcap() == null ? null : openPcap(netstack, options);
      Link link = pcap == null ? netstack : pcap;
      Machine machine = board.machine();
      NetBridge bridge = new NetBridge(machine.scheduler(), nic.get(), link);
      if (options.hostAccess()) {
        machine.setIdleWait(new HostIoPacer(netstack, bridge, machine.clock(),
            machine.scheduler().hostEvents()));
        wakeOnHostIo(machine.scheduler().hostEvents(), machine.clock(), netstack, bridge);
      }
      return Optional.of(new BoardNetwork(netstack, pcap));
    } catch (RuntimeException e) {
      netstack.close();
      throw e;
    }
  }

  /**
   * Host sockets wake the machine through its {@link HostEvents} doorbell rather than being
   * polled by time: a ready socket is delivered as host input, and this listener then has the
   * netstack polled at that virtual instant. Stdin signals that find no socket ready poll nothing.
   */
  static void wakeOnHostIo(HostEvents events, VirtualClock clock, Netstack netstack,
      NetBridge bridge) {
    events.setWaiter(new HostSocketWaiter(netstack));
    events.addListener(() -> {
      if (netstack.hostIoReady()) {
        bridge.pollNoLaterThan(clock.now());
      }
    });
  }

  private static Optional<Lan9118> findNic(Board board) {
    for (BoardDescription.Device d : board.description().devices()) {
      if (NIC_TYPE.equals(d.type()) && !d.placeholder()) {
        return Optional.of(board.device(d.name(), Lan9118.class));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code --service NAME=off}: the netstack offers its services as a set, so a single one is
   * taken off its port afterwards. A TCP connection to it then goes where one to any other
   * gateway port goes: through the NAT to the host's port (as QEMU, which has no such service),
   * or refused with RST without host access or under restrict. UDP datagrams to it are dropped
   * and logged (the UDP layer has no unbind).
   */
  public static void unbindServices(Netstack netstack, NetOptions options) {
    int gateway = netstack.config().iface().gateway();
    for (VirtualService s : netstack.virtualServices()) {
      if (options.servicesToUnbind().contains(s.name())) {
        netstack.tcp().engine().unlisten(gateway, s.port());
        netstack.udp().bind(gateway, s.port(), (datagram, nowNs, out) ->
            LOG.debug("drop: UDP to service {} (turned off)", s.name()));
      }
    }
  }

  private static PcapLink openPcap(Netstack netstack, NetOptions options) {
    try {
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(options.pcap()));
      try {
        return new PcapLink(netstack, new PcapWriter(out));
      } catch (IOException e) {
        out.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pcap file " + options.pcap() + ": "
          + e.getMessage(), e);
    }
  }

  public Netstack netstack() {
    return netstack;
  }

  /** The netstack's counters (rx/tx frames, drops, NAT), sorted by name. */
  public Map<String, Long> counters() {
    return netstack.counters();
  }

  /** The bound host address of each forward, in order (the real port when 0 was asked for). */
  public List<InetSocketAddress> forwardAddresses() {
    return netstack.forwardAddresses();
  }

  @Override
  public void close() {
    try {
      if (pcap != null) {
        pcap.close();
      }
    } catch (IOException e) {
      LOG.error("pcap capture could not be completed: {}", e.toString());
    } finally {
      netstack.close();
    }
  }
}
