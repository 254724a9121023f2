package dev.vboard.netstack.transport.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quotes served by qotd (RFC 865), handed out in order and cycled, so the n-th request of a
 * run always gets the same quote. Shared by the UDP and TCP variants of the service.
 *
 * <p>The built-in list holds traditional proverbs and sayings in the public domain. A file can
 * replace it: one quote per line, blank lines and lines starting with {@code #} ignored.
 */
public final class QuoteBook {
  private static final List<String> BUILT_IN = List.of(
      "Measure twice, cut once. - Traditional proverb",
      "Many hands make light work. - Traditional proverb",
      "A stitch in time saves nine. - Traditional proverb",
      "Little strokes fell great oaks. - Benjamin Franklin, Poor Richard's Almanack",
      "Well done is better than well said. - Benjamin Franklin, Poor Richard's Almanack",
      "Slow and steady wins the race. - Aesop",
      "Rome was not built in a day. - Traditional proverb",
      "Still waters run deep. - Traditional proverb",
      "Necessity is the mother of invention. - Traditional proverb",
      "An ounce of prevention is worth a pound of cure. - Benjamin Franklin",
      "Where there is a will, there is a way. - Traditional proverb",
      "Practice makes perfect. - Traditional proverb");

  private final List<String> quotes;
  private int next;

  private QuoteBook(List<String> quotes) {
    if (quotes.isEmpty()) {
      throw new IllegalArgumentException("a quote book needs at least one quote");
    }
    this.quotes = List.copyOf(quotes);
  }

  public static QuoteBook builtIn() {
    return new QuoteBook(BUILT_IN);
  }

  public static QuoteBook of(List<String> quotes) {
    return new QuoteBook(quotes);
  }

  /** Reads a quote file (UTF-8); see the class comment for the format. */
  public static QuoteBook fromFile(Path path) throws IOException {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(r);
    }
  }

  public static QuoteBook read(Reader reader) throws IOException {
    List<String> quotes = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String q = line.strip();
      if (!q.isEmpty() && !q.startsWith("#")) {
        quotes.add(q);
      }
    }
    return new QuoteBook(quotes);
  }

  /** The next quote, wrapping around after the last. */
  public String next() {
    String q = quotes.get(next);
    next = (next + 1) % quotes.size();
    return q;
  }

  public List<String> quotes() {
    return quotes;
  }
}
