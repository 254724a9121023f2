package dev.vboard.emulator.cpu;

import dev.vboard.emulator.unicorn.NativeLibraries;
import dev.vboard.emulator.unicorn.UcConst;
import dev.vboard.emulator.unicorn.UcError;
import dev.vboard.emulator.unicorn.Unicorn;
import dev.vboard.emulator.unicorn.UnicornLib;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jnr.ffi.Pointer;
import jnr.ffi.byref.PointerByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cortex-M3 instruction engine: Unicorn in Thumb mode with the CPU model set to Cortex-M3, and
 * the native counting block hook. It runs slices of an exact instruction budget and reports why
 * each slice ended; it knows nothing of exceptions, which {@code dev.vboard.emulator.arm} models.
 *
 * <p>Unicorn 2.0.1 facts this relies on (measured, see the project notes): SVC arrives as
 * interrupt 2 with PC after it; BKPT as interrupt 7 with PC on it; a branch to an EXC_RETURN
 * value faults as a prefetch abort (interrupt 3) at the value with bit 0 clear, provided the
 * 0xFFFFF000 page stays unmapped; WFI returns OK with PC after it; WFE and UDF return
 * UC_ERR_INSN_INVALID (PC after WFE, on UDF). A stop from the block hook happens before the
 * block runs. Starting with {@code until} set to an address inside a block, after removing that
 * block from the translation cache, stops exactly there: that is how a slice ends on the exact
 * instruction.
 */
