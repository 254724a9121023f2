package dev.vboard.emulator.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.cli.PythonFirmware;
import dev.vboard.emulator.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code vboard.pythonFirmware} property names the python.elf that {@code vboard run x.py}
 * boots (these tests point it at their own build); a named image that is missing is a one-line
 * user error that says where the name came from.
 */
class PythonFirmwareOverrideTest {
  private static final String PROPERTY = "vboard.pythonFirmware";

  @TempDir
  Path dir;

  @Test
  void thePropertyNamesTheImage() throws Exception {
    Path image = Files.writeString(dir.resolve("python.elf"), "not booted here");
    assertEquals(image, withProperty(image.toString(), () -> PythonFirmware.locate("any")));
  }

  @Test
  void aMissingNamedImageIsAUserErrorNamingTheProperty() {
    Path missing = dir.resolve("absent/python.elf");
    UserError e = assertThrows(UserError.class,
        () -> withProperty(missing.toString(), () -> PythonFirmware.locate("mps2-an385")));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(PROPERTY), e.getMessage());
  }

  private interface Lookup {
    Path get();
  }

  /** Runs {@code lookup} with the property set, then restores what was there. */
  private static Path withProperty(String value, Lookup lookup) {
    String old = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, value);
    try {
      return lookup.get();
    } finally {
      if (old == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, old);
      }
    }
  }
}
