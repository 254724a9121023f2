package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.net.NetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This package's asyncio programs (test resources {@code asyncio/NAME.py} + {@code NAME.exp}):
 * many tasks, and streams (readline, readexactly, readuntil, read(-1), a task cancelled while
 * blocked in a read, wait_for on reads). On the board the streams talk to the virtual echo,
 * discard and qotd services on 10.0.2.2 (no host socket: deterministic); under CPython to real
 * servers on 127.0.0.1 ({@link HostServices}) that serve the same quote. Both must print the
 * {@code .exp} byte for byte, and the waits hold on the board's clock to ±10 ms.
 */
@Tag("asyncio")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OwnProgramsTest {
  static final List<String> PROGRAMS = List.of("many_tasks", "stream_reads", "stream_cancel",
      "stream_wait_for");
  /** The quote both qotd servers serve; also in the resource {@code quotes.txt}. */
  static final String QUOTE = "The wire is virtual, the bytes are real.";
  private static final String[] BOARD_ARGS = {"10.0.2.2", "7", "9", "17"};
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @TempDir
  static Path cpythonDir;
  private static HostServices services;
  private static final Map<String, CPython> CPYTHON = new HashMap<>();

  @TempDir
  static Path boardDir;
  private static final Map<String, Timeline> BOARD_RUNS = new HashMap<>();

  @BeforeAll
  static void startCPython() throws Exception {
    BoardSession.firmware();
    if (!CPython.available()) {
      return;
    }
    services = new HostServices(QUOTE);
    for (String name : PROGRAMS) {
      Programs.stageResource(name + ".py", cpythonDir);
      CPYTHON.put(name, CPython.start(cpythonDir, name + ".py", services.args()));
    }
  }

  @AfterAll
  static void stopCPython() throws Exception {
    CPYTHON.values().forEach(CPython::kill);
    if (services != null) {
      services.close();
    }
  }

  static List<String> programs() {
    return PROGRAMS;
  }

  @ParameterizedTest
  @MethodSource("programs")
  void printsItsExpectedOutputOnTheBoard(String name) throws Exception {
    Timeline t = runTimed(name);
    assertEquals(expected(name), new String(t.programOutput(), StandardCharsets.UTF_8),
        t.describe());
  }

  /** With the test above: the board and CPython print the same bytes. */
  @ParameterizedTest
  @MethodSource("programs")
  void printsTheSameExpectedOutputUnderCPython(String name) throws Exception {
    CPython cpython = CPYTHON.get(name);
    assumeTrue(cpython != null, "python3 is not installed");
    CPython.Result r = cpython.await(60);
    assertEquals(0, r.status(), r.stderr());
    assertEquals(expected(name), r.text(), r.stderr());
  }

  private static String expected(String name) throws Exception {
    return new String(Programs.resource(name + ".exp"), StandardCharsets.UTF_8);
  }

  @Test
  void staggeredSleepsWakeFiftyMillisecondsApart() throws Exception {
    Timeline t = runTimed("many_tasks").startingAt("staggered sleeps");
    for (int i = 1; i <= 4; i++) {
      t.assertAt("tick " + i, 50L * i);
    }
  }

  @Test
  void aReadBlockedOnASilentServerIsCancelledAfter200ms() throws Exception {
    Timeline t = runTimed("stream_cancel").startingAt("connected to discard");
    t.assertAt("done before cancel: False", 200);
    t.assertAt("reader cancelled in read", 200);
  }

  @Test
  void waitForOnAReadTimesOutOnTime() throws Exception {
    Timeline t = runTimed("stream_wait_for");
    t.startingAt("connected to discard").assertAt("discard read: timeout", 500);
    t.startingAt("echo: b'ping\\n'").assertAt("inner timeout", 300);
  }

  /**
   * Resource program {@code name}'s run on the board behind the asyncio.run marker, which must
   * have exited 0; each program runs once, the output and timing tests share the run.
   */
  private static Timeline runTimed(String name) throws Exception {
    Timeline t = BOARD_RUNS.get(name);
    if (t == null) {
      Path dir = boardDir.resolve(name);
      Files.createDirectories(dir);
      Programs.stageResource(name + ".py", dir);
      Programs.stageResource("quotes.txt", dir);
      String script = Programs.stageTimed(name, dir);
      t = new Timeline(BoardSession.run(dir, script, NetOptions.defaults()
          .withHostAccess(false).withQotdFile(dir.resolve("quotes.txt")), BUDGET, BOARD_ARGS));
      BOARD_RUNS.put(name, t);
    }
    assertTrue(t.outcome().exited(0), t.describe());
    return t;
  }
}
