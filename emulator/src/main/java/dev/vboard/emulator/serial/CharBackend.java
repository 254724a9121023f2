package dev.vboard.emulator.serial;

/**
 * The far end of a UART: where transmitted bytes go and received bytes come from
 * (stdio, a file, nothing, a test's buffer). Called on the simulation thread only.
 */
public interface CharBackend {

  /**
   * {@link #poll()}: no byte now, and this backend signals the machine's
   * {@link dev.vboard.emulator.time.HostEvents} when input arrives, so the device need not ask
   * again before that (a source bound with {@link StdioBackend#bindTo}). Plain -1 means "ask
   * again later": the device then polls once per character time.
   */
  int WAIT = -2;

  /** The guest transmitted {@code b} (0-255). */
  void transmit(int b);

  /** The next received byte if one is ready now, else -1 or {@link #WAIT}. Never blocks. */
  int poll();

  /** True when no more input will ever arrive (end of file), so the UART need not ask again. */
  default boolean inputClosed() {
    return false;
  }

  default void flush() { }
}
