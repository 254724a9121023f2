package dev.vboard.emulator.firmware;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the firmware sources and the built images are. Maven builds the images into
 * {@code <build dir>/test-firmware} (the exec plugin's {@code make OUT=...}); the build dir is
 * the parent of this class's test-classes folder, whatever {@code -Dvboard.target} named it.
 * The sources are {@code src/test/firmware} of the module, the build dir's sibling.
 */
final class FirmwareLocations {

  private FirmwareLocations() { }

  static Path buildDir() {
    try {
      Path testClasses = Path.of(FirmwareLocations.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      return testClasses.getParent().resolve("test-firmware");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the test classes folder", e);
    }
  }

  static Path sourceDir() {
    Path fromBuild = buildDir().getParent().getParent().resolve("src/test/firmware");
    if (Files.isDirectory(fromBuild)) {
      return fromBuild;
    }
    // Run from an IDE with another output layout: the module folder is the working directory.
    return Path.of("src/test/firmware").toAbsolutePath();
  }
}
