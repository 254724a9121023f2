package dev.vboard.emulator.cli;

import dev.vboard.netstack.nat.PortForward;
import dev.vboard.netstack.wire.Ipv4Address;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --hostfwd}: checked at parse time with the netstack's own parser (QEMU syntax), so a bad
 * spec is a one-line usage error before anything is built; the spec text is kept as given.
 */
final class HostForwardConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    try {
      PortForward.parse(value, Ipv4Address.of(10, 0, 2, 15));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    return value;
  }
}
