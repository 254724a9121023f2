package dev.vboard.emulator.peripheral.lan9118;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.board.Board;
import dev.vboard.emulator.board.BoardBuilder;
import dev.vboard.emulator.board.BoardCatalog;
import dev.vboard.emulator.board.BoardDescription;
import dev.vboard.emulator.board.BoardWiring;
import dev.vboard.emulator.loader.ImageInstaller;
import dev.vboard.emulator.loader.ImageLoader;
import dev.vboard.emulator.loader.LoadedImage;
import dev.vboard.emulator.loader.MemoryRange;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.semihosting.ArmSemihosting;
import dev.vboard.emulator.semihosting.CharBackendConsole;
import dev.vboard.emulator.semihosting.CharBackendConsole.ConsoleTarget;
import dev.vboard.emulator.semihosting.HeapInfo;
import dev.vboard.emulator.semihosting.SemihostingConfig;
import dev.vboard.emulator.serial.MemoryBackend;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end: the firmware runtime's {@code netcheck} example, built by {@code scripts/test}
 * (make -C firmware-runtime), boots on mps2-an385, whose board file puts this model at
 * 0x40200000 / IRQ 13 with MAC 52:54:00:12:34:56, and
 * its own C driver runs unchanged on the CPU: the DHCP, ping and UDP echo checks all pass
 * against {@link TinyGateway}, and the firmware exits 0.
 */
class Lan9118NetcheckFirmwareTest {
  private static final MacAddress BOARD_MAC = MacAddress.parse("52:54:00:12:34:56");
  private static final long HZ = 25_000_000;

  @Test
  void netcheckPassesPingAndUdpEchoThroughTheModel() throws Exception {
    Path elf = repoRoot().resolve("firmware-runtime/build/mps2-an385/netcheck.elf");
    assumeTrue(Files.isRegularFile(elf), "firmware-runtime not built: " + elf);

    BoardDescription description = BoardCatalog.standard(repoRoot().resolve("boards"))
        .load("mps2-an385");
    LoadedImage image = ImageLoader.load(elf, description.image().rawBase());
    MemoryBackend uart = new MemoryBackend();
    try (Board board = BoardBuilder.build(description, BoardWiring.console(uart))) {
      Lan9118 nic = board.device("eth0", Lan9118.class);
      TinyGateway gateway = new TinyGateway(nic);
      nic.setPort(gateway);
      ImageInstaller.install(image, board.loadableMemory(), board.machine().memory());
      board.machine().setSemihosting(new ArmSemihosting(
          SemihostingConfig.defaults(Files.createTempDirectory("netcheck"), "netcheck")
              .withHeapInfo(HeapInfo.likeQemu(ram(description), image.segments())),
          new CharBackendConsole(uart, uart, uart, ConsoleTarget.STDERR, false)));
      board.machine().reset();
      RunResult result = board.machine().run(30 * HZ);
      String out = uart.outputText();

      assertTrue(!gateway.received.isEmpty(), "nothing sent; UART: " + out + "\n" + result);
      byte[] discover = gateway.received.get(0);
      assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1}, Arrays.copyOf(discover, 6));
      assertArrayEquals(BOARD_MAC.bytes(), Arrays.copyOfRange(discover, 6, 12));
      assertEquals(67, (discover[36] & 0xff) << 8 | (discover[37] & 0xff), "DHCP DISCOVER");
      assertTrue(out.contains("dhcp: ok ip=10.0.2.15 gw=10.0.2.2"), out + "\n" + result);
      assertTrue(out.contains("ping: ok"), out);
      assertTrue(out.contains("udp-echo: ok"), out);
      assertTrue(gateway.arpReplies > 0 && gateway.echoReplies > 0);
      assertEquals(RunResult.Stop.EXITED, result.stop());
      assertEquals(0, result.exitCode());
    }
  }

  private static List<MemoryRange> ram(BoardDescription description) {
    return description.memory().stream()
        .filter(m -> m.kind() == BoardDescription.MemoryKind.RAM)
        .map(m -> new MemoryRange(m.name(), m.base(), m.size()))
        .toList();
  }

  private static Path repoRoot() throws URISyntaxException {
    Path testClasses = Path.of(Lan9118NetcheckFirmwareTest.class.getProtectionDomain()
        .getCodeSource().getLocation().toURI());
    return testClasses.getParent().getParent().getParent();
  }
}
