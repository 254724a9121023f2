package dev.vboard.emulator.asyncio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real TCP echo (RFC 862), discard (RFC 863) and qotd (RFC 865) servers on 127.0.0.1, each on a
 * free port: what the board's virtual services on 10.0.2.2 are for the board, these are for a
 * program run under CPython or reached from the board through NAT. One thread per listener and
 * per connection (daemon threads; {@link #close()} closes the listeners).
 */
final class HostServices implements AutoCloseable {
  private final List<ServerSocket> listeners = new ArrayList<>();
  private final byte[] quote;
  final int echoPort;
  final int discardPort;
  final int qotdPort;

  /** {@code quote} is sent as one line, CRLF-terminated, as the virtual qotd service does. */
  HostServices(String quote) throws IOException {
    this.quote = (quote + "\r\n").getBytes(StandardCharsets.US_ASCII);
    echoPort = listen("echo", this::echo);
    discardPort = listen("discard", HostServices::discard);
    qotdPort = listen("qotd", this::qotd);
  }

  /** The program arguments {@code HOST ECHO DISCARD QOTD} for these servers. */
  String[] args() {
    return new String[] {"127.0.0.1", String.valueOf(echoPort), String.valueOf(discardPort),
        String.valueOf(qotdPort)};
  }

  private interface Handler {
    void serve(Socket s) throws IOException;
  }

  private int listen(String name, Handler handler) throws IOException {
    ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    listeners.add(server);
    Thread accept = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread conn = new Thread(() -> {
            try (s) {
              handler.serve(s);
            } catch (IOException e) {
              // The client went away; nothing to serve any more.
            }
          }, name + "-conn");
          conn.setDaemon(true);
          conn.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }, name + "-accept");
    accept.setDaemon(true);
    accept.start();
    return server.getLocalPort();
  }

  private void echo(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    byte[] buf = new byte[4096];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
      out.flush();
    }
  }

  private static void discard(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    while (in.read(buf) >= 0) {
      // RFC 863: throw away everything received.
    }
  }

  private void qotd(Socket s) throws IOException {
    s.getOutputStream().write(quote);
    s.getOutputStream().flush();
    // RFC 865: send the quote and close; the try-with-resources closes.
  }

  @Override
  public void close() throws IOException {
    for (ServerSocket l : listeners) {
      l.close();
    }
  }
}
