package dev.vboard.emulator.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration such as {@code 10s}, {@code 500ms}, {@code 1.5s}, {@code 2m} or {@code 1h}
 * into nanoseconds. Units: ns, us, ms, s, m, h. A unit is required: a bare number is ambiguous.
 */
public final class DurationParser implements ITypeConverter<Long> {

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  /** @throws TypeConversionException with a one-line message when the text is not a duration */
  public static long parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new TypeConversionException("invalid duration '" + text
          + "' (expected a number and a unit: ns, us, ms, s, m or h, e.g. 10s or 500ms)");
    }
    long unitNanos = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
    if (nanos.signum() <= 0) {
      throw new TypeConversionException("invalid duration '" + text + "': must be positive");
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new TypeConversionException("invalid duration '" + text + "': too long");
    }
    // Sub-nanosecond fractions round up, so "0.5ns" still allows some time to pass.
    return nanos.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }
}
