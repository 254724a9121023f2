package dev.vboard.emulator.arm;

import java.util.Arrays;

/**
 * Exception state of the NVIC and the system handlers: per exception number, enabled, pending,
 * active and priority, plus the input level of each external interrupt line and AIRCR.PRIGROUP
 * (ARM DDI 0403 B1.5.4 priorities, B3.4 NVIC). Pure state and priority arithmetic; the
 * registers that expose it are decoded by {@link SystemControlSpace}, exception entry and return
 * are done by {@link ExceptionUnit}.
 *
 * <p>External interrupts are level-sensitive as QEMU's NVIC models them: a rising level pends
 * the interrupt, and when its handler returns while the line is still high it pends again.
 */
public final class Nvic {
  /** Execution priority with no exception active and no mask set. */
  public static final int THREAD_PRIORITY = 256;

  private final int externalIrqs;
  private final int count;
  // Bit sets by exception number (bit n of word n / 64): the selection below runs on every
  // interrupt and slice, and usually finds nothing pending and at most one exception active.
  private final long[] enabled;
  private final long[] pending;
  private final long[] active;
  private final boolean[] level;
  private final int[] priority;
  private final int priorityMask;
  private int prigroup;
  private Runnable changeListener = () -> { };
  private Runnable pendListener = () -> { };

  /**
   * @param externalIrqs external interrupt lines (IRQ0..n-1)
   * @param priorityBits implemented bits of each 8-bit priority field (the upper bits)
   */
  public Nvic(int externalIrqs, int priorityBits) {
    if (externalIrqs < 0 || externalIrqs > 496) {
      throw new IllegalArgumentException("external IRQs must be 0-496: " + externalIrqs);
    }
    if (priorityBits < 2 || priorityBits > 8) {
      throw new IllegalArgumentException("priority bits must be 2-8: " + priorityBits);
    }
    this.externalIrqs = externalIrqs;
    this.count = Exceptions.FIRST_IRQ + externalIrqs;
    int words = (count + 63) / 64;
    enabled = new long[words];
    pending = new long[words];
    active = new long[words];
    level = new boolean[count];
    priority = new int[count];
    priorityMask = (0xff << (8 - priorityBits)) & 0xff;
    reset();
  }

  /** Called when an exception goes from not pending to pending (SCR.SEVONPEND). */
  public void setPendListener(Runnable listener) {
    this.pendListener = listener;
  }

  /** Called whenever pending state may have changed, so the CPU re-checks at a block boundary. */
  public void setChangeListener(Runnable listener) {
    this.changeListener = listener;
  }

  public void reset() {
    Arrays.fill(enabled, 0);
    Arrays.fill(pending, 0);
    Arrays.fill(active, 0);
    Arrays.fill(priority, 0);
    // Line levels are the devices' state, not the NVIC's: they survive a reset and are
    // re-driven by the devices' own reset.
    set(enabled, Exceptions.NMI, true);
    set(enabled, Exceptions.HARD_FAULT, true);
    set(enabled, Exceptions.SVCALL, true);
    // DebugMonitor stays disabled: DEMCR.MON_EN resets to 0 and no debugger sets it.
    set(enabled, Exceptions.PENDSV, true);
    set(enabled, Exceptions.SYSTICK, true);
    prigroup = 0;
  }

  private static boolean get(long[] bits, int n) {
    return (bits[n >>> 6] & (1L << n)) != 0;
  }

  private static void set(long[] bits, int n, boolean on) {
    if (on) {
      bits[n >>> 6] |= 1L << n;
    } else {
      bits[n >>> 6] &= ~(1L << n);
    }
  }

  public int externalIrqs() {
    return externalIrqs;
  }

  /** Number of exception numbers, 16 + external interrupts. */
  public int count() {
    return count;
  }

  public boolean isValid(int exception) {
    return exception >= Exceptions.NMI && exception < count
        && !(exception >= 7 && exception <= 10) && exception != 13;
  }

  // ---- external interrupt lines ----

  /** Drives IRQ {@code irq}'s input: a rising level pends it. */
  public void setLevel(int irq, boolean high) {
    int n = Exceptions.FIRST_IRQ + irq;
    if (high != level[n]) {
      level[n] = high;
      if (high) {
        setPending(n);
      }
    }
  }

  public boolean level(int irq) {
    return level[Exceptions.FIRST_IRQ + irq];
  }

  // ---- per-exception state ----

  public boolean isEnabled(int exception) {
    return get(enabled, exception);
  }

  public void setEnabled(int exception, boolean on) {
    if (get(enabled, exception) != on) {
      set(enabled, exception, on);
      changeListener.run();
    }
  }

  public boolean isPending(int exception) {
    return get(pending, exception);
  }

  public void setPending(int exception) {
    if (!get(pending, exception)) {
      set(pending, exception, true);
      pendListener.run();
      changeListener.run();
    }
  }

  public void clearPending(int exception) {
    set(pending, exception, false);
  }

  /**
   * NVIC_ICPR: the pending bit clears only if the interrupt's input is low or it is active; a
   * line held high keeps an inactive interrupt pending (ARMv8-M R_CVJS, as QEMU's NVIC does for
   * M-profile; level-sensitive inputs pend again at once on the real core too).
   */
  public void clearPendingByIcpr(int exception) {
    if (!level[exception] || isActive(exception)) {
      clearPending(exception);
    }
  }

