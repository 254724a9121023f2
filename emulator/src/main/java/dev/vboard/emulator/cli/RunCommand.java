package dev.vboard.emulator.cli;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.loader.ImageFormatException;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.NetOptions;
import dev.vboard.emulator.semihosting.CharBackendConsole;
import dev.vboard.emulator.semihosting.CharBackendConsole.ConsoleTarget;
import dev.vboard.emulator.serial.CharBackend;
import dev.vboard.emulator.serial.FileBackend;
import dev.vboard.emulator.serial.NullBackend;
import dev.vboard.emulator.serial.StdioBackend;
import dev.vboard.netstack.nat.PortForward;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vboard run}: boots an image on a board and runs it until the guest exits. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Boot an image on a board and run it until the guest exits.",
    description = "Boot IMAGE (ELF, Intel HEX or raw binary) on a board and run it until the "
        + "guest exits through semihosting; the exit status is the guest's. UART0 is "
        + "wired raw to stdin and stdout. Time is virtual: every run of the same image "
        + "and input behaves the same.",
    footer = {"", "Exit status: the guest's semihosting exit code; 2 usage error, bad image or"
        + " unknown board; 3 guest lockup (register dump on stderr); 124 --timeout reached;"
        + " 130 interrupted (Ctrl-C); 70 internal error."})
public final class RunCommand implements Callable<Integer> {

  /** Set by {@link VboardCli#main}: only a real process installs a SIGINT hook. */
  static volatile boolean handleSignals;
  private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

  @Spec
  CommandSpec spec;

  @Option(names = "--board", paramLabel = "NAME", defaultValue = "mps2-an385",
      description = "Board to emulate (default: ${DEFAULT-VALUE}); see 'vboard boards'.")
  String board;

