package dev.vboard.emulator.cli;

import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --mac XX:XX:XX:XX:XX:XX}: six hex pairs, an individual (not multicast) address. */
final class MacConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    MacAddress mac;
    try {
      mac = MacAddress.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("expected XX:XX:XX:XX:XX:XX, not '" + value + "'");
    }
    if (mac.isGroup()) {
      throw new TypeConversionException(value
          + " is a multicast address (lowest bit of the first byte set)");
    }
    return mac.toString();
  }
}
