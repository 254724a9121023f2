package dev.vboard.emulator.cli;

/**
 * A problem the user can fix (a bad image, an unknown board, an unwritable file): printed as
 * one line {@code vboard: <message>}, exit status {@link ExitCodes#USAGE}, never a stack trace.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
