package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.bus.MmioDevice;
import org.junit.jupiter.api.Test;

/** Faults Unicorn does not raise itself: CCR traps, bus errors on stores, INVSTATE, VECTTBL. */
class FaultTrapTest {

  /** A UsageFault handler that exits with UFSR, after checking the stacked PC is {@code at}. */
  private static final String USAGE_HANDLER = """
        .thumb_func
      usagefault_handler:
        ldr r1, =0xe000ed28
        ldr r0, [r1]
        lsrs r0, r0, #16
        ldr r2, [sp, #24]
        ldr r3, =at
        cmp r2, r3
        beq 1f
        movs r0, #0xee
      1: bl do_exit
      """;

  private static RunResult run(String body) {
    try (TestBoard b = new TestBoard().load(body + USAGE_HANDLER)) {
      return b.machine.run(10_000_000);
    }
  }

  @Test
  void divideByZeroTrapsOnlyWithDiv0Trp() {
    RunResult r = run("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24
          ldr r0, =0x40000          @ USGFAULTENA
          str r0, [r1]
          movs r0, #7
          movs r1, #0
          udiv r2, r0, r1           @ no trap: the result is 0
          cbnz r2, bad
          ldr r3, =0xe000ed14
          ldr r2, [r3]
          orr r2, r2, #0x10         @ CCR.DIV_0_TRP
          str r2, [r3]
          isb                       @ as after any SCB change; it also ends the block
          movs r4, #1
        at:
          udiv r2, r0, r1
        bad:
          b .
        """);
    assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
    assertEquals(1 << 9, r.exitCode(), "UFSR.DIVBYZERO, stacked PC on the UDIV");
  }

  @Test
  void div0TrpCanBeClearedAndSetAgainAndOnlyZeroDivisorsTrap() {
    RunResult r = run("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24
          ldr r0, =0x40000          @ USGFAULTENA
          str r0, [r1]
          ldr r3, =0xe000ed14
          movs r5, #0x10            @ CCR.DIV_0_TRP
          str r5, [r3]
          isb
          movs r0, #100
          movs r4, #0
          movs r6, #50
        1: udiv r2, r0, r6          @ a hooked divide, never by zero: 100 / 50 ... 100 / 1
          add r4, r4, r2
          subs r6, #1
          bne 1b
          ldr r2, =432              @ sum of 100 / k for k = 1..50
          cmp r4, r2
          bne bad
          movs r5, #0
          str r5, [r3]              @ clear DIV_0_TRP: the hooks go
          isb
          movs r1, #0
          sdiv r2, r0, r1           @ no trap: the result is 0
          cbnz r2, bad
          movs r5, #0x10
          str r5, [r3]              @ set it again
          isb
          movs r4, #1
        at:
          sdiv r2, r0, r1
        bad:
          b .
        """);
    assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
    assertEquals(1 << 9, r.exitCode(), "UFSR.DIVBYZERO, stacked PC on the second SDIV");
  }

  @Test
  void unalignedWordLoadTrapsWithUnalignTrp() {
    RunResult r = run("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24
          ldr r0, =0x40000
          str r0, [r1]
          ldr r0, =0x20000001
          ldr r2, [r0]              @ unaligned but allowed
          ldr r3, =0xe000ed14
          ldr r2, [r3]
          orr r2, r2, #0x8          @ CCR.UNALIGN_TRP
          str r2, [r3]
          isb
          movs r4, #1
        at:
          ldr r2, [r0]
          b .
        """);
    assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
    assertEquals(1 << 8, r.exitCode(), "UFSR.UNALIGNED, stacked PC on the LDR");
  }

  @Test
  void branchToAnEvenAddressIsInvstate() {
    RunResult r = run("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24
          ldr r0, =0x40000
          str r0, [r1]
          ldr r0, =at
          bic r0, r0, #1
          bx r0
        at:                         @ not a .thumb_func: the handler compares the even address
          b .
        """);
    assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
    assertEquals(1 << 1, r.exitCode(), "UFSR.INVSTATE, stacked PC at the target");
  }

