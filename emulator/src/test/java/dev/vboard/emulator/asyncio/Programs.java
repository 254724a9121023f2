package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the asyncio programs come from: the shipped examples
 * ({@code firmware-runtime/examples/NAME.py} with the expected output {@code NAME.exp}) and this
 * package's own programs (test resources under {@code asyncio/}, same layout). A test stages the
 * programs it runs into its own directory, which becomes the board's semihosting root and
 * CPython's working directory, so nothing is written beside the sources.
 */
final class Programs {
  private Programs() { }

  /** Printed by {@code aiotest_mark.py} when the program calls {@code asyncio.run}. */
  static final String MARK = "@@aiotest: asyncio.run";

  /** The repository root: Maven runs tests in the module folder. */
  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("firmware-runtime")) ? here : here.getParent();
  }

  static Path examples() {
    return repoRoot().resolve("firmware-runtime/examples");
  }

  /** Copies example {@code name}.py into {@code dir}; fails when the example does not exist. */
  static void stageExample(String name, Path dir) throws IOException {
    Path src = examples().resolve(name + ".py");
    assertTrue(Files.isRegularFile(src), "example missing: " + src);
    Files.copy(src, dir.resolve(name + ".py"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The expected output of example {@code name}. */
  static byte[] exampleExpected(String name) throws IOException {
    Path exp = examples().resolve(name + ".exp");
    assertTrue(Files.isRegularFile(exp), "expected output missing: " + exp);
    return Files.readAllBytes(exp);
  }

  /** Copies test resource {@code asyncio/file} into {@code dir}. */
  static void stageResource(String file, Path dir) throws IOException {
    Files.write(dir.resolve(file), resource(file));
  }

  /** The bytes of test resource {@code asyncio/file}. */
  static byte[] resource(String file) throws IOException {
    try (InputStream in = Programs.class.getResourceAsStream("/asyncio/" + file)) {
      assertNotNull(in, "test resource missing: asyncio/" + file);
      return in.readAllBytes();
    }
  }

  /**
   * Writes {@code timed_NAME.py}: {@code import aiotest_mark} and then NAME.py's source, so the
   * program prints {@link #MARK} as it calls {@code asyncio.run}, the reference its timings are
   * measured from (the board's start-up, the imports and compiling the program come before).
   * Returns the script's file name.
   */
  static String stageTimed(String name, Path dir) throws IOException {
    stageResource("aiotest_mark.py", dir);
    String source = Files.readString(dir.resolve(name + ".py"), StandardCharsets.UTF_8);
    String timed = "timed_" + name + ".py";
    Files.writeString(dir.resolve(timed), "import aiotest_mark\n" + source,
        StandardCharsets.UTF_8);
    return timed;
  }
}
