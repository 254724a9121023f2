package dev.vboard.emulator.cli;

import dev.vboard.emulator.net.BoardNetwork;
import dev.vboard.emulator.net.NetOptions;
import dev.vboard.emulator.tap.TapBridge;
import dev.vboard.emulator.tap.TapDevice;
import dev.vboard.emulator.tap.TapUnavailableException;
import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.link.Link;
import dev.vboard.netstack.link.PcapLink;
import dev.vboard.netstack.link.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vboard netstack --tap IFNAME}: the board's virtual LAN without a board. The netstack
 * runs against a Linux TAP interface, so a real host stack (typically in a network namespace)
 * takes the board's place: it gets its address by DHCP, pings and talks to 10.0.2.2, reaches
 * host sockets through the NAT and is reached through {@code --hostfwd}. Realtime by nature.
 */
@Command(name = "netstack", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Run the virtual network on a TAP interface, for a real host to join.",
    description = {"Create (or attach to) the TAP interface IFNAME, bring it up and run the "
        + "virtual network behind it (10.0.2.0/24: DHCP from 10.0.2.15, gateway and services "
        + "on 10.0.2.2, DNS on 10.0.2.3, NAT to host sockets, port forwards) until SIGINT or "
        + "SIGTERM, as the board would see it. Move the interface into a network namespace "
        + "(ip link set IFNAME netns NS) to put a whole Linux stack on that network.",
        "",
        "This mode is realtime: the network's clock is the wall clock (the other end is a real "
            + "kernel), so runs are not deterministic, unlike 'vboard run'. It needs root or "
            + "CAP_NET_ADMIN."},
    footer = {"", "Exit status: 0 stopped by SIGINT/SIGTERM (the JVM itself then exits 130 or "
        + "143); 2 usage error; 69 /dev/net/tun missing or not permitted; 74 the TAP failed "
        + "while running; 70 internal error."})
