package dev.vboard.emulator.asyncio;

import dev.vboard.emulator.serial.CharBackend;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A UART end that keeps every transmitted byte with the virtual time it left the UART, so a test
 * can ask when a line appeared on the board's clock. The clock is attached after the emulation
 * is built (the machine, and so its clock, does not exist before); no input is ever offered.
 * Simulation thread only, like every backend.
 */
final class TimedUart implements CharBackend {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long[] times = new long[256];
  private LongSupplier clock;

  /** The source of virtual nanoseconds, e.g. {@code emulation::virtualNanos}. */
  void attach(LongSupplier virtualNanos) {
    this.clock = virtualNanos;
  }

  @Override
  public void transmit(int b) {
    if (clock == null) {
      throw new IllegalStateException("the UART transmitted before the clock was attached");
    }
    int n = bytes.size();
    if (n == times.length) {
      times = Arrays.copyOf(times, n * 2);
    }
    times[n] = clock.getAsLong();
    bytes.write(b);
  }

  @Override
  public int poll() {
    return -1;
  }

  @Override
  public boolean inputClosed() {
    return true;
  }

  byte[] output() {
    return bytes.toByteArray();
  }

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The virtual time of every transmitted byte, in order. */
  long[] times() {
    return Arrays.copyOf(times, bytes.size());
  }

  /**
   * The output as lines: each with the time of its first byte (when the program started to
   * print it) and of its newline (when the line was complete). A last line without a newline
   * is included with the time of its last byte.
   */
  List<Line> lines() {
    byte[] out = output();
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '\n' || i == out.length - 1) {
        int end = out[i] == '\n' ? i : i + 1;
        lines.add(new Line(new String(out, start, end - start, StandardCharsets.UTF_8),
            times[start], times[i]));
        start = i + 1;
      }
    }
    return lines;
  }

  /** One line of output (without its newline) and its virtual times in nanoseconds. */
  record Line(String text, long firstByteNanos, long endNanos) { }
}
