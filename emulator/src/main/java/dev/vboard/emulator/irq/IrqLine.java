package dev.vboard.emulator.irq;

/**
 * One interrupt wire from a peripheral to the interrupt controller. Level-sensitive, as QEMU's
 * qemu_irq: a peripheral drives it from its {@code updateIrq()} after every state change, and the
 * NVIC pends the interrupt while the level is high.
 */
@FunctionalInterface
public interface IrqLine {

  /** A line that goes nowhere, for devices the board leaves unconnected. */
  IrqLine UNCONNECTED = level -> { };

  void set(boolean level);
}