  @Test
  void storeToUnmappedSpaceIsAPreciseBusFaultThatDoesNotRetire() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24
          ldr r0, =0x20000          @ BUSFAULTENA
          str r0, [r1]
          ldr r1, =0x70000010
          movs r5, #0
          adds r5, #1
        at:
          str r5, [r1, #4]
          adds r5, #1               @ must not run before the fault
          b .
          .thumb_func
        busfault_handler:
          ldr r4, =0x20000000
          str r5, [r4]
          ldr r2, [sp, #24]
          str r2, [r4, #4]
          ldr r1, =0xe000ed28
          ldr r2, [r1]
          str r2, [r4, #8]
          ldr r2, [r1, #16]
          str r2, [r4, #12]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(1, m.readWord(0x20000000L), "R5 as before the faulting store");
      int at = m.readWord(0x20000004L);
      assertEquals(0x6000, m.readWord(at) & 0xf800, "stacked PC is the STR (0b01100...)");
      assertEquals((1 << 9) | (1 << 15), m.readWord(0x20000008L), "PRECISERR | BFARVALID");
      assertEquals(0x70000014, m.readWord(0x2000000cL));
    }
  }

  @Test
  void aHandlerCanSkipTheFaultingLoadAndResumeInThumbState() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0x60000000
          movs r0, #5
          ldr r0, [r1]              @ faults; the handler skips it
          adds r0, #1
          bl do_exit
          .thumb_func
        hardfault_handler:
          ldr r1, [sp, #24]
          adds r1, #2
          str r1, [sp, #24]
          bx lr
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(6, r.exitCode(), "R0 kept its value: the load never happened");
    }
  }

  @Test
  void unreadableVectorTableLocksUpThroughHardFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed08
          ldr r0, =0x60000000       @ VTOR into unmapped space
          str r0, [r1]
          svc #0
          b .
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.LOCKUP, r.stop());
      assertTrue(r.faultReport().contains("HFSR 0x00000002"), "VECTTBL\n" + r.faultReport());
    }
  }

  @Test
  void unprivilegedThreadModeTakesAndReturnsFromExceptions() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r0, =0x20008000
          msr psp, r0
          movs r0, #3               @ nPRIV | SPSEL
          msr control, r0
          isb
          movs r0, #1
          msr primask, r0           @ ignored when unprivileged
          mrs r6, primask
          svc #0
          mrs r4, control
          mov r5, sp
          ldr r1, =0x20000000
          str r4, [r1]
          str r5, [r1, #4]
          str r6, [r1, #8]
          movs r0, #0
          bl do_exit
          .thumb_func
        svc_handler:
          ldr r1, =0x20000000
          str lr, [r1, #12]
          mrs r2, control
          str r2, [r1, #16]
          bx lr
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(3, m.readWord(0x20000000L) & 3, "back in unprivileged thread mode on PSP");
      assertEquals(0x20008000, m.readWord(0x20000004L));
      assertEquals(0, m.readWord(0x20000008L));
      assertEquals(0xfffffffd, m.readWord(0x2000000cL));
      assertEquals(1, m.readWord(0x20000010L) & 3, "handler: nPRIV kept, SPSEL clear");
    }
  }

  @Test
  void theRestOfAPageBehindASmallDeviceIsABusError() {
    try (TestBoard b = new TestBoard()) {
      b.machine.mapMmio("small", 0x40000000L, 0x100, new MmioDevice() {
        @Override
        public int read(int offset, int size) {
          return 0x5a;
        }

        @Override
        public void write(int offset, int size, int value) {
        }

        @Override
        public void reset() {
        }
      });
      b.load("""
            .thumb_func
          reset:
            ldr r1, =0x400000fc
            ldr r5, [r1]              @ the device's last word: 0x5a
            ldr r1, =0x40000100
            ldr r0, [r1]              @ past it: BusFault, escalated
            b .
            .thumb_func
          hardfault_handler:
            ldr r1, =0xe000ed38
            ldr r0, [r1]              @ BFAR
            subs r0, r0, r5           @ 0x40000100 - 0x5a
            bl do_exit
          """);
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0x40000100 - 0x5a, r.exitCode());
    }
  }
}
