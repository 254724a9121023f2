package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class UartSpecTest {

  @Test
  void parsesStdioNullAndFileTargets() {
    assertEquals(new UartSpec(0, UartSpec.Target.STDIO, null), UartSpec.parse("0=stdio"));
    assertEquals(new UartSpec(2, UartSpec.Target.NULL, null), UartSpec.parse("2=null"));
    assertEquals(new UartSpec(1, UartSpec.Target.FILE, Path.of("out/uart1.log")),
        UartSpec.parse("1=out/uart1.log"));
  }

  @Test
  void aPathPrefixMakesAFileCalledStdio() {
    assertEquals(UartSpec.Target.FILE, UartSpec.parse("0=./stdio").target());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdio", "=stdio", "0=", "x=stdio", "-1=null"})
  void refusesMalformedWiring(String text) {
    assertThrows(TypeConversionException.class, () -> UartSpec.parse(text));
  }
}
