package dev.vboard.emulator.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code firmware-runtime/build/mps2-an385/python.elf} under vboard with the image's
 * contract (see {@code firmware-runtime/pyboard/main_board.c}): the semihosting command line is
 * {@code python.elf SCRIPT ARGS...} and the semihosting root is the script's directory, so the
 * script and its sibling modules are read from there. The image is (re)built with make first;
 * tests are skipped when the cross toolchain is missing.
 */
final class PythonBoard {

  /** Virtual-time budget of one script: far above what the test scripts need. */
  static final Duration BUDGET = Duration.ofSeconds(120);

  private static Path image;

  private PythonBoard() { }

  /** What one run left behind: the exit status (or -1 if the guest did not exit) and UART0. */
  record Outcome(RunResult result, String uart) {
    int exitCode() {
      return result.stop() == RunResult.Stop.EXITED ? result.exitCode() : -1;
    }
  }

  static synchronized Path image() {
    if (image == null) {
      Path root = repoRoot();
      Path runtime = root.resolve("firmware-runtime");
      assumeTrue(onPath("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed");
      Process make = start(List.of("make", "-s", "-C", runtime.toString(),
          "build/mps2-an385/python.elf"), runtime);
      String log = drain(make);
      if (exit(make, 600) != 0) {
        throw new IllegalStateException("building python.elf failed:\n" + log);
      }
      image = runtime.resolve("build/mps2-an385/python.elf");
    }
    return image;
  }

  static Path repoRoot() {
    try {
      Path p = Path.of(PythonBoard.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      for (; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("firmware-runtime/Makefile"))) {
          return p;
        }
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("cannot find the repository root above the test classes");
  }

  /** Runs {@code dir/script} with {@code args}; {@code input} is queued on UART0 first. */
  static Outcome run(Path dir, String script, List<String> args, String input) throws Exception {
    List<String> cmdline = new ArrayList<>();
    cmdline.add("python.elf");
    if (script != null) {
      cmdline.add(script);
    }
    cmdline.addAll(args);
    try (Emulation emu = Emulation.builder().image(image()).commandLine(cmdline)
        .workingDirectory(dir).build()) {
      if (!input.isEmpty()) {
        emu.uartInput(0, input);
      }
      RunResult r = emu.run(BUDGET);
      return new Outcome(r, emu.uartOutput(0));
    }
  }

  static Outcome run(Path dir, String script, String... args) throws Exception {
    return run(dir, script, List.of(args), "");
  }

  // ---- host processes ----------------------------------------------------------------------

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  static Process start(List<String> command, Path dir) {
    try {
      return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    }
  }

  static String drain(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int exit(Process p, long timeoutSeconds) {
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("process did not finish: " + p.info().command());
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
