package dev.vboard.emulator.board;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.peripheral.GuestError;
import dev.vboard.emulator.peripheral.RegisterBank;
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

  /** Sized access by address: modelled devices directly, anything else through guest memory. */
  BitBand.Bus bitBandBus(GuestMemory memory) {
    return new BitBand.Bus() {
      @Override
      public int read(long address, int size) {
        Entry e = deviceAt(address);
        if (e != null) {
          return RegisterBank.truncate(e.device().read((int) (address - e.base()), size), size);
        }
        try {
          byte[] b = memory.read(address, size);
          int v = 0;
          for (int i = 0; i < size; i++) {
            v |= (b[i] & 0xff) << (8 * i);
          }
          return v;
        } catch (GuestAccessException ex) {
          GuestError.log("bitband", "read of unmapped 0x%08x (%d bytes)", address, size);
          return 0;
        }
      }

      @Override
      public void write(long address, int size, int value) {
        Entry e = deviceAt(address);
        if (e != null) {
          e.device().write((int) (address - e.base()), size, RegisterBank.truncate(value, size));
          return;
        }
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
          b[i] = (byte) (value >>> (8 * i));
        }
        try {
          memory.write(address, b);
        } catch (GuestAccessException ex) {
          GuestError.log("bitband", "write of unmapped 0x%08x (%d bytes)", address, size);
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
