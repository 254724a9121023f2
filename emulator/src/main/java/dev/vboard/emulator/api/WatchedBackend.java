package dev.vboard.emulator.api;

import dev.vboard.emulator.serial.CharBackend;

/**
 * Passes everything through to the backend it wraps, and calls back when the guest's output
 * completes the text being waited for ({@link Emulation#runUntilOutput}).
 */
final class WatchedBackend implements CharBackend {
  private final CharBackend delegate;
  private TailMatcher matcher;
  private Runnable onMatch;
  private boolean matched;

  WatchedBackend(CharBackend delegate) {
    this.delegate = delegate;
  }

  CharBackend delegate() {
    return delegate;
  }

  /** Starts watching for {@code text}; {@code onMatch} runs on the simulation thread. */
  void watch(byte[] text, Runnable action) {
    this.matcher = new TailMatcher(text);
    this.onMatch = action;
    this.matched = false;
  }

  /** Stops watching; returns whether the text was seen. */
  boolean unwatch() {
    matcher = null;
    onMatch = null;
    return matched;
  }

  @Override
  public void transmit(int b) {
    delegate.transmit(b);
    if (matcher != null && !matched && matcher.accept(b)) {
      matched = true;
      onMatch.run();
    }
  }

  @Override
  public int poll() {
    return delegate.poll();
  }

  @Override
  public boolean inputClosed() {
    return delegate.inputClosed();
  }

  @Override
  public void flush() {
    delegate.flush();
  }
}
