package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.NetOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code server.elf} listens on 1234; {@code --hostfwd tcp:127.0.0.1:0-:1234} makes it
 * reachable from the host, and 20 concurrent host clients each get their own message back
 * upper-cased, byte for byte (as {@code firmware-runtime/scripts/qemu-net-check} does on QEMU).
 * The emulator runs on its own thread; while the forwarded connections are open the idle core
 * is paced to the wall clock, so the guest waits for the host as it would for a real one.
 */
class ServerForwardTest {
  private static final int CLIENTS = 20;

  @Test
  void twentyConcurrentHostClientsAreServedThroughTheForwardWithEveryByteIntact()
      throws Exception {
    NetOptions net = NetOptions.defaults().withRestrict(true)
        .withHostForwards(List.of("tcp:127.0.0.1:0-:1234"));
    try (Emulation emu = NetFirmware.boot("server", net, String.valueOf(CLIENTS))) {
      emu.runUntilOutput(0, "server: listening on 10.0.2.15:1234\n", Duration.ofSeconds(30));
      assertTrue(emu.uartOutput(0).contains("listening"), emu.uartOutput(0));
      InetSocketAddress forward = emu.network().orElseThrow().forwardAddresses().get(0);

      AtomicReference<RunResult> result = new AtomicReference<>();
      Thread board = new Thread(() -> result.set(emu.runFor(Long.MAX_VALUE)), "board");
      board.start();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<byte[]>> replies = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          byte[] msg = message(i);
          sent.add(msg);
          replies.add(pool.submit(() -> exchange(forward, msg)));
        }
        for (int i = 0; i < CLIENTS; i++) {
          byte[] want = new String(sent.get(i), StandardCharsets.US_ASCII)
              .toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
          assertArrayEquals(want, replies.get(i).get(90, TimeUnit.SECONDS), "client " + i);
        }
        board.join(TimeUnit.SECONDS.toMillis(60));
      } finally {
        pool.shutdownNow();
        emu.requestStop();
        board.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertEquals(RunResult.Stop.EXITED, result.get().stop(), emu.uartOutput(0));
      assertEquals(0, result.get().exitCode(), emu.uartOutput(0));
      assertTrue(emu.uartOutput(0).contains("server: answered 20 connections\n"),
          emu.uartOutput(0));
      // At least one per client: a client that came before the guest accepted may retry.
      assertTrue(emu.networkCounters().get("nat.tcp.forwards_accepted") >= CLIENTS,
          emu.networkCounters().toString());
    }
  }

  private static byte[] message(int i) {
    return String.format("hello from client %02d %s\n", i, "abcdefghij".repeat(i + 1))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends {@code msg} and reads until the server closes; retries a refused or reset attempt. */
  private static byte[] exchange(InetSocketAddress to, byte[] msg) throws Exception {
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try (Socket s = new Socket()) {
        s.connect(to, 15_000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(msg);
        s.getOutputStream().flush();
        byte[] got = readAll(s.getInputStream());
        if (got.length > 0) {
          return got;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(200); // test pacing between retries, not a timing assertion
    }
    throw last != null ? last : new IOException("no answer after 20 attempts");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
