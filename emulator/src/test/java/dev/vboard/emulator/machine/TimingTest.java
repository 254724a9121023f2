package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimingTest {

  private static final String COUNT_LOOP = """
        .thumb_func
      reset:
        ldr r4, =1000
      1: adds r5, #2
        eors r6, r5
        subs r4, #1
        bne 1b
        movs r0, #0
        bl do_exit
      """;

  @Test
  void runStopsOnTheExactInstructionEvenInsideABlock() {
    try (TestBoard b = new TestBoard().load(COUNT_LOOP)) {
      RunResult first = b.machine.run(1001); // lands in the middle of a 4-instruction block
      assertEquals(RunResult.Stop.LIMIT_REACHED, first.stop());
      assertEquals(1001, first.instructions());
      assertEquals(1001, first.cycles());
      RunResult second = b.machine.run(2);
      assertEquals(1003, second.instructions());
      RunResult rest = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, rest.stop());
      try (TestBoard ref = new TestBoard().load(COUNT_LOOP)) {
        assertEquals(ref.machine.run(1_000_000).instructions(), rest.instructions(),
            "stopping and resuming does not change the count");
      }
    }
  }

  @Test
  void wfiSkipsIdleTimeToTheNextScheduledEvent() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0xe000e100
          movs r0, #1
          str r0, [r4]
          wfi
          movs r0, #'w'
          bl putc
          movs r0, #0
          bl do_exit
          .thumb_func
        irq0_handler:
          push {lr}
          movs r0, #'0'
          bl putc
          pop {pc}
        """)) {
      b.machine.scheduler().scheduleAt(5_000_000, () -> {
        b.machine.irq(0).set(true);
        b.machine.irq(0).set(false);
      });
      RunResult r = b.machine.run(100_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("0w", b.output());
      long beforeWfi = 4;
      assertEquals(5_000_000 + r.instructions() - beforeWfi, r.cycles(),
          "time jumped to the event, then ran one cycle per instruction");
    }
  }

  @Test
  void wfiWakesOnAPendingInterruptEvenWhenPrimaskMasksIt() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          cpsid i
          ldr r4, =0xe000e100
          movs r0, #1
          str r0, [r4]
          wfi
          movs r0, #'w'
          bl putc
          cpsie i
          movs r0, #'e'
          bl putc
          movs r0, #0
          bl do_exit
          .thumb_func
        irq0_handler:
          push {lr}
          movs r0, #'0'
          bl putc
          pop {pc}
        """)) {
      b.machine.scheduler().scheduleAt(1000, () -> b.machine.irq(0).set(true));
      b.machine.scheduler().scheduleAt(1001, () -> b.machine.irq(0).set(false));
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("w0e", b.output());
    }
  }

  /** SysTick setup: the CSR write's block (8 instructions) ends at cycle 8; RVR 999. */
  private static final String SYSTICK = """
        .thumb_func
      reset:
        ldr r4, =0xe000e010
        ldr r0, =999
        str r0, [r4, #4]
        movs r0, #0
        str r0, [r4, #8]
        movs r0, #7
        str r0, [r4]
      1: b 1b
        .thumb_func
      systick_handler:
        ldr r4, =0x20000000
        ldr r0, [r4]
        adds r0, #1
        str r0, [r4]
        cmp r0, #5
        beq 2f
        bx lr
      2: bl do_exit
      """;

  @Test
  void sysTickFiresOnTheExactCycle() {
    try (TestBoard b = new TestBoard().load(SYSTICK)) {
      long enabledAt = 8;
      RunResult before = b.machine.run(enabledAt + 1000 - 1);
      assertEquals(RunResult.Stop.LIMIT_REACHED, before.stop());
      assertEquals(0, b.machine.registers().ipsr(), "one cycle early: not yet");
      b.machine.run(1);
      assertEquals(15, b.machine.registers().ipsr(), "on the cycle: SysTick entered");
      RunResult end = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, end.stop(), end.faultReport());
      assertEquals(5, end.exitCode());
    }
  }

  @Test
  void twoRunsOfTheSameImageAreIdentical() {
    RunResult[] results = new RunResult[2];
    for (int i = 0; i < 2; i++) {
      try (TestBoard b = new TestBoard().load(SYSTICK)) {
        results[i] = b.machine.run(10_000_000);
      }
    }
    assertEquals(RunResult.Stop.EXITED, results[0].stop());
    assertEquals(results[0], results[1]);
  }
}