public final class NetstackCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");

  /** sysexits.h EX_UNAVAILABLE: the TAP device cannot be had on this host. */
  public static final int TAP_UNAVAILABLE = 69;
  /** sysexits.h EX_IOERR: the TAP failed while running (e.g. the interface was deleted). */
  public static final int TAP_FAILED = 74;

  @Spec
  CommandSpec spec;

  @Option(names = "--tap", paramLabel = "IFNAME", required = true,
      description = "The TAP interface to create or attach to (up to 15 characters; %%d lets "
          + "the kernel number it).")
  String tapName;

  @Option(names = "--hostfwd", paramLabel = "[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT",
      converter = HostForwardConverter.class,
      description = "Forward host connections (tcp, the default) or datagrams (udp) on "
          + "HOSTADDR:HOSTPORT to GUESTADDR:GUESTPORT on the virtual LAN, as QEMU's hostfwd; "
          + "repeatable. HOSTADDR defaults to 127.0.0.1, GUESTADDR to 10.0.2.15, HOSTPORT 0 "
          + "picks a free port.")
  List<String> hostForwards = new ArrayList<>();

  @Option(names = "--restrict",
      description = "Isolate the LAN from the host, as QEMU's restrict=on: its connections "
          + "never reach a host socket; --hostfwd forwards still work.")
  boolean restrict;

  @Option(names = "--pcap", paramLabel = "FILE",
      description = "Record every frame on the TAP wire to FILE (pcap, nanosecond timestamps "
          + "of real time).")
  Path pcap;

  @Option(names = "--service", paramLabel = "NAME=off", converter = ServiceSwitch.Converter.class,
      description = "Turn off one virtual service on 10.0.2.2: echo, discard, daytime, qotd or "
          + "chargen; repeatable.")
  List<ServiceSwitch> services = new ArrayList<>();

  @Option(names = "--no-services",
      description = "Run none of the virtual services on 10.0.2.2 (DHCP and DNS stay).")
  boolean noServices;

  @Option(names = "--qotd-file", paramLabel = "FILE",
      description = "Quotes for the qotd service, one per line; default: built-in proverbs.")
  Path qotdFile;

  @Option(names = "--trace", paramLabel = "CATEGORIES",
      description = "Log these categories to stderr, comma-separated (net is the one that "
          + "matters here), or all.")
  String trace;

  @Option(names = "--stats",
      description = "At exit print one JSON line on stderr with the network's counters and the "
          + "TAP's frame counts: {\"tap\":{...},\"net\":{...}}.")
  boolean stats;

  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean installSignalHook = true;

  /**
   * Stops a running command, as SIGINT or SIGTERM do (for embedding and tests); safe from any
   * thread, before or during the run.
   */
  public void stop() {
    stopRequested.set(true);
  }

  /** Leaves SIGINT/SIGTERM to the caller (an in-process run, e.g. a test): no shutdown hook. */
  public NetstackCommand withoutSignalHook() {
    installSignalHook = false;
    return this;
  }

  /** Waits until the TAP is up and the network runs (the "ready" line is out). */
  public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
    return ready.await(timeout, unit);
  }

  @Override
  public Integer call() {
    if (trace != null) {
      try {
        TraceCategories.enable(TraceCategories.parse(trace));
      } catch (picocli.CommandLine.TypeConversionException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    try {
      TapDevice.checkName(tapName);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    // The hook waits for this run to finish: stats printed, capture flushed, TAP closed.
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = installSignalHook ? installHook(finished) : null;
    try {
      return runNetwork(err);
    } finally {
      finished.countDown();
      if (hook != null && !stopRequested.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // A signal arrived just now; the hook sees the run has finished and returns.
        }
      }
    }
  }

  private int runNetwork(PrintWriter err) {
    Netstack netstack = buildNetstack();
    try (netstack) {
      PcapLink capture = pcap == null ? null : openPcap(netstack);
      try (TapDevice tap = TapDevice.open(tapName)) {
        tap.bringUp();
        return runUntilStopped(tap, capture == null ? netstack : capture, netstack, err);
      } catch (TapUnavailableException e) {
        err.println("vboard: " + e.getMessage());
        err.flush();
        return TAP_UNAVAILABLE;
      } catch (IOException e) {
        err.println("vboard: " + VboardCli.oneLine(e.getMessage()));
        err.flush();
        return TAP_FAILED;
      } finally {
        closePcap(capture);
      }
    }
  }

  private int runUntilStopped(TapDevice tap, Link link, Netstack netstack, PrintWriter err)
      throws IOException {
    TapBridge bridge = new TapBridge(tap, link, netstack);
    PrintWriter out = spec.commandLine().getOut();
    out.println("vboard: netstack on TAP " + tap.name() + describeForwards(netstack)
        + " (stop with Ctrl-C)");
    out.flush();
    ready.countDown();
    bridge.run(stopRequested::get);
    if (stats) {
      err.println(statsJson(bridge, netstack));
      err.flush();
    }
    return 0;
  }

  /**
   * SIGINT/SIGTERM run shutdown hooks: stop the loop and let it print its stats and close the
   * TAP before the JVM exits.
   */
  private Thread installHook(CountDownLatch finished) {
    Thread hook = new Thread(() -> {
      stopRequested.set(true);
      try {
        finished.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vboard-netstack-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private Netstack buildNetstack() {
    Set<String> off = new TreeSet<>();
    for (ServiceSwitch s : services) {
      if (s.on()) {
        off.remove(s.name());
      } else {
        off.add(s.name());
      }
    }
    NetOptions options = NetOptions.defaults()
        .withRestrict(restrict)
        .withHostForwards(hostForwards)
        .withServicesOff(off)
        .withNoServices(noServices)
        .withQotdFile(qotdFile);
    Netstack netstack;
    try {
      NetstackConfig c = options.netstackConfig();
      // The loop's clock is Unix time (TapBridge), so the daytime service adds it to 0.
      netstack = new Netstack(new NetstackConfig(c.iface(), c.dhcp(), c.dnsAddr(), c.resolver(),
          c.dnsTtlSeconds(), c.virtualServices(), 0, c.quotes(), c.tcp(), c.nat()));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // A --hostfwd that cannot bind, a --qotd-file that cannot be read.
      throw new UserError(e.getMessage());
    }
    BoardNetwork.unbindServices(netstack, options);
    return netstack;
  }

  private PcapLink openPcap(Netstack netstack) {
    try {
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcap));
      return new PcapLink(netstack, new PcapWriter(out));
    } catch (IOException e) {
      throw new UserError("cannot write pcap file " + pcap + ": " + RunCommand.describe(e));
    }
  }

  private static void closePcap(PcapLink capture) {
    if (capture == null) {
      return;
    }
    try {
      capture.close();
    } catch (IOException e) {
      LOG.error("pcap capture could not be completed: {}", e.toString());
    }
  }

  private static String describeForwards(Netstack netstack) {
    List<InetSocketAddress> bound = netstack.forwardAddresses();
    if (bound.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(", forwards on");
    for (InetSocketAddress a : bound) {
      s.append(' ').append(a.getAddress().getHostAddress()).append(':').append(a.getPort());
    }
    return s.toString();
  }

  private static String statsJson(TapBridge bridge, Netstack netstack) {
    String net = new StatsLine(0, 0, 0, 0, netstack.counters()).toJson();
    String netObject = net.substring(net.indexOf("\"net\":") + "\"net\":".length(),
        net.length() - 1);
    return "{\"tap\":{\"frames_in\":" + bridge.framesIn() + ",\"frames_out\":"
        + bridge.framesOut() + ",\"frames_dropped\":" + bridge.framesDropped() + "},\"net\":"
        + netObject + "}";
  }
}
