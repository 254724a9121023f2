package dev.vboard.netstack.nat;

import static dev.vboard.netstack.nat.GuestSide.GATEWAY;
import static dev.vboard.netstack.nat.GuestSide.IP;
import static dev.vboard.netstack.nat.GuestSide.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.transport.tcp.TcpError;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guest connections to 10.0.2.2:P reach a real server on the host's 127.0.0.1:P. */
class TcpNatTest {
  private static final long LIMIT = 60_000 * MS;

  private final ExecutorService host = Executors.newCachedThreadPool();
  private final Netstack stack = new Netstack(NetstackConfig.defaults()
      .withNat(NatConfig.hostAccess()));
  private final GuestSide guest = new GuestSide(stack);
  private final ServerSocket server;

  TcpNatTest() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
  }

  @AfterEach
  void tearDown() throws Exception {
    stack.close();
    server.close();
    host.shutdownNow();
    assertTrue(host.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** The host side reads to end of stream, then answers with the upper-cased text and closes. */
  private CompletableFuture<String> upperCaseServer() {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        s.getOutputStream().write(text.toUpperCase(Locale.ROOT).getBytes(
            StandardCharsets.US_ASCII));
        return text;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
  }

  @Test
  void dataFlowsBothWaysAndHalfClosePropagates() throws Exception {
    CompletableFuture<String> seen = upperCaseServer();
    StreamPeer app = new StreamPeer("hello, host".getBytes(StandardCharsets.US_ASCII), true);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    assertEquals("hello, host", seen.get(10, TimeUnit.SECONDS));
    assertEquals("HELLO, HOST", app.received.toString(StandardCharsets.US_ASCII));
    assertTrue(app.eof);
    assertNull(app.error);
    assertEquals(1L, stack.counters().get("nat.tcp.opened"));
    assertEquals(11L, stack.counters().get("nat.bytes_to_host"));
    assertEquals(11L, stack.counters().get("nat.bytes_to_guest"));
  }

  @Test
  void aMegabyteEachWayArrivesIntact() throws Exception {
    byte[] data = new byte[1 << 20];
    new java.util.Random(3).nextBytes(data);
    CompletableFuture<byte[]> echoed = CompletableFuture.supplyAsync(() -> {
      // Echo while reading, so both directions are busy at once.
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          out.write(buf, 0, n);
          all.write(buf, 0, n);
        }
        return all.toByteArray();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    StreamPeer app = new StreamPeer(data, true);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    assertArrayEquals(data, echoed.get(10, TimeUnit.SECONDS));
    assertArrayEquals(data, app.received.toByteArray());
  }

  @Test
  void aHostPeerThatResetsResetsTheGuest() throws Exception {
    CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> {
      try {
        Socket s = server.accept();
        s.getInputStream().read(); // wait for the guest's first byte
        s.setSoLinger(true, 0);
        s.close(); // RST
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    StreamPeer app = new StreamPeer("x".getBytes(StandardCharsets.US_ASCII), false);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    reset.get(10, TimeUnit.SECONDS);
    assertEquals(TcpError.RESET, app.error);
    assertEquals(1L, stack.counters().get("nat.tcp.reset"));
  }

  @Test
  void aGuestAbortResetsTheHostPeer() throws Exception {
    CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        return s.getInputStream().read() + "," + s.getInputStream().read();
      } catch (java.net.SocketException e) {
        return "reset";
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    StreamPeer app = new StreamPeer("y".getBytes(StandardCharsets.US_ASCII), false);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());
    assertTrue(guest.runUntil(() -> stack.counters().get("nat.bytes_to_host") == 1, LIMIT));

    app.socket.abort();
    assertTrue(guest.runUntil(() -> outcome.isDone(), LIMIT));

    assertEquals("reset", outcome.get());
  }

  @Test
  void aClosedHostPortRefusesTheGuestAsQemuDoes() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = probe.getLocalPort();
    }
    StreamPeer app = new StreamPeer(new byte[0], false);
    guest.tcp.connect(IP, GATEWAY, closedPort, app, guest.now());

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    // The SYN was held until the host refused, so the guest never saw a SYN-ACK.
    assertEquals(TcpError.REFUSED, app.error);
    assertEquals(0L, stack.counters().get("nat.tcp.opened"));
    assertEquals(1L, stack.counters().get("nat.tcp.refused"));
    assertFalse(stack.hostIoActive());
  }

  @Test
  void virtualServicesOnTheGatewayStayVirtual() throws Exception {
    StreamPeer app = new StreamPeer("ping".getBytes(StandardCharsets.US_ASCII), true);
    guest.tcp.connect(IP, GATEWAY, 7, app, guest.now()); // echo: served by the netstack

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    assertEquals("ping", app.received.toString(StandardCharsets.US_ASCII));
    assertEquals(0L, stack.counters().get("nat.tcp.opened"));
  }

  @Test
  void theHostSocketIsGoneOnceBothSidesClosed() throws Exception {
    CompletableFuture<String> seen = upperCaseServer();
    StreamPeer app = new StreamPeer("bye".getBytes(StandardCharsets.US_ASCII), true);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());
    assertTrue(guest.runUntil(() -> app.closed, LIMIT));
    seen.get(10, TimeUnit.SECONDS);

    assertTrue(guest.runUntil(() -> !stack.hostIoActive(), LIMIT));
    assertEquals(1L, stack.counters().get("nat.tcp.opened"));
  }
}
