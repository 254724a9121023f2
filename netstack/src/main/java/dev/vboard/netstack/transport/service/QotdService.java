package dev.vboard.netstack.transport.service;

import java.nio.charset.StandardCharsets;

/**
 * Quote of the Day (RFC 865): one quote per datagram or connection, then (over TCP) close. The
 * quotes come from a shared {@link QuoteBook} and are cycled in order, so UDP and TCP clients
 * see one deterministic sequence.
 */
public final class QotdService implements VirtualService {
  public static final int PORT = 17;
  /** RFC 865: "the message should be limited to 512 characters". */
  static final int MAX_LEN = 512;

  private final QuoteBook quotes;

  public QotdService(QuoteBook quotes) {
    this.quotes = quotes;
  }

  @Override
  public String name() {
    return "qotd";
  }

  @Override
  public int port() {
    return PORT;
  }

  @Override
  public byte[] answerDatagram(byte[] request, long nowNs) {
    String text = quotes.next() + "\r\n";
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > MAX_LEN) {
      byte[] cut = new byte[MAX_LEN];
      System.arraycopy(bytes, 0, cut, 0, MAX_LEN);
      return cut;
    }
    return bytes;
  }

  @Override
  public StreamSession openStream(long nowNs) {
    return new QueuedSession(answerDatagram(new byte[0], nowNs), false, true);
  }
}
