package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.net.NetOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle costs nothing: a program whose only task waits in {@code asyncio.sleep(3600)} runs an
 * hour of board time on (almost) no instructions, because the loop sleeps in WFI until the
 * deadline and the emulator skips the idle time. Measured in instructions, never in wall time:
 * the hour may cost at most {@link #IDLE_HOUR_BUDGET} instructions more than {@code sleep(0)},
 * and the count is the same on every run.
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IdleCostTest {
  /**
   * An hour of idling may wake the core for timer roll-overs (a 32-bit counter at 25 MHz wraps
   * every 172 s) but must not poll: 200 000 instructions is 8 ms of the hour's CPU time,
   * where a 1 ms polling loop would take millions.
   */
  static final long IDLE_HOUR_BUDGET = 200_000;

  @TempDir
  Path dir;

  @Test
  void anHourInAsyncioSleepCostsAFewInstructionsAndTheSameOnEveryRun() throws Exception {
    Programs.stageResource("idle.py", dir);
    NetOptions net = NetOptions.defaults().withHostAccess(false);
    Duration budget = Duration.ofSeconds(3700);

    BoardSession.Outcome busy = BoardSession.run(dir, "idle.py", net, budget, "0");
    assertTrue(busy.exited(0), busy.describe());
    // A loop that spins instead of sleeping stops at the cap, long before the hour is emulated.
    long cap = busy.instructions() + 10 * IDLE_HOUR_BUDGET;
    BoardSession.Outcome hour = BoardSession.runIdle(dir, "idle.py", net, budget, cap, "3600");
    BoardSession.Outcome again = BoardSession.runIdle(dir, "idle.py", net, budget, cap, "3600");

    assertEquals("woke after 0.0 s\n", busy.text(), busy.describe());
    assertTrue(hour.exited(0), hour.describe());
    assertEquals("woke after 3600.0 s\n", hour.text(), hour.describe());
    assertTrue(hour.virtualNanos() >= 3600_000_000_000L, hour.describe());
    assertTrue(hour.virtualNanos() < 3610_000_000_000L, hour.describe());
    long idleCost = hour.instructions() - busy.instructions();
    assertTrue(idleCost < IDLE_HOUR_BUDGET, "an hour of asyncio.sleep cost " + idleCost
        + " instructions more than sleep(0)\n" + hour.describe() + "\n" + busy.describe());
    assertEquals(hour.instructions(), again.instructions(), again.describe());
    assertEquals(hour.virtualNanos(), again.virtualNanos(), again.describe());
  }
}
