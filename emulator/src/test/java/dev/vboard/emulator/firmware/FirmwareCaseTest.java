package dev.vboard.emulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareCaseTest {

  private static List<FirmwareCase> cases() throws IOException {
    return FirmwareCase.load(FirmwareLocations.sourceDir());
  }

  @Test
  void everyCaseNamesFilesThatExist() throws IOException {
    for (FirmwareCase c : cases()) {
      assertTrue(Files.isRegularFile(c.expectedStdout()), c.name() + ": " + c.expectedStdout());
      c.stdin().ifPresent(f -> assertTrue(Files.isRegularFile(f), c.name() + ": " + f));
      c.expectedStderr().ifPresent(f -> assertTrue(Files.isRegularFile(f), c.name() + ": " + f));
      assertFalse(c.args().isEmpty(), c.name() + ": the command line starts with a program name");
    }
  }

  @Test
  void everyCaseImageWasBuilt() throws IOException {
    Path buildDir = FirmwareLocations.buildDir();
    for (FirmwareCase c : cases()) {
      assertTrue(Files.isRegularFile(c.elf(buildDir)), c.name() + ": " + c.elf(buildDir));
    }
  }

  @Test
  void casesReadTheirKeysFromCasesProperties() throws IOException {
    FirmwareCase extended = cases().stream()
        .filter(c -> c.name().equals("semihosting_exit_extended")).findFirst().orElseThrow();
    assertEquals("semihosting", extended.image());
    assertEquals(List.of("semihosting", "exit-extended", "42"), extended.args());
    assertEquals(42, extended.exitStatus());
    assertFalse(extended.lockup());
    FirmwareCase lockup = cases().stream()
        .filter(c -> c.name().equals("lockup")).findFirst().orElseThrow();
    assertTrue(lockup.lockup());
    FirmwareCase raw = cases().stream()
        .filter(c -> c.name().equals("hello_raw_binary")).findFirst().orElseThrow();
    assertEquals(Path.of("build/hello.bin"), raw.elf(Path.of("build")));
    assertEquals("hello.exp", raw.expectedStdout().getFileName().toString());
  }
}
