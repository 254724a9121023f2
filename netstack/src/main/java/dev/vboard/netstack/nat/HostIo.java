package dev.vboard.netstack.nat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Selector} over every host socket of a netstack: the NAT's only I/O boundary.
 * Channels are non-blocking; {@link #poll} dispatches readiness with {@code selectNow()} from the
 * netstack's own poll, on the simulation thread, so no thread is ever started.
 * {@link #await} is the single place that blocks on the wall clock; {@link #wakeup} (any thread)
 * ends it, so one wait covers host sockets and the emulator's other host input.
 */
final class HostIo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");
  private static final long NANOS_PER_MILLI = 1_000_000L;

  /** Reacts to a selected key; called from {@link #poll} with the netstack's virtual time. */
  @FunctionalInterface
  interface Handler {
    void ready(SelectionKey key, long nowNs);
  }

  private final Selector selector;

  HostIo() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for host sockets", e);
    }
  }

  /** Makes {@code channel} non-blocking and watches it for {@code ops}. */
  SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
    channel.configureBlocking(false);
    return channel.register(selector, ops, handler);
  }

  /** Dispatches every ready channel; never blocks. Returns how many keys were handled. */
  int poll(long nowNs) {
    try {
      selector.selectNow();
    } catch (IOException e) {
      LOG.warn("selectNow failed: {}", e.toString());
      return 0;
    }
    // A snapshot: handlers register and cancel keys while we iterate.
    List<SelectionKey> ready = new ArrayList<>(selector.selectedKeys());
    selector.selectedKeys().clear();
    for (SelectionKey key : ready) {
      if (!key.isValid()) {
        continue;
      }
      try {
        ((Handler) key.attachment()).ready(key, nowNs);
      } catch (RuntimeException e) {
        // A bug in one bridge must not stop the emulator: log, drop that socket, carry on.
        LOG.error("host socket handler failed", e);
        closeQuietly(key);
      }
    }
    return ready.size();
  }

  /** True if some channel is ready now (consumes nothing: the next {@link #poll} handles it). */
  boolean anyReady() {
    return await(0);
  }

  /**
   * REAL-TIME EDGE: blocks the caller for at most {@code maxWaitNanos} of wall-clock time
   * ({@link Long#MAX_VALUE}: no limit; 0 or less: only looks), until a host socket is ready or
   * until {@link #wakeup()}. The only blocking call of the netstack; the emulator's idle loop
   * uses it instead of polling host sockets by time. Returns whether a socket is ready (its key
   * stays selected for the next {@link #poll}).
   */
  boolean await(long maxWaitNanos) {
    if (!selector.isOpen()) {
      return false; // closed with the netstack: nothing will ever be ready
    }
    if (!selector.selectedKeys().isEmpty()) {
      return true;
    }
    if (maxWaitNanos <= 0 && selector.keys().isEmpty()) {
      return false; // nothing registered can be ready: spare the idle loop a system call
    }
    try {
      if (maxWaitNanos <= 0) {
        selector.selectNow();
      } else if (maxWaitNanos == Long.MAX_VALUE) {
        selector.select();
      } else {
        // Selector.select takes milliseconds; round up so a short wait is not a busy loop.
        selector.select(Math.max(1, (maxWaitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI));
      }
    } catch (IOException e) {
      LOG.warn("select failed: {}", e.toString());
    }
    return !selector.selectedKeys().isEmpty();
  }

  /**
   * Any thread: makes a current {@link #await} return at once, or the next one if none is in
   * progress (Selector.wakeup's contract), e.g. when other host input has arrived.
   */
  void wakeup() {
    selector.wakeup();
  }

  /** Registered channels, listeners included. */
  int channelCount() {
    if (!selector.isOpen() || selector.keys().isEmpty()) {
      return 0; // asked on every idle wake-up of the machine: no iterator for none
    }
    int n = 0;
    for (SelectionKey k : selector.keys()) {
      n += k.isValid() ? 1 : 0;
    }
    return n;
  }

  static void closeQuietly(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      LOG.debug("closing host socket: {}", e.toString());
    }
  }

  @Override
  public void close() {
    for (Iterator<SelectionKey> it = selector.keys().iterator(); it.hasNext(); ) {
      closeQuietly(it.next());
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing selector: {}", e.toString());
    }
  }
}
