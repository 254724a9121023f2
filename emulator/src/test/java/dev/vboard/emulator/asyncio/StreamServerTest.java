package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.NetOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncio.start_server} on the board, reached from host clients through
 * {@code --hostfwd tcp:127.0.0.1:0-:1234}: every client sends a distinct 100-byte payload and
 * must get exactly its upper-cased echo. The board runs on its own thread once the program says
 * it is serving; while forwarded connections are open its idle time is paced to the wall clock
 * (the netstack's host I/O edge), so the guest waits for the host's clients as for real ones.
 *
 * <p>The server example keeps serving until stopped and listens with asyncio's default backlog
 * of 5; {@code upper_server.py} has the same handler with a backlog of 16 (the firmware's
 * maximum) and exits after its 50 connections. A full backlog drops SYNs, which the forward
 * retransmits after 1, 2, 4 s (RFC 6298), so 50 clients at once take a few rounds.
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamServerTest {
  private static final int PAYLOAD = 100;
  private static final String FORWARD = "tcp:127.0.0.1:0-:1234";

  @TempDir
  Path dir;

  @Test
  void theServerExampleAnswersConcurrentHostClientsAndKeepsServing() throws Exception {
    Programs.stageExample("server", dir);
    try (BoardSession board = boot("server.py")) {
      RunResult result = serveClients(board, 10, false);

      // Nothing but the test's stop request ended the run: the server was still serving.
      assertEquals(RunResult.Stop.STOP_REQUESTED, result.stop(), board.uart().text());
      assertEquals(new String(Programs.exampleExpected("server"), StandardCharsets.UTF_8),
          board.uart().text());
    }
  }

  @Test
  void fiftyConcurrentHostClientsEachGetTheirPayloadBackUpperCased() throws Exception {
    Programs.stageResource("upper_server.py", dir);
    try (BoardSession board = boot("upper_server.py", "1234", "50")) {
      RunResult result = serveClients(board, 50, true);

      assertEquals(RunResult.Stop.EXITED, result.stop(), board.uart().text());
      assertEquals(0, result.exitCode(), board.uart().text());
      assertEquals("serving on port 1234\nserved 50 connections\n", board.uart().text());
      assertTrue(board.emulation().networkCounters().get("nat.tcp.forwards_accepted") >= 50,
          board.emulation().networkCounters().toString());
    }
  }

  private BoardSession boot(String script, String... args) throws Exception {
    return BoardSession.boot(dir, script,
        NetOptions.defaults().withRestrict(true).withHostForwards(List.of(FORWARD)), args);
  }

  /**
   * Runs the board until it serves, then on its own thread while {@code clients} host clients
   * talk to it at once; checks every answer, then (after waiting for the program to end when
   * {@code exits}) stops the board if it still runs.
   */
  private static RunResult serveClients(BoardSession board, int clients, boolean exits)
      throws Exception {
    RunResult boot = board.emulation().runUntilOutput(0, "serving on port 1234\n",
        Duration.ofSeconds(30));
    assertEquals(RunResult.Stop.STOP_REQUESTED, boot.stop(), board.uart().text());
    InetSocketAddress forward = board.emulation().network().orElseThrow()
        .forwardAddresses().get(0);

    AtomicReference<RunResult> result = new AtomicReference<>();
    Thread runner = new Thread(() -> result.set(board.emulation().runFor(Long.MAX_VALUE)),
        "board");
    runner.start();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<byte[]>> replies = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        byte[] payload = payload(i);
        replies.add(pool.submit(() -> exchange(forward, payload, runner::isAlive)));
      }
      for (int i = 0; i < clients; i++) {
        byte[] want = new String(payload(i), StandardCharsets.US_ASCII)
            .toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] got;
        try {
          got = replies.get(i).get(90, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw new AssertionError("client " + i + ": " + e.getCause() + "\n--- UART0 ---\n"
              + board.uart().text(), e);
        }
        assertArrayEquals(want, got, "client " + i);
      }
      if (exits) {
        runner.join(TimeUnit.SECONDS.toMillis(30));
      }
    } finally {
      pool.shutdownNow();
      board.emulation().requestStop();
      runner.join(TimeUnit.SECONDS.toMillis(30));
    }
    return result.get();
  }

  /** 100 bytes, lower case and digits, distinct per client. */
  static byte[] payload(int client) {
    StringBuilder sb = new StringBuilder(String.format("client %02d:", client));
    for (int k = 0; sb.length() < PAYLOAD; k++) {
      sb.append((char) ('a' + (client * 7 + k) % 26));
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends {@code payload} and reads 100 bytes back. A connection that ends without data (the
   * guest reset it) is retried, as a real client would.
   */
  private static byte[] exchange(InetSocketAddress to, byte[] payload,
      BooleanSupplier boardRuns) throws Exception {
    IOException last = null;
    for (int attempt = 0; attempt < 20 && boardRuns.getAsBoolean(); attempt++) {
      try (Socket s = new Socket()) {
        s.connect(to, 15_000);
        s.setSoTimeout(1_000);
        s.getOutputStream().write(payload);
        s.getOutputStream().flush();
        byte[] got = readUpTo(s.getInputStream(), PAYLOAD, boardRuns);
        if (got.length > 0) {
          return got;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(200); // pacing between retries, not a timing assertion
    }
    throw last != null ? last : new IOException(boardRuns.getAsBoolean()
        ? "no answer after 20 attempts" : "the board stopped");
  }

  /**
   * Reads until {@code n} bytes or the end of the stream; gives up after 60 s, or as soon as the
   * board has stopped (then no answer can come).
   */
  private static byte[] readUpTo(InputStream in, int n, BooleanSupplier boardRuns)
      throws IOException {
    byte[] buf = new byte[n];
    int got = 0;
    for (int waited = 0; got < n; ) {
      try {
        int r = in.read(buf, got, n - got);
        if (r < 0) {
          break;
        }
        got += r;
      } catch (SocketTimeoutException e) {
        waited++;
        if (waited >= 60 || !boardRuns.getAsBoolean()) {
          throw e;
        }
      }
    }
    return Arrays.copyOf(buf, got);
  }
}
