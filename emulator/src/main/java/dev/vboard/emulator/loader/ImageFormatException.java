package dev.vboard.emulator.loader;

/**
 * An image was refused: broken, truncated, for another architecture, or too big for the board.
 * The message is one line, fit to print after {@code vboard: <file>: }.
 */
public final class ImageFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageFormatException(String message) {
    super(message);
  }
}
