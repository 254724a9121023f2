package dev.vboard.emulator.semihosting;

import dev.vboard.emulator.loader.ImageSegment;
import dev.vboard.emulator.loader.MemoryRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The four words SYS_HEAPINFO returns (spec 6.3.16): heap base, heap limit, stack base, stack
 * limit.
 *
 * <p>{@link #likeQemu} reproduces what QEMU 7.2 answers on a system-mode M-profile board
 * ({@code common_semi_find_bases} with {@code rom_find_largest_gap_between}): take the largest
 * RAM region (the lowest one on a tie), find the largest stretch of it that no loaded image
 * segment covers (the first one on a tie), and offer that whole stretch as the heap; the stack
 * base is the heap limit and the stack limit the heap base, so heap and stack grow toward each
 * other through the same gap.
 */
public record HeapInfo(long heapBase, long heapLimit, long stackBase, long stackLimit) {

  public static final HeapInfo NONE = new HeapInfo(0, 0, 0, 0);

  public static HeapInfo likeQemu(List<MemoryRange> ram, List<ImageSegment> loaded) {
    MemoryRange largest = null;
    List<MemoryRange> byAddress = new ArrayList<>(ram);
    byAddress.sort(Comparator.comparingLong(MemoryRange::base));
    for (MemoryRange r : byAddress) {
      if (largest == null || r.size() > largest.size()) {
        largest = r;
      }
    }
    if (largest == null) {
      return NONE;
    }
    long[] gap = largestGap(largest.base(), largest.end(), loaded);
    return new HeapInfo(gap[0], gap[1], gap[1], gap[0]);
  }

  /** The first largest [start, end) inside [base, end) not covered by any segment. */
  private static long[] largestGap(long base, long end, List<ImageSegment> loaded) {
    List<long[]> covered = new ArrayList<>();
    for (ImageSegment s : loaded) {
      if (s.end() > base && s.address() < end && s.length() > 0) {
        covered.add(new long[] {Math.max(base, s.address()), Math.min(end, s.end())});
      }
    }
    covered.sort(Comparator.comparingLong(c -> c[0]));
    long bestStart = 0;
    long bestEnd = 0;
    long gapStart = base;
    for (long[] c : covered) {
      if (c[0] - gapStart > bestEnd - bestStart) {
        bestStart = gapStart;
        bestEnd = c[0];
      }
      gapStart = Math.max(gapStart, c[1]);
    }
    if (end - gapStart > bestEnd - bestStart) {
      bestStart = gapStart;
      bestEnd = end;
    }
    return new long[] {bestStart, bestEnd};
  }
}
