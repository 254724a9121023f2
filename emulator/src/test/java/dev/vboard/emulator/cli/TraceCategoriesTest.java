package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.TypeConversionException;

class TraceCategoriesTest {

  @Test
  void parsesACommaListInOrderWithoutDuplicates() {
    assertEquals(List.of("irq", "mmio", "semihosting"),
        List.copyOf(TraceCategories.parse("irq, mmio,semihosting,irq")));
  }

  @Test
  void allMeansEveryKnownCategory() {
    assertEquals(Set.copyOf(TraceCategories.KNOWN), TraceCategories.parse("all"));
  }

  @Test
  void refusesAnUnknownCategoryNamingTheKnownOnes() {
    TypeConversionException e =
        assertThrows(TypeConversionException.class, () -> TraceCategories.parse("irq,bogus"));
    assertTrue(e.getMessage().startsWith("unknown trace category 'bogus' (known: cpu, irq"));
  }

  @Test
  void enablingACategoryTurnsItsLoggerToTrace() {
    assertEquals(false, LoggerFactory.getLogger("vboard.gdb").isTraceEnabled());

    List<String> names = TraceCategories.enable(Set.of("gdb"));

    assertTrue(LoggerFactory.getLogger("vboard.gdb").isTraceEnabled());
    names.forEach(n -> ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(n)).setLevel(null));
  }

  @Test
  void aCategoryAlsoCoversThePackagesThatLogUnderClassNames() {
    List<String> names = TraceCategories.enable(Set.of("irq"));

    assertEquals(List.of("vboard.irq", "dev.vboard.emulator.arm"), names);
    assertTrue(LoggerFactory.getLogger("dev.vboard.emulator.arm.ExceptionUnit").isTraceEnabled());
    names.forEach(n -> ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(n)).setLevel(null));
  }
}
