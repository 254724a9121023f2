package dev.vboard.emulator.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code vboard run script.py} and {@code vboard repl} find the board's Python firmware:
 * {@code firmware-runtime/build/<board>/python.elf} in the vboard checkout. The checkout is
 * {@code $VBOARD_HOME} (set by {@code scripts/vboard}), else found from the jar's location
 * ({@code emulator/target/*.jar}).
 *
 * <p>Another image can be named, first match wins: the system property
 * {@value #PROPERTY} (tests point it at their own firmware build), the environment variable
 * {@value #ENV}, or the older {@value #LEGACY_ENV}.
 */
public final class PythonFirmware {
  /** System property naming the python.elf to boot, ahead of everything else. */
  static final String PROPERTY = "vboard.pythonFirmware";
  /** Environment variable naming the python.elf to boot. */
  static final String ENV = "VBOARD_PYTHON_FIRMWARE";
  /** The first spelling of {@link #ENV}; still honoured. */
  static final String LEGACY_ENV = "VBOARD_PYTHON_IMAGE";

  private PythonFirmware() { }

  /** True for an IMAGE argument that is a Python script rather than firmware. */
  static boolean isScript(Path image) {
    return image.getFileName() != null && image.getFileName().toString().endsWith(".py");
  }

  /** The python.elf to boot for {@code board}; a {@link UserError} when there is none. */
  public static Path locate(String board) {
    String override = firstSet(System.getProperty(PROPERTY), System.getenv(ENV),
        System.getenv(LEGACY_ENV));
    Path image = override != null
        ? Path.of(override)
        : home().resolve("firmware-runtime").resolve("build").resolve(board).resolve("python.elf");
    if (!Files.isRegularFile(image)) {
      throw new UserError("no Python firmware for board " + board + " at " + image
          + (override != null ? " (named by " + PROPERTY + " or " + ENV + ")"
              : " (build it with: make -C firmware-runtime)"));
    }
    return image;
  }

  /** The first non-empty value, or null: an empty variable counts as unset, as in a shell. */
  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static Path home() {
    String home = System.getenv("VBOARD_HOME");
    if (home != null && !home.isEmpty()) {
      return Path.of(home);
    }
    try {
      Path jar = Path.of(PythonFirmware.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      // emulator/target[-x]/vboard-emulator.jar or emulator/target[-x]/classes -> the checkout
      Path parent = jar.getParent();
      return parent == null || parent.getParent() == null || parent.getParent().getParent() == null
          ? Path.of("") : parent.getParent().getParent();
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("");
    }
  }
}
