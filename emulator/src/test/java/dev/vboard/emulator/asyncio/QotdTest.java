package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.net.NetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * qotd (RFC 865) over asyncio streams: the qotd example against the netstack's virtual service
 * on 10.0.2.2:17 with no host socket at all, and the example and a client program (which also
 * checks the end of the stream) against a real qotd server on the host's 127.0.0.1:PORT,
 * reached through NAT as 10.0.2.2:PORT as under QEMU's -nic user; PORT comes in sys.argv.
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QotdTest {
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void theQotdExamplePrintsTheVirtualServicesQuote() throws Exception {
    Programs.stageExample("qotd", dir);
    BoardSession.Outcome board = BoardSession.run(dir, "qotd.py",
        NetOptions.defaults().withHostAccess(false), BUDGET);

    assertTrue(board.exited(0), board.describe());
    assertEquals(new String(Programs.exampleExpected("qotd"), StandardCharsets.UTF_8),
        board.text(), board.describe());
  }

  @Test
  void theQotdExampleGivenAPortReachesARealHostServerThroughNat() throws Exception {
    String quote = "A port on the command line, a server on the host.";
    try (HostServices host = new HostServices(quote)) {
      Programs.stageExample("qotd", dir);
      BoardSession.Outcome board = BoardSession.run(dir, "qotd.py", NetOptions.defaults(),
          BUDGET, String.valueOf(host.qotdPort));

      assertTrue(board.exited(0), board.describe());
      assertEquals(quote + "\n", board.text(), board.describe());
    }
  }

  @Test
  void aClientReachesARealHostQotdServerThroughNat() throws Exception {
    String quote = "Quotes cross the NAT unchanged.";
    try (HostServices host = new HostServices(quote)) {
      Programs.stageResource("qotd_client.py", dir);
      try (BoardSession s = BoardSession.boot(dir, "qotd_client.py", NetOptions.defaults(),
          "10.0.2.2", String.valueOf(host.qotdPort))) {
        BoardSession.Outcome board = s.runToEnd(BUDGET);

        assertTrue(board.exited(0), board.describe());
        assertEquals(quote + "\nend of stream: True\n", board.text(), board.describe());
        // The quote came through a host socket, not from a virtual service.
        assertTrue(s.emulation().networkCounters().get("nat.tcp.opened") >= 1,
            s.emulation().networkCounters().toString());
      }
    }
  }
}
