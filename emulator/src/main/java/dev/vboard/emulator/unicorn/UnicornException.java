package dev.vboard.emulator.unicorn;

/** A Unicorn call failed; {@link #error()} says how. */
public final class UnicornException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final UcError error;

  public UnicornException(UcError error, String message) {
    super(message);
    this.error = error;
  }

  public UcError error() {
    return error;
  }
}
