package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.loader.MemoryRange;
import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.peripheral.CmsdkApbUart;
import java.util.List;
import java.util.Map;

/**
 * A built board: the machine plus handles on its devices, for the CLI, the image loader and
 * tests. Closing it closes the machine and flushes the serial backends.
 */
public final class Board implements AutoCloseable {
  private final BoardDescription description;
  private final Machine machine;
  private final Map<String, MmioDevice> devices;
  private final Map<Integer, CmsdkApbUart> serialPorts;
  private final List<MemoryRange> loadableMemory;

  Board(BoardDescription description, Machine machine, BoardBuilder.Assembly assembly) {
    this.description = description;
    this.machine = machine;
    this.devices = Map.copyOf(assembly.devices());
    this.serialPorts = Map.copyOf(assembly.serialPorts());
    this.loadableMemory = List.copyOf(assembly.loadableMemory());
  }

  public BoardDescription description() {
    return description;
  }

  public Machine machine() {
    return machine;
  }

  /** The UART on serial port {@code port} (UARTn on AN385). */
  public CmsdkApbUart uart(int port) {
    CmsdkApbUart uart = serialPorts.get(port);
    if (uart == null) {
      throw new IllegalArgumentException(description.name() + " has no serial port " + port);
    }
    return uart;
  }

  /** The implemented device called {@code name} in the board file. */
  public <T extends MmioDevice> T device(String name, Class<T> type) {
    MmioDevice d = devices.get(name);
    if (d == null) {
      throw new IllegalArgumentException(description.name() + " has no modelled device " + name);
    }
    return type.cast(d);
  }

  /** RAM and ROM regions an image may be loaded into (mirrors excluded). */
  public List<MemoryRange> loadableMemory() {
    return loadableMemory;
  }

  /** Where a raw binary image is placed. */
  public long rawImageBase() {
    return description.image().rawBase();
  }

  @Override
  public void close() {
    try {
      serialPorts.values().forEach(u -> u.backend().flush());
    } finally {
      machine.close();
    }
  }
}