  public boolean isActive(int exception) {
    return get(active, exception);
  }

  /** A direct write of an active bit (SHCSR); exception entry and return use the others. */
  public void setActive(int exception, boolean on) {
    if (get(active, exception) != on) {
      set(active, exception, on);
      changeListener.run();
    }
  }

  /** Entry: the exception becomes active and stops pending (B1.5.6 ExceptionTaken). */
  public void activate(int exception) {
    set(active, exception, true);
    set(pending, exception, false);
  }

  /** Return: the exception is no longer active; a line still high pends it again. */
  public void deactivate(int exception) {
    set(active, exception, false);
    if (exception >= Exceptions.FIRST_IRQ && level[exception]) {
      setPending(exception);
    }
  }

  /** Number of active exceptions (RETTOBASE is 1 when this is at most one). */
  public int activeCount() {
    int n = 0;
    for (long word : active) {
      n += Long.bitCount(word);
    }
    return n - (get(active, 0) ? 1 : 0); // number 0 is thread mode, never active
  }

  /** The active exception when exactly one is, else 0. */
  public int soleActive() {
    int found = 0;
    for (int w = 0; w < active.length; w++) {
      long bits = active[w];
      if (bits == 0) {
        continue;
      }
      if (found != 0 || Long.bitCount(bits) != 1) {
        return 0;
      }
      found = w * 64 + Long.numberOfTrailingZeros(bits);
    }
    return found;
  }

  /** Raw priority: fixed negative values for Reset, NMI and HardFault, else the 8-bit field. */
  public int priority(int exception) {
    switch (exception) {
      case Exceptions.RESET: return -3;
      case Exceptions.NMI: return -2;
      case Exceptions.HARD_FAULT: return -1;
      default: return priority[exception];
    }
  }

  /** The 8-bit priority field as software reads it back (only implemented bits). */
  public int priorityField(int exception) {
    return exception >= 4 && exception < count ? priority[exception] : 0;
  }

  public void setPriorityField(int exception, int value) {
    if (exception >= 4 && exception < count) {
      priority[exception] = value & priorityMask;
      changeListener.run();
    }
  }

  public int prigroup() {
    return prigroup;
  }

  public void setPrigroup(int value) {
    prigroup = value & 7;
    changeListener.run();
  }

  /** Group priority: the priority with the sub-priority bits [PRIGROUP:0] cleared (B1.5.4). */
  public int groupPriority(int rawPriority) {
    if (rawPriority < 0) {
      return rawPriority;
    }
    return rawPriority & (0xff << (prigroup + 1)) & 0xff;
  }

  // ---- selection ----

  /**
   * The pending, enabled exception to take next: lowest priority value, then lowest number
   * (B1.5.4); 0 when none.
   */
  public int highestPending() {
    int best = 0;
    int bestPriority = Integer.MAX_VALUE;
    for (int w = 0; w < pending.length; w++) {
      long bits = pending[w] & enabled[w];
      while (bits != 0) {
        int i = w * 64 + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (i < Exceptions.NMI) {
          continue;
        }
        int p = priority(i);
        if (p < bestPriority) { // ascending numbers: the lowest number wins a tie
          best = i;
          bestPriority = p;
        }
      }
    }
    return best;
  }

  /** True when some external interrupt is pending (ICSR.ISRPENDING). */
  public boolean anyIrqPending() {
    for (int w = 0; w < pending.length; w++) {
      long bits = pending[w];
      if (w == 0) {
        bits &= -1L << Exceptions.FIRST_IRQ;
      }
      if (bits != 0) {
        return true;
      }
    }
    return false;
  }

  /** Group priority of the highest-priority active exception, or THREAD_PRIORITY. */
  public int activeGroupPriority() {
    int best = THREAD_PRIORITY;
    for (int w = 0; w < active.length; w++) {
      long bits = active[w];
      while (bits != 0) {
        int i = w * 64 + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (i >= 1) {
          best = Math.min(best, groupPriority(priority(i)));
        }
      }
    }
    return best;
  }

  /**
   * Execution priority (B1.5.4): the active exceptions' group priority, boosted by PRIMASK (to
   * 0), FAULTMASK (to -1) and BASEPRI.
   */
  public int executionPriority(boolean primask, boolean faultmask, int basepri) {
    int p = activeGroupPriority();
    int masked = basepri & priorityMask;
    if (masked != 0) {
      p = Math.min(p, groupPriority(masked));
    }
    if (primask) {
      p = Math.min(p, 0);
    }
    if (faultmask) {
      p = Math.min(p, -1);
    }
    return p;
  }

  /** True when {@code exception} would preempt code running at {@code executionPriority}. */
  public boolean canPreempt(int exception, int executionPriority) {
    return groupPriority(priority(exception)) < executionPriority;
  }

  /**
   * True when a pending interrupt should end WFI: as in QEMU, masks (PRIMASK, BASEPRI,
   * FAULTMASK) are ignored, only the priority of the active exceptions counts.
   */
  public boolean shouldWake() {
    int next = highestPending();
    return next != 0 && groupPriority(priority(next)) < activeGroupPriority();
  }
}
