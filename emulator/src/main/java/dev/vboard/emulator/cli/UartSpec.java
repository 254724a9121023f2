package dev.vboard.emulator.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --uart N=TARGET} option: UART {@code N} goes to the terminal ({@code stdio}),
 * nowhere ({@code null}), or to a file (anything else: the path its output is written to).
 * Write {@code ./stdio} to mean a file called "stdio".
 */
public record UartSpec(int index, Target target, Path file) {

  public enum Target { STDIO, NULL, FILE }

  /** picocli converter. */
  public static final class Converter implements ITypeConverter<UartSpec> {
    @Override
    public UartSpec convert(String value) {
      return parse(value);
    }
  }

  public static UartSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new TypeConversionException("invalid UART wiring '" + text
          + "' (expected N=stdio, N=null or N=FILE, e.g. 1=uart1.log)");
    }
    int index;
    try {
      index = Integer.parseInt(text.substring(0, eq));
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "invalid UART number '" + text.substring(0, eq) + "' in '" + text + "'");
    }
    if (index < 0) {
      throw new TypeConversionException("invalid UART number " + index + " in '" + text + "'");
    }
    String target = text.substring(eq + 1);
    return switch (target) {
      case "stdio" -> new UartSpec(index, Target.STDIO, null);
      case "null" -> new UartSpec(index, Target.NULL, null);
      default -> new UartSpec(index, Target.FILE, Path.of(target));
    };
  }
}
