package dev.vboard.emulator.cli;

import dev.vboard.emulator.net.NetOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One {@code --service NAME=off} (or {@code NAME=on}, the default, for symmetry). */
record ServiceSwitch(String name, boolean on) {

  /** Picocli converter: a bad value is a usage error naming the known services. */
  static final class Converter implements ITypeConverter<ServiceSwitch> {
    @Override
    public ServiceSwitch convert(String value) {
      int eq = value.indexOf('=');
      String name = eq < 0 ? value : value.substring(0, eq);
      String state = eq < 0 ? "" : value.substring(eq + 1);
      if (!NetOptions.SERVICES.contains(name)) {
        throw new TypeConversionException("unknown service '" + name + "' (known: "
            + String.join(", ", NetOptions.SERVICES) + ")");
      }
      return switch (state) {
        case "off" -> new ServiceSwitch(name, false);
        case "on" -> new ServiceSwitch(name, true);
        default -> throw new TypeConversionException("expected " + name + "=off, not '"
            + value + "'");
      };
    }
  }
}
