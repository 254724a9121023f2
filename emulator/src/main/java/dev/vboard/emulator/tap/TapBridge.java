package dev.vboard.emulator.tap;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.link.Link;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REAL-TIME EDGE: runs a netstack against a TAP interface on one thread, with the wall clock
 * (nanoseconds since the Unix epoch, read once and then advanced by the monotonic clock) as the
 * netstack's {@code now}: a capture then carries real dates, and a netstack configured with
 * {@code epochSeconds} 0 tells the real time on its daytime service. The other end is a real
 * kernel, so this mode cannot be virtual-time or deterministic.
 *
 * <p>The loop, after the MicroPython asyncio shape (one wait over a poll primitive, deadlines
 * from the engine):
 * <ol>
 *   <li>take every frame waiting on the TAP (up to a batch) into the netstack;
 *   <li>{@link Link#poll}: host sockets serviced without blocking, timers due run;
 *   <li>wait until the netstack's {@link Link#pollAt()} deadline, never spinning: in poll(2) on
 *       the TAP while no host socket is open; otherwise in the netstack's selector over the host
 *       sockets ({@link Netstack#awaitHostIo}), which a {@link TapWatcher} ends as soon as a
 *       frame waits on the TAP. Either way traffic from both sides ends the wait at once, and
 *       an open connection or listener that carries nothing costs no wake-ups.
 * </ol>
 * Frames the kernel will not take (a full queue) are dropped and counted, as on a wire.
 */
public final class TapBridge {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");

  /** Longest single wait, so a stop request is noticed promptly. */
  static final long MAX_WAIT_NANOS = 100_000_000L;
  /** Frames taken from the TAP before the netstack's host side gets a turn. */
  static final int READ_BATCH = 64;

  private final TapDevice tap;
  private final Link link;
  private final Netstack netstack;
  private final byte[] frame = new byte[TapDevice.MAX_FRAME];
  private long framesIn;
  private long framesOut;
  private long framesDropped;

  /**
   * @param link what frames go through: the netstack itself, or a capture around it
   * @param netstack the netstack behind {@code link}, for its host-I/O pacing
   */
  public TapBridge(TapDevice tap, Link link, Netstack netstack) {
    this.tap = tap;
    this.link = link;
    this.netstack = netstack;
  }

  /**
   * Runs until {@code stop} says so (checked at least every {@link #MAX_WAIT_NANOS}).
   *
   * @throws IOException when the TAP fails (the interface was deleted under us)
   */
  public void run(BooleanSupplier stop) throws IOException {
    try (TapWatcher watcher = new TapWatcher(tap, netstack::wakeHostIo)) {
      loop(stop, watcher);
    }
  }

  private void loop(BooleanSupplier stop, TapWatcher watcher) throws IOException {
    // REAL-TIME EDGE: the netstack's clock in this mode.
    long origin = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    while (!stop.getAsBoolean()) {
      long now = origin + System.nanoTime(); // REAL-TIME EDGE
      int taken = 0;
      int len;
      while (taken < READ_BATCH && (len = tap.read(frame)) > 0) {
        taken++;
        framesIn++;
        send(link.receiveFromGuest(Arrays.copyOf(frame, len), now));
      }
      send(link.poll(now));
      if (taken == READ_BATCH) {
        continue; // more may be waiting: no wait at all
      }
      long wait = waitNanos(link.pollAt(), now);
      if (taken == 0 && wait > 0) {
        if (netstack.hasHostSockets()) {
          watcher.arm(); // the TAP is empty now: the watcher ends the wait when it is not
          netstack.awaitHostIo(wait);
        } else {
          tap.awaitReadable(wait);
        }
      }
    }
  }

  /**
   * How long to wait: until the netstack's next deadline, capped so that a stop request is
   * seen promptly. Host sockets add no deadline and no cap: the wait itself ends when one of
   * them, or the TAP, has something (see the class comment).
   */
  long waitNanos(long pollAt, long now) {
    long wait = pollAt == Link.NEVER ? MAX_WAIT_NANOS : pollAt - now;
    return Math.min(wait, MAX_WAIT_NANOS);
  }

  private void send(List<byte[]> frames) throws IOException {
    for (byte[] f : frames) {
      if (tap.write(f)) {
        framesOut++;
      } else {
        framesDropped++;
        LOG.debug("drop: TAP {} queue full, frame of {} bytes", tap.name(), f.length);
      }
    }
  }

  /** Frames read from the TAP (sent by the kernel), written to it, and dropped on a full queue. */
  public long framesIn() {
    return framesIn;
  }

  public long framesOut() {
    return framesOut;
  }

  public long framesDropped() {
    return framesDropped;
  }
}
