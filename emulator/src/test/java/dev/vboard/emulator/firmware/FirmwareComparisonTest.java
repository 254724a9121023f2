package dev.vboard.emulator.firmware;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots every test firmware of {@code src/test/firmware/cases.properties} under QEMU (the
 * reference) and under vboard, and checks that each prints exactly its {@code .exp} file and
 * exits with the expected status, and that vboard matches QEMU byte for byte, as MicroPython's
 * {@code tests/*.py} + {@code .exp} do. Output never depends on host timing: the images print
 * event orders and register values, not raw counter readings.
 */
class FirmwareComparisonTest {

  private static final Duration HOST_TIME_LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path tempDir;

  /** QEMU's result per case, so the vboard half compares against the run just made. */
  private final Map<String, FirmwareRun> qemuRuns = new HashMap<>();

  @TestFactory
  Stream<DynamicNode> everyFirmwareMatchesQemuAndItsExpectedOutput() throws IOException {
    Path buildDir = FirmwareLocations.buildDir();
    Path sourceDir = FirmwareLocations.sourceDir();
    List<FirmwareCase> cases = FirmwareCase.load(sourceDir);
    assertTrue(cases.size() >= 10, "cases.properties lists the firmware cases");
    List<DynamicNode> nodes = new ArrayList<>();
    for (FirmwareCase c : cases) {
      nodes.add(dynamicContainer(c.name(), List.of(
          dynamicTest(c.name() + " under QEMU prints " + c.expectedStdout().getFileName(),
              () -> qemuMatchesExpected(c, buildDir)),
          dynamicTest(c.name() + " under vboard prints the same bytes as QEMU",
              () -> vboardMatchesQemu(c, buildDir)))));
    }
    return nodes.stream();
  }

  private void qemuMatchesExpected(FirmwareCase c, Path buildDir) throws Exception {
    Assumptions.assumeTrue(QemuRunner.available(),
        "qemu-system-arm is not installed (Debian: apt-get install qemu-system-arm)");
    Path elf = requireImage(c, buildDir);
    Path workDir = Files.createTempDirectory(tempDir, "qemu-" + c.name());
    FirmwareRun run = QemuRunner.run(c, elf, workDir);
    qemuRuns.put(c.name(), run);
    assertMatchesExpected(c, run, "QEMU");
    if (c.lockup()) {
      assertTrue(run.lockup(), () -> c.name() + ": QEMU 7.2 aborts on lockup with status 134 and"
          + " \"Lockup\" on stderr; got status " + run.exitStatus() + ", stderr:\n"
          + run.stderrText());
    }
  }

  private void vboardMatchesQemu(FirmwareCase c, Path buildDir) throws Exception {
    Path elf = requireImage(c, buildDir);
    Path workDir = Files.createTempDirectory(tempDir, "vboard-" + c.name());
    // A bound on host time only, so that an emulator bug cannot hang the build.
    FirmwareRun run = assertTimeoutPreemptively(HOST_TIME_LIMIT,
        () -> VboardRunner.run(c, elf, workDir),
        () -> c.name() + ": vboard did not finish within " + HOST_TIME_LIMIT);
    assertMatchesExpected(c, run, "vboard");
    assertEquals(c.lockup(), run.lockup(), c.name() + ": vboard run ends in lockup");
    FirmwareRun qemu = qemuRuns.get(c.name());
    if (qemu != null) {
      assertEquals(qemu.stdoutText(), run.stdoutText(), c.name() + ": vboard stdout equals QEMU's");
      if (!c.lockup()) {
        assertEquals(qemu.exitStatus(), run.exitStatus(), c.name() + ": exit status equals QEMU's");
      }
    }
  }

  private static Path requireImage(FirmwareCase c, Path buildDir) {
    Path elf = c.elf(buildDir);
    assertTrue(Files.isRegularFile(elf), () -> c.name() + ": image " + elf
        + " is missing; the build runs make -C src/test/firmware OUT=" + buildDir);
    return elf;
  }

  private static void assertMatchesExpected(FirmwareCase c, FirmwareRun run, String who)
      throws IOException {
    String expected = Files.readString(c.expectedStdout(), StandardCharsets.ISO_8859_1);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(expected, run.stdoutText(),
        () -> c.name() + ": " + who + " stdout differs from " + c.expectedStdout().getFileName()
            + "; stderr was:\n" + run.stderrText()));
    if (!c.lockup()) {
      checks.add(() -> assertEquals(c.exitStatus(), run.exitStatus(),
          () -> c.name() + ": " + who + " exit status; stderr was:\n" + run.stderrText()));
    }
    if (c.expectedStderr().isPresent()) {
      String expectedErr = Files.readString(c.expectedStderr().get(), StandardCharsets.ISO_8859_1);
      checks.add(() -> assertEquals(expectedErr, run.stderrText(),
          () -> c.name() + ": " + who + " stderr (semihosting console) differs from "
              + c.expectedStderr().get().getFileName()));
    }
    assertAll(c.name(), checks);
  }
}
