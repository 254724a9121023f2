package dev.vboard.emulator.board;

import dev.vboard.emulator.board.BoardDescription.Device;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.peripheral.CmsdkApbUart;
import dev.vboard.emulator.time.Scheduler;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a {@link DeviceFactory} may use: the device's board-file entry (properties are read
 * through typed getters that name the field on error), the machine's scheduler, resolved
 * interrupt outputs and the board wiring. Every property and interrupt output the entry names
 * must be asked for by the factory, otherwise the builder reports it as unknown (a typo).
 */
public final class DeviceContext {
  private final Device spec;
  private final String field;
  private final String file;
  private final Scheduler scheduler;
  private final Function<String, IrqLine> irqResolver;
  private final BoardWiring wiring;
  private final Map<Integer, CmsdkApbUart> serialPorts;
  private final Set<String> usedProperties = new HashSet<>();
  private final Set<String> usedIrqs = new HashSet<>();

  DeviceContext(Device spec, String field, String file, Scheduler scheduler,
      Function<String, IrqLine> irqResolver, BoardWiring wiring,
      Map<Integer, CmsdkApbUart> serialPorts) {
    this.spec = spec;
    this.field = field;
    this.file = file;
    this.scheduler = scheduler;
    this.irqResolver = irqResolver;
    this.wiring = wiring;
    this.serialPorts = serialPorts;
  }

  public String name() {
    return spec.name();
  }

  public Device spec() {
    return spec;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public BoardWiring wiring() {
    return wiring;
  }

  /** The wire for output {@code output}; unconnected when the board file does not wire it. */
  public IrqLine irq(String output) {
    usedIrqs.add(output);
    String ref = spec.irqs().get(output);
    return ref == null ? IrqLine.UNCONNECTED : irqResolver.apply(ref);
  }

  public long longProperty(String key, long otherwise) {
    usedProperties.add(key);
    Object v = spec.properties().get(key);
    return v == null ? otherwise : number(key, v);
  }

  public int intProperty(String key, int otherwise) {
    long v = longProperty(key, otherwise);
    if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
      throw error(key, "out of 32-bit range: " + v);
    }
    return (int) v;
  }

  /** A required numeric property. */
  public long requiredLong(String key) {
    if (!spec.properties().containsKey(key)) {
      usedProperties.add(key);
      throw error(key, "missing");
    }
    return longProperty(key, 0);
  }

  public String stringProperty(String key, String otherwise) {
    usedProperties.add(key);
    Object v = spec.properties().get(key);
    if (v instanceof List<?>) {
      throw error(key, "expected a single value");
    }
    return v == null ? otherwise : v.toString();
  }

  public boolean booleanProperty(String key, boolean otherwise) {
    usedProperties.add(key);
    Object v = spec.properties().get(key);
    if (v == null) {
      return otherwise;
    }
    return switch (v.toString()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "expected true or false, not '" + v + "'");
    };
  }

  /** A list of 32-bit numbers. */
  public List<Integer> intListProperty(String key, List<Integer> otherwise) {
    usedProperties.add(key);
    Object v = spec.properties().get(key);
    if (v == null) {
      return otherwise;
    }
    if (!(v instanceof List<?> list)) {
      throw error(key, "expected a list");
    }
    return list.stream().map(x -> (int) number(key, x)).toList();
  }

  /** Makes a UART reachable as {@link Board#uart(int)}. */
  public void exposeSerialPort(int index, CmsdkApbUart uart) {
    if (serialPorts.putIfAbsent(index, uart) != null) {
      throw error("serial", "serial port " + index + " is already taken");
    }
  }

  /** A one-line error about {@code property} of this device. */
  public BoardException error(String property, String message) {
    return new BoardException(file + ": " + field + ".properties." + property + ": " + message);
  }

  void checkAllUsed() {
    for (String key : spec.properties().keySet()) {
      if (!usedProperties.contains(key)) {
        throw error(key, "unknown property for " + spec.type());
      }
    }
    for (String output : spec.irqs().keySet()) {
      if (!usedIrqs.contains(output)) {
        throw new BoardException(file + ": " + field + ".irqs." + output
            + ": " + spec.type() + " has no interrupt output of that name");
      }
    }
  }

  private long number(String key, Object v) {
    try {
      return Numbers.parse(v.toString());
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(key, "not a number: '" + v + "'");
    }
  }
}
