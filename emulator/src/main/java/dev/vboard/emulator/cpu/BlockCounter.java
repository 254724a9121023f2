package dev.vboard.emulator.cpu;

import dev.vboard.emulator.unicorn.HelperLib;
import jnr.ffi.Pointer;

/**
 * The native {@code vb_counter} shared with the block hook in {@code vboardcpu.c}: Java sets the
 * budget and the stop flag, the hook counts executed instructions and stops the engine before a
 * block that would overrun the budget. Field offsets mirror the C struct.
 */
final class BlockCounter implements AutoCloseable {
  private static final int EXECUTED = 0;
  private static final int BUDGET = 8;
  private static final int STOP_FLAG = 16;
  private static final int STOP_CAUSE = 20;
  private static final int BLOCK_ADDR = 24;
  private static final int BLOCK_SIZE = 32;
  private static final int BLOCK_COUNT = 36;
  private static final int TRAP_CAUSE = 56;
  private static final int TRAP_ADDR = 60;
  private static final int DIV0_TRAP = 64;
  private static final int INTR_PC = 68;
  private static final int INTR_NO = 72;
  private static final int END_PC = 80;
  private static final int END_HINT = 84;
  private static final int STATE = 88;
  private static final int FAST_RETURN = 120;
  private static final int FAST_RETURN_STKALIGN = 124;
  private static final int RETURNED = 128;
  private static final int SEV = 132;
  private static final int MONITOR_OPEN = 136;
  private static final int FAULT_PC = 140;
  private static final int MPU_FAULT = 144;
  private static final int MPU_FAULT_ADDR = 148;

  /** Values of {@code end_hint}. */
  static final int HINT_WFI = 1;
  static final int HINT_WFE = 2;

  /** Values of {@code trap_cause}. */
  static final int TRAP_UNALIGNED = 1;
  static final int TRAP_DIVIDE_BY_ZERO = 2;

  /** Values of {@code stop_cause}. */
  static final int CAUSE_NONE = 0;
  static final int CAUSE_BUDGET = 1;
  static final int CAUSE_FLAG = 2;
  /** Before a block with divides not hooked yet, while the divide trap is on. */
  static final int CAUSE_DIVIDES = 3;

  private final HelperLib helper;
  private final Pointer counter;
  private boolean watching;

  BlockCounter(HelperLib helper) {
    this.helper = helper;
    this.counter = helper.vb_counter_new();
    if (counter == null) {
      throw new OutOfMemoryError("vb_counter_new");
    }
  }

  /** The struct's address: the hook's {@code user_data}. */
  Pointer pointer() {
    return counter;
  }

  /** Zeroes the count and cause and sets the budget; keeps a raised stop flag. */
  void startSlice(long budget) {
    counter.putLong(EXECUTED, 0);
    counter.putLong(BUDGET, budget);
    counter.putInt(STOP_CAUSE, CAUSE_NONE);
  }

  long executed() {
    return counter.getLong(EXECUTED);
  }

  void setExecuted(long n) {
    counter.putLong(EXECUTED, n);
  }

  long budget() {
    return counter.getLong(BUDGET);
  }

  void setBudget(long budget) {
    counter.putLong(BUDGET, budget);
  }

  void raiseStop() {
    counter.putInt(STOP_FLAG, 1);
  }

  void clearStop() {
    counter.putInt(STOP_FLAG, 0);
  }

  int stopCause() {
    return counter.getInt(STOP_CAUSE);
  }

  void clearStopCause() {
    counter.putInt(STOP_CAUSE, CAUSE_NONE);
  }

  long blockAddress() {
    return counter.getLong(BLOCK_ADDR) & 0xffffffffL;
  }

  int blockSize() {
    return counter.getInt(BLOCK_SIZE);
  }

  int blockCount() {
    return counter.getInt(BLOCK_COUNT);
  }

  int trapCause() {
    return counter.getInt(TRAP_CAUSE);
  }

  int trapAddress() {
    return counter.getInt(TRAP_ADDR);
  }

  /** The interrupt the engine raised (SVC, BKPT, EXC_RETURN...) in this run, or -1. */
  int intrNumber() {
    return counter.getInt(INTR_NO);
  }

  /** The PC when that interrupt was raised. */
  int intrPc() {
    return counter.getInt(INTR_PC);
  }

  /** The PC when the last {@link #run} returned. */
  int endPc() {
    return counter.getInt(END_PC);
  }

  /**
   * For a run that no stop cause, interrupt or trap ended: {@link #HINT_WFI} or
   * {@link #HINT_WFE} when that instruction is the one just before {@link #endPc}, else 0.
   */
  int endHint() {
    return counter.getInt(END_HINT);
  }

  /** Element {@code i} of the state array (vb_read_state, VB_STATE_* in vboardcpu.h). */
  int state(int i) {
    return counter.getInt(STATE + 4L * i);
  }

  /**
   * Lets the interrupt hook do the return of {@code exception} to thread mode itself and go on
   * running (0: no exception may); see vb_exception_return_in_run.
   */
  void armFastReturn(int exception, boolean stkalign) {
    counter.putInt(FAST_RETURN_STKALIGN, stkalign ? 1 : 0);
    counter.putInt(FAST_RETURN, exception);
  }

  /** Any thread or callback: from now on every exception return stops the engine. */
  void disarmFastReturn() {
    counter.putInt(FAST_RETURN, 0);
  }

