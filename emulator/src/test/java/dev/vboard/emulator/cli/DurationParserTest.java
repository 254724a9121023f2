package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
      "10s, 10000000000",
      "500ms, 500000000",
      "2m, 120000000000",
      "1h, 3600000000000",
      "250us, 250000",
      "7ns, 7",
      "1.5s, 1500000000",
      "0.25ms, 250000"})
  void parsesANumberAndAUnitToNanoseconds(String text, long nanos) {
    assertEquals(nanos, DurationParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "s", "10x", "-1s", "1.s", "ten seconds", ""})
  void refusesTextThatIsNotADuration(String text) {
    TypeConversionException e =
        assertThrows(TypeConversionException.class, () -> DurationParser.parse(text));
    assertEquals("invalid duration '" + text
        + "' (expected a number and a unit: ns, us, ms, s, m or h, e.g. 10s or 500ms)",
        e.getMessage());
  }

  @Test
  void refusesZeroAndOverlongDurations() {
    assertThrows(TypeConversionException.class, () -> DurationParser.parse("0s"));
    assertThrows(TypeConversionException.class, () -> DurationParser.parse("9999999999h"));
  }
}
