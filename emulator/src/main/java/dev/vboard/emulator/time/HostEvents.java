package dev.vboard.emulator.time;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * HOST I/O EDGE: the doorbell between host threads that receive input on their own (a reader
 * thread on a terminal or a pipe) and the simulation thread. A host thread queues its data in
 * its own structure and calls {@link #signal()}; the simulation thread notices the signal at its
 * next turn ({@link #deliver()}) and runs the device listeners there, at the current virtual
 * time. Nothing polls by time: a device whose input comes from such a source asks again only
 * after a signal, so an idle machine skips straight to its next timer, and with nothing
 * scheduled it blocks in {@link #await} (no CPU) until the host has something.
 *
 * <p>When input arrives is up to the host, so runs fed this way are not replayable; sources that
 * must be (files, test buffers) are read on the simulation thread instead and never signal.
 *
 * <p>A source with a blocking primitive of its own (the network's selector over host sockets)
 * plugs in as the {@link Waiter}: while it is open, {@link #await} blocks in it rather than on
 * this class's lock, {@link #signal()} and {@link #interruptWait()} wake it, and its readiness
 * counts as a signal. So one wait covers stdin and host sockets, and neither is polled by time.
 *
 * <p>Thread safety: {@link #signal()}, {@link #interruptWait()}, {@link #sourceOpened()} and
 * {@link #sourceClosed()} may be called from any thread; everything else only from the
 * simulation thread.
 */
public final class HostEvents {
  /**
   * HOST I/O EDGE: a source that blocks in its own primitive (e.g. a {@code Selector}); its
   * methods other than {@link #wake} are called on the simulation thread only.
   */
  public interface Waiter {
    /** Whether it has anything that may become ready (e.g. some host socket is open). */
    boolean open();

    /**
     * Blocks up to {@code maxNanos} of wall time ({@link Long#MAX_VALUE}: no limit; 0: only
     * looks) or until {@link #wake}; returns whether the source is ready.
     */
    boolean await(long maxNanos);

    /** Any thread: ends a current {@link #await} at once, or the next one if none is running. */
    void wake();

    /** How often (wall or virtual ns) a busy machine should {@link #checkWaiter} while open. */
    long checkIntervalNanos();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicInteger openSources = new AtomicInteger();
  private final List<Runnable> listeners = new ArrayList<>();
  private volatile boolean pending;
  private Runnable interrupter = () -> { };
  private boolean kicked;
  private volatile Waiter waiter;

  /**
   * Called (on the signalling thread) after each signal, so that a CPU slice in progress ends
   * at its next block boundary instead of running to its deadline; the machine passes its
   * core's stop flag. Once this returns, the previous action is never called again, so a
   * machine that closes its core first sets a no-op here (reader threads outlive machines).
   */
  public void setInterrupter(Runnable action) {
    lock.lock();
    try {
      interrupter = action;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Simulation thread: plugs in the source that blocks in its own primitive (one per machine:
   * the network's host sockets); null removes it. Its readiness is delivered as a signal.
   */
  public void setWaiter(Waiter w) {
    waiter = w;
  }

  /** True while a {@link Waiter} is plugged in and open: host input may come at any time. */
  public boolean waiterOpen() {
    Waiter w = waiter;
    return w != null && w.open();
  }

  /** The plugged-in {@link Waiter}'s check interval, {@link Long#MAX_VALUE} without one. */
  public long waiterCheckNanos() {
    Waiter w = waiter;
    return w == null ? Long.MAX_VALUE : w.checkIntervalNanos();
  }

  /**
   * Simulation thread, never blocks: if the {@link Waiter} is ready, marks a signal pending (to
   * be delivered by {@link #deliver()}). For a busy machine, which does not wait.
   */
  public void checkWaiter() {
    if (!pending && waiterOpen() && waiter.await(0)) {
      pending = true;
    }
  }

  /** Registers {@code listener}, run on the simulation thread after each signal. */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Any thread: new input (or end of input) is waiting for the simulation to notice it. */
  public void signal() {
    lock.lock();
    try {
      pending = true;
      changed.signalAll();
      interrupter.run();
    } finally {
      lock.unlock();
    }
    wakeWaiter();
  }

  private void wakeWaiter() {
    Waiter w = waiter;
    if (w != null) {
      w.wake();
    }
  }

  /** Any thread: makes a current {@link #await} return without an event (a stop request). */
  public void interruptWait() {
    lock.lock();
    try {
      kicked = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    wakeWaiter();
  }

  /** Any thread: a source that will signal has opened (e.g. stdin that may still deliver). */
  public void sourceOpened() {
    openSources.incrementAndGet();
  }

  /** Any thread: a source reached its end and will not signal again. */
  public void sourceClosed() {
    openSources.decrementAndGet();
  }

  /**
   * True while some source may still signal (an open {@link Waiter} included): waiting for it
   * can end in input.
   */
  public boolean hasOpenSources() {
    return openSources.get() > 0 || waiterOpen();
  }

  /** True when a signal has not been delivered yet. */
  public boolean pending() {
    return pending;
  }

  /**
   * Simulation thread: when a signal is pending, clears it and runs every listener; returns
   * whether it did. The flag is cleared first, so a signal raised while listeners run is kept.
   */
  public boolean deliver() {
    if (!pending) {
      return false;
    }
    pending = false;
    for (Runnable l : listeners) {
      l.run();
    }
    return true;
  }

  /**
   * HOST I/O EDGE, simulation thread: blocks until a signal is pending, {@link #interruptWait()}
   * is called, {@code stop} is true, or {@code maxNanos} of wall time pass
   * ({@link Long#MAX_VALUE}: no limit). While a {@link Waiter} is open it blocks there instead,
   * and the waiter's readiness is a signal. Returns the wall time it waited, in nanoseconds;
   * virtual time is not touched.
   */
  public long await(long maxNanos, BooleanSupplier stop) {
    long start = System.nanoTime(); // host I/O edge
    if (waiterOpen()) {
      awaitWaiter(start, maxNanos, stop);
      return System.nanoTime() - start; // host I/O edge
    }
    lock.lock();
    try {
      long left = maxNanos;
      while (!pending && !kicked && !stop.getAsBoolean() && left > 0) {
        if (maxNanos == Long.MAX_VALUE) {
          changed.await();
        } else {
          left = changed.awaitNanos(left);
        }
      }
      kicked = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return System.nanoTime() - start; // host I/O edge
  }

  /**
   * HOST I/O EDGE: {@link #await} in the waiter's primitive. signal() and interruptWait() wake
   * it after setting their flags, so a flag set before the wait began is never missed (a wake
   * with no wait in progress makes the next one return at once).
   */
  private void awaitWaiter(long start, long maxNanos, BooleanSupplier stop) {
    Waiter w = waiter;
    while (!pending && !takeKick() && !stop.getAsBoolean()) {
      long left = maxNanos == Long.MAX_VALUE ? Long.MAX_VALUE
          : maxNanos - (System.nanoTime() - start); // host I/O edge
      if (left <= 0) {
        return;
      }
      if (w.await(left)) {
        pending = true;
        return;
      }
    }
  }

  private boolean takeKick() {
    lock.lock();
    try {
      boolean k = kicked;
      kicked = false;
      return k;
    } finally {
      lock.unlock();
    }
  }
}
