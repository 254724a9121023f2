package dev.vboard.emulator.machine;

import dev.vboard.emulator.arm.SystemBus;
import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.unicorn.UcConst;
import dev.vboard.emulator.unicorn.Unicorn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The 4 GiB physical address space of one machine: RAM and ROM in Unicorn's memory, peripherals
 * as MMIO callbacks, and catch-all regions over every gap so that a stray access becomes a
 * precise BusFault instead of an engine abort. The page at 0xFFFFF000 stays unmapped: a branch
 * to an EXC_RETURN value must fault there for the exception model to see it.
 *
 * <p>Also the host's view of guest memory ({@link GuestMemory}) and the core's view for
 * stacking and vector reads ({@link SystemBus}).
 */
final class AddressSpace implements GuestMemory, SystemBus {
  static final long PAGE = 0x1000;
  /** End of what the catch-all regions cover: the EXC_RETURN page above stays unmapped. */
  static final long COVER_END = 0xfffff000L;
  private static final long SPACE_END = 0x1_0000_0000L;

  enum Kind { RAM, ROM, MMIO }

  record Region(String name, long base, long size, Kind kind, MmioDevice device) {
    long end() {
      return base + size;
    }

    boolean contains(long address) {
      return address >= base && address < end();
    }
  }

  /**
   * Maps RAM ({@code writable}) or ROM, and second views of it, into the engine. The core does
   * it, as its native exception and sleep paths must know where plain memory is
   * ({@code CpuCore#mapMemory}, {@code CpuCore#mapAlias}).
   */
  interface MemoryMapper {
    void map(long base, long size, boolean writable);

    void alias(long base, long size, long target);
  }

  private final Unicorn uc;
  private final IntConsumer abortAccess;
  private final Runnable codeChanged;
  private final MemoryMapper memoryMapper;
  private final List<Region> regions = new ArrayList<>();
  private final List<long[]> catchAll = new ArrayList<>();
  private boolean sealed;
  /** The region {@link #find} returned last (regions are never removed). */
  private Region lastFound;

  AddressSpace(Unicorn uc, IntConsumer abortAccess, Runnable codeChanged,
      MemoryMapper memoryMapper) {
    this.uc = uc;
    this.abortAccess = abortAccess;
    this.codeChanged = codeChanged;
    this.memoryMapper = memoryMapper;
  }

  // ---- building the map ----

  void mapRam(String name, long base, long size) {
    add(new Region(name, base, pageSize(base, size), Kind.RAM, null));
  }

  void mapRom(String name, long base, long size) {
    add(new Region(name, base, pageSize(base, size), Kind.ROM, null));
  }

  /**
   * Maps [base, base + size) as a second view of the RAM or ROM at [target, target + size), as
   * QEMU's memory region aliases (AN385's mirrors): the same bytes, and code runs from it too.
   */
  void mapAlias(String name, long base, long size, long target) {
    Region of = find(target);
    if (of == null || of.kind() == Kind.MMIO || target + size > of.end()) {
      throw new IllegalArgumentException(String.format(
          "%s at 0x%x+0x%x: 0x%x is not inside one RAM or ROM region", name, base, size, target));
    }
    add(new Region(name, base, pageSize(base, size), of.kind(), null),
        () -> memoryMapper.alias(base, pageSize(base, size), target));
  }

  /**
   * Maps a device over [base, base + size), rounded up to whole pages as Unicorn needs. When
   * {@code size} is not a page multiple, the rest of the last page is a bus error, as unmapped
   * space is (the caller maps a whole page instead where something else lies behind it).
   */
  void mapMmio(String name, long base, long size, MmioDevice device) {
    long mapped = pageSize(base, size);
    MmioDevice decoded = mapped == size ? device : new PageTail(device, base, size, abortAccess);
    add(new Region(name, base, mapped, Kind.MMIO, decoded));
  }

  private static long pageSize(long base, long size) {
    if (base % PAGE != 0) {
      throw new IllegalArgumentException(String.format("0x%x is not 4 KiB aligned", base));
    }
    if (size <= 0 || base + size > SPACE_END) {
      throw new IllegalArgumentException(String.format("bad region 0x%x+0x%x", base, size));
    }
    // Unicorn maps whole pages; a device smaller than a page sees (and logs) the extra offsets.
    return (size + PAGE - 1) / PAGE * PAGE;
  }

