package dev.vboard.emulator.board;

import dev.vboard.emulator.arm.Exceptions;
import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.machine.Machine;
import dev.vboard.emulator.time.Scheduler;

/**
 * The part of {@link Machine} the builder uses. The builder talks to this rather than to the
 * machine so that the whole assembly (memory map, wiring, devices) can be checked in tests
 * without a CPU.
 */
interface BoardTarget {
  Scheduler scheduler();

  GuestMemory memory();

  IrqLine irq(int n);

  /**
   * The NMI input: every high drive pends the NMI exception, not only a rising edge. That is
   * QEMU 7.2's nvic_nmi_trigger(), which pends NMI whenever its input is set to 1 without
   * tracking the level; devices drive their outputs again on register writes (the CMSDK
   * watchdog does), so each such write with the output high pends NMI once more.
   */
  IrqLine nmi();

  /** The system reset request: every high drive resets the board, as AIRCR.SYSRESETREQ. */
  IrqLine systemReset();

  void mapRam(String name, long base, long size);

  void mapRom(String name, long base, long size);

  /** A second view of the RAM or ROM at [target, target + size), as QEMU's memory aliases. */
  void mapAlias(String name, long base, long size, long target);

  void mapMmio(String name, long base, long size, MmioDevice device);

  void mapUnimplemented(String name, long base, long size);

  void addResetListener(Runnable listener);

  /** The real thing. */
  static BoardTarget of(Machine machine) {
    return new BoardTarget() {
      @Override
      public Scheduler scheduler() {
        return machine.scheduler();
      }

      @Override
      public GuestMemory memory() {
        return machine.memory();
      }

      @Override
      public IrqLine irq(int n) {
        return machine.irq(n);
      }

      @Override
      public IrqLine nmi() {
        return high -> {
          if (high) {
            machine.nvic().setPending(Exceptions.NMI);
          }
        };
      }

      @Override
      public IrqLine systemReset() {
        return high -> {
          if (high) {
            machine.requestSystemReset();
          }
        };
      }

      @Override
      public void mapRam(String name, long base, long size) {
        machine.mapRam(name, base, size);
      }

      @Override
      public void mapRom(String name, long base, long size) {
        machine.mapRom(name, base, size);
      }

      @Override
      public void mapAlias(String name, long base, long size, long target) {
        machine.mapAlias(name, base, size, target);
      }

      @Override
      public void mapMmio(String name, long base, long size, MmioDevice device) {
        machine.mapMmio(name, base, size, device);
      }

      @Override
      public void mapUnimplemented(String name, long base, long size) {
        machine.mapUnimplemented(name, base, size);
      }

      @Override
      public void addResetListener(Runnable listener) {
        machine.addResetListener(listener);
      }
    };
  }
}
