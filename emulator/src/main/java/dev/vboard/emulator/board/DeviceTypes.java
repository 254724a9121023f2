package dev.vboard.emulator.board;

import dev.vboard.emulator.peripheral.ArmSbconI2c;
import dev.vboard.emulator.peripheral.CmsdkApbDualTimer;
import dev.vboard.emulator.peripheral.CmsdkApbTimer;
import dev.vboard.emulator.peripheral.CmsdkApbUart;
import dev.vboard.emulator.peripheral.CmsdkApbWatchdog;
import dev.vboard.emulator.peripheral.Mps2FpgaIo;
import dev.vboard.emulator.peripheral.Mps2Scc;
import dev.vboard.emulator.peripheral.Pl022;
import dev.vboard.emulator.peripheral.lan9118.EthernetPort;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import dev.vboard.emulator.serial.NullBackend;
import java.util.List;
import java.util.Map;

/**
 * The device models built into the emulator, by the {@code type} a board file gives them. The
 * property and interrupt output names are the ones each factory reads here.
 */
final class DeviceTypes {
  private DeviceTypes() { }

  private static final Map<String, DeviceFactory> BUILT_IN = Map.of(
      "cmsdk-apb-uart", DeviceTypes::uart,
      "cmsdk-apb-timer", DeviceTypes::timer,
      "cmsdk-apb-dualtimer", DeviceTypes::dualTimer,
      "mps2-fpgaio", DeviceTypes::fpgaIo,
      "mps2-scc", DeviceTypes::scc,
      "cmsdk-apb-watchdog", DeviceTypes::watchdog,
      "lan9118", DeviceTypes::lan9118,
      "pl022", DeviceTypes::pl022,
      "arm-sbcon-i2c", DeviceTypes::sbconI2c);

  /** The built-in factory for {@code type}, or null. */
  static DeviceFactory builtIn(String type) {
    return BUILT_IN.get(type);
  }

  /** Properties: serial (port index), pclk-hz. Outputs: tx, rx, txovr, rxovr, uart. */
  private static CmsdkApbUart uart(DeviceContext c) {
    int serial = c.intProperty("serial", -1);
    CmsdkApbUart uart = new CmsdkApbUart(c.name(), c.scheduler(), pclk(c, "pclk-hz"),
        serial < 0 ? NullBackend.INSTANCE : c.wiring().serial(serial),
        new CmsdkApbUart.Lines(c.irq("tx"), c.irq("rx"), c.irq("txovr"), c.irq("rxovr"),
            c.irq("uart")));
    if (serial >= 0) {
      c.exposeSerialPort(serial, uart);
    }
    return uart;
  }

  /** Properties: pclk-hz. Output: timerint. */
  private static CmsdkApbTimer timer(DeviceContext c) {
    return new CmsdkApbTimer(c.name(), c.scheduler(), pclk(c, "pclk-hz"), c.irq("timerint"));
  }

  /** Properties: timclk-hz. Outputs: timint1, timint2, timintc. */
  private static CmsdkApbDualTimer dualTimer(DeviceContext c) {
    return new CmsdkApbDualTimer(c.name(), c.scheduler(), pclk(c, "timclk-hz"),
        c.irq("timint1"), c.irq("timint2"), c.irq("timintc"));
  }

  /** Properties: wdogclk-hz. Outputs: wdogint, wdogres. */
  private static CmsdkApbWatchdog watchdog(DeviceContext c) {
    return new CmsdkApbWatchdog(c.name(), c.scheduler(), pclk(c, "wdogclk-hz"), c.irq("wdogint"),
        c.irq("wdogres"));
  }

  /**
   * Properties: mac (the EEPROM's address; {@link BoardWiring#withMac} overrides it). Output:
   * irq. The cable starts unplugged from any network ({@link EthernetPort#DISCONNECTED});
   * the network side connects it with {@link Lan9118#setPort}, or supplies its own model
   * through {@link BoardWiring#withDeviceModel}.
   */
  private static Lan9118 lan9118(DeviceContext c) {
    MacAddress mac;
    try {
      mac = c.wiring().mac().map(MacAddress::of)
          .orElse(MacAddress.parse(c.stringProperty("mac", "52:54:00:12:34:56")));
    } catch (IllegalArgumentException e) {
      throw c.error("mac", e.getMessage());
    }
    return new Lan9118(c.name(), c.scheduler(), mac, c.irq("irq"), EthernetPort.DISCONNECTED);
  }

  /** No properties. Output: sspintr. Nothing is attached to its SPI bus. */
  private static Pl022 pl022(DeviceContext c) {
    return new Pl022(c.name(), c.irq("sspintr"));
  }

  /** No properties, no outputs. Nothing is attached to its I2C bus. */
  private static ArmSbconI2c sbconI2c(DeviceContext c) {
    return new ArmSbconI2c(c.name());
  }

  /** Properties: prescale-clk-hz, num-leds, has-switches, has-dbgctrl. No outputs. */
  private static Mps2FpgaIo fpgaIo(DeviceContext c) {
    Mps2FpgaIo.Config config = new Mps2FpgaIo.Config(
        pclk(c, "prescale-clk-hz"),
        c.intProperty("num-leds", 2),
        c.booleanProperty("has-switches", false),
        c.booleanProperty("has-dbgctrl", false));
    return new Mps2FpgaIo(c.name(), c.scheduler().clock(), config);
  }

  /** Properties: scc-id, scc-aid, scc-cfg4, scc-cfg0, oscclk (list). No outputs. */
  private static Mps2Scc scc(DeviceContext c) {
    Mps2Scc.Config config = new Mps2Scc.Config(
        (int) c.requiredLong("scc-id"),
        c.intProperty("scc-aid", 0),
        c.intProperty("scc-cfg4", 0),
        c.intProperty("scc-cfg0", 0),
        c.intListProperty("oscclk", List.of()));
    return new Mps2Scc(c.name(), config);
  }

  /** A peripheral clock, defaulting to the core clock; it must divide the core clock. */
  private static long pclk(DeviceContext c, String key) {
    long core = c.scheduler().clock().hz();
    long hz = c.longProperty(key, core);
    if (hz <= 0 || hz > core || core % hz != 0) {
      throw c.error(key, hz + " Hz does not divide the " + core + " Hz core clock");
    }
    return hz;
  }
}
