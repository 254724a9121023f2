package dev.vboard.emulator.cli;

/**
 * The CLI's exit statuses. A guest exit passes the guest's own status through; the others follow
 * common Unix conventions: 2 for usage errors (as getopt tools), 124 for a timeout (as
 * timeout(1)), 130 for SIGINT (128 + 2), 70 for an internal error (sysexits.h EX_SOFTWARE).
 */
public final class ExitCodes {
  public static final int USAGE = 2;
  public static final int LOCKUP = 3;
  public static final int INTERNAL = 70;
  public static final int TIMEOUT = 124;
  public static final int INTERRUPTED = 130;

  private ExitCodes() { }
}
