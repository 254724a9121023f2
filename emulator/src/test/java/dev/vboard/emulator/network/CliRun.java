package dev.vboard.emulator.network;

import dev.vboard.emulator.cli.VboardCli;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code vboard run} in-process, with System.out/err (where UART0 and the stats go) captured. */
record CliRun(int status, String stdout, String stderr) {

  static CliRun run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter cliOut = new StringWriter();
    StringWriter cliErr = new StringWriter();
    int status;
    try {
      // No input: UART0's reader then ends at once instead of waiting on the test's stdin.
      System.setIn(InputStream.nullInputStream());
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = VboardCli.execute(args, new PrintWriter(cliOut), new PrintWriter(cliErr));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
    return new CliRun(status, out.toString(StandardCharsets.UTF_8) + cliOut,
        err.toString(StandardCharsets.UTF_8) + cliErr);
  }

  /** The {@code --stats} line's value of {@code key} (a number), or -1. */
  long stat(String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(\\d+)").matcher(stderr);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The {@code --stats} line's {@code "net":{...}} object, or null. */
  String netObject() {
    Matcher m = Pattern.compile("\"net\":\\{[^}]*}").matcher(stderr);
    return m.find() ? m.group() : null;
  }
}
