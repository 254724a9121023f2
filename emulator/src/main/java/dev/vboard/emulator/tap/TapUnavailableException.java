package dev.vboard.emulator.tap;

/**
 * The TAP device cannot be had at all: {@code /dev/net/tun} is missing, or this process may not
 * create or attach the interface (it needs root or {@code CAP_NET_ADMIN}). The message is one
 * line that says which, for the command line to print as is.
 */
public final class TapUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public TapUnavailableException(String message) {
    super(message);
  }
}
