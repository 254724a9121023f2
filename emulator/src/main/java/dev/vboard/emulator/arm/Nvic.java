package dev.vboard.emulator.arm;

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
  private final boolean[] enabled;
  private final boolean[] pending;
  private final boolean[] active;
  private final boolean[] level;
  private final int[] priority;
  private final int priorityMask;
  private int prigroup;
  private Runnable changeListener = () -> { };

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
    enabled = new boolean[count];
    pending = new boolean[count];
    active = new boolean[count];
    level = new boolean[count];
    priority = new int[count];
    priorityMask = (0xff << (8 - priorityBits)) & 0xff;
    reset();
  }

  /** Called whenever pending state may have changed, so the CPU re-checks at a block boundary. */
  public void setChangeListener(Runnable listener) {
    this.changeListener = listener;
  }

  public void reset() {
    for (int i = 0; i < count; i++) {
      enabled[i] = false;
      pending[i] = false;
      active[i] = false;
      priority[i] = 0;
      // Line levels are the devices' state, not the NVIC's: they survive a reset and are
      // re-driven by the devices' own reset.
    }
    enabled[Exceptions.NMI] = true;
    enabled[Exceptions.HARD_FAULT] = true;
    enabled[Exceptions.SVCALL] = true;
    // DebugMonitor stays disabled: DEMCR.MON_EN resets to 0 and no debugger sets it.
    enabled[Exceptions.PENDSV] = true;
    enabled[Exceptions.SYSTICK] = true;
    prigroup = 0;
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
    return enabled[exception];
  }

  public void setEnabled(int exception, boolean on) {
    if (enabled[exception] != on) {
      enabled[exception] = on;
      changeListener.run();
    }
  }

  public boolean isPending(int exception) {
    return pending[exception];
  }

  public void setPending(int exception) {
    if (!pending[exception]) {
      pending[exception] = true;
      changeListener.run();
    }
  }

  public void clearPending(int exception) {
    pending[exception] = false;
  }

  public boolean isActive(int exception) {
    return active[exception];
  }

  /** Entry: the exception becomes active and stops pending (B1.5.6 ExceptionTaken). */
  public void activate(int exception) {
    active[exception] = true;
    pending[exception] = false;
  }

  /** Return: the exception is no longer active; a line still high pends it again. */
  public void deactivate(int exception) {
    active[exception] = false;
    if (exception >= Exceptions.FIRST_IRQ && level[exception]) {
      setPending(exception);
    }
  }

  /** Number of active exceptions (RETTOBASE is 1 when this is at most one). */
  public int activeCount() {
    int n = 0;
    for (int i = 1; i < count; i++) {
      if (active[i]) {
        n++;
      }
    }
    return n;
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
    for (int i = Exceptions.NMI; i < count; i++) {
      if (pending[i] && enabled[i]) {
        int p = priority(i);
        if (p < bestPriority) {
          best = i;
          bestPriority = p;
        }
      }
    }
    return best;
  }

  /** True when some external interrupt is pending (ICSR.ISRPENDING). */
  public boolean anyIrqPending() {
    for (int i = Exceptions.FIRST_IRQ; i < count; i++) {
      if (pending[i]) {
        return true;
      }
    }
    return false;
  }

  /** Group priority of the highest-priority active exception, or THREAD_PRIORITY. */
  public int activeGroupPriority() {
    int best = THREAD_PRIORITY;
    for (int i = 1; i < count; i++) {
      if (active[i]) {
        best = Math.min(best, groupPriority(priority(i)));
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
