package dev.vboard.emulator.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vboard repl}: the board's Python firmware with no script, which starts its REPL on
 * UART0. The terminal is switched to character-at-a-time input without echo or signal keys while
 * it runs, because the board does the echoing and line editing, and Ctrl-C and Ctrl-D are bytes
 * for the board (KeyboardInterrupt, end of session), as on a real board's serial console.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
    header = "Open the board's Python REPL on this terminal.",
    description = "Boots the board's Python firmware without a script: a REPL on UART0, wired to "
        + "this terminal. Ctrl-C raises KeyboardInterrupt on the board; Ctrl-D on an empty line "
        + "ends the session (exit status 0).")
public final class ReplCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--board", paramLabel = "NAME", defaultValue = "mps2-an385",
      description = "Board to emulate (default: ${DEFAULT-VALUE}).")
  String board;

  /**
   * Unset: real time when a person is at the terminal. Waiting for keystrokes in virtual time
   * skips the board's clock ahead from timer to timer (hours per second of waiting, at a
   * steady CPU cost) and makes time.sleep return at once, which is not what someone typing at
   * a REPL expects; piped-in sessions stay in virtual time, so they replay exactly.
   */
  @Option(names = "--realtime", negatable = true,
      description = "Pace virtual time to the wall clock while the board idles (time.sleep "
          + "takes real time). Default: on when stdin and stdout are a terminal, off otherwise "
          + "(--no-realtime keeps virtual time at a terminal).")
  Boolean realtime;

  @Option(names = "--trace", paramLabel = "CATEGORIES",
      description = "Log categories to stderr, as 'vboard run --trace'.")
  String trace;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> run = new ArrayList<>(List.of("run", "--board", board));
    if (realtime != null ? realtime : System.console() != null) {
      run.add("--realtime");
    }
    if (trace != null) {
      run.add("--trace");
      run.add(trace);
    }
    run.add(PythonFirmware.locate(board).toString());
    try (TerminalMode ignored = TerminalMode.characterAtATime()) {
      picocli.CommandLine cli = VboardCli.commandLine();
      cli.setOut(spec.commandLine().getOut());
      cli.setErr(spec.commandLine().getErr());
      return cli.execute(run.toArray(String[]::new));
    }
  }
}