  private void add(Region r) {
    add(r, () -> {
      switch (r.kind()) {
        case RAM:
          memoryMapper.map(r.base(), r.size(), true);
          break;
        case ROM:
          memoryMapper.map(r.base(), r.size(), false);
          break;
        default:
          MmioBridge bridge = new MmioBridge(r.name(), r.base(), r.device());
          uc.mmioMap(r.base(), r.size(), bridge, bridge);
      }
    });
  }

  /** Adds {@code r} to the map, {@code mapIntoEngine} doing the engine's side. */
  private void add(Region r, Runnable mapIntoEngine) {
    for (Region o : regions) {
      if (r.base() < o.end() && o.base() < r.end()) {
        throw new IllegalArgumentException(String.format(
            "%s at 0x%x+0x%x overlaps %s", r.name(), r.base(), r.size(), o.name()));
      }
    }
    boolean wasSealed = sealed;
    if (wasSealed) {
      unseal();
    }
    mapIntoEngine.run();
    regions.add(r);
    regions.sort(Comparator.comparingLong(Region::base));
    if (wasSealed) {
      seal();
    }
  }

  /** Covers every gap below {@link #COVER_END} with a catch-all region. Idempotent. */
  void seal() {
    if (sealed) {
      return;
    }
    long at = 0;
    for (Region r : regions) {
      if (r.base() >= COVER_END) {
        break;
      }
      if (r.base() > at) {
        mapCatchAll(at, r.base());
      }
      at = Math.max(at, r.end());
    }
    if (at < COVER_END) {
      mapCatchAll(at, COVER_END);
    }
    sealed = true;
  }

  private void mapCatchAll(long from, long to) {
    CatchAllDevice device = new CatchAllDevice(from, abortAccess);
    MmioBridge bridge = new MmioBridge("unmapped", from, device);
    uc.mmioMap(from, to - from, bridge, bridge);
    catchAll.add(new long[] {from, to});
  }

  private void unseal() {
    for (long[] c : catchAll) {
      uc.memUnmap(c[0], c[1] - c[0]);
    }
    catchAll.clear();
    sealed = false;
  }

  private Region find(long address) {
    Region last = lastFound;
    if (last != null && last.contains(address)) {
      return last; // the core's accesses come in runs on one stack or vector table
    }
    for (Region r : regions) {
      if (r.contains(address)) {
        lastFound = r;
        return r;
      }
    }
    return null;
  }

  // ---- GuestMemory: host access to RAM and ROM ----

  @Override
  public byte[] read(long address, int length) {
    requireMemory(address, length);
    return uc.memRead(address, length);
  }

  @Override
  public void write(long address, byte[] data) {
    requireMemory(address, data.length);
    if (data.length == 0) {
      return;
    }
    uc.memWrite(address, data); // Unicorn lifts write protection for host writes
    codeChanged.run();
  }

  private void requireMemory(long address, int length) {
    long at = address;
    long end = address + length;
    while (at < end) {
      Region r = find(at);
      if (r == null || r.kind() == Kind.MMIO) {
        throw new GuestAccessException(at, r == null ? "not mapped" : "not memory: " + r.name());
      }
      at = r.end();
    }
  }

  // ---- SystemBus: the core's own accesses ----

  @Override
  public long read32(int address) {
    long a = address & 0xffffffffL;
    Region r = find(a);
    if (r == null || (a & 3) != 0) {
      return -1;
    }
    if (r.kind() == Kind.MMIO) {
      return r.device().read((int) (a - r.base()), 4) & 0xffffffffL;
    }
    return uc.tryRead32(a);
  }

  @Override
  public boolean write32(int address, int value) {
    long a = address & 0xffffffffL;
    Region r = find(a);
    if (r == null || (a & 3) != 0 || r.kind() == Kind.ROM) {
      return false;
    }
    if (r.kind() == Kind.MMIO) {
      r.device().write((int) (a - r.base()), 4, value);
      return true;
    }
    return uc.tryWrite32(a, value);
  }
}
