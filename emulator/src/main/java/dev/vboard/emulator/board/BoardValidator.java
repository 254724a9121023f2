package dev.vboard.emulator.board;

import dev.vboard.emulator.board.BoardDescription.Device;
import dev.vboard.emulator.board.BoardDescription.IrqCombiner;
import dev.vboard.emulator.board.BoardDescription.Memory;
import dev.vboard.emulator.board.BoardDescription.MemoryKind;
import dev.vboard.emulator.board.BoardDescription.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a well-formed board file can still get wrong: sizes, the 32-bit address space,
 * overlaps between memory and devices, alias targets, interrupt numbers and references.
 * Unimplemented regions may overlap anything: they have the lowest precedence, as in QEMU.
 */
final class BoardValidator {
  private static final long ADDRESS_SPACE = 1L << 32;
  /**
   * The CPU core maps guest memory in 4 KiB pages (Unicorn's granule), so regions start on a
   * page and devices smaller than a page are given the whole page (see {@link #mappedSize}).
   */
  static final long PAGE = 4096;

  private BoardValidator() { }

  static void check(BoardDescription b) {
    String file = b.source();
    if (b.name().isBlank()) {
      throw fail(file, "name", "must not be empty");
    }
    checkCpu(file, b);
    List<Named> claimed = new ArrayList<>();
    for (int i = 0; i < b.memory().size(); i++) {
      Memory m = b.memory().get(i);
      String field = "memory[" + i + "]";
      checkRange(file, field, m.base(), m.size());
      checkPageAligned(file, field, m.base(), m.size());
      claimed.add(new Named(field + " (" + m.name() + ")", m.base(),
          m.base() + mappedSize(m.size())));
    }
    checkAliasTargets(file, b);
    Set<String> combinerNames = new HashSet<>();
    for (int i = 0; i < b.irqCombiners().size(); i++) {
      IrqCombiner c = b.irqCombiners().get(i);
      checkIrq(file, "irq-combiners[" + i + "].irq", c.irq(), b);
      if (c.name().equals(BoardDescription.NMI) || c.name().equals(BoardDescription.SYSRESET)
          || !combinerNames.add(c.name())) {
        throw fail(file, "irq-combiners[" + i + "].name",
            "duplicate or reserved name '" + c.name() + "'");
      }
    }
    Set<String> deviceNames = new HashSet<>();
    for (int i = 0; i < b.devices().size(); i++) {
      Device d = b.devices().get(i);
      String field = "devices[" + i + "]";
      checkRange(file, field, d.base(), d.size());
      checkPageAligned(file, field, d.base(), PAGE);
      if (!deviceNames.add(d.name())) {
        throw fail(file, field + ".name", "duplicate device '" + d.name() + "'");
      }
      for (var irq : d.irqs().entrySet()) {
        String ref = irq.getValue();
        String irqField = field + ".irqs." + irq.getKey();
        if (ref.chars().allMatch(Character::isDigit)) {
          checkIrq(file, irqField, Integer.parseInt(ref), b);
        } else if (!combinerNames.contains(ref) && !ref.equals(BoardDescription.NMI)
            && !ref.equals(BoardDescription.SYSRESET)) {
          throw fail(file, irqField, "no irq-combiner named '" + ref + "'");
        }
      }
      claimed.add(new Named(field + " (" + d.name() + ")", d.base(),
          d.base() + mappedSize(d.size())));
    }
    for (int i = 0; i < b.unimplemented().size(); i++) {
      Region r = b.unimplemented().get(i);
      checkRange(file, "unimplemented[" + i + "]", r.base(), r.size());
      checkPageAligned(file, "unimplemented[" + i + "]", r.base(), r.size());
    }
    checkNoOverlap(file, claimed);
  }

  private static void checkCpu(String file, BoardDescription b) {
    if (b.cpu().clockHz() <= 0) {
      throw fail(file, "cpu.clock-hz", "must be positive");
    }
    if (b.cpu().externalIrqs() < 1 || b.cpu().externalIrqs() > 496) {
      throw fail(file, "cpu.external-irqs", "must be 1..496 (ARMv7-M B3.4)");
    }
    if (b.cpu().priorityBits() < 2 || b.cpu().priorityBits() > 8) {
      throw fail(file, "cpu.priority-bits", "must be 2..8 (ARMv7-M B1.5.4)");
    }
  }

  private static void checkRange(String file, String field, long base, long size) {
    if (size <= 0) {
      throw fail(file, field + ".size", "must be positive");
    }
    if (base < 0 || base + size > ADDRESS_SPACE) {
      throw fail(file, field, String.format(
          "0x%x + 0x%x is outside the 32-bit address space", base, size));
    }
  }

  /** The size a region occupies once mapped: rounded up to whole pages. */
  static long mappedSize(long size) {
    return (size + PAGE - 1) / PAGE * PAGE;
  }

  private static void checkPageAligned(String file, String field, long base, long size) {
    if (base % PAGE != 0) {
      throw fail(file, field + ".base", String.format(
          "0x%x is not 4 KiB aligned (the CPU core maps whole pages)", base));
    }
    if (size % PAGE != 0) {
      throw fail(file, field + ".size", String.format(
          "0x%x is not a multiple of 4 KiB (the CPU core maps whole pages)", size));
    }
  }

  private static void checkIrq(String file, String field, int irq, BoardDescription b) {
    if (irq < 0 || irq >= b.cpu().externalIrqs()) {
      throw fail(file, field, "IRQ " + irq + " is not below cpu.external-irqs ("
          + b.cpu().externalIrqs() + ")");
    }
  }

  /** A mirror must show real memory; a bit-band alias covers 1/32 of its size in bytes. */
  private static void checkAliasTargets(String file, BoardDescription b) {
    for (int i = 0; i < b.memory().size(); i++) {
      Memory m = b.memory().get(i);
      if (m.kind() != MemoryKind.ALIAS && m.kind() != MemoryKind.BITBAND) {
        continue;
      }
      long span = m.kind() == MemoryKind.ALIAS ? m.size() : m.size() / 32;
      if (m.kind() == MemoryKind.ALIAS && !insideRam(b, m.target(), span)) {
        throw fail(file, "memory[" + i + "].target", String.format(
            "0x%x..0x%x is not inside one ram or rom region", m.target(), m.target() + span - 1));
      }
      if (m.kind() == MemoryKind.BITBAND && m.size() % 32 != 0) {
        throw fail(file, "memory[" + i + "].size", "a bit-band alias is a multiple of 32 bytes");
      }
    }
  }

  private static boolean insideRam(BoardDescription b, long start, long length) {
    return b.memory().stream()
        .filter(m -> m.kind() == MemoryKind.RAM || m.kind() == MemoryKind.ROM)
        .anyMatch(m -> start >= m.base() && start + length <= m.end());
  }

  private static void checkNoOverlap(String file, List<Named> claimed) {
    List<Named> sorted = new ArrayList<>(claimed);
    sorted.sort((x, y) -> Long.compare(x.base, y.base));
    for (int i = 1; i < sorted.size(); i++) {
      Named prev = sorted.get(i - 1);
      Named next = sorted.get(i);
      if (next.base < prev.end) {
        throw fail(file, next.field, "overlaps " + prev.field);
      }
    }
  }

  private static BoardException fail(String file, String field, String message) {
    return new BoardException(file + ": " + field + ": " + message);
  }

  private record Named(String field, long base, long end) { }
}
