package dev.vboard.emulator.board;

import dev.vboard.emulator.board.BoardDescription.Cpu;
import dev.vboard.emulator.board.BoardDescription.Device;
import dev.vboard.emulator.board.BoardDescription.IrqCombiner;
import dev.vboard.emulator.board.BoardDescription.Memory;
import dev.vboard.emulator.board.BoardDescription.MemoryKind;
import dev.vboard.emulator.board.BoardDescription.Region;
import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.loader.MemoryRange;
import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.machine.MachineConfig;
import dev.vboard.emulator.peripheral.CmsdkApbUart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link BoardDescription} into a running-ready {@link Board}, as one linear script:
 * CPU, memory, interrupt combiners, devices and placeholders, the unimplemented remainder of
 * the map, and the image hooks (what the loader may fill). Devices are reset through
 * {@link Machine#addResetListener}, so a SYSRESETREQ resets them like the board's reset line.
 */
public final class BoardBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BoardBuilder.class);

  private BoardBuilder() { }

  /** What assembly produced, besides the mappings themselves. */
  record Assembly(Map<String, MmioDevice> devices, Map<Integer, CmsdkApbUart> serialPorts,
      List<MemoryRange> loadableMemory) { }

  /**
   * Builds the machine and everything on it.
   *
   * @throws BoardException when the description asks for something that cannot be built (the
   *     message names the file and field)
   */
  public static Board build(BoardDescription board, BoardWiring wiring) {
    Machine machine = new Machine(machineConfig(board.cpu()));
    try {
      return new Board(board, machine, assemble(board, wiring, BoardTarget.of(machine)));
    } catch (RuntimeException e) {
      machine.close();
      throw e;
    }
  }

  static MachineConfig machineConfig(Cpu cpu) {
    return new MachineConfig(cpu.model(), cpu.clockHz(), cpu.externalIrqs(), cpu.priorityBits());
  }

  // ---- the script -----------------------------------------------------------------------------

  static Assembly assemble(BoardDescription board, BoardWiring wiring, BoardTarget target) {
    MemoryMap claimed = new MemoryMap();
    List<MemoryRange> loadable = mapMemory(board, target, claimed);
    Map<String, OrIrq> combiners = combiners(board, target);
    Map<String, MmioDevice> devices = new LinkedHashMap<>();
    Map<Integer, CmsdkApbUart> serialPorts = new HashMap<>();
    for (int i = 0; i < board.devices().size(); i++) {
      MmioDevice device = buildDevice(board, i, wiring, target, combiners, serialPorts);
      mapDevice(board, board.devices().get(i), device, target, claimed, devices);
    }
    mapUnimplementedRemainder(board, target, claimed);
    return new Assembly(devices, serialPorts, loadable);
  }

  /** RAM and ROM first; mirrors and bit-band aliases then view them. Returns the loadable part. */
  private static List<MemoryRange> mapMemory(BoardDescription board, BoardTarget target,
      MemoryMap claimed) {
    List<MemoryRange> loadable = new ArrayList<>();
    for (Memory m : board.memory()) {
      switch (m.kind()) {
        case RAM -> target.mapRam(m.name(), m.base(), m.size());
        case ROM -> target.mapRom(m.name(), m.base(), m.size());
        case ALIAS -> target.mapAlias(m.name(), m.base(), m.size(), m.target());
        case BITBAND -> target.mapMmio(m.name(), m.base(), m.size(),
            new BitBand(claimed.bitBandBus(target.memory()), m.target()));
        default -> throw new AssertionError(m.kind());
      }
      // Images load into the memory itself, not through its mirrors: an image that runs past
      // the end of RAM into a mirror of it is refused as too large.
      if (m.kind() == MemoryKind.RAM || m.kind() == MemoryKind.ROM) {
        loadable.add(new MemoryRange(m.name(), m.base(), m.size()));
      }
      claimed.add(m.base(), m.end(), null);
    }
    return loadable;
  }

  /**
   * Maps a built device (reset with the machine) or, for a placeholder without a model, an
   * unimplemented region. A device smaller than a page gets the whole page (Unicorn maps pages):
   * where an unimplemented region of the board lies behind the rest of the page, as in QEMU
   * the offsets the device lacks read as zero (logged as guest errors); where nothing does,
   * they are bus errors, as QEMU's unassigned space is.
   */
  private static void mapDevice(BoardDescription board, Device spec, MmioDevice device,
      BoardTarget target, MemoryMap claimed, Map<String, MmioDevice> devices) {
    long size = BoardValidator.mappedSize(spec.size());
    if (device == null) {
      target.mapUnimplemented(spec.name(), spec.base(), size);
    } else {
      boolean backed = board.unimplemented().stream().anyMatch(
          r -> r.base() <= spec.base() + spec.size() && spec.base() + size <= r.end());
      target.mapMmio(spec.name(), spec.base(), backed ? size : spec.size(), device);
      target.addResetListener(device::reset);
      devices.put(spec.name(), device);
    }
    claimed.add(spec.base(), spec.base() + size, device);
  }

  private static Map<String, OrIrq> combiners(BoardDescription board, BoardTarget target) {
    Map<String, OrIrq> combiners = new HashMap<>();
    for (IrqCombiner c : board.irqCombiners()) {
      combiners.put(c.name(), new OrIrq(target.irq(c.irq())));
    }
    return combiners;
  }

  /** The model for devices[i], or null for a placeholder whose model is not available. */
  private static MmioDevice buildDevice(BoardDescription board, int index, BoardWiring wiring,
      BoardTarget target, Map<String, OrIrq> combiners, Map<Integer, CmsdkApbUart> serialPorts) {
    Device spec = board.devices().get(index);
    String field = "devices[" + index + "]";
    DeviceFactory supplied = wiring.model(spec.type());
    DeviceFactory factory = supplied != null ? supplied : DeviceTypes.builtIn(spec.type());
    if (factory == null) {
      if (spec.placeholder()) {
        LOG.trace("{}: no {} model, mapped as unimplemented", spec.name(), spec.type());
        return null;
      }
      throw new BoardException(board.source() + ": " + field + ".type: unknown device type '"
          + spec.type() + "' (mark it placeholder: true to reserve its region)");
    }
    DeviceContext context = new DeviceContext(spec, field, board.source(), target.scheduler(),
        ref -> resolveIrq(ref, target, combiners), wiring, serialPorts);
    MmioDevice device;
    try {
      device = factory.create(context);
    } catch (IllegalArgumentException e) {
      throw new BoardException(board.source() + ": " + field + ": " + e.getMessage(), e);
    }
    if (supplied == null) {
      // Built-in models must consume every property and output the file names (typos); a
      // model supplied by the embedder may deliberately ignore some, e.g. the board's MAC.
      context.checkAllUsed();
    }
    return device;
  }

  /**
   * A line number goes to that NVIC input, "nmi" to the NMI, "sysreset" to the system reset
   * request, a name to a new OR gate input.
   */
  private static IrqLine resolveIrq(String ref, BoardTarget target, Map<String, OrIrq> combiners) {
    if (ref.equals(BoardDescription.NMI)) {
      return target.nmi();
    }
    if (ref.equals(BoardDescription.SYSRESET)) {
      return target.systemReset();
    }
    OrIrq gate = combiners.get(ref);
    return gate != null ? gate.newInput() : target.irq(Integer.parseInt(ref));
  }

  /** Unimplemented regions minus everything mapped above (lower precedence, as in QEMU). */
  private static void mapUnimplementedRemainder(BoardDescription board, BoardTarget target,
      MemoryMap claimed) {
    for (Region r : board.unimplemented()) {
      for (long[] piece : claimed.uncovered(r.base(), r.end())) {
        target.mapUnimplemented(r.name(), piece[0], piece[1] - piece[0]);
      }
    }
  }
}
