package dev.vboard.netstack.transport.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Daytime (RFC 867): the date and time as ASCII text, then (over TCP) close. The time is virtual:
 * {@code epochSeconds} plus the virtual nanoseconds since the netstack started, so every run
 * prints the same dates. The format is the RFC's first suggestion, "Weekday, Month Day, Year
 * HH:MM:SS-Zone", in UTC.
 */
public final class DaytimeService implements VirtualService {
  public static final int PORT = 13;
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu HH:mm:ss'-UTC'\r\n", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final long epochSeconds;

  /** @param epochSeconds the Unix time that virtual time 0 stands for */
  public DaytimeService(long epochSeconds) {
    this.epochSeconds = epochSeconds;
  }

  /** The daytime string at virtual time {@code nowNs}. */
  public String format(long nowNs) {
    return FORMAT.format(Instant.ofEpochSecond(epochSeconds + nowNs / 1_000_000_000L));
  }

  @Override
  public String name() {
    return "daytime";
  }

  @Override
  public int port() {
    return PORT;
  }

  @Override
  public byte[] answerDatagram(byte[] request, long nowNs) {
    return format(nowNs).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public StreamSession openStream(long nowNs) {
    return new QueuedSession(answerDatagram(new byte[0], nowNs), false, true);
  }
}
