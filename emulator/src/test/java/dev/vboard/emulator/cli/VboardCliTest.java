package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VboardCliTest {

  @TempDir
  Path dir;

  @Test
  void topLevelHelpListsTheCommands() {
    CliHarness r = CliHarness.run("--help");

    assertEquals(0, r.status());
    assertTrue(r.out().contains("run"), r.out());
    assertTrue(r.out().contains("boards"), r.out());
    assertTrue(r.out().contains("help"), r.out());
  }

  @Test
  void runHelpDocumentsEveryFlag() {
    CliHarness r = CliHarness.run("run", "--help");

    assertEquals(0, r.status());
    for (String flag : new String[] {"--board", "--uart", "--timeout", "--stats", "--trace",
        "--semihosting-root", "--semihosting-console", "--allow-system", "--board-dir", "--debug",
        "--realtime",
        "IMAGE", "ARGS", "124"}) {
      assertTrue(r.out().contains(flag), "run --help mentions " + flag + ":\n" + r.out());
    }
  }

  @Test
  void helpCommandShowsASubcommandsHelp() {
    CliHarness r = CliHarness.run("help", "run");

    assertEquals(0, r.status());
    assertTrue(r.out().contains("--timeout"), r.out());
  }

  @Test
  void versionPrintsTheProgramName() {
    CliHarness r = CliHarness.run("--version");

    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("vboard "), r.out());
  }

  @Test
  void boardsListsTheBundledBoardWithItsDescription() {
    CliHarness r = CliHarness.run("boards");

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mps2-an385  ARM MPS2")), r.out());
  }

  @Test
  void noCommandIsAUsageError() {
    CliHarness r = CliHarness.run();

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().startsWith("vboard: missing command"), r.err());
  }

  @Test
  void anUnknownCommandIsNamed() {
    CliHarness r = CliHarness.run("bogus");

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().startsWith("vboard: unknown command 'bogus' (commands: run, "), r.err());
  }

  @Test
  void aMissingBoardDirectoryIsAUsageError() {
    CliHarness r = CliHarness.run("run", "--board-dir", "/nonexistent/boards", "x.elf");

    assertEquals(2, r.status());
    assertEquals("vboard: --board-dir /nonexistent/boards: not a directory"
        + " (see 'vboard run --help')\n", r.err());
  }

  @Test
  void anUnknownOptionIsOneLineAndExitTwo() {
    CliHarness r = CliHarness.run("run", "--bogus", "x.elf");

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertEquals("vboard: Unknown option: '--bogus' (see 'vboard run --help')\n", r.err());
  }

  @Test
  void aMissingImageIsAUsageError() {
    CliHarness r = CliHarness.run("run");

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
  }

  @Test
  void anUnknownBoardExitsTwoWithOneLineListingTheKnownBoards() throws Exception {
    Path image = Files.write(dir.resolve("fw.bin"), new byte[8]);

    CliHarness r = CliHarness.run("run", "--board", "nope", image.toString());

    assertEquals(2, r.status());
    assertEquals("vboard: unknown board 'nope'; known boards: mps2-an385\n", r.err());
  }

  @Test
  void aBadImageExitsTwoWithOneLineNamingTheFile() throws Exception {
    byte[] elf = new byte[64];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    elf[4] = 2; // ELFCLASS64
    Path image = Files.write(dir.resolve("x86.elf"), elf);

    CliHarness r = CliHarness.run("run", image.toString());

    assertEquals(2, r.status());
    assertEquals("vboard: " + image
        + ": unsupported ELF class 2: a Cortex-M image must be 32-bit (ELFCLASS32)\n", r.err());
  }

  @Test
  void aMissingImageFileExitsTwo() {
    CliHarness r = CliHarness.run("run", dir.resolve("missing.elf").toString());

    assertEquals(2, r.status());
    assertEquals("vboard: " + dir.resolve("missing.elf") + ": no such file\n", r.err());
  }

  @Test
  void anOversizedImageExitsTwo() throws Exception {
    Path image = Files.write(dir.resolve("huge.bin"), new byte[0x40_0001]);

    CliHarness r = CliHarness.run("run", image.toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("image does not fit the board's memory"), r.err());
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    CliHarness r = CliHarness.run("run", "--timeout", "10", "fw.elf");

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("invalid duration '10'"), r.err());
  }

  @Test
  void aBadUartWiringIsAUsageError() {
    CliHarness r = CliHarness.run("run", "--uart", "one=stdio", "fw.elf");

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("invalid UART number 'one'"), r.err());
  }

  @Test
  void anUnknownTraceCategoryIsAUsageError() throws Exception {
    Path image = Files.write(dir.resolve("fw.bin"), new byte[8]);

    CliHarness r = CliHarness.run("run", "--trace", "irq,nonsense", image.toString());

    assertEquals(2, r.status());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().startsWith("vboard: unknown trace category 'nonsense'"), r.err());
  }

  @Test
  void aMissingSemihostingRootIsAUsageError() throws Exception {
    Path image = Files.write(dir.resolve("fw.bin"), new byte[8]);

    CliHarness r = CliHarness.run("run", "--semihosting-root", dir.resolve("nope").toString(),
        image.toString());

    assertEquals(2, r.status(), r.err());
    assertEquals("vboard: semihosting directory " + dir.resolve("nope")
        + " is not usable: no such directory\n", r.err());
  }

  @Test
  void oneLineJoinsMultiLineMessages() {
    assertEquals("a; b", VboardCli.oneLine("a\n  b\n"));
  }
}
