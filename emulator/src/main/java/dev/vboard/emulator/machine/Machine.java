package dev.vboard.emulator.machine;

import dev.vboard.emulator.arm.CoreRegisters;
import dev.vboard.emulator.arm.ExceptionUnit;
import dev.vboard.emulator.arm.Exceptions;
import dev.vboard.emulator.arm.FaultStatus;
import dev.vboard.emulator.arm.Mpu;
import dev.vboard.emulator.arm.Nvic;
import dev.vboard.emulator.arm.SysTick;
import dev.vboard.emulator.arm.SystemControlSpace;
import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.cpu.CpuCore;
import dev.vboard.emulator.cpu.SliceResult;
import dev.vboard.emulator.cpu.Thumb;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongBinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated Cortex-M machine: CPU, memory map, interrupt controller, clock and scheduler.
 * A board builder maps memory and devices, an image loader fills memory, then {@link #reset()}
 * and {@link #run(long)}. Single-threaded: call everything from one thread (except
 * {@link #requestStop()}).
 *
 * <p>The run loop (one iteration per slice): run due events, take a pending exception that can
 * preempt, then run the CPU for at most min(next deadline, limit) - now instructions; virtual
 * time is the instruction count at one instruction per cycle. A sleeping core (WFI/WFE) skips
 * time to the next deadline instead of running.
 *
 * <p>Input that host threads receive (stdin on a terminal or a pipe) reaches the loop through
 * the scheduler's {@link HostEvents}: it is delivered at the top of an iteration, at the virtual
 * time it is noticed, and a signal ends a slice in progress at its next block boundary. A core
 * asleep with nothing scheduled while such a source is open blocks until it signals, rather
 * than polling; that idle time passes at the wall clock's pace (see {@link #awaitHostInput}).
 * Host sockets plug into the same doorbell ({@link HostEvents.Waiter}): an idle wait blocks in
 * their selector, and while the core runs they are looked at once per check interval of
 * virtual time (a slice never runs past it while sockets are open), never by scheduler events.
 */
public final class Machine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Machine.class);
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  /** Idle budgets longer than this (about 292 years) are waited for without an end. */
  private static final long FOREVER_NANOS = Long.MAX_VALUE / 2;

  /** SysTick's reference clock when CSR.CLKSOURCE=0: 1 MHz, as QEMU's mps2 boards wire it. */
  public static final long SYSTICK_REFERENCE_HZ = 1_000_000L;

  private enum Sleep { AWAKE, WFI, WFE }

  private final MachineConfig config;
  private final VirtualClock clock;
  private final Scheduler scheduler;
  private final CpuCore core;
  private final CoreRegisters regs;
  private final Nvic nvic;
  private final FaultStatus faults;
  private final SysTick sysTick;
  private final SystemControlSpace scs;
  private final ExceptionUnit exceptions;
  private final AddressSpace space;
  private final RealtimePacer pacer;
  private final HostEvents hostEvents;
  private final List<Runnable> resetListeners = new ArrayList<>();
  private final IrqLine[] irqLines;
  private SemihostingHandler semihosting;
  private volatile boolean stopRequested;
  private boolean resetRequested;
  private boolean trapsChanged;
  /** Whether the "MPU not enforced" warning was logged. */
  private boolean mpuWarned;
  /** An MPU change waits for the end of the slice (see {@link #mpuChanged}). */
  private boolean mpuPending;
  private boolean realtime;
  private LongBinaryOperator idleWait;
  private Sleep sleep = Sleep.AWAKE;
  private boolean exited;
  private int exitCode;
  private long instructions;
  private long resetCycle;
  private long sliceStart;
  /** Cycle at which the host-socket waiter is next looked at (see {@link #checkHostWaiter}). */
  private long nextHostCheck;
  private boolean hostWaiterOpen;

  public Machine(MachineConfig config) {
    this.config = config;
    this.clock = new VirtualClock(config.clockHz());
    this.scheduler = new Scheduler(clock);
    this.core = new CpuCore();
    this.regs = new CoreRegisters(core);
    this.nvic = new Nvic(config.externalIrqs(), config.priorityBits());
    this.faults = new FaultStatus();
    this.sysTick = new SysTick(scheduler, nvic, SYSTICK_REFERENCE_HZ);
    this.scs = new SystemControlSpace(nvic, faults, sysTick, regs::ipsr, this::requestSystemReset);
    this.space = new AddressSpace(core.unicorn(), core::abortAccess, core::codeChanged,
        new AddressSpace.MemoryMapper() {
          @Override
          public void map(long base, long size, boolean writable) {
            core.mapMemory(base, size, writable);
          }

          @Override
          public void alias(long base, long size, long target) {
            core.mapAlias(base, size, target);
          }
        });
    this.exceptions = new ExceptionUnit(regs, nvic, faults, scs, space, core::mpuPermits);
    scs.setAccessListener(exceptions::syncEngineReturn);
    // Only the guest's own accesses (a debugger's reads between slices are privileged);
    // CONTROL first: nPRIV is rarely set, so most PPB accesses cost one register read.
    BooleanSupplier unprivileged = () -> core.inSlice()
        && (regs.control() & CoreRegisters.CONTROL_NPRIV) != 0 && regs.ipsr() == 0;
    scs.setAccessGuard(unprivileged, core::abortAccess);
    this.pacer = new RealtimePacer(clock);
    this.hostEvents = scheduler.hostEvents();
    hostEvents.setInterrupter(core::raiseStop);
    nvic.setChangeListener(() -> {
      core.raiseStop();
      core.disarmFastReturn(); // a pending exception may have to tail-chain: Java decides
    });
    // SCR.SEVONPEND: an interrupt becoming pending sets the event register, which wakes WFE
    // even when the interrupt is disabled or masked (B1.5.18, B3.2.7).
    nvic.setPendListener(() -> {
      if ((scs.scr() & SystemControlSpace.SCR_SEVONPEND) != 0) {
        exceptions.setEvent(true);
      }
    });
    scs.mpu().setListener(this::mpuChanged);
    scs.setCcrListener(() -> {
      trapsChanged = true;
      boolean divideTrap = (scs.ccr() & SystemControlSpace.CCR_DIV_0_TRP) != 0;
      if (core.inSlice() && divideTrap != core.divideTrap()) {
        // QEMU checks DIV_0_TRP at each divide: one right after this store must see the new
        // setting, so the store runs again in a slice with the divide hooks changed.
        core.restartAfterAccess((int) SystemControlSpace.CCR_ADDRESS);
      } else {
        core.raiseStop();
      }
    });
    clock.setInFlight(core::inFlight);
    scheduler.setEarliestDeadlineListener(deadline -> core.limitBudget(deadline - sliceStart));
    space.mapMmio("scs", SystemControlSpace.BASE, SystemControlSpace.SIZE, scs);
    // The rest of the Private Peripheral Bus (ITM, DWT, FPB, TPIU...) is RAZ/WI for privileged
    // code and a BusFault for unprivileged code, as in QEMU.
    long ppbTail = SystemControlSpace.BASE + SystemControlSpace.SIZE;
    space.mapMmio("ppb", 0xe0000000L, SystemControlSpace.BASE - 0xe0000000L,
        new PrivatePeripheralBusDefault(0xe0000000L, unprivileged, core::abortAccess));
    space.mapMmio("ppb", ppbTail, 0xe0100000L - ppbTail,
        new PrivatePeripheralBusDefault(ppbTail, unprivileged, core::abortAccess));
    irqLines = new IrqLine[config.externalIrqs()];
    for (int i = 0; i < irqLines.length; i++) {
      int irq = i;
      irqLines[i] = level -> nvic.setLevel(irq, level);
    }
  }

  public MachineConfig config() {
    return config;
  }

  public VirtualClock clock() {
    return clock;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  // ---- memory map ----

  /** Maps guest-writable RAM, zero-filled at construction (not at reset, as on the board). */
  public void mapRam(String name, long base, long size) {
    space.mapRam(name, base, size);
  }

  /** Maps a second view of the RAM or ROM at {@code target}, as QEMU's memory aliases. */
  public void mapAlias(String name, long base, long size, long target) {
    space.mapAlias(name, base, size, target);
  }

  /** Maps memory the guest may read and execute but not write; loaders fill it. */
  public void mapRom(String name, long base, long size) {
    space.mapRom(name, base, size);
  }

  /** Maps a peripheral; every guest access in [base, base+size) goes to {@code device}. */
  public void mapMmio(String name, long base, long size, MmioDevice device) {
    space.mapMmio(name, base, size, device);
  }

  /** A region known on the board but not modelled: accesses are logged, read as zero, no fault. */
  public void mapUnimplemented(String name, long base, long size) {
    space.mapMmio(name, base, size, new UnimplementedDevice(name, base));
  }

  /** The wire into NVIC external interrupt {@code n} (0-based, IRQn). */
  public IrqLine irq(int n) {
    if (n < 0 || n >= irqLines.length) {
      throw new IllegalArgumentException("IRQ " + n + " out of range 0-" + (irqLines.length - 1));
    }
    return irqLines[n];
  }

  public GuestMemory memory() {
    return space;
  }

  public void setSemihosting(SemihostingHandler handler) {
    this.semihosting = handler;
  }

  /** Registers called on AIRCR.SYSRESETREQ and {@link #reset()}, e.g. to reset devices. */
  public void addResetListener(Runnable listener) {
    resetListeners.add(listener);
  }

  /**
   * Consulted before every idle skip with {@code (nowCycle, targetCycle)}; returns the cycle
   * virtual time may advance to (clamped to {@code [now, target]}). The network bridge uses it
   * to hold idle time to the wall clock while a real host socket is open. Null: skip freely.
   * Not consulted under {@link #setRealtime realtime}, which paces every idle skip already.
   */
  public void setIdleWait(LongBinaryOperator wait) {
    idleWait = wait;
  }

  /** Paces idle skips to the wall clock (--realtime); running code is never slowed. */
  public void setRealtime(boolean on) {
    realtime = on;
    pacer.reanchor();
  }

  // ---- reset ----

  /** Core reset: SP and PC from the vector table at 0 (VTOR's reset value), devices reset. */
  public void reset() {
    space.seal();
    resetRequested = false;
    exited = false;
    exitCode = 0;
    sleep = Sleep.AWAKE;
    core.resetRegisters();
    scs.reset();
    trapsChanged = true;
    exceptions.reset();
    for (Runnable listener : resetListeners) {
      listener.run();
    }
    instructions = 0;
    resetCycle = clock.now();
    long sp = space.read32(0);
    long pc = space.read32(4);
    if (sp < 0 || pc < 0) {
      GUEST.error("reset: no vector table at 0x00000000");
    }
    regs.setMsp((int) Math.max(sp, 0) & ~3);
    // TakeReset (B1.5.5) presets LR to 0xFFFFFFFF, an illegal exception return value, as QEMU
    // 7.2 does; QEMU's APSR resets with Z set (its zeroed flag state means Z), so ours too.
    regs.setLr(0xffffffff);
    regs.setXpsr(1 << 24 | 1 << 30);
    regs.setPc((int) Math.max(pc, 0));
    if (pc >= 0 && (pc & 1) == 0) {
      GUEST.warn("reset vector 0x{} is not a Thumb address", Long.toHexString(pc));
    }
  }

  /**
   * Resets the board (core and devices; memory keeps its contents) at the next boundary of
   * the run loop, before any further instruction or exception entry: AIRCR.SYSRESETREQ, or a
   * device's reset request such as the watchdog's WDOGRES.
   */
  public void requestSystemReset() {
    resetRequested = true;
    core.raiseStop();
  }

  // ---- running ----

  /** Runs until exit, lockup, a stop request or {@code maxCycles} more cycles of virtual time. */
  public RunResult run(long maxCycles) {
    space.seal();
    long limit = clock.now() + Math.max(0, Math.min(maxCycles, Long.MAX_VALUE - clock.now()));
    nextHostCheck = clock.now();
    RunResult result;
    do {
      result = step(limit);
    } while (result == null);
    return result;
  }

  /**
   * One iteration of the run loop; null to go on. A method of its own so that the JIT compiles
   * it after a few hundred iterations: as the body of the loop in {@link #run} it would stay
   * interpreted until on-stack replacement, tens of thousands of iterations (idle ticks) later.
   */
  private RunResult step(long limit) {
    if (exited) {
      return result(RunResult.Stop.EXITED);
    }
    if (exceptions.lockedUp()) {
      return result(RunResult.Stop.LOCKUP);
    }
    if (resetRequested) {
      LOG.debug("system reset request: resetting the board");
      reset();
    }
    if (clock.now() >= nextHostCheck) {
      checkHostWaiter();
    }
    hostEvents.deliver();
    scheduler.runDue();
    if (resetRequested) {
      return null; // a device asked for a reset (watchdog): nothing more runs before it
    }
    if (stopRequested) {
      stopRequested = false;
      return result(RunResult.Stop.STOP_REQUESTED);
    }
    if (sleep != Sleep.AWAKE && !wakeUp()) {
      return idle(limit) ? null : result(RunResult.Stop.LIMIT_REACHED);
    }
    exceptions.takePending();
    if (exceptions.lockedUp()) {
      return null;
    }
    long now = clock.now();
    if (now >= limit) {
      return result(RunResult.Stop.LIMIT_REACHED);
    }
    long end = Math.min(scheduler.nextDeadline(), limit);
    if (hostWaiterOpen) {
      end = Math.min(end, Math.max(nextHostCheck, now + 1));
    }
    runSlice(end - now);
    return null;
  }

  /**
   * HOST I/O EDGE: a busy core does not wait, so host sockets (the {@link HostEvents.Waiter})
   * are looked at without blocking once per check interval of virtual time; a ready one is
   * delivered as host input at the top of this iteration. Without open sockets this changes
   * nothing the guest can see (no event, no shorter slice), so virtual-only runs replay exactly.
   */
  private void checkHostWaiter() {
    long interval = hostEvents.waiterCheckNanos();
    nextHostCheck = interval == Long.MAX_VALUE ? Long.MAX_VALUE
        : clock.now() + Math.max(1, clock.nanosToCycles(interval));
    hostWaiterOpen = hostEvents.waiterOpen();
    hostEvents.checkWaiter();
  }

  private void runSlice(long budget) {
    if (trapsChanged) {
      trapsChanged = false;
      core.setTraps((scs.ccr() & SystemControlSpace.CCR_UNALIGN_TRP) != 0,
          (scs.ccr() & SystemControlSpace.CCR_DIV_0_TRP) != 0);
    }
    core.clearStop();
    core.watchMasks(nvic.highestPending() != 0);
    if (mpuPending) {
      mpuPending = false;
      mpuChanged(scs.mpu());
    } else if (core.mpuEnabled()) {
      syncMpu();
    }
    if (stopRequested || hostEvents.pending()) {
      core.raiseStop(); // a request or host input that raced with the clear must not be lost
    }
    regs.armFastReturn(exceptions.fastReturnCandidate(),
        (scs.ccr() & SystemControlSpace.CCR_STKALIGN) != 0);
    sliceStart = clock.now();
    SliceResult r = core.runSlice(budget);
    core.disarmFastReturn();
    exceptions.syncEngineReturn();
    if (core.takeSev()) {
      exceptions.setEvent(true); // SEV (B1.5.18): a WFE after it does not sleep
    }
    clock.advance(r.elapsed());
    instructions += r.executed();
    if (LOG.isTraceEnabled()) {
      LOG.trace("slice of {}: {} after {} at 0x{}", budget, r.exit(), r.executed(),
          Integer.toHexString(r.pc()));
    }
    dispatch(r);
  }

  private void dispatch(SliceResult r) {
    switch (r.exit()) {
      case BUDGET:
      case FLAG:
        break;
      case WFI:
        sleep = Sleep.WFI;
        break;
      case WFE:
        if (exceptions.event()) {
          exceptions.setEvent(false); // the event was set: WFE clears it and carries on
        } else {
          sleep = Sleep.WFE;
        }
        break;
      case SVC:
        exceptions.supervisorCall();
        break;
      case BKPT:
        breakpoint(r.pc());
        break;
      case EXC_RETURN:
        exceptions.exceptionReturn(r.pc());
        break;
      case UNDEFINED:
        exceptions.fault(Exceptions.USAGE_FAULT, FaultStatus.UNDEFINSTR, r.pc());
        break;
      case NO_COPROCESSOR:
        exceptions.fault(Exceptions.USAGE_FAULT, FaultStatus.NOCP, r.pc());
        break;
      case INVALID_STATE:
        exceptions.fault(Exceptions.USAGE_FAULT, FaultStatus.INVSTATE, r.pc());
        break;
      case UNALIGNED:
        exceptions.fault(Exceptions.USAGE_FAULT, FaultStatus.UNALIGNED, r.pc());
        break;
      case DIVIDE_BY_ZERO:
        exceptions.fault(Exceptions.USAGE_FAULT, FaultStatus.DIVBYZERO, r.pc());
        break;
      case FETCH_FAULT:
        fetchFault(r.pc());
        break;
      case BUS_ERROR:
        exceptions.preciseBusError(r.detail(), r.pc());
        break;
      case MPU_DATA:
        exceptions.dataAccessViolation(r.detail(), r.pc());
        break;
      case MPU_FETCH:
        exceptions.fault(Exceptions.MEM_MANAGE, FaultStatus.IACCVIOL, r.pc());
        break;
      case DATA_FAULT:
        GUEST.warn("data access fault near 0x{} (Unicorn error {})", Integer.toHexString(r.pc()),
            r.detail());
        exceptions.fault(Exceptions.BUS_FAULT, FaultStatus.PRECISERR, r.pc());
        break;
      default:
        throw new IllegalStateException("unhandled slice exit " + r.exit());
    }
  }

  /**
   * The guest changed an MPU register: the engine enforces the new state from its next access,
   * as QEMU 7.2 flushes its TLB on each of these writes.
   */
  private void mpuChanged(Mpu mpu) {
    if (core.inSlice() && mpu.enabled() && !CpuCore.mpuAvailabilityKnown()) {
      // The first enable in this process: the check runs an engine of its own, so it waits for
      // the end of the block (the ISB that must follow an MPU enable ends it anyway).
      mpuPending = true;
      core.raiseStop();
      return;
    }
    if (!core.setMpu(mpu.ctrl(), mpu.rbar(), mpu.rasr())) {
      if (mpu.enabled() && !mpuWarned) {
        mpuWarned = true;
        LOG.warn("this libunicorn does not let vboard enforce the MPU: its regions are ignored");
      }
      return;
    }
    if (core.mpuEnabled()) {
      syncMpu();
    }
  }

  /**
   * Hands the engine what its MPU checks need and cannot see: whether HardFault or NMI is
   * active, and the privilege the exception model set between slices.
   */
  private void syncMpu() {
    core.syncMpu(nvic.isActive(Exceptions.HARD_FAULT) || nvic.isActive(Exceptions.NMI));
  }

  /** Instruction fetch from non-memory: the XN system region is MemManage, else IBUSERR. */
  private void fetchFault(int pc) {
    if (neverExecute(pc & 0xffffffffL)) {
      exceptions.fault(Exceptions.MEM_MANAGE, FaultStatus.IACCVIOL, pc);
    } else {
      exceptions.fault(Exceptions.BUS_FAULT, FaultStatus.IBUSERR, pc);
    }
  }

  /**
   * The Execute Never regions of the default memory map (ARMv7-M B3.1, table B3-1): Peripheral
   * 0x40000000-0x5FFFFFFF, Device 0xA0000000-0xDFFFFFFF and System from 0xE0000000. A fetch
   * there is a MemManage IACCVIOL, as in QEMU, wherever a device is mapped or not.
   */
  private static boolean neverExecute(long address) {
    return (address >= 0x40000000L && address < 0x60000000L) || address >= 0xa0000000L;
  }

  /** BKPT: 0xAB is a semihosting call; any other BKPT escalates (no debugger attached). */
  private void breakpoint(int pc) {
    byte[] insn = space.read(pc & 0xffffffffL, 2);
    int imm = Thumb.halfword(insn, 0) & 0xff;
    // QEMU 7.2 serves semihosting to privileged code only (its userspace=on option is off by
    // default): from unprivileged Thread mode the BKPT is an ordinary debug event.
    boolean privileged = regs.ipsr() != 0 || (regs.control() & CoreRegisters.CONTROL_NPRIV) == 0;
    if (imm == Thumb.SEMIHOSTING_IMM && semihosting != null && privileged) {
      SemihostingRequest call = new SemihostingRequest(regs.r(0), regs.r(1), space, clock);
      semihosting.handle(call);
      instructions++; // the BKPT retires; its cycle is already in the slice's elapsed time
      regs.setPc(pc + 2);
      if (call.exited()) {
        exited = true;
        exitCode = call.exitStatus();
      } else if (call.completed()) {
        regs.setR(0, call.result());
      } else {
        GUEST.warn("semihosting operation 0x{} not answered", Integer.toHexString(call.operation()));
      }
      return;
    }
    // DebugMonitor is disabled (DEMCR.MON_EN=0): the debug event escalates to HardFault, with
    // HFSR.FORCED only, as QEMU 7.2 reports it (it does not set HFSR.DEBUGEVT).
    exceptions.fault(Exceptions.DEBUG_MONITOR, 0, pc);
  }

  // ---- sleeping ----

  /** A sleeping core wakes on a pending interrupt (even if PRIMASK masks it), WFE on an event. */
  private boolean wakeUp() {
    if (nvic.shouldWake() || (sleep == Sleep.WFE && exceptions.event())) {
      if (sleep == Sleep.WFE) {
        exceptions.setEvent(false);
      }
      sleep = Sleep.AWAKE;
      return true;
    }
    return false;
  }

  /** Skips virtual time to the next deadline; false when the limit is reached first. */
  private boolean idle(long limit) {
    long now = clock.now();
    if (now >= limit) {
      return false;
    }
    long next = scheduler.nextDeadline();
    if (next == Long.MAX_VALUE && !realtime && hostEvents.hasOpenSources()) {
      return awaitHostInput(now, limit);
    }
    if (next == Long.MAX_VALUE && !realtime) {
      // Asleep with nothing scheduled: nothing can ever wake the core. Spend a finite budget;
      // with an unbounded one (a hang, as QEMU would) leave the clock where it is.
      if (limit < Long.MAX_VALUE / 2) {
        clock.advanceTo(limit);
      } else {
        GUEST.warn("core sleeps with no event scheduled: nothing can wake it");
      }
      return false;
    }
    long target = Math.min(next, limit);
    if (realtime) {
      target = pacer.waitFor(target, hostEvents, () -> stopRequested);
    }
    // Under --realtime the pacer above already holds idle time to the wall clock and host
    // sockets end its wait; a second, separately anchored pacer would only drag time back.
    if (idleWait != null && !realtime && target > now) {
      target = Math.max(now, Math.min(target, idleWait.applyAsLong(now, target)));
    }
    if (target > now) {
      clock.advanceTo(target);
    }
    return clock.now() < limit;
  }

  /**
   * HOST I/O EDGE: asleep, nothing scheduled, a host input source open: only that input can
   * wake the core. Blocks (no CPU) until it signals, a stop request, or the wall clock has
   * covered the rest of the budget. The idle time passes at the wall clock's pace, as with open
   * host sockets ({@code net.HostIoPacer}): the guest sees input arrive after the delay it had
   * on the host, and a --timeout still ends a run whose guest waits for input that never comes.
   */
  private boolean awaitHostInput(long now, long limit) {
    long budget = limit - now;
    long maxNanos = budget >= clock.nanosToCycles(FOREVER_NANOS) ? Long.MAX_VALUE
        : clock.cyclesToNanos(budget);
    long waited = hostEvents.await(maxNanos, () -> stopRequested);
    clock.advanceTo(now + Math.min(budget, clock.nanosToCycles(waited)));
    return clock.now() < limit;
  }

  /** Asks a run in progress to return at the next block boundary; safe from any thread. */
  public void requestStop() {
    stopRequested = true;
    core.raiseStop();
    hostEvents.interruptWait();
  }

  /** The core's registers, for debuggers and tests; only between runs. */
  public CoreRegisters registers() {
    return regs;
  }

  /** The interrupt controller state (for debuggers and tests). */
  public Nvic nvic() {
    return nvic;
  }

  /** The fault status registers (for debuggers, reports and tests). */
  public FaultStatus faultStatus() {
    return faults;
  }

  /**
   * Guest instructions executed since reset; during a run (from a device callback) it includes
   * the slice in progress, exact to the block like {@link VirtualClock#now()}.
   */
  public long instructions() {
    return instructions + core.inFlight();
  }

  /** Virtual cycles since the last reset. */
  public long cycles() {
    return clock.now() - resetCycle;
  }

  private RunResult result(RunResult.Stop stop) {
    return new RunResult(stop, stop == RunResult.Stop.EXITED ? exitCode : 0, instructions,
        cycles(), stop == RunResult.Stop.LOCKUP ? exceptions.lockupReport() : "");
  }

  @Override
  public void close() {
    hostEvents.setInterrupter(() -> { }); // a stdin reader may signal after the core is freed
    core.close(); // idempotent
  }
}
