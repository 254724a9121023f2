package dev.vboard.emulator.cli;

import dev.vboard.emulator.board.BoardCatalog;
import dev.vboard.emulator.board.BoardDescription;
import dev.vboard.emulator.board.BoardException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vboard boards}: one line per known board, its name and its description. */
@Command(name = "boards", mixinStandardHelpOptions = true,
    header = "List the boards this build can emulate.",
    description = "List the boards this build can emulate, one per line: name and description.")
public final class BoardsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--board-dir", paramLabel = "DIR",
      description = "Also list boards from DIR/<name>/board.yaml (they override bundled ones).")
  Path boardDir;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    if (boardDir != null && !Files.isDirectory(boardDir)) {
      throw new ParameterException(spec.commandLine(),
          "--board-dir " + boardDir + ": not a directory");
    }
    BoardCatalog catalog = BoardCatalog.standard(boardDir);
    PrintWriter out = spec.commandLine().getOut();
    int width = catalog.names().stream().mapToInt(String::length).max().orElse(0);
    for (String name : catalog.names()) {
      String description;
      try {
        BoardDescription board = catalog.load(name);
        description = board.description();
      } catch (BoardException e) {
        description = "(invalid: " + e.getMessage() + ")";
      }
      out.printf("%-" + width + "s  %s%n", name, description);
    }
    out.flush();
    return 0;
  }
}
