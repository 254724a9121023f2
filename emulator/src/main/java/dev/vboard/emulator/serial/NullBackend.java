package dev.vboard.emulator.serial;

/**
 * A UART with nothing attached: transmitted bytes vanish and no input ever arrives.
 *
 * <p>{@link #inputClosed()} is true from the start, so a UART on this backend never schedules
 * receive polls and never keeps an idle machine from skipping ahead.
 */
public final class NullBackend implements CharBackend {

  /** Shared instance; the backend has no state. */
  public static final NullBackend INSTANCE = new NullBackend();

  private NullBackend() { }

  @Override
  public void transmit(int b) {
    // Discarded, like a UART pin left unconnected.
  }

  @Override
  public int poll() {
    return -1;
  }

  @Override
  public boolean inputClosed() {
    return true;
  }
}
