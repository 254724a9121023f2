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
 */
public final class StdioBackend implements CharBackend {
  private final InputStream in;
  private final OutputStream out;
  private final ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
  private volatile boolean eof;
  private Thread reader;
  private boolean unflushed;
  private volatile HostEvents events;

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
    if (b != null) {
      return b;
    }
    return events != null && !eof ? WAIT : -1;
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
        for (int i = 0; i < n; i++) {
          received.add(buf[i] & 0xff);
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
        eof = true;
        bound = events;
      }
      if (bound != null) {
        bound.sourceClosed();
        bound.signal(); // the UART sees the end and stops asking
      }
    }
  }
}
