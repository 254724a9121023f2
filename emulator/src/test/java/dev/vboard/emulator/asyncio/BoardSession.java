package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.cli.PythonFirmware;
import dev.vboard.emulator.cli.UserError;
import dev.vboard.emulator.loader.ImageFormatException;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.NetOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's Python firmware booted on one script, as {@code vboard run DIR/script.py ARGS}
 * boots it (command line {@code python.elf script.py ARGS}, DIR the semihosting root), with
 * UART0 recorded by a {@link TimedUart}. The firmware is the one the CLI would boot: the
 * {@code vboard.pythonFirmware} property, {@code VBOARD_PYTHON_FIRMWARE}, else the checkout's
 * build; tests skip when it is not built.
 */
final class BoardSession implements AutoCloseable {
  static final String BOARD = "mps2-an385";

  private final Emulation emulation;
  private final TimedUart uart;

  private BoardSession(Emulation emulation, TimedUart uart) {
    this.emulation = emulation;
    this.uart = uart;
  }

  /**
   * The python.elf under test. Skips the test when the checkout's default build is missing, but
   * fails when an image was named explicitly and is not there: that is a mistake to report.
   */
  static Path firmware() {
    try {
      return PythonFirmware.locate(BOARD);
    } catch (UserError e) {
      boolean named = isSet(System.getProperty("vboard.pythonFirmware"))
          || isSet(System.getenv("VBOARD_PYTHON_FIRMWARE"))
          || isSet(System.getenv("VBOARD_PYTHON_IMAGE"));
      if (named) {
        throw new AssertionError(e.getMessage(), e);
      }
      assumeTrue(false, e.getMessage());
      throw e;
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  static BoardSession boot(Path dir, String script, NetOptions net, String... args)
      throws ImageFormatException {
    List<String> argv = new ArrayList<>();
    argv.add("python.elf");
    argv.add(script);
    argv.addAll(List.of(args));
    TimedUart uart = new TimedUart();
    Emulation emu = Emulation.builder()
        .board(BOARD)
        .image(firmware())
        .commandLine(argv)
        .workingDirectory(dir)
        .network(net)
        .uart(0, uart)
        .build();
    uart.attach(emu::virtualNanos);
    return new BoardSession(emu, uart);
  }

  /** Boots, runs until the guest exits (or {@code budget} of virtual time) and closes. */
  static Outcome run(Path dir, String script, NetOptions net, Duration budget, String... args)
      throws ImageFormatException {
    try (BoardSession s = boot(dir, script, net, args)) {
      return s.runToEnd(budget);
    }
  }

  Outcome runToEnd(Duration budget) {
    RunResult r = emulation.run(budget);
    return outcome(r);
  }

  /**
   * Like {@link #run}, but gives up once the guest has executed more than
   * {@code maxInstructions}, checked after every 10 s of virtual time: a guest that should idle
   * but spins then fails within seconds of host time instead of emulating the whole budget.
   */
  static Outcome runIdle(Path dir, String script, NetOptions net, Duration budget,
      long maxInstructions, String... args) throws ImageFormatException {
    try (BoardSession s = boot(dir, script, net, args)) {
      RunResult r = s.emulation.runUntil(() -> s.emulation.instructions() > maxInstructions,
          Duration.ofSeconds(10), budget);
      return s.outcome(r);
    }
  }

  Outcome outcome(RunResult r) {
    return new Outcome(r, uart.output(), uart.lines(), uart.times(), emulation.instructions(),
        emulation.virtualNanos(), emulation.semihostingStderr());
  }

  Emulation emulation() {
    return emulation;
  }

  TimedUart uart() {
    return uart;
  }

  @Override
  public void close() {
    emulation.close();
  }

  /** How a run ended and what the board printed, when. */
  record Outcome(RunResult result, byte[] output, List<TimedUart.Line> lines, long[] byteTimes,
      long instructions, long virtualNanos, String semihostingStderr) {

    String text() {
      return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when the guest exited with {@code status}. */
    boolean exited(int status) {
      return result.stop() == RunResult.Stop.EXITED && result.exitCode() == status;
    }

    /** Everything worth seeing when an assertion fails. */
    String describe() {
      return "stop=" + result.stop() + (result.stop() == RunResult.Stop.EXITED
          ? " exit=" + result.exitCode() : "") + " virtual_ns=" + virtualNanos
          + " instructions=" + instructions + "\n--- UART0 ---\n" + text()
          + (semihostingStderr.isEmpty() ? "" : "\n--- semihosting stderr ---\n"
              + semihostingStderr);
    }
  }
}
