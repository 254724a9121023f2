package dev.vboard.emulator.arm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARMv7-M exception model that Unicorn lacks (ARM DDI 0403 B1.5): exception entry with the
 * 8-word frame and 8-byte stack alignment (B1.5.6-B1.5.7), exception return on EXC_RETURN with
 * tail-chaining (B1.5.8), preemption by group priority, fault escalation to HardFault (B1.5.14)
 * and lockup (B1.5.15). Called by the machine between slices, never from a callback.
 */
public final class ExceptionUnit {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionUnit.class);

  private static final int XPSR_ALIGN = 1 << 9;
  private static final int XPSR_T = 1 << 24;
  /** EPSR.IT bits: [26:25] and [15:10]. */
  private static final int XPSR_IT = 0x0600fc00;
  private static final int FRAME_SIZE = 0x20;

  private final CoreRegisters regs;
  private final Nvic nvic;
  private final FaultStatus faults;
  private final SystemControlSpace scs;
  private final SystemBus bus;
  private final StackGuard stackGuard;
  private boolean lockedUp;
  private String lockupReport = "";
  private boolean event;
  /** Whether the "cannot clear the exclusive monitor" warning was logged. */
  private boolean monitorWarned;

  /**
   * Whether the MPU lets exception entry write, or return read, one word of a frame: those
   * accesses are made outside the engine, so its MPU does not see them.
   */
  public interface StackGuard {
    /** {@code negpri}: the requested execution priority is negative (HardFault, NMI, FAULTMASK). */
    boolean permits(int address, boolean write, boolean privileged, boolean negpri);
  }

  public ExceptionUnit(CoreRegisters regs, Nvic nvic, FaultStatus faults, SystemControlSpace scs,
      SystemBus bus, StackGuard stackGuard) {
    this.regs = regs;
    this.nvic = nvic;
    this.faults = faults;
    this.scs = scs;
    this.bus = bus;
    this.stackGuard = stackGuard;
  }

  public void reset() {
    lockedUp = false;
    lockupReport = "";
    event = false;
  }

  public boolean lockedUp() {
    return lockedUp;
  }

  public String lockupReport() {
    return lockupReport;
  }

  /** The event register of WFE/SEV (B1.5.18); set by every exception entry and return. */
  public boolean event() {
    return event;
  }

  public void setEvent(boolean on) {
    event = on;
  }

  /** The current execution priority, masks included (B1.5.4). */
  public int executionPriority() {
    CoreRegisters.Special s = regs.special();
    return nvic.executionPriority(s.primask(), s.faultmask(), s.basepri());
  }

  /**
   * Takes the highest-priority pending exception if it preempts the current execution
   * priority. Returns true when an exception was entered.
   */
  public boolean takePending() {
    if (lockedUp) {
      return false;
    }
    int next = nvic.highestPending();
    if (next == 0 || !nvic.canPreempt(next, executionPriority())) {
      return false;
    }
    enter(next, regs.pc());
    return true;
  }

  /** SVC retired: SVCall is taken now, or escalates when it cannot preempt (B1.5.14). */
  public void supervisorCall() {
    nvic.setPending(Exceptions.SVCALL);
    if (nvic.canPreempt(Exceptions.SVCALL, executionPriority())) {
      enter(Exceptions.SVCALL, regs.pc());
    } else {
      nvic.clearPending(Exceptions.SVCALL);
      escalate(Exceptions.SVCALL, regs.pc());
    }
  }

  /**
   * A synchronous fault at {@code returnAddress}: records {@code cfsrBits} and takes the fault's
   * handler, or HardFault when the handler is disabled or cannot preempt, or locks up.
   */
  public void fault(int exception, int cfsrBits, int returnAddress) {
    faults.recordCfsr(cfsrBits);
    GUEST.debug("{} (CFSR 0x{}) at 0x{}", Exceptions.name(exception),
        Integer.toHexString(cfsrBits), Integer.toHexString(returnAddress));
    if (lockedUp) {
      return;
    }
    if (nvic.isEnabled(exception) && nvic.canPreempt(exception, executionPriority())) {
      enter(exception, returnAddress);
    } else {
      escalate(exception, returnAddress);
    }
  }

  /**
   * A load or store the MPU refused at {@code address}: MemManage with DACCVIOL and MMFAR
   * valid (B3.2.15), as QEMU 7.2 records it also when the fault escalates to HardFault.
   */
  public void dataAccessViolation(int address, int returnAddress) {
    faults.recordDataAccessViolation(address);
    fault(Exceptions.MEM_MANAGE, 0, returnAddress);
  }

  /**
   * Whether the requested execution priority is negative, which lifts the MPU unless
   * MPU_CTRL.HFNMIENA is set: HardFault or NMI active, or FAULTMASK set (QEMU 7.2's
   * armv7m_nvic_neg_prio_requested).
   */
  public boolean requestedPriorityNegative() {
    return nvic.isActive(Exceptions.HARD_FAULT) || nvic.isActive(Exceptions.NMI)
        || regs.special().faultmask();
  }

  /** A precise data bus error at {@code address} (a catch-all region recorded it). */
  public void preciseBusError(int address, int returnAddress) {
    faults.recordPreciseBusError(address);
    fault(Exceptions.BUS_FAULT, 0, returnAddress);
  }

  private void escalate(int exception, int returnAddress) {
    if (!nvic.canPreempt(Exceptions.HARD_FAULT, executionPriority())) {
      lockUp(exception);
      return;
    }
    faults.recordHfsr(FaultStatus.FORCED);
    enter(Exceptions.HARD_FAULT, returnAddress);
  }

  // ---- returns the engine does by itself ----

  /**
   * The exception whose return the engine may do inside the next slice without stopping
   * ({@code CoreRegisters#armFastReturn}), or 0. Only when the outcome cannot differ from
   * {@link #exceptionReturn}: it is the sole active exception, so a return to thread mode is
   * valid; nothing is pending, so nothing tail-chains (a change during the slice disarms it);
   * and it is SVCall, PendSV or SysTick, whose deactivation never pends anything again, unlike
   * an external interrupt whose line is still high.
   */
  public int fastReturnCandidate() {
    if (lockedUp) {
      return 0;
    }
    int sole = nvic.soleActive();
    if ((sole == Exceptions.SVCALL || sole == Exceptions.PENDSV || sole == Exceptions.SYSTICK)
        && nvic.highestPending() == 0) {
      return sole;
    }
    return 0;
  }

  /**
   * Applies a return the engine did by itself: the exception is no longer active and the event
   * register is set, as {@link #exceptionReturn} does. Called after each slice and before every
   * guest access to the system control space, so nothing observes the state in between.
   */
  public void syncEngineReturn() {
    int exception = regs.takeReturned();
    if (exception != 0) {
      nvic.deactivate(exception);
      // The event as exceptionBoundary() sets it; the monitor was closed at that return (the
      // engine refuses it while a load exclusive may have opened it), and an LDREX since then
      // belongs to the thread, so it is left open.
      event = true;
      LOG.trace("return from {} (in the engine)", Exceptions.name(exception));
    }
  }

  // ---- entry ----

  /** Exception entry (B1.5.6 PushStack, ExceptionTaken). */
  private void enter(int exception, int returnAddress) {
    boolean stkalign = (scs.ccr() & SystemControlSpace.CCR_STKALIGN) != 0;
    if (regs.tryEnterException(exception, returnAddress, scs.vtor(), stkalign)) {
      // The common case, natively: the frame in RAM, the vector in RAM or ROM.
      handlerStarted(exception, regs.enteredVector());
      return;
    }
    int ipsr = regs.ipsr();
    int control = regs.control();
    boolean threadPsp = ipsr == 0 && (control & CoreRegisters.CONTROL_SPSEL) != 0;
    int sp = regs.sp();
    boolean align = (scs.ccr() & SystemControlSpace.CCR_STKALIGN) != 0 && (sp & 4) != 0;
    int frame = (sp - FRAME_SIZE) & ~(align ? 4 : 0);
    int xpsr = (regs.xpsr() & ~XPSR_ALIGN) | (align ? XPSR_ALIGN : 0);
    int[] words = {regs.r(0), regs.r(1), regs.r(2), regs.r(3), regs.r(12), regs.lr(),
        returnAddress & ~1, xpsr};
    // The frame is written with the privilege and priority of the code interrupted; QEMU 7.2
    // stops at the first word the MPU refuses, the words before it written.
    boolean privileged = ipsr != 0 || (control & CoreRegisters.CONTROL_NPRIV) == 0;
    boolean negpri = requestedPriorityNegative();
    boolean stacked = true;
    boolean refused = false;
    for (int i = 0; i < words.length; i++) {
      if (!stackGuard.permits(frame + 4 * i, true, privileged, negpri)) {
        refused = true;
        break;
      }
      stacked &= bus.write32(frame + 4 * i, words[i]);
    }
    regs.setSp(frame);
    int excReturn = ipsr != 0 ? Exceptions.EXC_RETURN_HANDLER
        : threadPsp ? Exceptions.EXC_RETURN_THREAD_PSP : Exceptions.EXC_RETURN_THREAD_MSP;
    if (refused) {
      GUEST.warn("stacking for {} at 0x{} refused by the MPU", Exceptions.name(exception),
          Integer.toHexString(frame));
      stackingFailed(exception, excReturn, control & CoreRegisters.CONTROL_NPRIV,
          Exceptions.MEM_MANAGE, FaultStatus.MSTKERR);
      return;
    }
    if (!stacked) {
      GUEST.warn("stacking for {} at 0x{} hit a bus error", Exceptions.name(exception),
          Integer.toHexString(frame));
      stackingFailed(exception, excReturn, control & CoreRegisters.CONTROL_NPRIV,
          Exceptions.BUS_FAULT, FaultStatus.STKERR);
      return;
    }
    startHandler(exception, excReturn, control & CoreRegisters.CONTROL_NPRIV);
  }

  /**
   * A derived fault on stacking (B1.5.6), as QEMU 7.2 takes it: CFSR.STKERR and a BusFault for
   * a bus error, CFSR.MSTKERR and a MemManage for an MPU refusal, the fault pended (escalated to
   * HardFault with HFSR.FORCED when it is disabled or cannot preempt the interrupted context,
   * lockup when not even HardFault can), the exception being entered left pending, and the
   * highest-priority pending exception entered on the frame as far as it got: the derived fault
   * when it outranks the original one, so an SVC whose stack is bad runs only after its fault
   * handler returns.
   */
  private void stackingFailed(int exception, int excReturn, int npriv, int derivedFault,
      int cfsrBit) {
    faults.recordCfsr(cfsrBit);
    int running = executionPriority();
    int derived = derivedFault;
    if (!nvic.isEnabled(derived) || !nvic.canPreempt(derived, running)) {
      if (!nvic.canPreempt(Exceptions.HARD_FAULT, running)) {
        lockUp(exception);
        return;
      }
      faults.recordHfsr(FaultStatus.FORCED);
      derived = Exceptions.HARD_FAULT;
    }
    nvic.setPending(exception);
    nvic.setPending(derived);
    startHandler(nvic.highestPending(), excReturn, npriv);
  }

  /** Vector fetch and the switch to handler mode, shared by entry and tail-chaining. */
  private void startHandler(int exception, int excReturn, int npriv) {
    int target = exception;
    long vector = bus.read32(scs.vtor() + 4 * exception);
    if (vector < 0) {
      // Vector table read error: HardFault with HFSR.VECTTBL (B1.5.14), or lockup.
      if (exception == Exceptions.HARD_FAULT || exception == Exceptions.NMI) {
        lockUp(exception);
        return;
      }
      faults.recordHfsr(FaultStatus.VECTTBL);
      target = Exceptions.HARD_FAULT;
      vector = bus.read32(scs.vtor() + 4 * target);
      if (vector < 0) {
        lockUp(target);
        return;
      }
    }

    regs.setMode(target, false, npriv != 0);
    regs.setLr(excReturn);
    regs.setXpsr((regs.xpsr() & ~(XPSR_IT | 0x1ff | XPSR_ALIGN)) | XPSR_T | target);
    regs.setPc((int) vector);
    handlerStarted(target, (int) vector);
  }

  /** The bookkeeping after the switch to {@code exception}'s handler at {@code vector}. */
  private void handlerStarted(int exception, int vector) {
    nvic.activate(exception);
    exceptionBoundary();
    if (LOG.isTraceEnabled()) {
      LOG.trace("enter {} -> 0x{}", Exceptions.name(exception), Integer.toHexString(vector));
    }
    if ((vector & 1) == 0) {
      // EPSR.T takes bit 0 of the vector (B1.5.6): clear, the handler's first instruction is
      // an INVSTATE UsageFault, stacked with T clear, as on QEMU and the silicon.
      GUEST.warn("vector for {} is 0x{} (bit 0 clear): INVSTATE", Exceptions.name(exception),
          Integer.toHexString(vector));
      regs.setXpsr(regs.xpsr() & ~XPSR_T);
      fault(Exceptions.USAGE_FAULT, FaultStatus.INVSTATE, vector);
    }
  }

  /**
   * What exception entry and return do besides the stack and mode (B1.5.6 ExceptionTaken, B1.5.8
   * ExceptionReturn): SetEventRegister and ClearExclusiveLocal, so that a STREX whose LDREX came
   * before an exception fails, as on QEMU and the silicon.
   */
  private void exceptionBoundary() {
    event = true;
    if (!regs.clearExclusiveMonitor() && !monitorWarned) {
      monitorWarned = true;
      LOG.warn("this libunicorn's exclusive monitor cannot be cleared on exception entry and "
          + "return: a STREX after an exception may succeed");
    }
  }

  // ---- return ----

  /**
   * A branch loaded {@code excReturn} (bit 0 may be clear, as Unicorn reports the PC): exception
   * return (B1.5.8), in the order QEMU 7.2 follows for v7-M where the architecture leaves it
   * open. FAULTMASK is cleared (not for NMI) and the exception deactivated first. Then an
   * EXC_RETURN whose low bits are reserved, or that returns to Thread mode while another
   * exception is active (CCR.NONBASETHRDENA clear), or from an exception that was not active,
   * takes an INVPC UsageFault on the existing frame ({@link #invalidReturn}). Otherwise a pending
   * exception that preempts tail-chains, or the frame is unstacked; a frame whose stacked IPSR
   * contradicts the EXC_RETURN (Thread mode with an exception number, Handler mode with 0) then
   * takes the INVPC UsageFault on a new frame. Only the low four bits select the return, as in
   * QEMU (the others are UNPREDICTABLE when not all ones).
   */
  public void exceptionReturn(int excReturn) {
    int value = excReturn | 1;
    int exception = regs.ipsr();
    if (exception == 0) {
      // Thread mode: not a return but a branch into the XN system region (B3.5.1).
      faults.recordCfsr(FaultStatus.IACCVIOL);
      fault(Exceptions.MEM_MANAGE, 0, value & ~1);
      return;
    }
    if (exception != Exceptions.NMI) {
      regs.setFaultmask(false);
    }
    boolean wasActive = nvic.isActive(exception);
    nvic.deactivate(exception);
    boolean valid = wasActive;
    boolean toThread = false;
    switch (value & 0xf) {
      case 0x1 -> { }
      case 0x9, 0xd -> {
        toThread = true;
        if (nvic.activeCount() > 0 && (scs.ccr() & SystemControlSpace.CCR_NONBASETHRDENA) == 0) {
          valid = false;
        }
      }
      default -> valid = false;
    }
    if (!valid) {
      invalidReturn(value);
      return;
    }
    exceptionBoundary();
    // Tail-chaining (B1.5.12): a pending exception that would preempt the context we return to
    // is entered at once, reusing the frame on the stack.
    int next = nvic.highestPending();
    if (next != 0 && nvic.canPreempt(next, executionPriority())) {
      LOG.trace("tail-chain {} -> {}", Exceptions.name(exception), Exceptions.name(next));
      startHandler(next, value, regs.control() & CoreRegisters.CONTROL_NPRIV);
      return;
    }
    if (popStack(0xfffffff0 | (value & 0xf), toThread) && toThread == (regs.ipsr() != 0)) {
      GUEST.warn("exception return 0x{} found a stacked IPSR of {}: INVPC UsageFault",
          Integer.toHexString(value), regs.ipsr());
      fault(Exceptions.USAGE_FAULT, FaultStatus.INVPC, regs.pc());
      if (!lockedUp) {
        regs.setLr(value); // QEMU hands the handler the EXC_RETURN that failed
      }
    }
  }

  /**
   * An invalid EXC_RETURN, as QEMU 7.2 takes it: CFSR.INVPC and a UsageFault pended (HardFault
   * when it is disabled or cannot preempt, lockup when neither can), then the highest pending
   * exception is entered like a tail-chain: nothing is stacked again, SP stays on the frame of
   * the exception that returned, and LR holds the failed EXC_RETURN.
   */
  private void invalidReturn(int value) {
    faults.recordCfsr(FaultStatus.INVPC);
    GUEST.warn("invalid exception return 0x{}: INVPC UsageFault on the existing frame",
        Integer.toHexString(value));
    int target = Exceptions.USAGE_FAULT;
    if (!nvic.isEnabled(target) || !nvic.canPreempt(target, executionPriority())) {
      if (!nvic.canPreempt(Exceptions.HARD_FAULT, executionPriority())) {
        lockUp(target);
        return;
      }
      faults.recordHfsr(FaultStatus.FORCED);
      target = Exceptions.HARD_FAULT;
    }
    nvic.setPending(target);
    startHandler(nvic.highestPending(), value, regs.control() & CoreRegisters.CONTROL_NPRIV);
  }

  /**
   * Unstacking (B1.5.8 PopStack) of a canonical EXC_RETURN; false when it faulted instead. The
   * IPSR comes from the stacked xPSR, also on a return to Thread mode (the caller checks it).
   */
  private boolean popStack(int excReturn, boolean toThread) {
    if (regs.tryReturnFromException(excReturn,
        (scs.ccr() & SystemControlSpace.CCR_STKALIGN) != 0)) {
      return true; // the common case, natively: the frame in RAM or ROM
    }
    boolean psp = excReturn == Exceptions.EXC_RETURN_THREAD_PSP;
    CoreRegisters.Special s = regs.special();
    int frame = psp ? s.psp() : s.msp();
    int[] w = new int[8];
    // Read with the privilege of the mode returned to and the priority after the return.
    boolean privileged = !toThread || (regs.control() & CoreRegisters.CONTROL_NPRIV) == 0;
    boolean negpri = requestedPriorityNegative();
    for (int i = 0; i < 8; i++) {
      if (!stackGuard.permits(frame + 4 * i, false, privileged, negpri)) {
        GUEST.warn("unstacking at 0x{} refused by the MPU", Integer.toHexString(frame));
        faults.recordCfsr(FaultStatus.MUNSTKERR);
        fault(Exceptions.MEM_MANAGE, 0, regs.pc());
        return false;
      }
      long v = bus.read32(frame + 4 * i);
      if (v < 0) {
        faults.recordCfsr(FaultStatus.UNSTKERR);
        fault(Exceptions.BUS_FAULT, 0, regs.pc());
        return false;
      }
      w[i] = (int) v;
    }
    int xpsr = w[7];
    int newSp = frame + FRAME_SIZE
        + ((xpsr & XPSR_ALIGN) != 0 && (scs.ccr() & SystemControlSpace.CCR_STKALIGN) != 0 ? 4 : 0);
    int ipsr = xpsr & 0x1ff;
    if (!toThread && ipsr == 0) {
      GUEST.warn("return to handler mode with a stacked IPSR of 0");
    }
    regs.setMode(ipsr, psp && ipsr == 0, (regs.control() & CoreRegisters.CONTROL_NPRIV) != 0);
    if (psp) {
      regs.setPsp(newSp);
    } else {
      regs.setMsp(newSp);
    }
    regs.setR(0, w[0]);
    regs.setR(1, w[1]);
    regs.setR(2, w[2]);
    regs.setR(3, w[3]);
    regs.setR(12, w[4]);
    regs.setLr(w[5]);
    regs.setPc(w[6]);
    regs.setXpsr((xpsr & ~(0x1ff | XPSR_ALIGN)) | ipsr); // after the PC: EPSR.T as stacked
    return true;
  }

  // ---- lockup ----

  private void lockUp(int exception) {
    lockedUp = true;
    StringBuilder b = new StringBuilder();
    b.append("lockup: fault in ").append(Exceptions.name(regs.ipsr()))
        .append(" while taking ").append(Exceptions.name(exception)).append('\n');
    for (int i = 0; i <= 12; i++) {
      b.append(String.format("R%-3d 0x%08x%n", i, regs.r(i)));
    }
    b.append(String.format("SP   0x%08x%n", regs.sp()));
    b.append(String.format("LR   0x%08x%n", regs.lr()));
    b.append(String.format("PC   0x%08x%n", regs.pc()));
    b.append(String.format("xPSR 0x%08x%n", regs.xpsr()));
    b.append(String.format("CFSR 0x%08x%n", faults.cfsr()));
    b.append(String.format("HFSR 0x%08x%n", faults.hfsr()));
    b.append(String.format("MMFAR 0x%08x%n", faults.mmfar()));
    b.append(String.format("BFAR 0x%08x%n", faults.bfar()));
    lockupReport = b.toString();
    GUEST.error("core locked up\n{}", lockupReport);
  }
}
