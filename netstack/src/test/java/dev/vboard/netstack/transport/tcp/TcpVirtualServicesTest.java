package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.transport.tcp.LossyLink.A_IP;
import static dev.vboard.netstack.transport.tcp.LossyLink.B_IP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.transport.service.QuoteBook;
import dev.vboard.netstack.transport.service.VirtualServices;
import dev.vboard.netstack.transport.tcp.service.TcpVirtualServices;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The TCP virtual services on the gateway, driven by a second engine as the guest. */
class TcpVirtualServicesTest {
  private static final long MS = 1_000_000L;
  private static final long HOUR = 3_600_000L * MS;
  /** 2026-11-26T10:00:00Z, a Thursday. */
  private static final long EPOCH = 1795687200L;

  private final LossyLink link = new LossyLink(TcpConfig.defaults().withBuffers(16384, 16384), 3,
      0.0, 0.0, 0.0, 1 * MS, 1 * MS, IssGenerator.rfc6528(1), IssGenerator.rfc6528(2));

  TcpVirtualServicesTest() {
    QuoteBook quotes = QuoteBook.of(List.of("first quote", "second quote"));
    TcpVirtualServices.bind(link.a, A_IP, VirtualServices.defaults(EPOCH, quotes));
  }

  private StreamApp connect(int port, byte[] send, int readSlice) {
    StreamApp app = new StreamApp(send, readSlice);
    link.b.connect(B_IP, A_IP, port, app, link.now);
    return app;
  }

  private static String text(StreamApp app) {
    return app.received.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void echoReturnsEveryByteThenClosesAfterTheClient() {
    byte[] data = new byte[300_000];
    new Random(5).nextBytes(data);
    StreamApp client = connect(7, data, 500);
    link.runUntil(() -> client.closed, HOUR);
    assertArrayEquals(data, client.received.toByteArray());
    assertNull(client.error);
    assertTrue(client.eof, "the service closed its side after echoing everything");
  }

  @Test
  void echoAppliesBackpressureToAClientThatDoesNotRead() {
    // A client that writes a lot but never reads: the echo's output fills our send buffer, then
    // its input stops being taken, then the client's window closes. Nothing is lost.
    byte[] data = new byte[1_000_000];
    new Random(6).nextBytes(data);
    NonReadingClient client = new NonReadingClient(data);
    link.b.connect(B_IP, A_IP, 7, client, 0);
    link.runUntil(() -> false, 60_000 * MS);
    assertTrue(client.written < 200_000, "the client was held back: " + client.written);
    // Now the client reads: everything comes back.
    client.reading = true;
    client.socket.write(new byte[0], 0, 0);
    client.drain();
    link.runUntil(() -> client.closed, HOUR);
    assertEquals(data.length, client.written);
    assertArrayEquals(data, client.received.toByteArray());
  }

  @Test
  void discardSwallowsEverythingAndClosesAfterTheClient() {
    StreamApp client = connect(9, new byte[100_000], 1000);
    link.runUntil(() -> client.closed, HOUR);
    assertEquals(0, client.received.size());
    assertNull(client.error);
    assertTrue(client.eof);
  }

  @Test
  void daytimeSendsTheVirtualDateThenCloses() {
    link.runUntil(() -> false, 5_000 * MS);
    StreamApp client = connect(13, new byte[0], 100);
    link.runUntil(() -> client.closed, HOUR);
    assertEquals("Thursday, November 26, 2026 10:00:05-UTC\r\n", text(client));
  }

  @Test
  void qotdSendsOneQuotePerConnectionThenCloses() {
    StreamApp first = connect(17, new byte[0], 100);
    link.runUntil(() -> first.closed, HOUR);
    StreamApp second = connect(17, new byte[0], 100);
    link.runUntil(() -> second.closed, HOUR);
    assertEquals("first quote\r\n", text(first));
    assertEquals("second quote\r\n", text(second));
    assertTrue(first.eof && second.eof);
  }

  @Test
  void chargenStreamsThePatternUntilTheClientCloses() {
    ChargenClient client = new ChargenClient(50_000);
    link.b.connect(B_IP, A_IP, 19, client, 0);
    link.runUntil(() -> client.closed, HOUR);
    byte[] got = client.received.toByteArray();
    assertTrue(got.length >= 50_000);
    for (int line = 0; line < 600; line++) {
      for (int col = 0; col < 72; col++) {
        int expected = 0x20 + (line + col) % 95;
        assertEquals(expected, got[line * 74 + col] & 0xff, "line " + line + " col " + col);
      }
      assertEquals('\r', got[line * 74 + 72]);
      assertEquals('\n', got[line * 74 + 73]);
    }
    assertNull(client.error);
    link.runUntil(() -> false, link.now + 10_000 * MS);
    assertEquals(0, link.a.connectionCount(), "chargen ended with the client");
  }

  @Test
  void chargenOnlyProducesWhatASlowClientConsumes() {
    NonReadingClient client = new NonReadingClient(new byte[0]);
    link.b.connect(B_IP, A_IP, 19, client, 0);
    link.runUntil(() -> false, 60_000 * MS);
    // Our send buffer plus the client's receive buffer, and no more.
    assertTrue(client.socket.readable() <= 16384);
    TcpSocket server = link.a.connection(new FourTuple(A_IP, 19, B_IP, 49152));
    assertEquals(0, server.writable());
  }

  /** Reads until it has {@code enough}, then closes. */
  private static final class ChargenClient implements TcpApplication {
    final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    final int enough;
    boolean closed;
    boolean closeSent;
    TcpError error;

    ChargenClient(int enough) {
      this.enough = enough;
    }

    @Override
    public void onReadable(TcpSocket s) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = s.read(buf, 0, buf.length)) > 0) {
        received.write(buf, 0, n);
      }
      if (received.size() >= enough && !closeSent) {
        closeSent = true;
        s.close();
      }
    }

    @Override
    public void onClosed(TcpSocket s, TcpError e) {
      closed = true;
      error = e;
    }
  }

  /** Writes as much as it may; reads only once told to. */
  private static final class NonReadingClient implements TcpApplication {
    final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    final byte[] data;
    int written;
    boolean reading;
    boolean closed;
    TcpSocket socket;

    NonReadingClient(byte[] data) {
      this.data = data;
    }

    @Override
    public void onOpen(TcpSocket s) {
      socket = s;
      write();
    }

    @Override
    public void onWritable(TcpSocket s) {
      write();
    }

    @Override
    public void onReadable(TcpSocket s) {
      drain();
    }

    @Override
    public void onPeerClosed(TcpSocket s) {
      drain();
    }

    @Override
    public void onClosed(TcpSocket s, TcpError e) {
      closed = true;
    }

    void write() {
      while (written < data.length) {
        int n = socket.write(data, written, data.length - written);
        if (n <= 0) {
          return;
        }
        written += n;
      }
      if (data.length > 0) {
        socket.close();
      }
    }

    void drain() {
      if (!reading) {
        return;
      }
      byte[] buf = new byte[8192];
      int n;
      while ((n = socket.read(buf, 0, buf.length)) > 0) {
        received.write(buf, 0, n);
      }
    }
  }
}
