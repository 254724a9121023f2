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
import dev.vboard.netstack.transport.tcp.TcpApplication;
import dev.vboard.netstack.transport.tcp.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow host peer slows the guest, and a slow guest slows the host peer: bounded buffers all the
 * way, and every byte arrives.
 */
class BackpressureTest {
  private static final int TOTAL = 20 << 20;
  /** Far below {@link #TOTAL}: the guest engine, the bridge and the host kernel buffers. */
  private static final int IN_FLIGHT_BOUND = 12 << 20;

  private final ExecutorService host = Executors.newCachedThreadPool();
  private final Netstack stack = new Netstack(NetstackConfig.defaults()
      .withNat(NatConfig.hostAccess()));
  private final GuestSide guest = new GuestSide(stack);
  private final ServerSocket server;
  private final byte[] data = new byte[TOTAL];

  BackpressureTest() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    new Random(5).nextBytes(data);
  }

  @AfterEach
  void tearDown() throws Exception {
    stack.close();
    server.close();
    host.shutdownNow();
    assertTrue(host.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void aHostThatDoesNotReadStallsTheGuestAndThenGetsEveryByte() throws Exception {
    CountDownLatch startReading = new CountDownLatch(1);
    CompletableFuture<byte[]> digest = CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        startReading.await();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        InputStream in = s.getInputStream();
        byte[] buf = new byte[16 * 1024]; // small reads: a slow consumer
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          md.update(buf, 0, n);
        }
        return md.digest();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    StreamPeer app = new StreamPeer(data, true);
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());

    // The host reads nothing for half a virtual second: the guest must be held back.
    assertFalse(guest.runUntil(() -> app.sent() == TOTAL, 500 * MS));
    assertTrue(app.refusedWrites > 0);
    assertTrue(app.sent() < IN_FLIGHT_BOUND, "guest got " + app.sent() + " bytes out");
    assertTrue(stack.counters().get("nat.bytes_to_host") < IN_FLIGHT_BOUND);

    startReading.countDown();
    assertTrue(guest.runUntil(() -> app.closed && digest.isDone(), 600_000 * MS));

    assertArrayEquals(sha256(data), digest.get());
    assertNull(app.error);
    assertEquals((long) TOTAL, stack.counters().get("nat.bytes_to_host"));
  }

  @Test
  void aGuestThatDoesNotReadStallsTheHostWriter() throws Exception {
    int total = 4 << 20;
    byte[] payload = new byte[total];
    System.arraycopy(data, 0, payload, 0, total);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (Socket s = server.accept()) {
        OutputStream out = s.getOutputStream();
        out.write(payload);
        s.shutdownOutput();
        s.getInputStream().read(); // until the guest closes
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    PausedReader app = new PausedReader();
    guest.tcp.connect(IP, GATEWAY, server.getLocalPort(), app, guest.now());

    assertFalse(guest.runUntil(writer::isDone, 500 * MS), "the host writer should block");
    // What the netstack took from the host: the guest's receive buffer and the bridge, no more.
    long taken = stack.counters().get("nat.bytes_to_guest");
    assertTrue(taken <= 2 * NatConfig.DEFAULT_BUFFER_BYTES, "took " + taken);

    app.reading = true;
    app.drain();
    assertTrue(guest.runUntil(() -> app.eof, 600_000 * MS));
    assertArrayEquals(payload, app.received.toByteArray());
    app.socket.close();
    assertTrue(guest.runUntil(writer::isDone, 600_000 * MS));
    writer.get();
  }

  /** Reads nothing until told to, then everything. */
  private static final class PausedReader implements TcpApplication {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    TcpSocket socket;
    boolean reading;
    boolean eof;

    @Override
    public void onOpen(TcpSocket s) {
      socket = s;
    }

    @Override
    public void onReadable(TcpSocket s) {
      drain();
    }

    @Override
    public void onPeerClosed(TcpSocket s) {
      drain();
    }

    void drain() {
      if (!reading || socket == null) {
        return;
      }
      byte[] buf = new byte[8192];
      for (int n = socket.read(buf, 0, buf.length); n != 0; n = socket.read(buf, 0, buf.length)) {
        if (n < 0) {
          eof = true;
          return;
        }
        received.write(buf, 0, n);
      }
    }
  }
}
