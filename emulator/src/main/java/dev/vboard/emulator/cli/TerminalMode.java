package dev.vboard.emulator.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts the controlling terminal into character-at-a-time mode (no line buffering, no echo, no
 * signal keys) and restores it on close. A no-op when stdin is not a terminal, so pipes and
 * tests are unaffected. Uses stty(1), the portable way to change terminal modes from the JVM.
 * A shutdown hook restores the mode too, so a run ended by a signal (SIGTERM, SIGHUP) does not
 * leave the user's shell without echo.
 */
final class TerminalMode implements AutoCloseable {
  private final String saved;
  private final Thread restoreAtExit;
  private boolean restored;

  private TerminalMode(String saved) {
    this.saved = saved;
    this.restoreAtExit = saved == null ? null : new Thread(this::restoreQuietly, "vboard-tty");
    if (restoreAtExit != null) {
      Runtime.getRuntime().addShutdownHook(restoreAtExit);
    }
  }

  static TerminalMode characterAtATime() throws IOException, InterruptedException {
    if (System.console() == null || !new File("/dev/tty").canRead()) {
      return new TerminalMode(null);
    }
    String saved = stty("-g").trim();
    stty("-icanon", "-echo", "-isig", "-ixon", "min", "1", "time", "0");
    return new TerminalMode(saved);
  }

  @Override
  public void close() throws IOException {
    if (restoreAtExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(restoreAtExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook restores the mode (or has) itself.
      }
    }
    restore();
  }

  private synchronized void restore() throws IOException {
    if (saved == null || restored) {
      return;
    }
    restored = true;
    try {
      stty(saved);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void restoreQuietly() {
    try {
      restore();
    } catch (IOException e) {
      // The terminal is gone (SIGHUP); there is nothing left to restore.
    }
  }

  private static String stty(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("stty " + String.join(" ", args) + " failed");
    }
    return out;
  }
}
