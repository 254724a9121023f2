package dev.vboard.emulator.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.board.RecordingTarget.Kind;
import dev.vboard.emulator.board.RecordingTarget.Mapping;
import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.loader.MemoryRange;
import dev.vboard.emulator.peripheral.Mps2FpgaIo;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import dev.vboard.emulator.serial.MemoryBackend;
import dev.vboard.emulator.serial.NullBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AN385 board file assembled onto a recording target: map, wiring, resets. */
class BoardAssemblyTest {
  private RecordingTarget target;
  private MemoryBackend console;
  private BoardBuilder.Assembly assembly;

  @BeforeEach
  void setUp() {
    target = new RecordingTarget();
    console = new MemoryBackend();
    assembly = BoardBuilder.assemble(BoardCatalog.standard().load("mps2-an385"),
        BoardWiring.console(console), target);
  }

  @Test
  void ramRegionsAreLoadable() {
    assertEquals(List.of(
        new MemoryRange("ssram1", 0, 0x400000),
        new MemoryRange("blockram", 0x01000000, 0x4000),
        new MemoryRange("ssram23", 0x20000000, 0x400000),
        new MemoryRange("psram", 0x21000000, 0x1000000)), assembly.loadableMemory());
  }

  @Test
  void noTwoMappingsOverlap() {
    List<Mapping> sorted = new ArrayList<>(target.mappings);
    sorted.sort(Comparator.comparingLong(Mapping::base));
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(sorted.get(i).base() >= sorted.get(i - 1).end(),
          sorted.get(i) + " overlaps " + sorted.get(i - 1));
    }
  }

  @Test
  void unimplementedRegionsFillOnlyTheGapsBetweenDevices() {
    Mapping gap = target.at(0x40003000);
    assertEquals(new Mapping(Kind.UNIMPLEMENTED, "CMSDK APB peripheral region @0x40000000",
        0x40003000, 0x1000, null), gap);
    assertEquals(Kind.UNIMPLEMENTED, target.at(0x4000a000).kind());
    assertEquals(0x4000a000, target.at(0x4000a000).base());
    assertEquals(0x40010000, target.at(0x4000a000).end());
    assertEquals(Kind.RAM, target.at(0x21000000).kind(), "PSRAM RAM wins over its placeholder");
    assertEquals(Kind.UNIMPLEMENTED, target.at(0x00800000).kind());
  }

  @Test
  void placeholdersAreMappedUnimplemented() {
    assertEquals(new Mapping(Kind.UNIMPLEMENTED, "gpio0", 0x40010000, 4096, null),
        target.at(0x40010000));
    assertEquals(Kind.UNIMPLEMENTED, target.at(0x40024000).kind(), "i2s");
  }

  @Test
  void consoleUartTransmitsToTheWiredBackendAndRaisesNvicLine1() {
    target.store(0x40004010, 217);
    target.store(0x40004008, 0x5);
    target.store(0x40004000, 'Q');
    assertEquals("Q", console.outputText());
    assertTrue(target.irqLevel(1), "UART0 TX is IRQ 1");
    assertFalse(target.irqLevel(0));
  }

  @Test
  void uartOverflowsOfUarts0To2ShareIrq12() {
    overrun(0x40006000);
    assertTrue(target.irqLevel(12));
    target.store(0x40006004, 0x4);
    assertFalse(target.irqLevel(12));
    overrun(0x40004000);
    overrun(0x40005000);
    target.store(0x40004004, 0x4);
    assertTrue(target.irqLevel(12), "UART1 still overflowing");
    target.store(0x40005004, 0x4);
    assertFalse(target.irqLevel(12));
  }

  @Test
  void uart3OverflowIsNotWired() {
    overrun(0x40007000);
    assertFalse(target.irqLevel(12));
  }

  @Test
  void timersInterruptOnLines8And9AndDualTimerOn10() {
    target.store(0x40000008, 10);
    target.store(0x40000000, 0x9);
    target.store(0x40001008, 20);
    target.store(0x40001000, 0x9);
    target.store(0x40002000, 30);
    target.store(0x40002008, 0x80 | 0x20 | 0x02);
    runTo(10);
    assertTrue(target.irqLevel(8));
    assertFalse(target.irqLevel(9));
    runTo(20);
    assertTrue(target.irqLevel(9));
    assertFalse(target.irqLevel(10));
    runTo(30);
    assertTrue(target.irqLevel(10));
  }

  @Test
  void watchdogTimeoutRaisesTheNmi() {
    target.store(0x40008000, 100);
    target.store(0x40008008, 1);
    runTo(99);
    assertFalse(target.nmiLevel);
    runTo(100);
    assertTrue(target.nmiLevel, "WDOGINT is wired to the NMI on AN385");
  }

  @Test
  void everyWatchdogControlWriteWhileInterruptingDrivesTheNmiAgain() {
    target.store(0x40008000, 100);
    target.store(0x40008008, 1);
    runTo(100);
    assertEquals(1, target.nmiHighDrives);
    target.store(0x40008008, 1);
    target.store(0x40008f00, 0);
    assertEquals(3, target.nmiHighDrives, "QEMU 7.2 pends NMI again on each such write");
    target.store(0x40008000, 100);
    assertEquals(3, target.nmiHighDrives, "a LOAD write does not drive the outputs");
  }

  @Test
  void watchdogSecondTimeoutWithResenRequestsASystemReset() {
    target.store(0x40008000, 100);
    target.store(0x40008008, 3);
    runTo(200);
    assertEquals(0, target.systemResetRequests);
    runTo(201);
    assertEquals(1, target.systemResetRequests, "WDOGRES is wired to the system reset");
  }

  @Test
  void ethernetIsALan9118OnIrq13WithTheBoardMac() {
    Mapping eth = target.at(0x40200000);
    assertEquals(Kind.MMIO, eth.kind());
    assertEquals(0x100, eth.size(), "256 bytes: the machine makes the rest of the page fault");
    Lan9118 nic = (Lan9118) assembly.devices().get("eth0");
    assertEquals(MacAddress.parse("52:54:00:12:34:56"), nic.macAddress());
    assertEquals(0x01180001, target.load(0x40200050), "ID_REV");
  }

  @Test
  void macOverrideReplacesTheBoardFileMac() {
    byte[] mac = {0x02, 0, 0, 0, 0, 0x42};
    BoardBuilder.Assembly a = BoardBuilder.assemble(BoardCatalog.standard().load("mps2-an385"),
        BoardWiring.none().withMac(mac), new RecordingTarget());
    assertEquals(MacAddress.of(mac), ((Lan9118) a.devices().get("eth0")).macAddress());
  }

  @Test
  void sccAndFpgaioAreMapped() {
    assertEquals(0x41043850, target.load(0x4002fffc));
    target.store(0x40028000, 0xff);
    assertEquals(3, target.load(0x40028000));
  }

  @Test
  void spiInterruptsShareNvicLinesInPairsAsMps2Wires() {
    int imsc = 0x14;
    int txim = 1 << 3; // the empty TX FIFO raises TXINTR at once
    target.store(0x40020000 + imsc, txim);
    assertTrue(target.irqLevel(11), "spi-apb");
    target.store(0x40021000 + imsc, txim);
    target.store(0x40020000 + imsc, 0);
    assertTrue(target.irqLevel(11), "spi-lcd still holds the OR gate high");
    target.store(0x40021000 + imsc, 0);
    assertFalse(target.irqLevel(11));
    target.store(0x40025000 + imsc, txim);
    assertTrue(target.irqLevel(22), "spi-adc");
    target.store(0x40027000 + imsc, txim);
    assertTrue(target.irqLevel(24), "spi-shield1");
  }

  @Test
  void spiAndI2cControllersAreMapped() {
    assertEquals(3, target.load(0x4002600c), "PL022 SSPSR: TFE | TNF");
    assertEquals(0x22, target.load(0x40020fe0));
    target.store(0x4002a000, 3);
    assertEquals(3, target.load(0x4002a000), "SBCon SCL and SDA released");
  }

  @Test
  void serialPortsAndDevicesAreReachableByName() {
    assertSame(console, assembly.serialPorts().get(0).backend());
    assertEquals(5, assembly.serialPorts().size());
    assertNotNull(assembly.devices().get("fpgaio"));
    assertTrue(assembly.devices().get("fpgaio") instanceof Mps2FpgaIo);
    assertNull(assembly.devices().get("gpio0"), "placeholders have no model");
  }

  @Test
  void resetListenersResetEveryDevice() {
    target.store(0x40028000, 1);
    target.store(0x40004008, 0x5);
    target.resetListeners.forEach(Runnable::run);
    assertEquals(0, target.load(0x40028000));
    assertEquals(0, target.load(0x40004008));
  }

  @Test
  void mirrorsShowTheSameRam() {
    target.store(0x00000100, 0xcafef00d);
    assertEquals(0xcafef00d, target.load(0x00400100));
    target.store(0x0100c010, 0x12345678);
    assertEquals(0x12345678, target.load(0x01000010));
  }

  @Test
  void sramBitBandSetsAndReadsSingleBits() {
    target.store(0x20000010, 0);
    target.store(0x22000000 + 0x10 * 32 + 5 * 4, 1);
    assertEquals(0x20, target.load(0x20000010));
    assertEquals(1, target.load(0x22000000 + 0x10 * 32 + 5 * 4));
    assertEquals(0, target.load(0x22000000 + 0x10 * 32 + 4 * 4));
    target.store(0x22000000 + 0x10 * 32 + 5 * 4, 0);
    assertEquals(0, target.load(0x20000010));
  }

  @Test
  void peripheralBitBandReachesDeviceRegisters() {
    // Bit 0 of FPGAIO LED0 (0x40028000) through the peripheral bit-band alias.
    target.store(0x42000000 + 0x28000 * 32, 1);
    assertEquals(1, target.load(0x40028000));
  }

  @Test
  void peripheralBitBandWordAccessesReadModifyWriteTheWholeRegister() {
    // As QEMU: the alias access size is the target access size, at the aligned word. Timer0
    // RELOAD (0x40000008) keeps its other bits when bit 31 is set through the alias.
    long bit31 = 0x42000000L + 0x8 * 32 + 31 * 4;
    target.store(0x40000008, 0x10);
    target.store(bit31, 1);
    assertEquals(0x80000010, target.load(0x40000008));
    assertEquals(1, target.load(bit31));
    target.store(bit31, 0);
    assertEquals(0x10, target.load(0x40000008));
  }

  @Test
  void cmsdkIdRegistersAnswerAnyOffsetOfTheirWord() {
    // QEMU's CMSDK models read the ID block with a case range: byte 1 of PID0 is PID0.
    MmioDevice uart = assembly.devices().get("uart1");
    assertEquals(uart.read(0xfe0, 4), uart.read(0xfe1, 1));
    assertEquals(0x21, uart.read(0xfe1, 1));
  }

  @Test
  void wiringSuppliedModelReplacesTheBuiltInOne() {
    RecordingTarget t = new RecordingTarget();
    List<String> built = new ArrayList<>();
    BoardWiring wiring = BoardWiring.none().withDeviceModel("lan9118", c -> {
      built.add(c.name() + " irq " + c.spec().irqs().get("irq"));
      c.irq("irq");
      return new NullDevice();
    });
    BoardBuilder.assemble(BoardCatalog.standard().load("mps2-an385"), wiring, t);
    assertEquals(List.of("eth0 irq 13"), built);
    assertEquals(Kind.MMIO, t.at(0x40200000).kind());
  }

  @Test
  void otherSerialPortsGoWhereTheWiringSaysAndDefaultToNothing() {
    RecordingTarget t = new RecordingTarget();
    MemoryBackend second = new MemoryBackend();
    BoardBuilder.Assembly a = BoardBuilder.assemble(BoardCatalog.standard().load("mps2-an385"),
        BoardWiring.console(console).withSerial(1, second), t);
    t.store(0x40005008, 0x1);
    t.store(0x40005000, '1');
    t.store(0x40006008, 0x1);
    t.store(0x40006000, '2');
    assertEquals("1", second.outputText());
    assertEquals("", console.outputText());
    assertSame(NullBackend.INSTANCE, a.serialPorts().get(2).backend());
  }

  @Test
  void macOverrideReachesDeviceModels() {
    byte[] mac = {0x02, 0, 0, 0, 0, 0x42};
    List<byte[]> seen = new ArrayList<>();
    BoardWiring wiring = BoardWiring.none().withMac(mac).withDeviceModel("lan9118", c -> {
      seen.add(c.wiring().mac().orElseThrow());
      c.irq("irq");
      return new NullDevice();
    });
    BoardBuilder.assemble(BoardCatalog.standard().load("mps2-an385"), wiring,
        new RecordingTarget());
    assertEquals(1, seen.size());
    assertArrayEquals(mac, seen.get(0));
  }

  @Test
  void unknownDevicePropertyIsRefusedWithItsField() {
    BoardDescription board = BoardParser.parse("t.yaml", """
        name: t
        cpu: {model: cortex-m3, clock-hz: 25000000, external-irqs: 8, priority-bits: 3}
        devices:
          - {name: u, type: cmsdk-apb-uart, base: 0x40004000, size: 4K,
             properties: {pclk-hz: 25000000, baud: 9600}}
        """);
    BoardException e = assertThrows(BoardException.class,
        () -> BoardBuilder.assemble(board, BoardWiring.none(), new RecordingTarget()));
    assertEquals("t.yaml: devices[0].properties.baud: unknown property for cmsdk-apb-uart",
        e.getMessage());
  }

  @Test
  void unknownDeviceTypeIsRefusedUnlessPlaceholder() {
    BoardDescription board = BoardParser.parse("t.yaml", """
        name: t
        cpu: {model: cortex-m3, clock-hz: 25000000, external-irqs: 8, priority-bits: 3}
        devices:
          - {name: x, type: flux-capacitor, base: 0x40004000, size: 4K}
        """);
    BoardException e = assertThrows(BoardException.class,
        () -> BoardBuilder.assemble(board, BoardWiring.none(), new RecordingTarget()));
    assertTrue(e.getMessage().startsWith(
        "t.yaml: devices[0].type: unknown device type 'flux-capacitor'"), e.getMessage());
  }

  @Test
  void clockThatDoesNotDivideTheCoreClockIsRefused() {
    BoardDescription board = BoardParser.parse("t.yaml", """
        name: t
        cpu: {model: cortex-m3, clock-hz: 25000000, external-irqs: 8, priority-bits: 3}
        devices:
          - {name: t0, type: cmsdk-apb-timer, base: 0x40000000, size: 4K,
             properties: {pclk-hz: 7000000}}
        """);
    BoardException e = assertThrows(BoardException.class,
        () -> BoardBuilder.assemble(board, BoardWiring.none(), new RecordingTarget()));
    assertEquals("t.yaml: devices[0].properties.pclk-hz: 7000000 Hz does not divide the "
        + "25000000 Hz core clock", e.getMessage());
  }

  private void overrun(long uartBase) {
    // TX disabled, TXO interrupt enabled: the second byte overruns the waiting first one.
    target.store(uartBase + 0x8, 0x10);
    target.store(uartBase, 'a');
    target.store(uartBase, 'b');
  }

  private void runTo(long t) {
    while (target.scheduler.nextDeadline() <= t) {
      target.clock.advanceTo(target.scheduler.nextDeadline());
      target.scheduler.runDue();
    }
    target.clock.advanceTo(t);
  }

  /** A device with no registers, standing in for a model supplied by another part. */
  private static final class NullDevice implements MmioDevice {
    @Override
    public int read(int offset, int size) {
      return 0;
    }

    @Override
    public void write(int offset, int size, int value) { }

    @Override
    public void reset() { }
  }
}
