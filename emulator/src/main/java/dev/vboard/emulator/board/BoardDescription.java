package dev.vboard.emulator.board;

import java.util.List;
import java.util.Map;

/**
 * A board as data: what {@code boards/<name>/board.yaml} says, validated. The builder turns it
 * into a machine; nothing here touches a machine. Field names mirror the YAML keys (kebab-case
 * in the file, camelCase here).
 *
 * @param name the board's name, which is also its directory name
 * @param description one line for humans
 * @param source where it was read from (file path or classpath resource), for messages
 * @param cpu core model, clock and NVIC shape
 * @param memory RAM, ROM, alias and bit-band regions
 * @param image where raw images are loaded
 * @param irqCombiners OR gates that merge several outputs into one NVIC line
 * @param devices peripherals, implemented or placeholders
 * @param unimplemented regions known on the board but not modelled; lowest precedence
 */
public record BoardDescription(
    String name,
    String description,
    String source,
    Cpu cpu,
    List<Memory> memory,
    Image image,
    List<IrqCombiner> irqCombiners,
    List<Device> devices,
    List<Region> unimplemented) {

  /** The interrupt reference that names the core's NMI input instead of an NVIC line. */
  public static final String NMI = "nmi";

  /**
   * The reference that names the system reset request instead of an interrupt line: a high
   * level resets the board as AIRCR.SYSRESETREQ does (a device's reset-request output).
   */
  public static final String SYSRESET = "sysreset";

  public BoardDescription {
    memory = List.copyOf(memory);
    irqCombiners = List.copyOf(irqCombiners);
    devices = List.copyOf(devices);
    unimplemented = List.copyOf(unimplemented);
  }

  /** The core, as {@link dev.vboard.emulator.machine.MachineConfig} needs it. */
  public record Cpu(String model, long clockHz, int externalIrqs, int priorityBits) { }

  /** Kinds of memory region. */
  public enum MemoryKind {
    /** Guest-writable RAM, zero at power-on. */
    RAM,
    /** Read/execute memory filled by the loader. */
    ROM,
    /** A second view of the memory at {@code target} (a mirror). */
    ALIAS,
    /** A Cortex-M bit-band alias: one word per bit of the region at {@code target}. */
    BITBAND
  }

  /** One memory region; {@code target} is used by ALIAS and BITBAND only. */
  public record Memory(String name, MemoryKind kind, long base, long size, long target) {
    public long end() {
      return base + size;
    }
  }

  /** Where images without addresses of their own (raw binaries) are placed. */
  public record Image(long rawBase) { }

  /** An OR gate driving NVIC line {@code irq}; devices name it instead of a line number. */
  public record IrqCombiner(String name, int irq) { }

  /**
   * One peripheral.
   *
   * @param irqs output name (as the device's datasheet names it) to an NVIC line number, the
   *     name of an {@link IrqCombiner}, {@code nmi} or {@code sysreset}
   * @param properties device-specific settings (clocks, IDs), checked by the device's factory
   * @param placeholder when no model of {@code type} is available, map the region as
   *     unimplemented instead of failing
   */
  public record Device(String name, String type, long base, long size, Map<String, String> irqs,
      Map<String, Object> properties, boolean placeholder) {
    public Device {
      irqs = Map.copyOf(irqs);
      properties = Map.copyOf(properties);
    }

    public long end() {
      return base + size;
    }
  }

  /** A named address range. */
  public record Region(String name, long base, long size) {
    public long end() {
      return base + size;
    }
  }

  /** The device called {@code deviceName}, or null. */
  public Device device(String deviceName) {
    return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst().orElse(null);
  }
}