public final class CpuCore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CpuCore.class);

  /**
   * Translated blocks dropped ({@link #dropBlock}) between two full flushes of the translation
   * cache. Every slice that ends inside a block drops it and has it translated again, and the
   * code space of dropped blocks is only reclaimed by a full flush: left to fill up, Unicorn
   * 2.0.1 flushes by itself from inside a run and crashed there (SIGSEGV in its TB code) after
   * some millions of drops, e.g. under a timer firing every 150 cycles. Flushing between runs
   * every so many drops keeps it far from full; the cost, translating the working set again,
   * is a few milliseconds per 50000 drops.
   */
  private static final int DROPS_PER_FLUSH = 50_000;

  /** An address that is never code. 2.0.1 discards the block holding {@code until - 1}. */
  private static final long UNTIL_NEVER = 0xfffffffeL;

  // QEMU's target/arm/cpu.h exception numbers, as Unicorn passes them to UC_HOOK_INTR.
  private static final int EXCP_UDEF = 1;
  private static final int EXCP_SWI = 2;
  private static final int EXCP_PREFETCH_ABORT = 3;
  private static final int EXCP_DATA_ABORT = 4;
  private static final int EXCP_BKPT = 7;
  private static final int EXCP_EXCEPTION_EXIT = 8;
  private static final int EXCP_NOCP = 17;
  private static final int EXCP_INVSTATE = 18;
  private static final int EXCP_UNALIGNED = 22;

  private static final int XPSR_T = 1 << 24;

  private final Unicorn uc;
  private final BlockCounter counter;
  private final Pointer resetContext;
  private boolean accessAborted;
  /** The aborted access is to be run again, not faulted ({@link #restartAfterAccess}). */
  private boolean restartAccess;
  private int abortedAddress;
  private long unalignedHook;
  private boolean divideTrap;
  /** Addresses of the divides hooked while CCR.DIV_0_TRP is set, and their hooks. */
  private final Set<Long> divideSites = new HashSet<>();
  private final List<Long> divideHooks = new ArrayList<>();
  /** Host blocks behind guest RAM and ROM, freed after the engine closes. */
  private final List<HostBlock> blocks = new ArrayList<>();

  /** A host block mapped at guest [base, base + size). */
  private record HostBlock(long base, long size, boolean writable, Pointer memory) { }
  private boolean inSlice;
  private boolean mpuEnabled;
  private boolean closed;
  private int drops;

  public CpuCore() {
    uc = Unicorn.open(UcConst.UC_ARCH_ARM, UcConst.UC_MODE_THUMB);
    // UC_MODE_MCLASS would build a Cortex-M33 whatever we ask; THUMB + model gives a real M3.
    uc.setCpuModel(UcConst.UC_CPU_ARM_CORTEX_M3);
    counter = new BlockCounter(NativeLibraries.helper());
    counter.dirtyPages(true); // before anything runs: every code page must be seen (vboardcpu.c)
    uc.hookAdd(UcConst.UC_HOOK_BLOCK, NativeLibraries.helper().vb_block_hook_address(),
        counter.pointer(), 1, 0);
    uc.hookAdd(UcConst.UC_HOOK_INTR, NativeLibraries.helper().vb_intr_hook_address(),
        counter.pointer(), 1, 0);
    // The power-on register state, restored on every reset (CONTROL.nPRIV and friends cannot
    // all be cleared by register writes from unprivileged thread mode).
    UnicornLib lib = NativeLibraries.unicorn();
    PointerByReference ctx = new PointerByReference();
    check(lib.uc_context_alloc(uc.handle(), ctx), "uc_context_alloc");
    resetContext = ctx.getValue();
    check(lib.uc_context_save(uc.handle(), resetContext), "uc_context_save");
  }

  private static void check(int err, String what) {
    if (err != 0) {
      throw new IllegalStateException(what + " failed: " + UcError.of(err));
    }
  }

  /** The engine, for memory mapping and register access. */
  public Unicorn unicorn() {
    return uc;
  }

  /** Restores the power-on register state (all registers, modes and masks). */
  public void resetRegisters() {
    check(NativeLibraries.unicorn().uc_context_restore(uc.handle(), resetContext),
        "uc_context_restore");
  }

  /** True while a slice runs (device callbacks then come from guest instructions). */
  public boolean inSlice() {
    return inSlice;
  }

  /** Instructions retired so far in the slice in progress; 0 between slices. */
  public long inFlight() {
    return inSlice ? counter.executed() : 0;
  }

  /** Makes the slice in progress (or the next one) stop at the next block boundary. */
  public void raiseStop() {
    counter.raiseStop();
  }

  public void clearStop() {
    counter.clearStop();
  }

  /**
   * While an exception is pending but masked, stop at the first block after PRIMASK, FAULTMASK
   * or BASEPRI change, so that an unmask lets it in before the next instruction.
   */
  public void watchMasks(boolean on) {
    counter.watchMasks(uc.handle(), on);
  }

  /** Shortens the slice in progress to end after {@code budget} instructions in total. */
  public void limitBudget(long budget) {
    if (inSlice && budget < counter.budget()) {
      counter.setBudget(Math.max(budget, 0));
    }
  }

  /**
   * Called from an MMIO callback for an access that must fault (unmapped space): stops the
   * engine at once. Unicorn then leaves every register as it was before the faulting
   * instruction, only the PC is stale (the block start); {@link #runSlice} finds the
   * instruction and reports {@link SliceExit#BUS_ERROR}.
   */
  public void abortAccess(int address) {
    if (!accessAborted) {
      accessAborted = true;
      restartAccess = false;
      abortedAddress = address;
      counter.noteAccessPc(uc.handle());
    }
    uc.emuStop();
  }

  /**
   * Called from an MMIO callback whose access changes how the following instructions must be
   * translated (CCR.DIV_0_TRP): stops the engine at once, like {@link #abortAccess}, but the
   * slice ends with {@link SliceExit#FLAG} and the PC on the accessing instruction, which runs
   * again in the next slice under the new setting (its repeated access must be harmless).
   */
  public void restartAfterAccess(int address) {
    abortAccess(address);
    restartAccess = true;
  }

  /** Whether the divide-by-zero trap is installed (CCR.DIV_0_TRP as of the last slice). */
  public boolean divideTrap() {
    return divideTrap;
  }

  /**
   * Follows CCR.UNALIGN_TRP and CCR.DIV_0_TRP, which Unicorn 2.0.1 does not implement. The
   * unaligned trap is a native memory hook installed only while the bit is set. The divide trap
   * costs nothing while clear; while set, the block hook reports each block holding SDIV/UDIV
   * once ({@link BlockCounter#CAUSE_DIVIDES}) and {@link #hookDivides} puts a code hook on just
   * those instructions, so no other instruction is slowed. Call between slices.
   */
  public void setTraps(boolean unaligned, boolean divideByZero) {
    var helper = NativeLibraries.helper();
    if (unaligned && unalignedHook == 0) {
      // The memory hook must see every access: no store may bypass the engine's slow path.
      counter.dirtyPages(false);
      unalignedHook = uc.hookAdd(UcConst.UC_HOOK_MEM_READ | UcConst.UC_HOOK_MEM_WRITE,
          helper.vb_unaligned_hook_address(), counter.pointer(), 1, 0);
      uc.flushCache(); // blocks translated before the hook existed would not call it
    } else if (!unaligned && unalignedHook != 0) {
      uc.hookDel(unalignedHook);
      unalignedHook = 0;
      counter.dirtyPages(true);
    }
    if (divideByZero != divideTrap) {
      divideTrap = divideByZero;
      counter.setDivideTrap(divideByZero);
      if (!divideByZero && !divideHooks.isEmpty()) {
        for (long hook : divideHooks) {
          uc.hookDel(hook);
        }
        divideHooks.clear();
        divideSites.clear();
        counter.clearCache(); // forget which blocks were reported, for the next time it is set
        uc.flushCache(); // drop the hook calls compiled into blocks
      }
    }
  }

  /**
   * The block about to run holds divides (the block hook stopped before it): hook each one not
   * hooked yet and drop the block's translation, so it is translated again with the calls.
   */
  private void hookDivides() {
    long block = counter.blockAddress();
    int size = counter.blockSize();
    byte[] code = uc.memRead(block, size);
    for (int off = 0; off + 1 < size; ) {
      int hw1 = Thumb.halfword(code, off);
      if (Thumb.isWide(hw1) && off + 3 < size
          && Thumb.isDivide(hw1, Thumb.halfword(code, off + 2)) && divideSites.add(block + off)) {
        divideHooks.add(uc.hookAdd(UcConst.UC_HOOK_CODE,
            NativeLibraries.helper().vb_div0_hook_address(), counter.pointer(), block + off,
            block + off));
      }
      off += Thumb.isWide(hw1) ? 4 : 2;
    }
    dropBlock(block, size);
  }

  /** Drops one block's translation (between runs), flushing everything now and then. */
  private void dropBlock(long block, int size) {
    uc.removeCache(block, block + size);
    if (++drops >= DROPS_PER_FLUSH) {
      drops = 0;
      uc.flushCache();
    }
  }

  /** Forgets cached block sizes, after the host rewrote guest code. */
  public void codeChanged() {
    counter.clearCache();
  }

  /**
   * Maps guest RAM ({@code writable}: read, write, execute) or ROM (read, execute) at
   * [base, base + size), page-aligned, in a host block of our own (so that {@link #mapAlias} can
   * show it again), and tells the native exception and sleep paths, which touch only such
   * memory, never a device.
   */
  public void mapMemory(long base, long size, boolean writable) {
    Pointer memory = NativeLibraries.helper().vb_ram_alloc(size);
    if (memory == null) {
      throw new OutOfMemoryError(String.format("guest memory 0x%x+0x%x", base, size));
    }
    try {
      uc.memMapPtr(base, size, permissions(writable), memory);
    } catch (RuntimeException e) {
      NativeLibraries.helper().vb_ram_free(memory, size);
      throw e;
    }
    blocks.add(new HostBlock(base, size, writable, memory));
    counter.mapMemory(base, size, writable);
  }

  /**
   * Maps [base, base + size) as a second view of the memory mapped at [target, target + size),
   * as QEMU's memory region aliases: the same bytes, executable too. A store through one view
   * of code translated through the other is not seen by the engine's self-modifying-code check
   * (the views are separate engine regions).
   */
  public void mapAlias(long base, long size, long target) {
    for (HostBlock b : blocks) {
      if (target >= b.base() && target + size <= b.base() + b.size()) {
        uc.memMapPtr(base, size, permissions(b.writable()),
            b.memory().slice(target - b.base()));
        counter.mapMemory(base, size, b.writable());
        return;
      }
    }
    throw new IllegalArgumentException(String.format(
        "alias 0x%x+0x%x: 0x%x is not inside one memory region", base, size, target));
  }

  private static int permissions(boolean writable) {
    return writable ? UcConst.UC_PROT_ALL : UcConst.UC_PROT_READ | UcConst.UC_PROT_EXEC;
  }

  /**
   * Reads the special registers (with privilege) in one native call; {@link #state} then gives
   * them by the {@code STATE_*} indices.
   */
  public void readState() {
    counter.readState(uc.handle());
  }

  public static final int STATE_IPSR = 0;
  public static final int STATE_CONTROL = 1;
  public static final int STATE_PRIMASK = 2;
  public static final int STATE_FAULTMASK = 3;
  public static final int STATE_BASEPRI = 4;
  public static final int STATE_MSP = 5;
  public static final int STATE_PSP = 6;
  public static final int STATE_XPSR = 7;

  /** One value of the last {@link #readState}. */
  public int state(int index) {
    return counter.state(index);
  }

  /**
   * The register and stack half of exception entry in one native call (exceptions.c): frame,
   * LR, mode, xPSR and PC from the vector at {@code vtor}. False, with nothing changed, when the
   * frame is not in RAM or the vector not in RAM/ROM; the caller then does it step by step.
   * After true, {@link #enteredVector} is the vector taken.
   */
  public boolean enterException(int exception, int returnAddress, int vtor, boolean stkalign) {
    return counter.exceptionEnter(uc.handle(), exception, returnAddress, vtor, stkalign);
  }

  public int enteredVector() {
    return counter.state(0);
  }

  /**
   * Clears the local exclusive monitor (ClearExclusiveLocal, as exception entry and return do,
   * B1.5.6, B1.5.8): a STREX after this fails. Costs a field read unless a load exclusive ran
   * since the last clear. Returns false when this libunicorn does not allow it (the monitor
   * stays as the engine has it).
   */
  public boolean clearExclusiveMonitor() {
    return counter.clearExclusive(uc.handle());
  }

  /**
   * Arms the engine to return from {@code exception} to thread mode without stopping, for the
   * next slice (0: every return stops); see {@link #takeReturned}.
   */
  public void armFastReturn(int exception, boolean stkalign) {
    counter.armFastReturn(exception, stkalign);
  }

  /** Makes every exception return stop the engine again; callable from device callbacks. */
  public void disarmFastReturn() {
    counter.disarmFastReturn();
  }

  /** The exception the engine returned from by itself since the last call, or 0 (clears it). */
  public int takeReturned() {
    return counter.takeReturned();
  }

  /** Whether the guest executed a SEV since the last call (Unicorn runs it as a NOP). */
  public boolean takeSev() {
    return counter.takeSev();
  }

  /** Exception return's unstacking in one native call; false: do it step by step. */
  public boolean returnFromException(int excReturn, boolean stkalign) {
    return counter.exceptionReturn(uc.handle(), excReturn, stkalign);
  }

  // ---- the MPU (enforced natively, see mpu.c) ----

  /**
   * Whether this libunicorn lets the MPU be enforced: checked once per process on a throwaway
   * engine. Without it the MPU registers hold what the guest writes and nothing more.
   */
  public static synchronized boolean mpuAvailable() {
    if (mpuAvailable == null) {
      mpuAvailable = NativeLibraries.helper().vb_mpu_available() != 0;
    }
    return mpuAvailable;
  }

  /**
   * Whether {@link #mpuAvailable} is known without running the check, which starts an engine of
   * its own: not a thing to do from inside another engine's run (a device callback).
   */
  public static synchronized boolean mpuAvailabilityKnown() {
    return mpuAvailable != null;
  }

  /** The result of the native check, null until it ran. */
  private static Boolean mpuAvailable;

  /**
   * The MPU registers as the guest wrote them ({@code rbar}, {@code rasr}: one per region), for
   * the engine to enforce from its next access on (callable from a device callback once
   * {@link #mpuAvailabilityKnown}: the TLB is dropped, as QEMU's NVIC does on these writes).
   * Returns false, having done nothing, when the MPU cannot be enforced with this libunicorn.
   * While the MPU is and was disabled there is nothing to enforce, and nothing is done.
   */
  public boolean setMpu(int ctrl, int[] rbar, int[] rasr) {
    if (!mpuEnabled && (ctrl & 1) == 0) {
      return true; // the engine answers as without an MPU; the whole state goes at the enable
    }
    if (!mpuAvailable()) {
      return false;
    }
    mpuEnabled = (ctrl & 1) != 0;
    counter.setMpu(uc.handle(), ctrl, rbar, rasr);
    return true;
  }

  /** Whether the guest has the MPU enabled and it is enforced. */
  public boolean mpuEnabled() {
    return mpuEnabled;
  }

  /**
   * Before a slice while the MPU is enabled: tells the engine whether HardFault or NMI is
   * active and brings its cached privilege and priority up to date with the mode the exception
   * model set between slices (Unicorn does not follow register writes there).
   */
  public void syncMpu(boolean hardFaultOrNmiActive) {
    counter.syncMpu(uc.handle(), hardFaultOrNmiActive);
  }

  /**
   * Whether the MPU allows a data access to {@code address} with that privilege and requested
   * priority (negative: HardFault or NMI active, or FAULTMASK set), as the engine decides it.
   * For the accesses exception entry and return make outside the engine.
   */
  public boolean mpuPermits(int address, boolean write, boolean privileged, boolean negpri) {
    return !mpuEnabled || counter.mpuPermits(address, write ? 1 : 0, privileged, negpri);
  }

  public int reg(int regid) {
    return uc.regRead(regid);
  }

  public void setReg(int regid, int value) {
    uc.regWrite(regid, value);
  }

  public int pc() {
    return uc.regRead(UcConst.UC_ARM_REG_PC);
  }

  /**
   * Runs from the current PC until {@code budget} instructions have retired or something
   * needs the machine's attention. Returns the exit and the exact count.
   */
  public SliceResult runSlice(long budget) {
    counter.startSlice(budget);
    inSlice = true;
    try {
      SliceResult r = runFrom(BlockCounter.FROM_PC, UNTIL_NEVER);
      long executed = counter.executed();
      if (r.exit() == SliceExit.BUDGET && executed < budget) {
        r = finishInsideBlock(budget - executed);
      }
      // Devices saw the clock count whole blocks on entry: time is at least that.
      return new SliceResult(r.exit(), r.executed(), r.pc(), r.detail(), counter.executed());
    } finally {
      inSlice = false;
      counter.setExecuted(0);
    }
  }

  /**
   * The next block would overrun the budget by part of itself: drop its translation and run it
   * again with {@code until} on the first instruction past the budget.
   */
  private SliceResult finishInsideBlock(long remaining) {
    long block = counter.blockAddress();
    int size = counter.blockSize();
    byte[] code = uc.memRead(block, size);
    int length = Thumb.lengthOf(code, (int) remaining);
    dropBlock(block, size);
    counter.clearStopCause();
    return runFrom(block, block + length);
  }

  /** Runs from {@code begin} ({@link BlockCounter#FROM_PC}: the PC) until {@code until}. */
  private SliceResult runFrom(long begin, long until) {
    accessAborted = false;
    // The native side clears the interrupt and trap records and keeps EPSR.T's Thumb state.
    UcError err = emuStart(begin, until);
    while (err == UcError.OK && counter.stopCause() == BlockCounter.CAUSE_DIVIDES
        && counter.intrNumber() < 0 && !accessAborted) {
      // Stopped before a block, nothing of it ran: hook its divides and carry on from there.
      counter.clearStopCause();
      hookDivides();
      err = emuStart(counter.blockAddress(), until);
    }
    int pc = counter.endPc();
    if (accessAborted) {
      accessAborted = false;
      return abortedAccess(abortedAddress, restartAccess ? SliceExit.FLAG : SliceExit.BUS_ERROR);
    }
    int trap = counter.trapCause();
    if (trap == BlockCounter.TRAP_UNALIGNED) {
      return abortedAccess(counter.trapAddress(), SliceExit.UNALIGNED);
    }
    if (trap == BlockCounter.TRAP_DIVIDE_BY_ZERO) {
      int at = counter.trapAddress();
      uc.regWrite(UcConst.UC_ARM_REG_PC, at | 1);
      return new SliceResult(SliceExit.DIVIDE_BY_ZERO, retiredBefore(at), at, 0);
    }
    int intr = counter.intrNumber();
    if (intr >= 0) {
      return interrupted(intr, counter.intrPc());
    }
    long executed = counter.executed();
    switch (err) {
      case OK:
        return stoppedCleanly(pc, until, executed);
      case INSN_INVALID:
        if ((uc.regRead(UcConst.UC_ARM_REG_XPSR) & XPSR_T) == 0) {
          // A BX/BLX/POP to an even address asked for ARM state, which M-profile lacks.
          return new SliceResult(SliceExit.INVALID_STATE, retiredBefore(pc), pc, err.ordinal());
        }
        if (counter.endHint() == BlockCounter.HINT_WFE) {
          return new SliceResult(SliceExit.WFE, executed, pc, err.ordinal());
        }
        return new SliceResult(SliceExit.UNDEFINED, retiredBefore(pc), pc, err.ordinal());
      case FETCH_UNMAPPED:
      case FETCH_PROT:
        return new SliceResult(SliceExit.FETCH_FAULT, executed, pc, err.ordinal());
      default:
        // Data faults outside the catch-all regions leave PC at the block start after part of
        // the block ran: the count is approximate, which is why unmapped space is covered.
        LOG.debug("slice ended with {} at pc 0x{}", err, Integer.toHexString(pc));
        return new SliceResult(SliceExit.DATA_FAULT, executed, pc, err.ordinal());
    }
  }

  private UcError emuStart(long begin, long until) {
    return UcError.of(counter.run(uc.handle(), begin, until));
  }

  /**
   * Locates the instruction whose access was aborted and rewinds the PC and count to it: the PC
   * the engine recovered from inside the access ({@link BlockCounter#faultPc}), or else the first
   * instruction of the block whose access, computed from the registers as they are now, covers
   * the address (they are the registers before the faulting instruction, so an earlier one that
   * changed its own base register can match too).
   */
  private SliceResult abortedAccess(int faultAddress, SliceExit exit) {
    long block = counter.blockAddress();
    int size = counter.blockSize();
    byte[] code = uc.memRead(block, size + 2); // +2: a wide last instruction is whole
    long fault = faultAddress & 0xffffffffL;
    long exact = counter.faultPc() & 0xffffffffL;
    int offset = 0;
    int index = 0;
    int found = -1;
    int foundIndex = 0;
    if (exact >= block && exact < block + size) {
      while (offset < exact - block) {
        offset += Thumb.isWide(Thumb.halfword(code, offset)) ? 4 : 2;
        index++;
      }
      if (offset == exact - block) {
        found = offset;
        foundIndex = index;
      }
      offset = 0;
      index = 0;
    }
    while (found < 0 && offset + 1 < size) {
      int hw1 = Thumb.halfword(code, offset);
      int hw2 = Thumb.halfword(code, offset + 2);
      ThumbMemoryAccess.Range r =
          ThumbMemoryAccess.of(hw1, hw2, (int) block + offset, n -> uc.regRead(armReg(n)));
      if (r != null && r.contains(fault)) {
        found = offset;
        foundIndex = index;
        break;
      }
      offset += Thumb.isWide(hw1) ? 4 : 2;
      index++;
    }
    if (found < 0) {
      LOG.warn("no instruction of the block at 0x{} accesses 0x{}; faulting at the block start",
          Long.toHexString(block), Long.toHexString(fault));
      found = 0;
      foundIndex = 0;
    }
    int pc = (int) block + found;
    uc.regWrite(UcConst.UC_ARM_REG_PC, pc | 1); // bit 0 keeps Thumb state
    long executed = counter.executed() - counter.blockCount() + foundIndex;
    return new SliceResult(exit, executed, pc, faultAddress);
  }

  /** Whether the instruction at {@code pc} accesses a misaligned address (registers as now). */
  private boolean misalignedAccessAt(int pc) {
    byte[] code = uc.memRead(pc & 0xffffffffL, 4);
    ThumbMemoryAccess.Range r = ThumbMemoryAccess.of(Thumb.halfword(code, 0),
        Thumb.halfword(code, 2), pc, n -> uc.regRead(armReg(n)));
    if (r == null) {
      return false;
    }
    int unit = Math.min(r.length(), 4);
    return unit > 1 && (r.address() & (unit - 1)) != 0;
  }

  private static int armReg(int n) {
    switch (n) {
      case 13: return UcConst.UC_ARM_REG_SP;
      case 14: return UcConst.UC_ARM_REG_LR;
      case 15: return UcConst.UC_ARM_REG_PC;
      default: return UcConst.armRegR(n);
    }
  }

  private SliceResult stoppedCleanly(int pc, long until, long executed) {
    int cause = counter.stopCause();
    if (cause == BlockCounter.CAUSE_FLAG) {
      return new SliceResult(SliceExit.FLAG, executed, pc, 0);
    }
    if (cause == BlockCounter.CAUSE_BUDGET || (pc & 0xffffffffL) == until) {
      return new SliceResult(SliceExit.BUDGET, executed, pc, 0);
    }
    if (counter.endHint() == BlockCounter.HINT_WFI) {
      return new SliceResult(SliceExit.WFI, executed, pc, 0);
    }
    // Nothing we know stopped it; treat it as a flag stop so the loop re-evaluates.
    return new SliceResult(SliceExit.FLAG, executed, pc, 0);
  }

  private SliceResult interrupted(int intno, int pc) {
    switch (intno) {
      case EXCP_SWI:
        return new SliceResult(SliceExit.SVC, counter.executed(), pc, intno);
      case EXCP_BKPT:
        return new SliceResult(SliceExit.BKPT, retiredBefore(pc), pc, intno);
      case EXCP_EXCEPTION_EXIT:
        // The translator saw Handler mode branch to a magic value (0xFF000000 and up, as QEMU
        // decides for v7-M): an exception return whatever its other bits, such as FTYPE.
        return new SliceResult(SliceExit.EXC_RETURN, counter.executed(), pc, intno);
      case EXCP_PREFETCH_ABORT:
        if (counter.mpuFault() == BlockCounter.MPU_FETCH
            && Integer.compareUnsigned(counter.mpuFaultAddress() - pc, 4) < 0
            && (pc & 0xffffffffL) < 0xff000000L) {
          // The MPU refused the fetch of the instruction at pc, or of its second halfword
          // (mpu.c): MemManage IACCVIOL there.
          return new SliceResult(SliceExit.MPU_FETCH, counter.executed(), pc, intno);
        }
        // Unicorn 2.0.1 lets a branch to EXC_RETURN fetch there and fault: any target from
        // 0xFF000000 up is the magic range QEMU 7.2 checks for v7-M (only the low bits select
        // the return; FTYPE, bit 4, is ignored without an FPU). From Thread mode it is not a
        // return, and ExceptionUnit faults it as the fetch from XN space it is.
        // MOV PC and ADD PC branch without the EXC_RETURN check (BranchWritePC): those fault.
        if ((pc & 0xffffffffL) >= 0xff000000L && !counter.lastBranchIsPlain(uc.handle())) {
          return new SliceResult(SliceExit.EXC_RETURN, counter.executed(), pc, intno);
        }
        return new SliceResult(SliceExit.FETCH_FAULT, counter.executed(), pc, intno);
      case EXCP_UDEF:
        return new SliceResult(SliceExit.UNDEFINED, retiredBefore(pc), pc, intno);
      case EXCP_NOCP:
        return new SliceResult(SliceExit.NO_COPROCESSOR, retiredBefore(pc), pc, intno);
      case EXCP_INVSTATE:
        return new SliceResult(SliceExit.INVALID_STATE, retiredBefore(pc), pc, intno);
      case EXCP_UNALIGNED:
        return new SliceResult(SliceExit.UNALIGNED, retiredBefore(pc), pc, intno);
      case EXCP_DATA_ABORT:
        // The MPU's refusals (mpu.c); the engine checks alignment before the MPU, so a refusal
        // recorded in this run is what stopped it.
        int mpu = counter.mpuFault();
        if (mpu == BlockCounter.MPU_LOAD || mpu == BlockCounter.MPU_STORE) {
          return new SliceResult(SliceExit.MPU_DATA, retiredBefore(pc), pc,
              counter.mpuFaultAddress());
        }
        // The engine's other data abort: an access it requires aligned (the exclusives, and
        // LDM/STM/LDRD/STRD through the native translator correction), which ARMv7-M takes as
        // the UNALIGNED UsageFault whatever CCR.UNALIGN_TRP says.
        if (misalignedAccessAt(pc)) {
          return new SliceResult(SliceExit.UNALIGNED, retiredBefore(pc), pc, intno);
        }
        return new SliceResult(SliceExit.DATA_FAULT, retiredBefore(pc), pc, intno);
      default:
        LOG.debug("unexpected engine interrupt {} at 0x{}", intno, Integer.toHexString(pc));
        return new SliceResult(SliceExit.UNDEFINED, retiredBefore(pc), pc, intno);
    }
  }

  /**
   * The count when the slice stopped at {@code pc} inside the last block entered: the hook
   * counted the whole block on entry, but only the instructions before {@code pc} retired.
   */
  private long retiredBefore(int pc) {
    long executed = counter.executed();
    long block = counter.blockAddress();
    long at = pc & 0xffffffffL;
    int size = counter.blockSize();
    if (at < block || at >= block + size) {
      return executed;
    }
    byte[] code = uc.memRead(block, (int) (at - block));
    return executed - counter.blockCount() + Thumb.count(code, code.length);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    NativeLibraries.unicorn().uc_context_free(resetContext);
    counter.releaseEngine();
    uc.close();
    counter.close();
    for (HostBlock b : blocks) {
      NativeLibraries.helper().vb_ram_free(b.memory(), b.size());
    }
    blocks.clear();
  }
}
