package dev.vboard.emulator.api;

import dev.vboard.emulator.board.Board;
import dev.vboard.emulator.board.BoardBuilder;
import dev.vboard.emulator.board.BoardCatalog;
import dev.vboard.emulator.board.BoardDescription;
import dev.vboard.emulator.board.BoardDescription.MemoryKind;
import dev.vboard.emulator.board.BoardWiring;
import dev.vboard.emulator.loader.ImageFormatException;
import dev.vboard.emulator.loader.ImageInstaller;
import dev.vboard.emulator.loader.ImageLoader;
import dev.vboard.emulator.loader.LoadedImage;
import dev.vboard.emulator.loader.MemoryRange;
import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.BoardNetwork;
import dev.vboard.emulator.net.NetOptions;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import dev.vboard.emulator.semihosting.ArmSemihosting;
import dev.vboard.emulator.semihosting.CharBackendConsole;
import dev.vboard.emulator.semihosting.CharBackendConsole.ConsoleTarget;
import dev.vboard.emulator.semihosting.HeapInfo;
import dev.vboard.emulator.semihosting.SemihostingConfig;
import dev.vboard.emulator.semihosting.SemihostingConsole;
import dev.vboard.emulator.serial.CharBackend;
import dev.vboard.emulator.serial.MemoryBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One emulated board running one image: the embedding API the CLI, tests and the CI harness
 * share.
 *
 * <pre>{@code
 * try (Emulation emu = Emulation.builder().image(Path.of("hello.elf")).build()) {
 *   RunResult r = emu.run(Duration.ofSeconds(10));   // virtual time
 *   String stdout = emu.uartOutput(0);                // UART0 and semihosting ":tt" output
 * }
 * }</pre>
 *
 * <p>By default every serial port gets an in-memory backend ({@link #uart(int)}), semihosting
 * files live in the working directory, and the semihosting console is wired as QEMU 7.2 wires
 * it: ":tt" output joins UART0's output, SYS_WRITEC/SYS_WRITE0 and ":tt" append go to a separate
 * stderr buffer ({@link #semihostingStderr()}), and console input comes from UART0's input.
 * Single-threaded like {@link Machine}, except {@link #requestStop()}.
 */
public final class Emulation implements AutoCloseable {

  private final Board board;
  private final Machine machine;
  private final LoadedImage image;
  private final ArmSemihosting semihosting;
  private final Map<Integer, WatchedBackend> serial;
  private final MemoryBackend semihostingStderr;
  private final BoardNetwork network;
  private RunResult last;

  private Emulation(Board board, LoadedImage image, ArmSemihosting semihosting,
      Map<Integer, WatchedBackend> serial, MemoryBackend semihostingStderr,
      BoardNetwork network) {
    this.network = network;
    this.board = board;
    this.machine = board.machine();
    this.image = image;
    this.semihosting = semihosting;
    this.serial = serial;
    this.semihostingStderr = semihostingStderr;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- running -----------------------------------------------------------------------------

  /**
   * Runs for at most {@code budget} of virtual time; returns early when the guest exits, locks
   * up or is stopped. Once the guest has exited or locked up, returns that result again.
   */
  public RunResult run(Duration budget) {
    return runFor(budget.toNanos());
  }

  /** {@link #run(Duration)} with the budget in nanoseconds of virtual time. */
  public RunResult runFor(long budgetNanos) {
    if (last != null && (last.stop() == RunResult.Stop.EXITED
        || last.stop() == RunResult.Stop.LOCKUP)) {
      return last;
    }
    long deadline = saturatedAdd(machine.clock().now(),
        machine.clock().nanosToCycles(Math.max(0, budgetNanos)));
    do {
      last = machine.run(Math.max(0, deadline - machine.clock().now()));
    } while (last.stop() == RunResult.Stop.LIMIT_REACHED && machine.clock().now() < deadline);
    return last;
  }

  /**
   * Runs until serial port {@code port} has transmitted {@code text} (stopping right after the
   * byte that completes it), or the guest stops, or {@code budget} of virtual time is spent.
   * The result's stop is {@link RunResult.Stop#STOP_REQUESTED} when the text was seen.
   */
  public RunResult runUntilOutput(int port, String text, Duration budget) {
    WatchedBackend watched = watched(port);
    watched.watch(text.getBytes(StandardCharsets.UTF_8), machine::requestStop);
    try {
      return run(budget);
    } finally {
      watched.unwatch();
    }
  }

  /**
   * Runs in steps of {@code step} virtual time until {@code condition} holds (checked before the
   * first step and after each), the guest stops, or {@code budget} is spent. Deterministic: the
   * condition is checked at the same virtual times on every run.
   */
  public RunResult runUntil(BooleanSupplier condition, Duration step, Duration budget) {
    long end = saturatedAdd(virtualNanos(), budget.toNanos());
    RunResult r = last;
    while (!condition.getAsBoolean()) {
      long left = end - virtualNanos();
      if (left <= 0) {
        break;
      }
      r = runFor(Math.min(step.toNanos(), left));
      if (r.stop() != RunResult.Stop.LIMIT_REACHED) {
        break;
      }
    }
    return r != null ? r : runFor(0);
  }

  /** Makes a run in progress return at the next block boundary; safe from any thread. */
  public void requestStop() {
    machine.requestStop();
  }

  // ---- observing ---------------------------------------------------------------------------

  /** The in-memory backend of serial port {@code port} (unless the builder wired another). */
  public MemoryBackend uart(int port) {
    if (watched(port).delegate() instanceof MemoryBackend memory) {
      return memory;
    }
    throw new IllegalStateException("serial port " + port + " is not wired to memory");
  }

  /** Everything serial port {@code port} transmitted so far, as UTF-8. */
  public String uartOutput(int port) {
    return uart(port).outputText();
  }

  /** Queues {@code text} for serial port {@code port} to receive. */
  public void uartInput(int port, String text) {
    uart(port).inject(text);
  }

  /** What the default semihosting console sent to stderr (SYS_WRITEC, SYS_WRITE0, ":tt" "a"). */
  public String semihostingStderr() {
    return new String(semihostingStderrBytes(), StandardCharsets.UTF_8);
  }

  /** {@link #semihostingStderr()} as raw bytes. */
  public byte[] semihostingStderrBytes() {
    if (semihostingStderr == null) {
      throw new IllegalStateException("the semihosting console was wired by the builder");
    }
    return semihostingStderr.output();
  }

  public Machine machine() {
    return machine;
  }

  public Board board() {
    return board;
  }

  public LoadedImage image() {
    return image;
  }

  /** How the last run ended, or null before the first. */
  public RunResult lastResult() {
    return last;
  }

  public long virtualNanos() {
    return machine.clock().nanos();
  }

  public long instructions() {
    return machine.instructions();
  }

  /** The network behind the board's Ethernet controller; empty when it is not connected. */
  public Optional<BoardNetwork> network() {
    return Optional.ofNullable(network);
  }

  /** The netstack's counters (see {@link BoardNetwork#counters()}); empty without a network. */
  public Map<String, Long> networkCounters() {
    return network == null ? Map.of() : network.counters();
  }

  @Override
  public void close() {
    try {
      semihosting.close();
      serial.values().forEach(WatchedBackend::flush);
    } finally {
      try {
        if (network != null) {
          network.close();
        }
      } finally {
        board.close();
      }
    }
  }

  private WatchedBackend watched(int port) {
    WatchedBackend w = serial.get(port);
    if (w == null) {
      throw new IllegalArgumentException(
          board.description().name() + " has no serial port " + port);
    }
    return w;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  // ---- building ----------------------------------------------------------------------------

  /** Collects the options; {@link #build()} loads the board and the image. */
  public static final class Builder {
    private String boardName = "mps2-an385";
    private Path boardDir;
    private Path image;
    private List<String> commandLine;
    private List<String> arguments = List.of();
    private final Map<Integer, CharBackend> serial = new TreeMap<>();
    private CharBackend otherUarts;
    private SemihostingConsole console;
    private Path workingDirectory = Path.of("");
    private boolean allowSystem;
    private boolean realtime;
    private long epochSeconds = SemihostingConfig.DEFAULT_EPOCH;
    private NetOptions net = NetOptions.defaults();

    private Builder() { }

    /**
     * How the board's Ethernet controller meets the network (default
     * {@link NetOptions#defaults()}: QEMU's {@code -nic user}, virtual services on, no
     * forwards). {@code NetOptions.defaults().withHostAccess(false)} gives a network without
     * host sockets; {@code withConnected(false)} leaves the cable unplugged.
     */
    public Builder network(NetOptions options) {
      this.net = options;
      return this;
    }

    /** The board name (default {@code mps2-an385}). */
    public Builder board(String name) {
      this.boardName = name;
      return this;
    }

    /** Also finds boards under {@code directory}/NAME/board.yaml, ahead of the bundled ones. */
    public Builder boardDirectory(Path directory) {
      this.boardDir = directory;
      return this;
    }

    /** The image file: ELF, Intel HEX, or a raw binary (placed at the board's raw image base). */
    public Builder image(Path file) {
      this.image = file;
      return this;
    }

    /**
     * Arguments after the image name on the guest's command line: SYS_GET_CMDLINE returns the
     * image path as given, then these, space-separated (QEMU's -kernel X -append "ARGS").
     */
    public Builder arguments(List<String> args) {
      this.arguments = List.copyOf(args);
      return this;
    }

    /** The whole command line, program name first (QEMU's -semihosting-config arg=... list). */
    public Builder commandLine(List<String> argv) {
      this.commandLine = List.copyOf(argv);
      return this;
    }

    /**
     * Wires serial port {@code port}; unwired ports get an in-memory backend (whose input a
     * caller may feed later), or the {@link #otherUarts} one.
     */
    public Builder uart(int port, CharBackend backend) {
      serial.put(port, backend);
      return this;
    }

    /**
     * The backend of every serial port not wired by {@link #uart}, e.g. {@code NullBackend}:
     * a port with input that can never come then schedules no receive polls (an in-memory
     * backend is polled once per frame time while the guest has the receiver enabled).
     */
    public Builder otherUarts(CharBackend backend) {
      this.otherUarts = backend;
      return this;
    }

    /** Replaces the default in-memory semihosting console wiring. */
    public Builder semihostingConsole(SemihostingConsole semihostingConsole) {
      this.console = semihostingConsole;
      return this;
    }

    /** The directory semihosting file operations are confined to (default: the current one). */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = directory;
      return this;
    }

    /** Lets SYS_SYSTEM run host shell commands (off by default). */
    public Builder allowSystem(boolean allow) {
      this.allowSystem = allow;
      return this;
    }

    /**
     * Paces virtual time to the wall clock while the guest idles ({@link Machine#setRealtime}),
     * for interactive use; the guest still sees virtual time only.
     */
    public Builder realtime(boolean on) {
      this.realtime = on;
      return this;
    }

    /** The Unix time SYS_TIME reports at virtual time zero. */
    public Builder epochSeconds(long seconds) {
      this.epochSeconds = seconds;
      return this;
    }

    /**
     * Builds the board, loads the image and resets the core.
     *
     * @throws ImageFormatException if the image cannot be read, is broken or does not fit
     * @throws dev.vboard.emulator.board.BoardException for an unknown or invalid board
     * @throws IllegalArgumentException for a serial port the board lacks, or an unusable
     *     semihosting directory
     */
    public Emulation build() throws ImageFormatException {
      if (image == null) {
        throw new IllegalStateException("no image given");
      }
      BoardDescription description = BoardCatalog.standard(boardDir).load(boardName);
      LoadedImage loaded = ImageLoader.load(image, description.image().rawBase());
      // Refuse a too-big image before building anything (the builder maps host memory).
      ImageInstaller.checkFits(loaded, loadableRanges(description));

      Map<Integer, WatchedBackend> ports = new TreeMap<>();
      for (int port : serialPorts(description)) {
        CharBackend other = otherUarts != null ? otherUarts : new MemoryBackend();
        ports.put(port, new WatchedBackend(serial.getOrDefault(port, other)));
      }
      for (int port : serial.keySet()) {
        if (!ports.containsKey(port)) {
          throw new IllegalArgumentException(description.name() + " has no serial port " + port
              + " (it has " + ports.keySet() + ")");
        }
      }
      BoardWiring wiring = BoardWiring.none();
      ports.forEach(wiring::withSerial);
      if (net.mac() != null) {
        MacAddress mac = MacAddress.parse(net.mac()); // IllegalArgumentException names it
        if (mac.isGroup()) {
          throw new IllegalArgumentException("MAC address " + net.mac()
              + " is a multicast address; a station needs an individual one");
        }
        wiring.withMac(mac.bytes());
      }

      MemoryBackend stderr = null;
      SemihostingConsole semihostingConsole = console;
      if (semihostingConsole == null) {
        stderr = new MemoryBackend();
        CharBackend uart0 = ports.containsKey(0) ? ports.get(0) : new MemoryBackend();
        semihostingConsole =
            new CharBackendConsole(uart0, stderr, uart0, ConsoleTarget.STDERR, false);
      }

      Board board = BoardBuilder.build(description, wiring);
      BoardNetwork network = null;
      try {
        ImageInstaller.install(loaded, board.loadableMemory(), board.machine().memory());
        SemihostingConfig config = new SemihostingConfig(workingDirectory,
            commandLineText(), epochSeconds,
            HeapInfo.likeQemu(ramRanges(description), loaded.segments()), allowSystem);
        ArmSemihosting handler = new ArmSemihosting(config, semihostingConsole);
        board.machine().setSemihosting(handler);
        board.machine().setRealtime(realtime);
        network = BoardNetwork.attach(board, net).orElse(null);
        board.machine().reset();
        return new Emulation(board, loaded, handler, ports, stderr, network);
      } catch (IOException e) {
        board.close();
        throw new IllegalArgumentException("semihosting directory " + workingDirectory
            + " is not usable: " + (e instanceof java.nio.file.NoSuchFileException
                ? "no such directory" : e.getMessage()), e);
      } catch (ImageFormatException | RuntimeException e) {
        if (network != null) {
          network.close();
        }
        board.close();
        throw e;
      }
    }

    private String commandLineText() {
      if (commandLine != null) {
        return String.join(" ", commandLine);
      }
      List<String> words = new ArrayList<>();
      words.add(image.toString());
      words.addAll(arguments);
      return String.join(" ", words);
    }
  }

  /** Serial port numbers: modelled devices whose board-file properties give a "serial" number. */
  static List<Integer> serialPorts(BoardDescription description) {
    List<Integer> ports = new ArrayList<>();
    for (BoardDescription.Device d : description.devices()) {
      Object serial = d.properties().get("serial");
      if (d.placeholder() || serial == null) {
        continue;
      }
      try {
        ports.add(Long.decode(serial.toString().trim()).intValue());
      } catch (NumberFormatException e) {
        // The board builder reports a malformed property with the file and field; skip it here.
      }
    }
    return ports;
  }

  /** RAM and ROM regions, where an image may go (mirrors excluded, as the board's own list). */
  static List<MemoryRange> loadableRanges(BoardDescription description) {
    List<MemoryRange> ranges = new ArrayList<>();
    for (BoardDescription.Memory m : description.memory()) {
      if (m.kind() == MemoryKind.RAM || m.kind() == MemoryKind.ROM) {
        ranges.add(new MemoryRange(m.name(), m.base(), m.size()));
      }
    }
    return ranges;
  }

  /**
   * RAM as QEMU's SYS_HEAPINFO sees it: every RAM range of the address map, mirrors included
   * (QEMU walks the flattened view, where an alias shows up as RAM at its own address).
   */
  static List<MemoryRange> ramRanges(BoardDescription description) {
    List<BoardDescription.Memory> memory = description.memory();
    List<MemoryRange> ram = new ArrayList<>();
    for (BoardDescription.Memory m : memory) {
      boolean isRam = m.kind() == MemoryKind.RAM || m.kind() == MemoryKind.ALIAS
          && memory.stream().anyMatch(t -> t.kind() == MemoryKind.RAM
              && m.target() >= t.base() && m.target() < t.end());
      if (isRam) {
        ram.add(new MemoryRange(m.name(), m.base(), m.size()));
      }
    }
    return ram;
  }
}
