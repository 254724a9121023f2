package dev.vboard.emulator.firmware;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One firmware test case from {@code src/test/firmware/cases.properties}: which image to boot,
 * with what semihosting command line and UART input, and what it must print and exit with.
 * The key format is documented at the top of that file.
 *
 * @param name case name; the key prefix in cases.properties
 * @param image ELF path relative to the firmware build folder, without {@code .elf}
 * @param args semihosting command line words; the first is the program name
 * @param stdin file fed to UART0's receiver, if any
 * @param expectedStdout file with the exact stdout bytes
 * @param expectedStderr file with the exact stderr bytes (QEMU's semihosting console), if any
 * @param exitStatus expected exit status; ignored when {@code lockup}
 * @param lockup true when the image is meant to lock the core up
 */
record FirmwareCase(
    String name,
    String image,
    List<String> args,
    Optional<Path> stdin,
    Path expectedStdout,
    Optional<Path> expectedStderr,
    int exitStatus,
    boolean lockup) {

  static final String CASES_FILE = "cases.properties";

  /** Reads every case, sorted by name, from the firmware source folder. */
  static List<FirmwareCase> load(Path sourceDir) throws IOException {
    Properties props = new Properties();
    Path file = sourceDir.resolve(CASES_FILE);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    TreeSet<String> names = new TreeSet<>();
    for (String key : props.stringPropertyNames()) {
      if (key.endsWith(".image")) {
        names.add(key.substring(0, key.length() - ".image".length()));
      }
    }
    List<FirmwareCase> cases = new ArrayList<>();
    for (String name : names) {
      cases.add(parse(name, props, sourceDir));
    }
    return cases;
  }

  private static FirmwareCase parse(String name, Properties props, Path sourceDir) {
    String args = props.getProperty(name + ".args", name).trim();
    Optional<Path> stdin = optionalFile(props, name + ".stdin", sourceDir);
    Path expected =
        sourceDir.resolve(props.getProperty(name + ".expfile", name + ".exp")).normalize();
    Optional<Path> stderr = optionalFile(props, name + ".stderr", sourceDir);
    boolean lockup = Boolean.parseBoolean(props.getProperty(name + ".lockup", "false"));
    int exit = Integer.parseInt(props.getProperty(name + ".exit", "0").trim());
    return new FirmwareCase(name, props.getProperty(name + ".image").trim(),
        List.copyOf(Arrays.asList(args.split("\\s+"))), stdin, expected, stderr, exit, lockup);
  }

  private static Optional<Path> optionalFile(Properties props, String key, Path sourceDir) {
    String value = props.getProperty(key);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(sourceDir.resolve(value.trim()).normalize());
  }

  Path elf(Path buildDir) {
    return buildDir.resolve(image.contains(".") ? image : image + ".elf");
  }

  @Override
  public String toString() {
    return name;
  }
}
