package dev.vboard.emulator.firmware;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots a firmware case under {@code qemu-system-arm -M mps2-an385}, the reference. UART0 is
 * QEMU's stdio (-nographic); semihosting is on with the host as target, run in a fresh working
 * folder so the guest's files stay there. Each run is bounded: a guest that never exits is
 * killed after {@link #TIMEOUT_SECONDS} and reported.
 */
final class QemuRunner {

  static final String QEMU = "qemu-system-arm";
  static final long TIMEOUT_SECONDS = 20;
  /** QEMU 7.2 treats lockup as fatal: cpu_abort() prints this and raises SIGABRT. */
  static final String LOCKUP_MESSAGE = "Lockup";
  private static final int SIGABRT_STATUS = 128 + 6;

  private QemuRunner() { }

  private static Boolean available;

  /** True when qemu-system-arm can be started on this host (asked once per test run). */
  static synchronized boolean available() {
    if (available == null) {
      available = probe();
    }
    return available;
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder(QEMU, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static List<String> command(FirmwareCase c, Path elf) {
    StringBuilder semihosting = new StringBuilder("enable=on,target=native");
    for (String word : c.args()) {
      semihosting.append(",arg=").append(word);
    }
    List<String> cmd = new ArrayList<>();
    // A shell only to switch core dumps off: the lockup case makes QEMU abort.
    cmd.add("/bin/sh");
    cmd.add("-c");
    cmd.add("ulimit -c 0; exec \"$0\" \"$@\"");
    cmd.add(QEMU);
    cmd.addAll(List.of("-M", "mps2-an385", "-nographic"));
    cmd.addAll(List.of("-semihosting-config", semihosting.toString()));
    cmd.addAll(List.of("-kernel", elf.toAbsolutePath().toString()));
    return cmd;
  }

  static FirmwareRun run(FirmwareCase c, Path elf, Path workDir)
      throws IOException, InterruptedException {
    Path out = workDir.resolve("qemu.stdout");
    Path err = workDir.resolve("qemu.stderr");
    Path guestDir = Files.createDirectories(workDir.resolve("guest"));
    ProcessBuilder pb = new ProcessBuilder(command(c, elf))
        .directory(guestDir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.redirectInput(c.stdin().map(Path::toFile).orElse(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(c.name() + ": QEMU did not finish within " + TIMEOUT_SECONDS
          + " s; output so far:\n" + Files.readString(out, StandardCharsets.ISO_8859_1));
    }
    String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
    boolean lockup = p.exitValue() == SIGABRT_STATUS && stderr.contains(LOCKUP_MESSAGE);
    byte[] guestStderr = withoutQemuWarnings(stderr).getBytes(StandardCharsets.ISO_8859_1);
    return new FirmwareRun(Files.readAllBytes(out), guestStderr, p.exitValue(), lockup);
  }

  /**
   * QEMU's stderr minus its own one-line warnings ("qemu-system-arm: ..."), which depend on the
   * host (audio, display), leaving what the guest wrote through the semihosting console. The
   * lockup report is kept: it starts with "qemu: fatal:".
   */
  static String withoutQemuWarnings(String stderr) {
    StringBuilder kept = new StringBuilder();
    for (String line : stderr.split("(?<=\n)")) {
      if (!line.startsWith(QEMU + ":")) {
        kept.append(line);
      }
    }
    return kept.toString();
  }
}
