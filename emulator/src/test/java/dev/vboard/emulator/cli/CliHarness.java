package dev.vboard.emulator.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
record CliHarness(int status, String out, String err) {

  /**
   * Runs {@code vboard ARGS} with an empty System.in: a run wires UART0 to stdin, and the forked
   * test JVM's real stdin is Surefire's command channel, whose messages (the final "bye"
   * acknowledgement among them) a UART reader thread would otherwise swallow, holding the fork
   * for Surefire's 30 s exit timeout.
   */
  static CliHarness run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream oldIn = System.in;
    int status;
    try {
      System.setIn(InputStream.nullInputStream());
      status = VboardCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    } finally {
      System.setIn(oldIn);
    }
    return new CliHarness(status, out.toString(), err.toString());
  }

  /** stderr holds exactly one line. */
  boolean oneErrorLine() {
    return err.endsWith("\n") && err.indexOf('\n') == err.length() - 1;
  }
}
