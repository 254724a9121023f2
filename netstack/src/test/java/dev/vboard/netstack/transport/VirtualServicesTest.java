package dev.vboard.netstack.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.transport.service.ChargenService;
import dev.vboard.netstack.transport.service.DaytimeService;
import dev.vboard.netstack.transport.service.DiscardService;
import dev.vboard.netstack.transport.service.EchoService;
import dev.vboard.netstack.transport.service.QotdService;
import dev.vboard.netstack.transport.service.QuoteBook;
import dev.vboard.netstack.transport.service.StreamSession;
import dev.vboard.netstack.transport.service.VirtualService;
import dev.vboard.netstack.transport.service.VirtualServices;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream (TCP) side of the services, as the TCP engine drives them. */
class VirtualServicesTest {
  private static String ascii(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }

  @Test
  void echoStreamReturnsWhatItReceivesInOrder() {
    StreamSession s = new EchoService().openStream(0);
    assertEquals(0, s.read(100).length);
    s.receive("abc".getBytes(), 1);
    s.receive("defgh".getBytes(), 2);
    assertEquals("abcd", ascii(s.read(4)));
    assertEquals("efgh", ascii(s.read(100)));
    assertFalse(s.closeWhenDrained());
  }

  @Test
  void discardStreamNeverSends() {
    StreamSession s = new DiscardService().openStream(0);
    s.receive(new byte[1000], 0);
    assertEquals(0, s.read(1000).length);
    assertNull(new DiscardService().answerDatagram(new byte[3], 0));
  }

  @Test
  void daytimeStreamSendsTheTimeOfTheConnectionThenCloses() {
    StreamSession s = new DaytimeService(0).openStream(3_600_000_000_000L);
    assertTrue(s.closeWhenDrained());
    assertEquals("Thursday, January 1, 1970 01:00:00-UTC\r\n", ascii(s.read(1000)));
    assertEquals(0, s.read(1000).length);
  }

  @Test
  void qotdStreamSendsOneQuoteThenCloses() {
    QotdService q = new QotdService(QuoteBook.of(List.of("one", "two")));
    StreamSession s = q.openStream(0);
    assertTrue(s.closeWhenDrained());
    assertEquals("one\r\n", ascii(s.read(1000)));
    assertEquals("two\r\n", ascii(q.answerDatagram(new byte[0], 0)));
  }

  @Test
  void qotdCutsQuotesAt512Characters() {
    QotdService q = new QotdService(QuoteBook.of(List.of("x".repeat(600))));
    assertEquals(512, q.answerDatagram(new byte[0], 0).length);
  }

  @Test
  void chargenStreamIsTheEndlessRotatingPattern() {
    StreamSession s = new ChargenService().openStream(0);
    byte[] twoLines = new byte[148];
    byte[] a = s.read(100);
    byte[] b = s.read(48);
    System.arraycopy(a, 0, twoLines, 0, 100);
    System.arraycopy(b, 0, twoLines, 100, 48);
    byte[] udp = new ChargenService().answerDatagram(new byte[0], 0);
    byte[] expected = new byte[148];
    System.arraycopy(udp, 0, expected, 0, 148);
    assertArrayEquals(expected, twoLines);
    assertFalse(s.closeWhenDrained());
    // Line 95 wraps around to line 0's pattern.
    s.read(93 * 74);
    assertEquals(' ', (char) s.read(1)[0]);
  }

  @Test
  void defaultsAreInPortOrderAndUseWellKnownPorts() {
    List<VirtualService> all = VirtualServices.defaults(0, QuoteBook.builtIn());
    assertEquals(List.of(7, 9, 13, 17, 19), all.stream().map(VirtualService::port).toList());
    assertEquals(List.of("echo", "discard", "daytime", "qotd", "chargen"),
        all.stream().map(VirtualService::name).toList());
  }

  @Test
  void builtInQuotesAreAsciiAndCycle() {
    QuoteBook book = QuoteBook.builtIn();
    int n = book.quotes().size();
    assertTrue(n >= 10);
    String first = book.next();
    for (int i = 1; i < n; i++) {
      String q = book.next();
      assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(q), q);
    }
    assertEquals(first, book.next());
  }

  @Test
  void quoteFileReplacesTheBuiltInList(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("quotes.txt");
    Files.writeString(file, "# my quotes\n\nFirst.\n  Second.  \n");
    QuoteBook book = QuoteBook.fromFile(file);
    assertEquals(List.of("First.", "Second."), book.quotes());
  }

  @Test
  void emptyQuoteFileIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> QuoteBook.read(new StringReader("# nothing\n")));
  }
}
