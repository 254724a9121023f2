package dev.vboard.emulator.cli;

import dev.vboard.emulator.board.BoardException;
import dev.vboard.emulator.loader.ImageFormatException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code vboard} command line. Errors are always one line on stderr, {@code vboard:
 * <message>}: usage errors, bad images and unknown boards exit 2; an internal error exits 70 and
 * shows its stack trace only with {@code --debug} or {@code VBOARD_DEBUG=1}.
 */
@Command(name = "vboard", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A deterministic Cortex-M board emulator.",
    subcommands = {RunCommand.class, ReplCommand.class, NetstackCommand.class, BoardsCommand.class,
        HelpCommand.class},
    footer = {"", "Run 'vboard help COMMAND' or 'vboard COMMAND --help' for a command's options."})
public final class VboardCli implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (try 'vboard run IMAGE')");
  }

  public static void main(String[] args) {
    RunCommand.handleSignals = true;
    int status = execute(args, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true));
    if (!RunCommand.interruptedBySignal()) {
      System.exit(status);
    }
    // SIGINT: the JVM is already shutting down and exits 130 once the shutdown hook returns;
    // calling System.exit here would block forever.
  }

  /** Runs the CLI in-process (tests use this); returns the exit status instead of exiting. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new VboardCli());
    cli.setParameterExceptionHandler(ONE_LINE_USAGE_ERROR);
    cli.setExecutionExceptionHandler(ONE_LINE_FAILURE);
    cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    return cli;
  }

  private static final IParameterExceptionHandler ONE_LINE_USAGE_ERROR = (e, args) -> {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String message = oneLine(e.getMessage());
    if (e instanceof UnmatchedArgumentException u && cmd.getCommandSpec().parent() == null
        && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")
        && args.length > 0 && u.getUnmatched().get(0).equals(args[0])) {
      // The first word is not one of the commands: say so, not picocli's "unmatched argument".
      message = "unknown command '" + args[0] + "' (commands: "
          + String.join(", ", cmd.getSubcommands().keySet()) + ")";
    }
    cmd.getErr().println("vboard: " + message + " (see '" + name + " --help')");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  };

  private static final IExecutionExceptionHandler ONE_LINE_FAILURE = (e, cmd, parseResult) -> {
    PrintWriter err = cmd.getErr();
    if (e instanceof UserError || e instanceof BoardException
        || e instanceof ImageFormatException) {
      err.println("vboard: " + oneLine(e.getMessage()));
      err.flush();
      return ExitCodes.USAGE;
    }
    if (e instanceof ParameterException p) {
      return ONE_LINE_USAGE_ERROR.handleParseException(p, new String[0]);
    }
    err.println("vboard: internal error: " + oneLine(String.valueOf(e)));
    if (debugRequested(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  };

  static boolean debugRequested(ParseResult parseResult) {
    if ("1".equals(System.getenv("VBOARD_DEBUG"))) {
      return true;
    }
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Messages can span lines (e.g. picocli's); the contract is one line. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