  @Option(names = "--uart", paramLabel = "N=TARGET", converter = UartSpec.Converter.class,
      description = "Wire UART N to stdio, null (nothing) or a FILE its output is written to; "
          + "repeatable. Default: 0=stdio, the others null.")
  List<UartSpec> uarts = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationParser.class,
      description = "Stop after this much virtual time (units ns, us, ms, s, m, h, e.g. 10s, "
          + "500ms) and exit 124.")
  Long timeoutNanos;

  @Option(names = "--stats",
      description = "At exit print one JSON line on stderr: "
          + "{\"instructions\":N,\"virtual_ns\":N,\"host_ns\":N,\"exit_code\":N}, plus "
          + "\"net\":{...} with the network's counters (frames, drops, NAT) when it is "
          + "connected.")
  boolean stats;

  // ---- network (QEMU -nic user syntax where QEMU has one) ----

  @Option(names = "--hostfwd", paramLabel = "RULE", converter = HostForwardConverter.class,
      description = "RULE is [tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT (QEMU's "
          + "hostfwd syntax). Forward host connections (tcp, the default) or datagrams (udp) on "
          + "HOSTADDR:HOSTPORT to the board's GUESTADDR:GUESTPORT, as QEMU's hostfwd; "
          + "repeatable. HOSTADDR defaults to 127.0.0.1 (all interfaces only with an explicit "
          + "0.0.0.0), GUESTADDR to 10.0.2.15, HOSTPORT 0 picks a free port.")
  List<String> hostForwards = new ArrayList<>();

  @Option(names = "--restrict",
      description = "Without it the guest reaches the host as under QEMU's -nic user "
          + "(10.0.2.2:P is the host's 127.0.0.1:P, other addresses are NATed). With it the "
          + "guest is isolated, as QEMU's restrict=on: its own "
          + "connections never reach a host socket (refused at once) and DNS answers from the "
          + "static table only; --hostfwd forwards still work.")
  boolean restrict;

  @Option(names = "--pcap", paramLabel = "FILE",
      description = "Record every frame on the board's Ethernet wire to FILE (pcap, nanosecond "
          + "timestamps: virtual time since boot, shown as seconds after 1970-01-01; "
          + "identical runs give identical files). Wireshark and tshark read it.")
  Path pcap;

  @Option(names = "--mac", paramLabel = "XX:XX:XX:XX:XX:XX", converter = MacConverter.class,
      description = "The Ethernet controller's MAC address, instead of the board file's.")
  String mac;

  @Option(names = "--service", paramLabel = "NAME=off", converter = ServiceSwitch.Converter.class,
      description = "Turn off one virtual service on 10.0.2.2: echo, discard, daytime, qotd or "
          + "chargen; repeatable. TCP to its port then goes to the host's port as QEMU's "
          + "(refused under --restrict); UDP to it is dropped.")
  List<ServiceSwitch> services = new ArrayList<>();

  @Option(names = "--no-services",
      description = "Run none of the virtual services on 10.0.2.2 (DHCP and DNS stay).")
  boolean noServices;

  @Option(names = "--qotd-file", paramLabel = "FILE",
      description = "Quotes for the qotd service, one per line (blank and # lines skipped), "
          + "served in order; default: built-in proverbs.")
  Path qotdFile;

  @Option(names = "--no-net",
      description = "Leave the Ethernet controller unconnected (link down, no network).")
  boolean noNet;

  @Option(names = "--realtime",
      description = "Pace virtual time to the wall clock while the guest idles (interactive "
          + "use); the guest still sees only virtual time.")
  boolean realtime;

  @Option(names = "--trace", paramLabel = "CATEGORIES",
      description = "Log these categories to stderr, comma-separated: cpu, irq, mmio, uart, "
          + "semihosting, guest (guest errors), net, gdb, or all.")
  String trace;

  @Option(names = "--semihosting-root", paramLabel = "DIR",
      description = "The only directory semihosting file calls may touch (default: current).")
  Path semihostingRoot = Path.of("");

  @Option(names = "--semihosting-console", paramLabel = "STREAM", defaultValue = "stderr",
      description = "Where SYS_WRITEC/SYS_WRITE0 output goes: stderr (default, as QEMU 7.2 "
          + "without a semihosting chardev) or stdout (interleaved with UART0).")
  String semihostingConsole;

  @Option(names = "--allow-system",
      description = "Let the guest run host shell commands with SYS_SYSTEM (off by default).")
  boolean allowSystem;

  @Option(names = "--board-dir", paramLabel = "DIR",
      description = "Also look for DIR/NAME/board.yaml, ahead of the bundled boards.")
  Path boardDir;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Parameters(index = "0", paramLabel = "IMAGE",
      description = "The firmware image, or a Python script (*.py): that boots the board's "
          + "Python firmware (firmware-runtime/build/BOARD/python.elf, or the image named by the "
          + "system property vboard.pythonFirmware or the environment variable "
          + "VBOARD_PYTHON_FIRMWARE) with the script, its directory as the semihosting root and "
          + "ARGS in sys.argv.")
  Path image;

  @Parameters(index = "1..*", paramLabel = "ARGS",
      description = "Guest arguments (put them after --): SYS_GET_CMDLINE returns \"IMAGE "
          + "ARGS...\", as QEMU does for -kernel IMAGE -append \"ARGS\".")
  List<String> args = new ArrayList<>();

  /** True once a SIGINT stopped a run; the JVM then exits 130 by itself. */
  static boolean interruptedBySignal() {
    return INTERRUPTED.get();
  }

  @Override
  public Integer call() throws IOException {
    if (boardDir != null && !Files.isDirectory(boardDir)) {
      throw new ParameterException(spec.commandLine(),
          "--board-dir " + boardDir + ": not a directory");
    }
    if (trace != null) {
      try {
        TraceCategories.enable(TraceCategories.parse(trace));
      } catch (picocli.CommandLine.TypeConversionException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    ConsoleTarget consoleTarget = switch (semihostingConsole) {
      case "stderr" -> ConsoleTarget.STDERR;
      case "stdout" -> ConsoleTarget.STDOUT;
      default -> throw new ParameterException(spec.commandLine(),
          "invalid --semihosting-console '" + semihostingConsole + "' (expected stderr or stdout)");
    };

    List<AutoCloseable> toClose = new ArrayList<>();

    // System.in/out/err rather than the raw descriptors, so in-process callers can redirect.
    StdioBackend stdout = new StdioBackend(System.in, new BufferedOutputStream(System.out));
    if (!realtime && !stdinIsATerminal()) {
      stdout.settleInput(PIPED_INPUT_SETTLE_NANOS); // piped input arrives deterministically
    }
    CharBackend stdio = stdout;
    boolean stdinIsAFile = stdinIsAFile();
    if (stdinIsAFile) {
      // Input redirected from a file: read it on the simulation thread, as the file backend
      // does, so bytes arrive at the same virtual times on every run (a terminal or a pipe is
      // read on its own thread and arrives whenever the host delivers it).
      FileBackend input = FileBackend.create(null, STDIN);
      toClose.add(input);
      stdio = new DuplexBackend(stdout, input);
    }
    CharBackend stderr = new StdioBackend(InputStream.nullInputStream(),
        new BufferedOutputStream(System.err));
    Emulation.Builder builder = Emulation.builder()
        .board(board)
        .boardDirectory(boardDir)
        .allowSystem(allowSystem)
        .realtime(realtime)
        .network(netOptions())
        .semihostingConsole(new CharBackendConsole(stdio, stderr, stdio, consoleTarget, true,
            INTERRUPTED::get))
        .uart(0, stdio)
        .otherUarts(NullBackend.INSTANCE); // as documented: the others go nowhere
    for (UartSpec u : uarts) {
      builder.uart(u.index(), backend(u, stdio, toClose));
    }
    if (PythonFirmware.isScript(image)) {
      bootPythonScript(builder);
    } else {
      builder.image(image).arguments(args).workingDirectory(semihostingRoot);
    }

    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<Emulation> running = new AtomicReference<>();
    Thread hook = handleSignals ? installSigintHook(running, finished) : null;
    try {
      Emulation emulation;
      try {
        emulation = builder.build();
      } catch (ImageFormatException e) {
        throw new UserError(image + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      } catch (UncheckedIOException e) {
        // A --hostfwd that cannot bind, a --pcap or --qotd-file that cannot be opened.
        throw new UserError(e.getMessage());
      }
      running.set(emulation);
      if (!stdinIsAFile && readsStdin()) {
        // A terminal or a pipe: its reader thread wakes the machine when input comes, so the
        // UART does not poll it by time and an idle board skips (or blocks) until then.
        stdout.bindTo(emulation.machine().scheduler().hostEvents());
      }
      try (emulation) {
        announcePickedPorts(emulation);
        return run(emulation, stdout);
      }
    } finally {
      closeAll(toClose);
      finished.countDown();
      if (hook != null && !INTERRUPTED.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // A signal arrived just now; the hook sees the run has finished and returns at once.
        }
      }
    }
  }

  /**
   * {@code vboard run script.py ARGS}: boots the board's Python firmware with the command line
   * {@code python.elf script.py ARGS} and the script's directory as the semihosting root, so
   * the script and the modules beside it are all the guest can read (firmware-runtime/pyboard's
   * contract).
   */
  private void bootPythonScript(Emulation.Builder builder) {
    if (!Files.isRegularFile(image)) {
      throw new UserError(image + ": no such file");
    }
    Path script = image.toAbsolutePath().normalize();
    boolean rootGiven = spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption("--semihosting-root");
    Path root = rootGiven ? semihostingRoot.toAbsolutePath().normalize() : script.getParent();
    if (!script.startsWith(root)) {
      throw new UserError(image + ": not inside the semihosting root " + root);
    }
    List<String> argv = new ArrayList<>();
    argv.add("python.elf");
    argv.add(root.relativize(script).toString());
    argv.addAll(args);
    builder.image(PythonFirmware.locate(board)).commandLine(argv).workingDirectory(root);
  }

  private int run(Emulation emulation, StdioBackend stdio) {
    // WALL-CLOCK EDGE: host_ns for --stats measures the emulation's real duration; it never
    // reaches the guest.
    long hostStart = System.nanoTime();
    RunResult result = null;
    try {
      if (!INTERRUPTED.get()) { // Ctrl-C during start-up: do not start at all
        result = emulation.runFor(timeoutNanos == null ? Long.MAX_VALUE : timeoutNanos);
      }
    } finally {
      stdio.flush();
    }
    long hostNanos = System.nanoTime() - hostStart;

    PrintWriter err = spec.commandLine().getErr();
    RunResult.Stop stop = result == null ? RunResult.Stop.STOP_REQUESTED : result.stop();
    int status = switch (stop) {
      case EXITED -> result.exitCode();
      case LIMIT_REACHED -> ExitCodes.TIMEOUT;
      case STOP_REQUESTED -> ExitCodes.INTERRUPTED;
      case LOCKUP -> {
        err.println("vboard: the guest locked up (a fault while in HardFault, ARMv7-M B1.5.15)");
        err.print(result.faultReport().endsWith("\n") ? result.faultReport()
            : result.faultReport() + "\n");
        yield ExitCodes.LOCKUP;
      }
    };
    if (stop == RunResult.Stop.LIMIT_REACHED) {
      err.println("vboard: timeout: " + timeoutNanos + " ns of virtual time elapsed");
    }
    if (stats) {
      Map<String, Long> net = emulation.network().isPresent()
          ? emulation.networkCounters() : null;
      err.println(new StatsLine(emulation.instructions(), emulation.virtualNanos(), hostNanos,
          status, net).toJson());
    }
    err.flush();
    return status;
  }

  /** A forward asked for host port 0: say which port it got, or nobody could connect. */
  private void announcePickedPorts(Emulation emulation) {
    List<InetSocketAddress> bound = emulation.network()
        .map(n -> n.forwardAddresses()).orElse(List.of());
    for (int i = 0; i < hostForwards.size() && i < bound.size(); i++) {
      if (PortForward.parse(hostForwards.get(i), 0).hostPort() == 0) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("vboard: hostfwd " + hostForwards.get(i) + " listens on "
            + bound.get(i).getAddress().getHostAddress() + ":" + bound.get(i).getPort());
        err.flush();
      }
    }
  }

  /** The network flags as the embedding API's options. */
  private NetOptions netOptions() {
    if (noNet && (!hostForwards.isEmpty() || pcap != null)) {
      throw new ParameterException(spec.commandLine(),
          "--no-net leaves the network unconnected: --hostfwd and --pcap need it");
    }
    Set<String> off = new TreeSet<>();
    for (ServiceSwitch s : services) {
      if (s.on()) {
        off.remove(s.name());
      } else {
        off.add(s.name());
      }
    }
    return NetOptions.defaults()
        .withConnected(!noNet)
        .withRestrict(restrict)
        .withHostForwards(hostForwards)
        .withPcap(pcap)
        .withMac(mac)
        .withServicesOff(off)
        .withNoServices(noServices)
        .withQotdFile(qotdFile);
  }

  /**
   * Ctrl-C: stop the machine at the next block boundary and let the run above print its stats
   * before the JVM exits (with 130, as for any SIGINT). A shutdown hook needs no internal API.
   */
  private static Thread installSigintHook(AtomicReference<Emulation> running,
      CountDownLatch finished) {
    Thread hook = new Thread(() -> {
      if (finished.getCount() == 0) {
        return;
      }
      INTERRUPTED.set(true);
      try {
        // Repeat the request: a signal that lands while the machine is still being set up
        // must also stop the run that starts afterwards.
        for (int i = 0; i < 250 && finished.getCount() > 0; i++) {
          Emulation emulation = running.get();
          if (emulation != null) {
            emulation.requestStop();
          }
          finished.await(20, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vboard-sigint");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static final Path STDIN = Path.of("/dev/stdin");

  /**
   * How long the console waits for piped input that is on its way before it lets virtual time
   * pass without it (see StdioBackend#settleInput): far longer than a producer such as printf or
   * echo needs, short enough not to be noticed where a live pipe stays quiet.
   */
  private static final long PIPED_INPUT_SETTLE_NANOS = 250_000_000L;

  /** True when some UART takes its input from stdin (UART0 does unless --uart 0=... moves it). */
  private boolean readsStdin() {
    boolean uart0 = true;
    for (UartSpec u : uarts) {
      if (u.target() == UartSpec.Target.STDIO) {
        return true;
      }
      if (u.index() == 0) {
        uart0 = false;
      }
    }
    return uart0;
  }

  /** True when stdin is redirected from a regular file (Linux: /dev/stdin resolves to it). */
  /** Whether stdin is a terminal: /dev/stdin leads to a tty device (Linux /proc semantics). */
  private static boolean stdinIsATerminal() {
    try {
      String target = STDIN.toRealPath().toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static boolean stdinIsAFile() {
    try {
      return Files.isRegularFile(STDIN);
    } catch (SecurityException e) {
      return false;
    }
  }

  private CharBackend backend(UartSpec u, CharBackend stdio, List<AutoCloseable> toClose) {
    return switch (u.target()) {
      case STDIO -> stdio;
      case NULL -> NullBackend.INSTANCE;
      case FILE -> {
        try {
          FileBackend f = FileBackend.create(u.file());
          toClose.add(f);
          yield f;
        } catch (IOException e) {
          closeAll(toClose);
          throw new UserError("cannot open UART " + u.index() + " output " + u.file() + ": "
              + describe(e));
        }
      }
    };
  }

  /** Java's file exceptions carry only the path as message; say what went wrong instead. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage();
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable c : resources) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing an output file after the run; the data was flushed already.
      }
    }
  }
}