  /** The exception the interrupt hook returned from since the last call, or 0; clears it. */
  int takeReturned() {
    int exception = counter.getInt(RETURNED);
    if (exception != 0) {
      counter.putInt(RETURNED, 0);
    }
    return exception;
  }

  /** Whether a SEV ran since the last call (it sets the event register); clears it. */
  boolean takeSev() {
    if (counter.getInt(SEV) == 0) {
      return false;
    }
    counter.putInt(SEV, 0);
    return true;
  }

  /** CCR.DIV_0_TRP: while on, blocks with unhooked divides stop with {@link #CAUSE_DIVIDES}. */
  void setDivideTrap(boolean on) {
    counter.putInt(DIV0_TRAP, on ? 1 : 0);
  }

  /** Stop at the next block after the interrupt masks change (engine {@code uc}). */
  void watchMasks(Pointer uc, boolean on) {
    if (on || watching) { // off and already off (the usual case) needs no native call
      helper.vb_watch_masks(counter, uc, on ? 1 : 0);
      watching = on;
    }
  }

  /** {@code begin} for {@link #run}: start at the current PC. */
  static final long FROM_PC = -1L;

  /**
   * Clears the interrupt and trap records and runs engine {@code uc} from {@code begin} (or
   * {@link #FROM_PC}) until {@code until}, in the Thumb state EPSR.T says, with this counter's
   * dirty-page maps in use. Returns the {@code uc_err}.
   */
  int run(Pointer uc, long begin, long until) {
    return helper.vb_emu_run(counter, uc, begin, until);
  }

  /**
   * Lets stores to RAM pages without code take the engine's inline path (see vboardcpu.c, 3);
   * off flushes the TLB. Returns whether it is on (off when the library does not allow it).
   */
  boolean dirtyPages(boolean on) {
    return helper.vb_counter_dirty_pages(counter, on ? 1 : 0) != 0;
  }

  /** Tells the native exception paths that [base, base + size) is RAM or ROM. */
  void mapMemory(long base, long size, boolean writable) {
    helper.vb_counter_map_memory(counter, base, size, writable ? 1 : 0);
  }

  /** Snapshot of the special registers into {@link #state} (vb_read_state). */
  void readState(Pointer uc) {
    helper.vb_read_state(counter, uc);
  }

  /** See {@link HelperLib#vb_exception_enter}; true when done. */
  boolean exceptionEnter(Pointer uc, int exception, int returnAddress, int vtor,
      boolean stkalign) {
    return helper.vb_exception_enter(counter, uc, exception, returnAddress, vtor,
        stkalign ? 1 : 0) == 0;
  }

  /** See {@link HelperLib#vb_exception_return}; true when done. */
  boolean exceptionReturn(Pointer uc, int excReturn, boolean stkalign) {
    return helper.vb_exception_return(counter, uc, excReturn, stkalign ? 1 : 0) == 0;
  }

  /**
   * Clears the local exclusive monitor when a load exclusive may have opened it (the check is a
   * field read; the clear a native call). Returns false when this libunicorn cannot.
   */
  boolean clearExclusive(Pointer uc) {
    return counter.getInt(MONITOR_OPEN) == 0 || helper.vb_clear_exclusive(counter, uc) >= 0;
  }

  /** Notes the PC of the access in progress (called from inside the access). */
  void noteAccessPc(Pointer uc) {
    helper.vb_note_access_pc(counter, uc);
  }

  /**
   * The PC of the instruction whose access the unaligned trap or {@link #noteAccessPc} caught,
   * 0 when not known.
   */
  int faultPc() {
    return counter.getInt(FAULT_PC);
  }

  /** Values of {@link #mpuFault}: the access the MPU refused, or none. */
  static final int MPU_NONE = 0;
  static final int MPU_LOAD = 1;
  static final int MPU_STORE = 2;
  static final int MPU_FETCH = 3;

  /** The first access the MPU refused in the last run ({@link #MPU_LOAD}...), or MPU_NONE. */
  int mpuFault() {
    return counter.getInt(MPU_FAULT);
  }

  /** The address of that access. */
  int mpuFaultAddress() {
    return counter.getInt(MPU_FAULT_ADDR);
  }

  /** See {@link HelperLib#vb_mpu_set}. */
  void setMpu(Pointer uc, int ctrl, int[] rbar, int[] rasr) {
    helper.vb_mpu_set(counter, uc, ctrl, rbar, rasr);
  }

  /** See {@link HelperLib#vb_mpu_sync}. */
  void syncMpu(Pointer uc, boolean negpriActive) {
    helper.vb_mpu_sync(counter, uc, negpriActive ? 1 : 0);
  }

  /** See {@link HelperLib#vb_mpu_permits}. */
  boolean mpuPermits(int address, int access, boolean privileged, boolean negpri) {
    return helper.vb_mpu_permits(counter, address, access, privileged ? 1 : 0,
        negpri ? 1 : 0) != 0;
  }

  /** Whether the last block entered ended with MOV PC, Rm or ADD PC, Rm. */
  boolean lastBranchIsPlain(Pointer uc) {
    return helper.vb_last_branch_is_plain(counter, uc) != 0;
  }

  /** Frees what {@link #clearExclusive} keeps of engine {@code uc}; before it closes. */
  void releaseEngine() {
    helper.vb_exclusive_release(counter);
  }

  /** Forgets cached per-block counts (code was rewritten by the host). */
  void clearCache() {
    helper.vb_counter_clear_cache(counter);
  }

  @Override
  public void close() {
    helper.vb_counter_free(counter);
  }
}
