package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A board target without a CPU: records every mapping, keeps RAM in sparse 4K pages, routes
 * bus accesses to mapped devices and remembers NVIC line levels.
 */
final class RecordingTarget implements BoardTarget {
  enum Kind { RAM, ROM, ALIAS, MMIO, UNIMPLEMENTED }

  /** One mapping; {@code target} is where an ALIAS shows memory from (0 otherwise). */
  record Mapping(Kind kind, String name, long base, long size, MmioDevice device, long target) {
    Mapping(Kind kind, String name, long base, long size, MmioDevice device) {
      this(kind, name, base, size, device, 0);
    }

    long end() {
      return base + size;
    }
  }

  final VirtualClock clock = new VirtualClock(25_000_000);
  final Scheduler scheduler = new Scheduler(clock);
  final List<Mapping> mappings = new ArrayList<>();
  final List<Runnable> resetListeners = new ArrayList<>();
  final Map<Integer, Boolean> nvic = new HashMap<>();
  private final Map<Long, byte[]> pages = new HashMap<>();

  private final GuestMemory memory = new GuestMemory() {
    @Override
    public byte[] read(long address, int length) {
      byte[] out = new byte[length];
      for (int i = 0; i < length; i++) {
        out[i] = page(address + i)[(int) ((address + i) & 0xfff)];
      }
      return out;
    }

    @Override
    public void write(long address, byte[] data) {
      for (int i = 0; i < data.length; i++) {
        page(address + i)[(int) ((address + i) & 0xfff)] = data[i];
      }
    }
  };

  private byte[] page(long address) {
    for (Mapping m : mappings) {
      if (m.kind() == Kind.ALIAS && address >= m.base() && address < m.end()) {
        address = m.target() + (address - m.base());
        break;
      }
    }
    long at = address;
    boolean ram = mappings.stream().anyMatch(m -> (m.kind() == Kind.RAM || m.kind() == Kind.ROM)
        && at >= m.base() && at < m.end());
    if (!ram) {
      throw new GuestAccessException(at, "not RAM");
    }
    return pages.computeIfAbsent(at >>> 12, k -> new byte[4096]);
  }

  /** The mapping containing {@code address}, or null. */
  Mapping at(long address) {
    return mappings.stream().filter(m -> address >= m.base() && address < m.end())
        .findFirst().orElse(null);
  }

  /** A 32-bit guest load through the recorded map. */
  int load(long address) {
    Mapping m = at(address);
    if (m.device() != null) {
      return m.device().read((int) (address - m.base()), 4);
    }
    return memory.readWord(address);
  }

  /** A 32-bit guest store through the recorded map. */
  void store(long address, int value) {
    Mapping m = at(address);
    if (m.device() != null) {
      m.device().write((int) (address - m.base()), 4, value);
    } else {
      memory.writeWord(address, value);
    }
  }

  boolean irqLevel(int n) {
    return nvic.getOrDefault(n, false);
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public GuestMemory memory() {
    return memory;
  }

  @Override
  public IrqLine irq(int n) {
    return level -> nvic.put(n, level);
  }

  /** NMI level, recorded like an NVIC line. */
  boolean nmiLevel;

  /** How many times the NMI input was driven high (each pends NMI). */
  int nmiHighDrives;

  @Override
  public IrqLine nmi() {
    return level -> {
      nmiLevel = level;
      if (level) {
        nmiHighDrives++;
      }
    };
  }

  /** How many times the system reset request was driven high. */
  int systemResetRequests;

  @Override
  public IrqLine systemReset() {
    return level -> {
      if (level) {
        systemResetRequests++;
      }
    };
  }

  @Override
  public void mapRam(String name, long base, long size) {
    mappings.add(new Mapping(Kind.RAM, name, base, size, null));
  }

  @Override
  public void mapRom(String name, long base, long size) {
    mappings.add(new Mapping(Kind.ROM, name, base, size, null));
  }

  @Override
  public void mapAlias(String name, long base, long size, long target) {
    mappings.add(new Mapping(Kind.ALIAS, name, base, size, null, target));
  }

  @Override
  public void mapMmio(String name, long base, long size, MmioDevice device) {
    mappings.add(new Mapping(Kind.MMIO, name, base, size, device));
  }

  @Override
  public void mapUnimplemented(String name, long base, long size) {
    mappings.add(new Mapping(Kind.UNIMPLEMENTED, name, base, size, null));
  }

  @Override
  public void addResetListener(Runnable listener) {
    resetListeners.add(listener);
  }
}
