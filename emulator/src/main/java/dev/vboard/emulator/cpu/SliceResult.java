package dev.vboard.emulator.cpu;

/**
 * One slice's outcome.
 *
 * @param exit why it stopped
 * @param executed instructions retired in the slice (exact)
 * @param pc the PC after the slice, as the exit describes it
 * @param detail the Unicorn interrupt number or error code behind the exit, for logs
 * @param elapsed cycles the slice took: the instructions of every block entered, which is what
 *     the clock showed devices during the slice. Equal to {@code executed} except when a fault
 *     cut a block short (the faulting instruction and the rest of its block still cost their
 *     cycles), so virtual time never runs backwards.
 */
public record SliceResult(SliceExit exit, long executed, int pc, int detail, long elapsed) {

  public SliceResult {
    if (elapsed < executed) {
      elapsed = executed;
    }
  }

  public SliceResult(SliceExit exit, long executed, int pc, int detail) {
    this(exit, executed, pc, detail, executed);
  }
}
