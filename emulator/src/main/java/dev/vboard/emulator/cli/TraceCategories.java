package dev.vboard.emulator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --trace irq,mmio,...}: each category is the logger {@code vboard.<category>}, turned up
 * to TRACE at run time. Without it logback.xml lets only warnings through, so guest errors
 * (logged at DEBUG under {@code vboard.guest}) stay quiet unless asked for, as QEMU's are
 * without {@code -d guest_errors}.
 */
public final class TraceCategories {

  /**
   * Each category and the loggers it raises: its own {@code vboard.<category>} and the packages
   * whose classes log under their class names, so a category shows everything of its kind.
   */
  private static final Map<String, List<String>> LOGGERS = new LinkedHashMap<>();

  static {
    LOGGERS.put("cpu", List.of("vboard.cpu", "dev.vboard.emulator.cpu",
        "dev.vboard.emulator.machine", "dev.vboard.emulator.unicorn"));
    LOGGERS.put("irq", List.of("vboard.irq", "dev.vboard.emulator.arm"));
    LOGGERS.put("mmio", List.of("vboard.mmio", "dev.vboard.emulator.bus",
        "dev.vboard.emulator.board"));
    LOGGERS.put("uart", List.of("vboard.uart", "dev.vboard.emulator.serial"));
    LOGGERS.put("semihosting", List.of("vboard.semihosting", "dev.vboard.emulator.semihosting"));
    LOGGERS.put("guest", List.of("vboard.guest"));
    LOGGERS.put("net", List.of("vboard.net", "dev.vboard.netstack"));
    LOGGERS.put("gdb", List.of("vboard.gdb", "dev.vboard.emulator.gdb"));
  }

  /** Every category; "all" selects them all. */
  public static final List<String> KNOWN = List.copyOf(LOGGERS.keySet());

  private TraceCategories() { }

  /** Splits and checks a comma list; an unknown name is a usage error. */
  public static Set<String> parse(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : list.split(",")) {
      String c = raw.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (c.equals("all")) {
        out.addAll(KNOWN);
      } else if (KNOWN.contains(c)) {
        out.add(c);
      } else {
        throw new TypeConversionException("unknown trace category '" + c + "' (known: "
            + String.join(", ", KNOWN) + ", all)");
      }
    }
    return out;
  }

  /** Sets the loggers of {@code categories} to TRACE; returns their names. */
  public static List<String> enable(Set<String> categories) {
    List<String> names = new ArrayList<>();
    for (String c : categories) {
      for (String name : LOGGERS.getOrDefault(c, List.of())) {
        if (LoggerFactory.getLogger(name) instanceof Logger logback) {
          logback.setLevel(Level.TRACE);
        }
        names.add(name);
      }
    }
    return names;
  }
}
