package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPython 3 (the project's reference Python) running a program in a directory, as a host
 * process started at once so several run in parallel while the board runs (CPython's asyncio
 * sleeps in wall time, the board in virtual time). Skips when {@code python3} is missing.
 */
final class CPython {
  private static final Path PYTHON3 = Path.of("/usr/bin/python3");

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private CPython(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static boolean available() {
    return Files.isExecutable(PYTHON3);
  }

  /** Starts {@code python3 script args...} in {@code dir}. */
  static CPython start(Path dir, String script, String... args) throws IOException {
    assumeTrue(available(), "python3 is not installed");
    List<String> command = new ArrayList<>();
    command.add(PYTHON3.toString());
    command.add("-B"); // no __pycache__ beside the staged programs
    command.add(script);
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "cpython", ".out");
    Path err = Files.createTempFile(dir, "cpython", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("PYTHONHASHSEED", "0");
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    return new CPython(pb.start(), out, err);
  }

  /** Waits for the exit (at most {@code seconds}, then kills it) and returns what it printed. */
  Result await(long seconds) throws IOException, InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("python3 did not finish in " + seconds + " s: "
          + Files.readString(stderr));
    }
    return new Result(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
  }

  /** Kills the process if it still runs. */
  void kill() {
    process.destroyForcibly();
  }

  record Result(int status, byte[] stdout, String stderr) {
    String text() {
      return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
