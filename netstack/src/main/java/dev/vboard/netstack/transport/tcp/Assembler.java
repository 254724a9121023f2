package dev.vboard.netstack.transport.tcp;

/**
 * Tracks which byte ranges past RCV.NXT are already held in the receive buffer, so that
 * out-of-order segments can be reassembled (RFC 9293 section 3.10.7.4, seventh step: segments
 * beyond RCV.NXT are "held for later processing"). Offsets are relative to RCV.NXT. The number
 * of disjoint ranges is bounded; overlaps and duplicates merge into existing ranges.
 */
final class Assembler {
  private final int maxRanges;
  /** Sorted, disjoint, non-adjacent half-open ranges [starts[i], ends[i]). */
  private final int[] starts;
  private final int[] ends;
  private int count;

  Assembler(int maxRanges) {
    this.maxRanges = maxRanges;
    this.starts = new int[maxRanges + 1];
    this.ends = new int[maxRanges + 1];
  }

  boolean isEmpty() {
    return count == 0;
  }

  int rangeCount() {
    return count;
  }

  /**
   * Records [start, end) as held. Returns false, changing nothing, if that would need more
   * ranges than allowed.
   */
  boolean add(int start, int end) {
    if (start >= end) {
      return true;
    }
    int i = 0;
    while (i < count && ends[i] < start) {
      i++;
    }
    int j = i;
    int newStart = start;
    int newEnd = end;
    while (j < count && starts[j] <= end) {
      newStart = Math.min(newStart, starts[j]);
      newEnd = Math.max(newEnd, ends[j]);
      j++;
    }
    int merged = j - i;
    // In-order data (start 0) is always taken: the caller pops it at once, so the spare slot
    // is only ever used transiently.
    if (merged == 0 && count == maxRanges && start != 0) {
      return false;
    }
    int newCount = count - merged + 1;
    // Shift the tail so that exactly one slot replaces the merged ones.
    System.arraycopy(starts, j, starts, i + 1, count - j);
    System.arraycopy(ends, j, ends, i + 1, count - j);
    starts[i] = newStart;
    ends[i] = newEnd;
    count = newCount;
    return true;
  }

  /**
   * If a range begins at offset 0, removes it and returns its length; then rebases the remaining
   * ranges so that offsets stay relative to the new RCV.NXT. Otherwise returns 0.
   */
  int popFront() {
    if (count == 0 || starts[0] != 0) {
      return 0;
    }
    int n = ends[0];
    System.arraycopy(starts, 1, starts, 0, count - 1);
    System.arraycopy(ends, 1, ends, 0, count - 1);
    count--;
    shift(n);
    return n;
  }

  /** Rebases after RCV.NXT advanced by {@code n} through in-order data. */
  void shift(int n) {
    int k = 0;
    for (int i = 0; i < count; i++) {
      int s = Math.max(0, starts[i] - n);
      int e = ends[i] - n;
      if (e > 0) {
        starts[k] = s;
        ends[k] = e;
        k++;
      }
    }
    count = k;
  }

  void clear() {
    count = 0;
  }
}
