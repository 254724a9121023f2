package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.net.NetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soft interrupts on the board (test resource {@code asyncio/timer_flag.py}): a
 * {@code machine.Timer} runs on the dual timer's interrupt, its callback runs at the VM's next
 * safe point, and an {@code asyncio.ThreadSafeFlag} it sets wakes a task while the event loop
 * sleeps in WFI with nothing else to do. The callback times hold on the board's clock to ±10 ms,
 * and the waiting costs no instructions beyond the wake-ups.
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SoftInterruptTest {
  private static final Duration BUDGET = Duration.ofSeconds(60);
  /**
   * Instructions of the whole run: start-up and compiling (~4 M), the 50 ms compute loop the
   * timer ends (1.25 M at 25 MHz), then about two board-seconds of waiting that must be spent in
   * WFI; spinning through them would cost ~50 M.
   */
  private static final long MAX_INSTRUCTIONS = 12_000_000L;

  @TempDir
  static Path dir;
  private static Timeline run;

  @BeforeAll
  static void runOnTheBoard() throws Exception {
    BoardSession.firmware();
    Programs.stageResource("timer_flag.py", dir);
    String script = Programs.stageTimed("timer_flag", dir);
    run = new Timeline(BoardSession.run(dir, script,
        NetOptions.defaults().withHostAccess(false), BUDGET));
    assertTrue(run.outcome().exited(0), run.describe());
  }

  @Test
  void printsItsExpectedOutput() throws Exception {
    String expected = new String(Programs.resource("timer_flag.exp"), StandardCharsets.UTF_8);
    assertEquals(expected, new String(run.programOutput(), StandardCharsets.UTF_8),
        run.describe());
  }

  @Test
  void aOneShotTimerEndsAComputeLoopOnTime() {
    run.startingAt("compute start").assertAt("compute interrupted by the timer", 50);
  }

  @Test
  void aPeriodicTimerWakesATaskWaitingOnAThreadSafeFlag() {
    Timeline t = run.startingAt("loop start");
    t.assertAt("woken 0", 200);
    t.assertAt("woken 1", 400);
    t.assertAt("woken 2", 600);
    run.startingAt("timer ticks 3 True").assertAt("no tick: timeout", 300);
    // the one-shot's flag and a 1 s sleep, gathered: done when the sleep is
    run.startingAt("no tick: timeout").assertAt("[None, 'slept']", 1000);
  }

  @Test
  void theLoopSleepsWhileItWaitsForTheFlag() {
    long n = run.outcome().instructions();
    assertTrue(n < MAX_INSTRUCTIONS, n + " instructions\n" + run.describe());
  }
}
