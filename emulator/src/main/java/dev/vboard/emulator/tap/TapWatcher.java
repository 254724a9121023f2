package dev.vboard.emulator.tap;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REAL-TIME EDGE: lets the TAP loop wait in one place for the TAP and the netstack's host
 * sockets together. The host sockets live in a Java {@code Selector}, which cannot watch the
 * TAP's descriptor, and the TAP's poll(2) cannot watch the selector; so while the loop blocks in
 * the selector, this watcher's daemon thread blocks in poll(2) on the TAP and, when a frame is
 * waiting, ends the selector wait (its wake-up action). Without it the loop had to wake every
 * millisecond while a host connection was merely open, to look at both.
 *
 * <p>One shot per {@link #arm}: after a frame wakes the loop, the thread waits for the loop to
 * arm it again (once it has read the TAP empty), so it never spins on a frame the loop has not
 * read yet. A wake-up with nothing to read is harmless: the loop just looks and waits again.
 */
final class TapWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");
  /** Longest single poll(2), so {@link #close} is noticed promptly. */
  static final long POLL_SLICE_NANOS = 50_000_000L;

  private final TapDevice tap;
  private final Runnable wake;
  private final Semaphore armedPermit = new Semaphore(0);
  private final AtomicBoolean armed = new AtomicBoolean();
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param wake ends the loop's current (or next) wait, from the watcher's thread; the
   *     netstack's {@code wakeHostIo}
   */
  TapWatcher(TapDevice tap, Runnable wake) {
    this.tap = tap;
    this.wake = wake;
  }

  /** Loop thread: watch the TAP until a frame is waiting, then wake the loop once. */
  void arm() {
    if (thread == null) {
      thread = new Thread(this::watch, "vboard-tap-watcher");
      thread.setDaemon(true);
      thread.start();
    }
    if (armed.compareAndSet(false, true)) {
      armedPermit.release();
    }
  }

  private void watch() {
    try {
      while (!closed) {
        armedPermit.acquire();
        while (!closed && !tap.awaitReadable(POLL_SLICE_NANOS)) {
          // nothing yet: poll again (the slice only bounds how late close() is seen)
        }
        // Disarmed before the wake-up, so the loop's next arm() is never lost to this thread.
        armed.set(false);
        wake.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The loop's own reads see the same failure and end the run; just stop watching.
      LOG.debug("TAP watcher: {}", e.toString());
      wake.run();
    }
  }

  /** Loop thread: stops the watcher and waits for it, before the TAP is closed under it. */
  @Override
  public void close() {
    closed = true;
    if (thread == null) {
      return;
    }
    armedPermit.release();
    try {
      thread.join(2 * POLL_SLICE_NANOS / 1_000_000L + 1_000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
