package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qotd.elf} connects to 10.0.2.2:17 and prints what it gets: with no set-up at all the
 * netstack's virtual qotd service (RFC 865) answers, as a host qotd server does under QEMU.
 */
class QotdOnVboardTest {

  @TempDir
  Path dir;

  @Test
  void qotdGetsAQuoteFromTheVirtualServiceWithNoSetUp() throws Exception {
    try (Emulation emu = NetFirmware.boot("qotd", NetFirmware.virtualOnly())) {
      RunResult r = emu.run(Duration.ofSeconds(30));

      String out = emu.uartOutput(0);
      assertEquals(RunResult.Stop.EXITED, r.stop(), out);
      assertEquals(0, r.exitCode(), out);
      // The built-in book's first quote, CRLF-terminated as RFC 865 servers send it.
      assertTrue(out.startsWith("Measure twice, cut once."), out);
    }
  }

  @Test
  void aQuotesFileReplacesTheBuiltInQuotes() throws Exception {
    Path quotes = dir.resolve("quotes.txt");
    Files.writeString(quotes, "# a comment\nThe wire is virtual, the bytes are real.\n");
    try (Emulation emu = NetFirmware.boot("qotd",
        NetFirmware.virtualOnly().withQotdFile(quotes))) {
      RunResult r = emu.run(Duration.ofSeconds(30));

      assertEquals(0, r.exitCode(), emu.uartOutput(0));
      assertTrue(emu.uartOutput(0).startsWith("The wire is virtual, the bytes are real."),
          emu.uartOutput(0));
    }
  }

  @Test
  void withTheQotdServiceOffTheConnectionIsRefused() throws Exception {
    try (Emulation emu = NetFirmware.boot("qotd",
        NetFirmware.virtualOnly().withServicesOff(Set.of("qotd")))) {
      RunResult r = emu.run(Duration.ofSeconds(60));

      String out = emu.uartOutput(0);
      assertEquals(RunResult.Stop.EXITED, r.stop(), out);
      assertNotEquals(0, r.exitCode(), out);
      assertTrue(out.contains("qotd: connect failed"), out);
    }
  }
}
