package dev.vboard.emulator.serial;

import dev.vboard.emulator.time.HostEvents;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The console UART on the host's standard input and output.
 *
 * <p><b>Host I/O edge.</b> Reading stdin may block (a terminal, a pipe), and the simulation
 * thread must never block, so the first {@link #poll()} starts one daemon thread that copies
 * stdin into a queue; {@code poll()} only takes from the queue. This is the only thread in the
 * serial package. When and at which virtual time a byte arrives therefore depends on the host;
 * for replayable input use {@link FileBackend}. Output is buffered and flushed at each newline
 * and whenever the guest polls for input, so prompts without a newline still appear.
 *
 * <p>Once {@link #bindTo bound} to a machine's {@link HostEvents}, the reader signals it after
 * every chunk and at end of input, and {@link #poll()} answers {@link CharBackend#WAIT} when
 * nothing is queued: the UART then stops polling by time and an idle machine skips to its next
 * timer (or blocks, with none) until input comes. Unbound, it is polled per character time.
 *
 * <p><b>Settling piped input</b> ({@link #settleInput}). Input piped in ({@code printf 'x' |
 * vboard run ...}) is usually all in the pipe, or on its way, when the guest first looks, but
 * the reader thread may not have queued it yet; answering "nothing" then would let virtual time
 * pass (an idle skip, a timeout firing) before bytes that were there all along, and differently
 * on every run. So when nothing is queued and input has not ended, {@code poll()} first waits
 * up to the settling time for the reader to deliver a byte or reach the end, and only then
 * answers WAIT. It waits at most once per silence: after an unanswered wait it answers at once
 * until a byte arrives, so a live pipe that stays quiet costs the settling time once, not per
 * character. Not for terminals, where a human types and every keystroke would pay it.
 */
public final class StdioBackend implements CharBackend {
  private final InputStream in;
  private final OutputStream out;
  private final ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
  private volatile boolean eof;
  private Thread reader;
  private boolean unflushed;
  private volatile HostEvents events;
  /** Guards the settling wait: the reader notifies it after each chunk and at end of input. */
  private final Object arrival = new Object();
  private long settleNanos;
  /** A settling wait went unanswered since the last byte: answer at once until one comes. */
  private boolean silent;

  /** The process's stdin and stdout (raw bytes, no charset translation). */
  public StdioBackend() {
    this(new FileInputStream(FileDescriptor.in),
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
  }

  /** Any pair of streams, e.g. a socket's; {@code in} may block, it is read on its own thread. */
  public StdioBackend(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public void transmit(int b) {
    try {
      out.write(b);
      unflushed = true;
      if (b == '\n') {
        flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("console output: " + e.getMessage(), e);
    }
  }

  @Override
  public int poll() {
    if (unflushed) {
      flush();
    }
    if (reader == null) {
      startReader();
    }
    Integer b = received.poll();
    if (b == null && settleNanos > 0 && !silent && !eof) {
      b = settle();
    }
    if (b != null) {
      silent = false;
      return b;
    }
    return events != null && !eof ? WAIT : -1;
  }

  /**
   * Waits up to {@code nanos} for piped input that is on its way (see the class comment). Off
   * by default; not for terminals.
   */
  public StdioBackend settleInput(long nanos) {
    this.settleNanos = nanos;
    return this;
  }

  /**
   * The settling wait: a byte, or null at end of input or after the settling time. A host I/O
   * edge: it reads the host clock only to bound a wait for host input, never to time the guest.
   */
  private Integer settle() {
    long deadline = System.nanoTime() + settleNanos; // HOST I/O EDGE: bounds a wait, never timing
    synchronized (arrival) {
      Integer b;
      while ((b = received.poll()) == null && !eof) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          silent = true;
          return null;
        }
        try {
          arrival.wait(left / 1_000_000L, (int) (left % 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return b;
    }
  }

  /**
   * Makes input wake the machine that owns {@code hostEvents} instead of being polled by time
   * (see the class comment). The reader still starts at the first poll: stdin is not touched
   * until the guest asks, and until then it is no open source the machine would wait for.
   * Simulation thread, before the run.
   */
  public void bindTo(HostEvents hostEvents) {
    synchronized (this) {
      events = hostEvents;
      if (reader != null && !eof) {
        hostEvents.sourceOpened(); // closed by the reader at end of input
      }
    }
    hostEvents.signal(); // whatever the reader queued before binding
  }

  @Override
  public boolean inputClosed() {
    return eof && received.isEmpty();
  }

  @Override
  public void flush() {
    try {
      out.flush();
      unflushed = false;
    } catch (IOException e) {
      throw new UncheckedIOException("console output: " + e.getMessage(), e);
    }
  }

  private void startReader() {
    synchronized (this) {
      if (events != null) {
        events.sourceOpened(); // closed by the reader at end of input
      }
    }
    reader = new Thread(this::copyInput, "vboard-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs on the reader thread: blocking reads until end of input. */
  private void copyInput() {
    byte[] buf = new byte[256];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (arrival) {
          for (int i = 0; i < n; i++) {
            received.add(buf[i] & 0xff);
          }
          arrival.notifyAll();
        }
        HostEvents bound = events;
        if (bound != null) {
          bound.signal();
        }
      }
    } catch (IOException e) {
      // A broken stdin is end of input for the guest; nothing more will arrive.
    } finally {
      HostEvents bound;
      synchronized (this) {
        synchronized (arrival) {
          eof = true;
          arrival.notifyAll();
        }
        bound = events;
      }
      if (bound != null) {
        bound.sourceClosed();
        bound.signal(); // the UART sees the end and stops asking
      }
    }
  }
}
