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
 * {@link #await} is the single place that blocks on the wall clock.
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
    if (!selector.selectedKeys().isEmpty()) {
      return true;
    }
    try {
      return selector.selectNow() > 0 || !selector.selectedKeys().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * REAL-TIME EDGE: blocks the caller for at most {@code maxWaitNanos} of wall-clock time, or
   * until a host socket is ready. The only blocking call of the netstack; the emulator's idle
   * loop uses it instead of spinning while the guest waits on a host that has not answered.
   */
  void await(long maxWaitNanos) {
    if (maxWaitNanos <= 0 || !selector.selectedKeys().isEmpty()) {
      return;
    }
    long millis = Math.max(1, (maxWaitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
    try {
      selector.select(millis);
    } catch (IOException e) {
      LOG.warn("select failed: {}", e.toString());
    }
  }

  /** Registered channels, listeners included. */
  int channelCount() {
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
