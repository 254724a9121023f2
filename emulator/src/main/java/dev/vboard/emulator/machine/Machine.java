package dev.vboard.emulator.machine;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;

/**
 * One emulated Cortex-M machine: CPU, memory map, interrupt controller, clock and scheduler.
 * A board builder maps memory and devices, an image loader fills memory, then {@link #reset()}
 * and {@link #run(long)}. Single-threaded: call everything from one thread.
 *
 * <p>CONTRACT SKELETON: the signatures are fixed (other parts code against them); the CPU-core
 * work fills in the bodies.
 */
public final class Machine implements AutoCloseable {

  public Machine(MachineConfig config) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public MachineConfig config() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public VirtualClock clock() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public Scheduler scheduler() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Maps guest-writable RAM, zero-filled at construction (not at reset, as on the board). */
  public void mapRam(String name, long base, long size) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Maps memory the guest may read and execute but not write; loaders fill it. */
  public void mapRom(String name, long base, long size) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Maps a peripheral; every guest access in [base, base+size) goes to {@code device}. */
  public void mapMmio(String name, long base, long size, MmioDevice device) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** A region known on the board but not modelled: accesses are logged, read as zero, no fault. */
  public void mapUnimplemented(String name, long base, long size) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The wire into NVIC external interrupt {@code n} (0-based, IRQn). */
  public IrqLine irq(int n) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public GuestMemory memory() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public void setSemihosting(SemihostingHandler handler) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Registers called on AIRCR.SYSRESETREQ and {@link #reset()}, e.g. to reset devices. */
  public void addResetListener(Runnable listener) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Core reset: SP and PC from the vector table at 0 (VTOR's reset value), devices reset. */
  public void reset() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Runs until exit, lockup, a stop request or {@code maxCycles} more cycles of virtual time. */
  public RunResult run(long maxCycles) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Asks a run in progress to return at the next block boundary; safe from any thread. */
  public void requestStop() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Guest instructions executed since reset. */
  public long instructions() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {
  }
}
