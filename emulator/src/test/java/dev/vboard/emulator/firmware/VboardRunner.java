package dev.vboard.emulator.firmware;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.serial.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Boots a firmware case under vboard through the embedding API ({@link Emulation}) with the
 * inputs QEMU gets: UART0 fed from the case's stdin file (closed at its end, like QEMU's stdin
 * at end of file), the case's semihosting command line, and a fresh working folder for
 * semihosting files. The semihosting console is Emulation's default, wired as QEMU 7.2 wires
 * it: ":tt" output joins UART0, SYS_WRITE0/SYS_WRITEC go to a separate stderr buffer.
 */
final class VboardRunner {

  /** Virtual time granted to one case; the slowest (timers) needs well under 100 ms. */
  static final Duration VIRTUAL_BUDGET = Duration.ofSeconds(5);

  private VboardRunner() { }

  static FirmwareRun run(FirmwareCase c, Path elf, Path workDir) throws Exception {
    MemoryBackend uart0 = new MemoryBackend();
    if (c.stdin().isPresent()) {
      uart0.inject(Files.readAllBytes(c.stdin().get()));
    }
    uart0.closeInput();
    Path guestDir = Files.createDirectories(workDir.resolve("guest"));
    try (Emulation emu = Emulation.builder()
        .board("mps2-an385")
        .image(elf)
        .commandLine(c.args())
        .uart(0, uart0)
        .workingDirectory(guestDir)
        .build()) {
      RunResult result = emu.run(VIRTUAL_BUDGET);
      if (result.stop() != RunResult.Stop.EXITED && result.stop() != RunResult.Stop.LOCKUP) {
        throw new AssertionError(c.name() + ": vboard run ended with " + result.stop() + " after "
            + result.instructions() + " instructions, before the guest exited; UART0 so far:\n"
            + new String(uart0.output(), StandardCharsets.ISO_8859_1));
      }
      boolean lockup = result.stop() == RunResult.Stop.LOCKUP;
      byte[] stderr = emu.semihostingStderr().getBytes(StandardCharsets.UTF_8);
      if (lockup) {
        // Shown in failure messages next to the output, as QEMU's own lockup report is.
        String report = "vboard: lockup\n" + result.faultReport();
        stderr = concat(stderr, report.getBytes(StandardCharsets.UTF_8));
      }
      return new FirmwareRun(uart0.output(), stderr, result.exitCode(), lockup);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
