package dev.vboard.emulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.board.BoardDescription.Device;
import dev.vboard.emulator.board.BoardDescription.Memory;
import dev.vboard.emulator.board.BoardDescription.MemoryKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardParserTest {
  private static final String MINIMAL = """
      name: tiny
      cpu: {model: cortex-m3, clock-hz: 1000000, external-irqs: 8, priority-bits: 3}
      memory:
        - {name: ram, kind: ram, base: 0x20000000, size: 64K}
      devices:
        - {name: uart0, type: cmsdk-apb-uart, base: 0x40004000, size: 4K, irqs: {rx: 0, tx: 1}}
      """;

  private static BoardDescription an385() {
    return BoardCatalog.standard().load("mps2-an385");
  }

  @Test
  void realAn385FileHasTheQemuCpuAndClock() {
    BoardDescription b = an385();
    assertEquals("mps2-an385", b.name());
    assertEquals("cortex-m3", b.cpu().model());
    assertEquals(25_000_000, b.cpu().clockHz());
    assertEquals(32, b.cpu().externalIrqs());
    assertEquals(8, b.cpu().priorityBits());
  }

  @Test
  void realAn385FileHasQemuMemoryMap() {
    List<Memory> memory = an385().memory();
    assertTrue(memory.contains(new Memory("ssram1", MemoryKind.RAM, 0, 0x400000, 0)));
    assertTrue(memory.contains(new Memory("ssram23", MemoryKind.RAM, 0x20000000, 0x400000, 0)));
    assertTrue(memory.contains(
        new Memory("ssram1-mirror", MemoryKind.ALIAS, 0x400000, 0x400000, 0)));
    assertTrue(memory.contains(new Memory("psram", MemoryKind.RAM, 0x21000000, 0x1000000, 0)));
    assertTrue(memory.contains(
        new Memory("blockram-mirror3", MemoryKind.ALIAS, 0x0100c000, 0x4000, 0x01000000)));
  }

  @Test
  void realAn385FileWiresUartsAsMps2c() {
    BoardDescription b = an385();
    Device uart0 = b.device("uart0");
    assertEquals("cmsdk-apb-uart", uart0.type());
    assertEquals(0x40004000, uart0.base());
    assertEquals(Map.of("rx", "0", "tx", "1", "txovr", "uart-overflow", "rxovr", "uart-overflow"),
        uart0.irqs());
    assertEquals(Map.of("rx", "20", "tx", "21"), b.device("uart4").irqs());
    assertEquals(0x40009000, b.device("uart4").base());
    assertEquals(12, b.irqCombiners().get(0).irq());
  }

  @Test
  void realAn385FileHasSccIdTimersAndReservedEthernet() {
    BoardDescription b = an385();
    assertEquals("1090795600", b.device("scc").properties().get("scc-id"));
    assertEquals(Map.of("timerint", "8"), b.device("timer0").irqs());
    assertEquals(Map.of("timerint", "9"), b.device("timer1").irqs());
    assertEquals(Map.of("timintc", "10"), b.device("dualtimer").irqs());
    Device eth = b.device("eth0");
    assertEquals(0x40200000, eth.base());
    assertEquals(Map.of("irq", "13"), eth.irqs());
    assertEquals("52:54:00:12:34:56", eth.properties().get("mac"));
    assertFalse(eth.placeholder());
    assertTrue(b.device("gpio0").placeholder());
    assertFalse(b.device("fpgaio").placeholder());
    assertEquals(11, b.unimplemented().size());
  }

  @Test
  void numbersMayBeHexDecimalOrSizes() {
    BoardDescription b = BoardParser.parse("tiny.yaml", MINIMAL);
    assertEquals(0x20000000, b.memory().get(0).base());
    assertEquals(65536, b.memory().get(0).size());
    assertEquals(4096, b.devices().get(0).size());
  }

  @Test
  void unknownFieldNamesFileAndField() {
    BoardException e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        MINIMAL.replace("clock-hz", "clock-hx")));
    assertEquals("tiny.yaml: cpu.clock-hz: missing", e.getMessage());
    e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        MINIMAL.replace("size: 4K,", "size: 4K, colour: red,")));
    assertEquals("tiny.yaml: devices[0].colour: unknown field", e.getMessage());
  }

  @Test
  void badNumberNamesTheField() {
    BoardException e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        MINIMAL.replace("base: 0x40004000", "base: 0x4000zz00")));
    assertEquals("tiny.yaml: devices[0].base: not a number: '0x4000zz00'", e.getMessage());
  }

  @Test
  void syntaxErrorNamesFileAndLineOnOneLine() {
    BoardException e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        "name: tiny\ncpu: {model: [\n"));
    assertTrue(e.getMessage().startsWith("tiny.yaml: invalid YAML at line "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void overlappingDevicesAreRefused() {
    String text = MINIMAL + "  - {name: big, type: cmsdk-apb-uart, base: 0x40003000, size: 8K}\n";
    BoardException e =
        assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml", text));
    assertEquals("tiny.yaml: devices[0] (uart0): overlaps devices[1] (big)", e.getMessage());
  }

  @Test
  void devicesMustStartOnAPage() {
    String text = MINIMAL + "  - {name: uart1, type: cmsdk-apb-uart, base: 0x40005800, size: 4K}\n";
    BoardException e =
        assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml", text));
    assertEquals("tiny.yaml: devices[1].base: 0x40005800 is not 4 KiB aligned "
        + "(the CPU core maps whole pages)", e.getMessage());
  }

  @Test
  void irqBeyondTheNvicIsRefused() {
    BoardException e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        MINIMAL.replace("tx: 1", "tx: 8")));
    assertEquals("tiny.yaml: devices[0].irqs.tx: IRQ 8 is not below cpu.external-irqs (8)",
        e.getMessage());
  }

  @Test
  void irqReferenceToAMissingCombinerIsRefused() {
    BoardException e = assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml",
        MINIMAL.replace("tx: 1", "tx: uart-or")));
    assertEquals("tiny.yaml: devices[0].irqs.tx: no irq-combiner named 'uart-or'", e.getMessage());
  }

  @Test
  void aliasMustTargetRam() {
    String text = MINIMAL.replace("devices:", """
          - {name: mirror, kind: alias, base: 0x30000000, size: 64K, target: 0x10000000}
        devices:""");
    BoardException e =
        assertThrows(BoardException.class, () -> BoardParser.parse("tiny.yaml", text));
    assertTrue(e.getMessage().startsWith("tiny.yaml: memory[1].target: "), e.getMessage());
  }
}
