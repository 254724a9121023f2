package dev.vboard.emulator.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code vboard run script.py} and {@code vboard repl} find the board's Python firmware:
 * {@code firmware-runtime/build/<board>/python.elf} in the vboard checkout. The checkout is
 * {@code $VBOARD_HOME} (set by {@code scripts/vboard}), else found from the jar's location
 * ({@code emulator/target/*.jar}). {@code VBOARD_PYTHON_IMAGE} names another image.
 */
final class PythonFirmware {
  private PythonFirmware() { }

  /** True for an IMAGE argument that is a Python script rather than firmware. */
  static boolean isScript(Path image) {
    return image.getFileName() != null && image.getFileName().toString().endsWith(".py");
  }

  static Path locate(String board) {
    String override = System.getenv("VBOARD_PYTHON_IMAGE");
    Path image = override != null && !override.isEmpty()
        ? Path.of(override)
        : home().resolve("firmware-runtime").resolve("build").resolve(board).resolve("python.elf");
    if (!Files.isRegularFile(image)) {
      throw new UserError("no Python firmware for board " + board + " at " + image
          + " (build it with: make -C firmware-runtime)");
    }
    return image;
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
