package dev.vboard.emulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code vboard --version}: the version Maven recorded in the jar
 * ({@code META-INF/maven/dev.vboard/vboard-emulator/pom.properties}), so there is one source of
 * truth, the POM. Run from a class directory (tests, IDE) there is no jar, hence no version.
 */
public final class VersionProvider implements IVersionProvider {

  static final String POM_PROPERTIES = "/META-INF/maven/dev.vboard/vboard-emulator/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"vboard " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
            + ")"};
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      // Fall through: a version string is not worth failing for.
    }
    return "(development build)";
  }
}
