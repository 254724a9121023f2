package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MachineControlTest {

  /** A device whose IRQ line stays high until the guest writes its ACK register. */
  private static final class LevelDevice implements MmioDevice {
    private final IrqLine line;
    private int raised;

    LevelDevice(IrqLine line) {
      this.line = line;
    }

    void raise(int times) {
      raised = times;
      line.set(raised > 0);
    }

    @Override
    public int read(int offset, int size) {
      return raised;
    }

    @Override
    public void write(int offset, int size, int value) {
      raised = Math.max(0, raised - 1); // ACK one
      line.set(raised > 0);
    }

    @Override
    public void reset() {
      raise(0);
    }
  }

  @Test
  void aLevelInterruptIsTakenAgainWhileItsLineStaysHigh() {
    try (TestBoard b = new TestBoard()) {
      LevelDevice device = new LevelDevice(b.machine.irq(5));
      b.machine.mapMmio("level", 0x40000000L, 0x1000, device);
      b.load("""
            .thumb_func
          reset:
            ldr r4, =0xe000e100
            movs r0, #0x20
            str r0, [r4]            @ enable IRQ5
          1: wfi
            b 1b
            .thumb_func
          irq5_handler:
            push {lr}
            movs r0, #'i'
            bl putc
            ldr r1, =0x40000000
            str r0, [r1]            @ ACK one: the line drops only after the third
            ldr r0, [r1]
            cbnz r0, 2f
            movs r0, #0
            bl do_exit
          2: pop {pc}
          """);
      b.machine.scheduler().scheduleAt(100, () -> device.raise(3));
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("iii", b.output());
    }
  }

  @Test
  void virtualTimeNeverRunsBackwardsWhenAFaultCutsABlockShort() {
    try (TestBoard b = new TestBoard()) {
      java.util.List<Long> seen = new java.util.ArrayList<>();
      b.machine.mapMmio("timer", 0x40000000L, 0x1000, new MmioDevice() {
        @Override
        public int read(int offset, int size) {
          seen.add(b.machine.clock().now());
          return 0;
        }

        @Override
        public void write(int offset, int size, int value) { }

        @Override
        public void reset() { }
      });
      b.load("""
            .thumb_func
          reset:
            ldr r4, =0x40000000
            ldr r5, =0x60000000
            ldr r0, [r4]            @ the clock shows the whole block as executed
            ldr r0, [r5]            @ faults: the rest of the block never runs
            adds r0, #1
            adds r0, #1
            b .
            .thumb_func
          hardfault_handler:
            ldr r4, =0x40000000
            ldr r0, [r4]
            movs r0, #0
            bl do_exit
          """);
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(2, seen.size());
      assertTrue(seen.get(1) > seen.get(0), seen.toString());
      assertTrue(r.cycles() > r.instructions(), "the cut-off instructions still cost cycles");
    }
  }

  @Test
  void requestStopFromAnotherThreadEndsARun() throws Exception {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          b reset
        """)) {
      CompletableFuture<RunResult> run =
          CompletableFuture.supplyAsync(() -> b.machine.run(Long.MAX_VALUE));
      Thread.sleep(50); // the slice in progress has an unbounded budget
      b.machine.requestStop();
      RunResult r = run.get(30, TimeUnit.SECONDS);
      assertEquals(RunResult.Stop.STOP_REQUESTED, r.stop());
      assertEquals(r.instructions(), r.cycles());
      assertEquals(RunResult.Stop.LIMIT_REACHED, b.machine.run(10).stop(), "and can run on");
    }
  }

  @Test
  void realtimePacingDoesNotChangeWhatTheGuestSees() {
    String program = """
          .thumb_func
        reset:
          ldr r4, =0xe000e100
          movs r0, #1
          str r0, [r4]
          wfi
          movs r0, #0
          bl do_exit
        """;
    RunResult[] results = new RunResult[2];
    for (int i = 0; i < 2; i++) {
      try (TestBoard b = new TestBoard().load(program)) {
        b.machine.setRealtime(i == 1);
        b.machine.scheduler().scheduleAt(25_000, () -> b.machine.irq(0).set(true)); // 1 ms
        results[i] = b.machine.run(1_000_000);
      }
    }
    assertEquals(RunResult.Stop.EXITED, results[0].stop(), results[0].faultReport());
    assertEquals(results[0], results[1]);
  }
}
