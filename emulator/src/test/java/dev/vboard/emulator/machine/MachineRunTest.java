package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MachineRunTest {

  /** do_exit: ldr, ldr, str, str, movs, bkpt. */
  private static final int EXIT_INSNS = 6;

  @Test
  void countsEveryInstructionOfALoopExactly() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =1000
        1: subs r4, #1
          bne 1b
          movs r0, #7
          bl do_exit
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop());
      assertEquals(7, r.exitCode());
      long expected = 1 + 2 * 1000 + 1 + 1 + EXIT_INSNS;
      assertEquals(expected, r.instructions());
      assertEquals(expected, r.cycles(), "one instruction is one cycle");
    }
  }
}
