package dev.vboard.emulator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.board.UnknownBoardException;
import dev.vboard.emulator.cli.TinyFirmware;
import dev.vboard.emulator.loader.ImageFormatException;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.semihosting.HeapInfo;
import dev.vboard.emulator.serial.MemoryBackend;
import dev.vboard.emulator.serial.NullBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulationTest {

  @TempDir
  static Path dir;
  static Path exit3;
  static Path spin;

  @BeforeAll
  static void compile() throws Exception {
    assumeTrue(TinyFirmware.compilerAvailable(), "arm-none-eabi-gcc is not installed");
    exit3 = TinyFirmware.build(dir, "exit3", TinyFirmware.EXIT_3);
    spin = TinyFirmware.build(dir, "spin", TinyFirmware.SPIN);
  }

  private static Emulation.Builder exit3() {
    return Emulation.builder().image(exit3).workingDirectory(dir);
  }

  @Test
  void runsToTheGuestsExitWithQemusStreamSplit() throws Exception {
    try (Emulation emu = exit3().arguments(List.of("a", "b")).build()) {
      RunResult r = emu.run(Duration.ofSeconds(1));

      assertEquals(RunResult.Stop.EXITED, r.stop());
      assertEquals(3, r.exitCode());
      assertEquals("stdout line\n" + exit3 + " a b", emu.uartOutput(0));
      assertEquals("console line\n", emu.semihostingStderr());
      assertEquals(r.instructions(), emu.instructions());
      assertEquals(r.instructions() * 40, emu.virtualNanos(), "25 MHz, 1 instruction per cycle");
    }
  }

  @Test
  void otherUartsWiresEveryPortTheBuilderWasNotToldAbout() throws Exception {
    MemoryBackend console = new MemoryBackend();
    try (Emulation emu = exit3().uart(0, console).otherUarts(NullBackend.INSTANCE).build()) {
      assertThrows(IllegalStateException.class, () -> emu.uart(1), "port 1 goes nowhere");
      assertTrue(emu.uart(0) == console, "an explicitly wired port keeps its backend");
    }
    try (Emulation emu = exit3().build()) {
      emu.uart(1); // without it, an in-memory backend
    }
  }

  @Test
  void anExplicitCommandLineReplacesImageAndArguments() throws Exception {
    try (Emulation emu = exit3().commandLine(List.of("prog", "x")).build()) {
      emu.run(Duration.ofSeconds(1));

      assertEquals("stdout line\nprog x", emu.uartOutput(0));
    }
  }

  @Test
  void runsAreDeterministic() throws Exception {
    long first;
    try (Emulation emu = exit3().build()) {
      first = emu.run(Duration.ofSeconds(1)).instructions();
    }
    try (Emulation emu = exit3().build()) {
      assertEquals(first, emu.run(Duration.ofSeconds(1)).instructions());
    }
  }

  @Test
  void runUntilOutputStopsRightAfterTheAwaitedTextAndCanContinue() throws Exception {
    try (Emulation emu = exit3().build()) {
      RunResult r = emu.runUntilOutput(0, "line\n", Duration.ofSeconds(1));

      assertEquals(RunResult.Stop.STOP_REQUESTED, r.stop());
      assertEquals("stdout line\n", emu.uartOutput(0));

      assertEquals(RunResult.Stop.EXITED, emu.run(Duration.ofSeconds(1)).stop());
      assertEquals(RunResult.Stop.EXITED, emu.run(Duration.ofSeconds(1)).stop(), "stays exited");
    }
  }

  @Test
  void aBudgetOfVirtualTimeEndsARunExactly() throws Exception {
    try (Emulation emu = Emulation.builder().image(spin).build()) {
      RunResult r = emu.run(Duration.ofMillis(3));

      assertEquals(RunResult.Stop.LIMIT_REACHED, r.stop());
      assertEquals(3_000_000, emu.virtualNanos());
      emu.run(Duration.ofMillis(2));
      assertEquals(5_000_000, emu.virtualNanos());
    }
  }

  @Test
  void runUntilChecksTheConditionAtFixedVirtualSteps() throws Exception {
    try (Emulation emu = Emulation.builder().image(spin).build()) {
      RunResult r = emu.runUntil(() -> emu.virtualNanos() >= 1_500_000, Duration.ofMillis(1),
          Duration.ofSeconds(1));

      assertEquals(RunResult.Stop.LIMIT_REACHED, r.stop());
      assertEquals(2_000_000, emu.virtualNanos());
    }
  }

  @Test
  void uartsDefaultToMemoryAndCanBeWiredByTheCaller() throws Exception {
    MemoryBackend mine = new MemoryBackend();
    try (Emulation emu = exit3().uart(0, mine).build()) {
      emu.run(Duration.ofSeconds(1));

      assertTrue(mine.outputText().startsWith("stdout line\n"));
      assertEquals("", emu.uartOutput(1));
    }
  }

  @Test
  void unknownBoardsBadImagesAndMissingPortsAreRefused() throws Exception {
    assertThrows(UnknownBoardException.class,
        () -> Emulation.builder().board("nope").image(exit3).build());
    Path junk = Files.write(dir.resolve("junk.hex"), new byte[] {1, 2, 3});
    assertThrows(ImageFormatException.class, () -> Emulation.builder().image(junk).build());
    assertThrows(IllegalArgumentException.class,
        () -> exit3().uart(9, new MemoryBackend()).build());
  }

  @Test
  void heapInfoRangesFollowQemusLargestRamOnAn385() throws Exception {
    try (Emulation emu = exit3().build()) {
      HeapInfo info = HeapInfo.likeQemu(Emulation.ramRanges(emu.board().description()),
          emu.image().segments());

      // psram, 16 MiB at 0x21000000, is the largest RAM and the image does not touch it.
      assertEquals(new HeapInfo(0x2100_0000L, 0x2200_0000L, 0x2200_0000L, 0x2100_0000L), info);
      assertEquals(List.of(0, 1, 2, 3, 4), Emulation.serialPorts(emu.board().description()));
    }
  }
}
