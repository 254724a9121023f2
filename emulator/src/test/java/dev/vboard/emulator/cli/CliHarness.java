package dev.vboard.emulator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed. */
record CliHarness(int status, String out, String err) {

  static CliHarness run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = VboardCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new CliHarness(status, out.toString(), err.toString());
  }

  /** stderr holds exactly one line. */
  boolean oneErrorLine() {
    return err.endsWith("\n") && err.indexOf('\n') == err.length() - 1;
  }
}
