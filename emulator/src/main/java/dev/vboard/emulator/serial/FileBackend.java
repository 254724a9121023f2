package dev.vboard.emulator.serial;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UART wired to files: output is written to one file, input (optional) is read from another.
 *
 * <p>Regular files never block, so input is read synchronously on the simulation thread: the
 * guest receives byte <i>n</i> at the same virtual time on every run, which makes this the
 * backend for replayable input (unlike stdin, see {@link StdioBackend}). At end of file
 * {@link #inputClosed()} turns true and the UART stops polling.
 *
 * <p>Host I/O edge: file errors are host problems, not guest errors, and surface as
 * {@link UncheckedIOException}.
 */
public final class FileBackend implements CharBackend, AutoCloseable {
  private final OutputStream out;
  private final InputStream in;
  private boolean eof;

  private FileBackend(OutputStream out, InputStream in) {
    this.out = out;
    this.in = in;
    this.eof = in == null;
  }

  /** Output to {@code output} (created or truncated), no input. */
  public static FileBackend create(Path output) throws IOException {
    return create(output, null);
  }

  /** Output to {@code output} (created or truncated); input from {@code input} when non-null. */
  public static FileBackend create(Path output, Path input) throws IOException {
    OutputStream out = output == null ? OutputStream.nullOutputStream()
        : new BufferedOutputStream(Files.newOutputStream(output));
    InputStream in = input == null ? null : new BufferedInputStream(Files.newInputStream(input));
    return new FileBackend(out, in);
  }

  @Override
  public void transmit(int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException("serial output file: " + e.getMessage(), e);
    }
  }

  @Override
  public int poll() {
    if (eof) {
      return -1;
    }
    try {
      int b = in.read();
      if (b < 0) {
        eof = true;
      }
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException("serial input file: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean inputClosed() {
    return eof;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("serial output file: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }
}
