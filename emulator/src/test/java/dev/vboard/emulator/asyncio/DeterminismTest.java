package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.net.NetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the same asyncio program give the same UART bytes at the same virtual times, the
 * same instruction count and the same end time: the greet example, and a streams program that
 * talks to the virtual services (TCP through the netstack, no host socket).
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeterminismTest {
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void greetTwiceGivesTheSameBytesAtTheSameTimes() throws Exception {
    Programs.stageExample("greet", dir);
    assertSameRuns("greet.py", NetOptions.defaults().withHostAccess(false));
  }

  @Test
  void aStreamsProgramTwiceGivesTheSameBytesAtTheSameTimes() throws Exception {
    Programs.stageResource("stream_reads.py", dir);
    Programs.stageResource("quotes.txt", dir);
    assertSameRuns("stream_reads.py", NetOptions.defaults().withHostAccess(false)
        .withQotdFile(dir.resolve("quotes.txt")), "10.0.2.2", "7", "9", "17");
  }

  @Test
  void timerInterruptsTwiceGiveTheSameBytesAtTheSameTimes() throws Exception {
    Programs.stageResource("timer_flag.py", dir);
    assertSameRuns("timer_flag.py", NetOptions.defaults().withHostAccess(false));
  }

  private void assertSameRuns(String script, NetOptions net, String... args) throws Exception {
    assertTrue(Files.isRegularFile(dir.resolve(script)));
    BoardSession.Outcome first = BoardSession.run(dir, script, net, BUDGET, args);
    BoardSession.Outcome second = BoardSession.run(dir, script, net, BUDGET, args);

    assertTrue(first.exited(0), first.describe());
    assertArrayEquals(first.output(), second.output(), second.describe());
    assertArrayEquals(first.byteTimes(), second.byteTimes(), "virtual time of every UART byte");
    assertEquals(first.instructions(), second.instructions());
    assertEquals(first.virtualNanos(), second.virtualNanos());
  }
}
