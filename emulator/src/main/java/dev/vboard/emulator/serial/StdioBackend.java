package dev.vboard.emulator.serial;

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
 */
public final class StdioBackend implements CharBackend {
  private final InputStream in;
  private final OutputStream out;
  private final ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
  private volatile boolean eof;
  private Thread reader;
  private boolean unflushed;

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
    return b == null ? -1 : b;
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
      }
    } catch (IOException e) {
      // A broken stdin is end of input for the guest; nothing more will arrive.
    } finally {
      eof = true;
    }
  }
}
