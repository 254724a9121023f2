package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.peripheral.GuestError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The builder's record of what it has mapped so far: used to give unimplemented regions only
 * the gaps (so they never overlap a real mapping), and to route bit-band accesses to either
 * RAM or the device that owns an address.
 */
final class MemoryMap {
  private record Entry(long base, long end, MmioDevice device) { }

  private final List<Entry> entries = new ArrayList<>();

  /** Records [base, end); {@code device} is null for memory and unmodelled regions. */
  void add(long base, long end, MmioDevice device) {
    entries.add(new Entry(base, end, device));
  }

  /** The parts of [base, end) not yet recorded, in address order; they are then recorded. */
  List<long[]> uncovered(long base, long end) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::base));
    List<long[]> gaps = new ArrayList<>();
    long cursor = base;
    for (Entry e : sorted) {
      if (e.end() <= cursor || e.base() >= end) {
        continue;
      }
      if (e.base() > cursor) {
        gaps.add(new long[] {cursor, e.base()});
      }
      cursor = Math.max(cursor, e.end());
    }
    if (cursor < end) {
      gaps.add(new long[] {cursor, end});
    }
    for (long[] g : gaps) {
      add(g[0], g[1], null);
    }
    return gaps;
  }

  /** Byte access by address: modelled devices directly, anything else through guest memory. */
  BitBand.ByteBus byteBus(GuestMemory memory) {
    return new BitBand.ByteBus() {
      @Override
      public int readByte(long address) {
        Entry e = deviceAt(address);
        if (e != null) {
          return e.device().read((int) (address - e.base()), 1) & 0xff;
        }
        try {
          return memory.readByte(address);
        } catch (GuestAccessException ex) {
          GuestError.log("bitband", "read of unmapped byte 0x%08x", address);
          return 0;
        }
      }

      @Override
      public void writeByte(long address, int value) {
        Entry e = deviceAt(address);
        if (e != null) {
          e.device().write((int) (address - e.base()), 1, value & 0xff);
          return;
        }
        try {
          memory.write(address, new byte[] {(byte) value});
        } catch (GuestAccessException ex) {
          GuestError.log("bitband", "write of unmapped byte 0x%08x", address);
        }
      }
    };
  }

  private Entry deviceAt(long address) {
    for (Entry e : entries) {
      if (e.device() != null && address >= e.base() && address < e.end()) {
        return e;
      }
    }
    return null;
  }
}
