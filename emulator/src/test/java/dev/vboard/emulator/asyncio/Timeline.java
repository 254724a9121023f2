package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The board's output lines of a program staged with {@link Programs#stageTimed}, on the
 * program's own clock: time zero is the moment the {@link Programs#MARK} line is complete, that
 * is when the program called {@code asyncio.run} (or, after {@link #startingAt}, a line the
 * program prints as it starts). A line's time is that of its first byte, when the program began
 * to print it.
 */
final class Timeline {
  /** How far a line may be from the time the program promises: ±10 ms of board time. */
  static final long TOLERANCE_NANOS = 10_000_000L;

  private final BoardSession.Outcome outcome;
  private final long zero;

  Timeline(BoardSession.Outcome outcome) {
    this.outcome = outcome;
    List<TimedUart.Line> marks = outcome.lines().stream()
        .filter(l -> l.text().equals(Programs.MARK)).toList();
    assertEquals(1, marks.size(), "one asyncio.run marker\n" + outcome.describe());
    this.zero = marks.get(0).endNanos();
  }

  private Timeline(BoardSession.Outcome outcome, long zero) {
    this.outcome = outcome;
    this.zero = zero;
  }

  /**
   * The same output timed from the first line equal to {@code text}: for waits that begin after
   * work whose length is not asyncio's to promise, such as the VM creating the tasks before a
   * program's first line ("tick 0", "A waiting") or a TCP connection set up before a timed read.
   */
  Timeline startingAt(String text) {
    return new Timeline(outcome, zero + offsetOf(text));
  }

  BoardSession.Outcome outcome() {
    return outcome;
  }

  /** The output without the marker line: what the program itself printed. */
  byte[] programOutput() {
    String text = outcome.text();
    int at = text.indexOf(Programs.MARK + "\n");
    return (text.substring(0, at) + text.substring(at + Programs.MARK.length() + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Nanoseconds from asyncio.run to the first line that equals {@code text}. */
  long offsetOf(String text) {
    for (TimedUart.Line l : outcome.lines()) {
      if (l.text().equals(text)) {
        return l.firstByteNanos() - zero;
      }
    }
    return fail("no line '" + text + "'\n" + outcome.describe());
  }

  /** Every line equal to {@code text} appeared {@code millis} ms after asyncio.run, ±10 ms. */
  void assertAt(String text, long millis) {
    boolean seen = false;
    for (TimedUart.Line l : outcome.lines()) {
      if (l.text().equals(text)) {
        seen = true;
        long offset = l.firstByteNanos() - zero;
        assertTrue(Math.abs(offset - millis * 1_000_000L) <= TOLERANCE_NANOS,
            "'" + text + "' at " + offset / 1e6 + " ms of board time, expected "
                + millis + " ms ± " + TOLERANCE_NANOS / 1_000_000 + "\n" + describe());
      }
    }
    assertTrue(seen, "no line '" + text + "'\n" + describe());
  }

  /** The output with each line's time after asyncio.run, for failure messages. */
  String describe() {
    StringBuilder sb = new StringBuilder(outcome.describe()).append("\n--- timeline ---\n");
    for (TimedUart.Line l : outcome.lines()) {
      sb.append(String.format("%12.3f ms  %s%n", (l.firstByteNanos() - zero) / 1e6, l.text()));
    }
    return sb.toString();
  }
}
