package dev.vboard.netstack.transport.tcp;

import static dev.vboard.netstack.transport.tcp.LossyLink.A_IP;
import static dev.vboard.netstack.transport.tcp.LossyLink.B_IP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two engines through a lossy, reordering link: every byte arrives intact and in order. */
class TcpTwoEngineTest {
  private static final long MS = 1_000_000L;
  private static final long HOUR = 3_600_000L * MS;

  private static byte[] randomBytes(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void transfersMegabytesBothWaysThroughLossAndReordering(long seed) {
    // ISSs just below 2^32, so both directions' sequence numbers wrap during the transfer.
    LossyLink link = new LossyLink(TcpConfig.defaults(), seed, 0.05, 0.02, 0.01, 1 * MS,
        30 * MS, (t, now) -> 0xffff_f000, (t, now) -> 0xffff_ff00);
    byte[] fromA = randomBytes(seed * 10 + 1, 2 * 1024 * 1024 + 17);
    byte[] fromB = randomBytes(seed * 10 + 2, 3 * 1024 * 1024 + 5);
    StreamApp serverApp = new StreamApp(fromA, 3000);
    StreamApp clientApp = new StreamApp(fromB, 700);
    link.a.listen(A_IP, 5000, (t, n) -> serverApp);
    link.b.connect(new FourTuple(B_IP, 40000, A_IP, 5000), clientApp, 0);

    link.runUntil(() -> serverApp.closed && clientApp.closed, HOUR);

    assertTrue(serverApp.closed && clientApp.closed, "both sides finished");
    assertNull(serverApp.error);
    assertNull(clientApp.error);
    assertTrue(serverApp.eof && clientApp.eof);
    assertArrayEquals(fromB, serverApp.received.toByteArray());
    assertArrayEquals(fromA, clientApp.received.toByteArray());
    assertTrue(link.dropped > 0, "the link really lost segments");
    // TIME-WAIT ends after 2 MSL and both tables empty.
    link.runUntil(() -> false, link.now + 10_000 * MS);
    assertEquals(0, link.a.connectionCount());
    assertEquals(0, link.b.connectionCount());
  }

  @Test
  void scaledWindowsCarryABigTransferThroughLoss() {
    TcpConfig big = TcpConfig.defaults().withBuffers(512 * 1024, 512 * 1024);
    LossyLink link = new LossyLink(big, 11, 0.01, 0.01, 0.0, 5 * MS, 20 * MS,
        (t, now) -> 0x7fff_fff0, (t, now) -> 0x8000_0000);
    byte[] fromA = randomBytes(21, 4 * 1024 * 1024);
    StreamApp server = new StreamApp(fromA, 64 * 1024);
    StreamApp client = new StreamApp(new byte[0], 64 * 1024);
    link.a.listen(A_IP, 80, (t, n) -> server);
    FourTuple clientTuple = new FourTuple(B_IP, 49152, A_IP, 80);
    link.b.connect(clientTuple, client, 0);
    link.runUntil(() -> client.received.size() > 1024 * 1024, HOUR);
    TcpConnection serverSide = link.a.connectionState(new FourTuple(A_IP, 80, B_IP, 49152));
    assertTrue(serverSide.sndWnd() > 65535, "window scaling in use: " + serverSide.sndWnd());
    link.runUntil(() -> server.closed && client.closed, HOUR);
    assertArrayEquals(fromA, client.received.toByteArray());
    assertNull(client.error);
  }

  @Test
  void aRunWithTheSameSeedReplaysSegmentForSegment() {
    long[] digests = new long[2];
    long[] endTimes = new long[2];
    for (int run = 0; run < 2; run++) {
      LossyLink link = new LossyLink(TcpConfig.defaults(), 42, 0.05, 0.02, 0.01, 1 * MS, 30 * MS,
          IssGenerator.rfc6528(5), IssGenerator.rfc6528(6));
      StreamApp server = new StreamApp(randomBytes(1, 200_000), 1000);
      StreamApp client = new StreamApp(randomBytes(2, 200_000), 1000);
      link.a.listen(A_IP, 80, (t, n) -> server);
      link.b.connect(B_IP, A_IP, 80, client, 0);
      link.runUntil(() -> server.closed && client.closed, HOUR);
      digests[run] = link.digest.getValue();
      endTimes[run] = link.now;
    }
    assertEquals(digests[0], digests[1]);
    assertEquals(endTimes[0], endTimes[1]);
  }

  @Test
  void manyConcurrentConnectionsEachKeepTheirOwnStream() {
    LossyLink link = new LossyLink(TcpConfig.defaults().withBuffers(8192, 8192), 7, 0.02, 0.0,
        0.0, 1 * MS, 10 * MS, IssGenerator.rfc6528(1), IssGenerator.rfc6528(2));
    int count = 300;
    List<StreamApp> servers = new ArrayList<>();
    List<StreamApp> clients = new ArrayList<>();
    link.a.listen(0, 7, (t, n) -> {
      StreamApp app = new StreamApp(randomBytes(t.remotePort(), 5000), 1000);
      servers.add(app);
      return app;
    });
    for (int i = 0; i < count; i++) {
      StreamApp c = new StreamApp(randomBytes(100_000 + i, 3000 + i), 1000);
      clients.add(c);
      link.b.connect(B_IP, A_IP, 7, c, 0);
    }
    assertEquals(count, link.b.connectionCount());
    link.runUntil(() -> clients.stream().allMatch(c -> c.closed)
        && servers.stream().allMatch(s -> s.closed), HOUR);
    assertEquals(count, servers.size());
    for (int i = 0; i < count; i++) {
      int port = 49152 + i;
      assertArrayEquals(randomBytes(port, 5000), clients.get(i).received.toByteArray());
      assertNull(clients.get(i).error);
    }
    int total = servers.stream().mapToInt(s -> s.received.size()).sum();
    assertEquals(count * 3000 + count * (count - 1) / 2, total);
  }

  @Test
  void aVanishedPeerEndsTheConnectionWithTimeoutOnBothSides() {
    LossyLink link = new LossyLink(TcpConfig.defaults().withMaxRetransmits(4), 9, 0.0, 0.0, 0.0,
        1 * MS, 2 * MS, IssGenerator.rfc6528(1), IssGenerator.rfc6528(2));
    StreamApp server = new StreamApp(new byte[1_000_000], 100_000);
    link.a.listen(0, 9, (t, n) -> server);
    StreamApp client = new StreamApp(new byte[1_000_000], 100_000);
    link.b.connect(B_IP, A_IP, 9, client, 0);
    link.runUntil(() -> client.received.size() > 100_000, HOUR);
    link.blackhole = true;
    link.runUntil(() -> client.closed && server.closed, HOUR);
    assertEquals(TcpError.TIMEOUT, client.error);
    assertEquals(TcpError.TIMEOUT, server.error);
    assertEquals(0, link.a.connectionCount() + link.b.connectionCount());
  }
}
