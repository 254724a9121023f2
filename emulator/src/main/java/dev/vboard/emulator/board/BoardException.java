package dev.vboard.emulator.board;

/**
 * A board description cannot be found, parsed or built. The message is one line, naming the
 * file and the field when there is one, so the CLI can print it as it is.
 */
public class BoardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BoardException(String message) {
    super(message);
  }

  public BoardException(String message, Throwable cause) {
    super(message, cause);
  }
}
