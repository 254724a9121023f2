package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How failures inside a command reach the user: one line, and a stack trace only on request. */
class ErrorReportingTest {

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = "--debug")
    boolean debug;

    @Option(names = "--user")
    boolean user;

    @Override
    public Integer call() {
      if (user) {
        throw new UserError("something the user can fix");
      }
      throw new IllegalStateException("a bug\nwith two lines");
    }
  }

  private static String[] run(String... args) {
    CommandLine cli = VboardCli.commandLine();
    cli.addSubcommand("boom", new Boom());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int status = cli.execute(args);
    return new String[] {Integer.toString(status), err.toString()};
  }

  @Test
  void anInternalErrorIsOneLineAndExit70() {
    String[] r = run("boom");

    assertEquals("70", r[0]);
    assertEquals("vboard: internal error: java.lang.IllegalStateException: a bug; with two lines\n",
        r[1]);
  }

  @Test
  void debugAddsTheStackTrace() {
    String[] r = run("boom", "--debug");

    assertEquals("70", r[0]);
    assertTrue(r[1].contains("\tat dev.vboard.emulator.cli.ErrorReportingTest$Boom.call"), r[1]);
  }

  @Test
  void aUserErrorIsOneLineAndExit2() {
    String[] r = run("boom", "--user");

    assertEquals("2", r[0]);
    assertEquals("vboard: something the user can fix\n", r[1]);
  }
}
