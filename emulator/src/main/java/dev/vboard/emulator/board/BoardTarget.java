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

  /** The NMI input: a rising level pends the NMI exception. */
  IrqLine nmi();

  void mapRam(String name, long base, long size);

  void mapRom(String name, long base, long size);

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
        boolean[] level = new boolean[1];
        return high -> {
          if (high && !level[0]) {
            machine.nvic().setPending(Exceptions.NMI);
          }
          level[0] = high;
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
