package dev.vboard.emulator.board;

import dev.vboard.emulator.irq.IrqLine;
import java.util.ArrayList;
import java.util.List;

/**
 * An OR gate between interrupt outputs and one NVIC line, like QEMU's TYPE_OR_IRQ: the output
 * is high while any input is high. AN385 uses one for the UART overflow interrupts.
 */
final class OrIrq {
  private final IrqLine output;
  private final List<Boolean> levels = new ArrayList<>();
  private boolean level;

  OrIrq(IrqLine output) {
    this.output = output;
  }

  /** A new input wire of this gate. */
  IrqLine newInput() {
    int index = levels.size();
    levels.add(false);
    return high -> set(index, high);
  }

  private void set(int index, boolean high) {
    levels.set(index, high);
    boolean any = levels.contains(true);
    if (any != level) {
      level = any;
      output.set(any);
    }
  }
}
