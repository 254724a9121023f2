package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.arm.CoreRegisters;
import org.junit.jupiter.api.Test;

class ExceptionModelTest {

  private static RunResult run(TestBoard b) {
    return b.machine.run(10_000_000);
  }

  @Test
  void svcStacksAnAlignedFrameAndReturnRestoresEverything() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r0, =0x2000fff4      @ SP = 4 mod 8: entry must align the frame
          mov sp, r0
          movs r0, #10
          movs r1, #11
          movs r2, #12
          movs r3, #13
          mov r12, r3
          svc #5
          ldr r4, =0x20000000
          mov r5, sp
          str r5, [r4, #4]          @ SP after return
          str r0, [r4, #8]          @ R0 after return
          movs r0, #0
          bl do_exit
          .thumb_func
        svc_handler:
          ldr r4, =0x20000000
          mov r5, sp
          str r5, [r4]              @ frame address
          str lr, [r4, #12]         @ EXC_RETURN
          mrs r5, ipsr
          str r5, [r4, #16]
          bx lr
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0, r.exitCode());
      GuestMemory m = b.machine.memory();
      int frame = m.readWord(0x20000000L);
      assertEquals(0x2000ffd0, frame, "(0x2000fff4 - 0x20) rounded down to 8 bytes");
      assertEquals(10, m.readWord(frame));
      assertEquals(11, m.readWord(frame + 4L));
      assertEquals(12, m.readWord(frame + 8L));
      assertEquals(13, m.readWord(frame + 12L));
      assertEquals(13, m.readWord(frame + 16L), "R12");
      int stackedXpsr = m.readWord(frame + 28L);
      assertEquals(1 << 9, stackedXpsr & (1 << 9), "xPSR bit 9 records the alignment pad");
      assertEquals(1 << 24, stackedXpsr & (1 << 24), "T bit");
      assertEquals(0x2000fff4, m.readWord(0x20000004L), "SP restored with the pad removed");
      assertEquals(10, m.readWord(0x20000008L));
      assertEquals(0xfffffff9, m.readWord(0x2000000cL), "from thread mode on MSP");
      assertEquals(11, m.readWord(0x20000010L), "IPSR is SVCall");
    }
  }

  @Test
  void returningWithExcReturnFdSwitchesThreadModeToThePsp() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          svc #0                    @ the handler starts the "task" on the PSP
          b .
          .thumb_func
        task:
          mov r4, sp
          mrs r5, control
          ldr r6, =0x20000000
          str r4, [r6]
          str r5, [r6, #4]
          svc #1                    @ from PSP: EXC_RETURN must be 0xFFFFFFFD
          ldr r6, =0x20000000
          mov r4, sp
          str r4, [r6, #12]
          movs r0, #0
          bl do_exit
          .thumb_func
        svc_handler:
          ldr r6, =0x20000000
          str lr, [r6, #8]
          ldr r0, [r6, #16]
          cbnz r0, 1f
          movs r0, #1
          str r0, [r6, #16]
          ldr r0, =0x20008000 - 32  @ a fresh frame for the task
          ldr r1, =task
          str r1, [r0, #24]          @ stacked PC
          ldr r1, =0x01000000
          str r1, [r0, #28]          @ stacked xPSR (T)
          msr psp, r0
          ldr lr, =0xfffffffd
        1:
          bx lr
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(0x20008000, m.readWord(0x20000000L), "task runs on the PSP above its frame");
      assertEquals(CoreRegisters.CONTROL_SPSEL, m.readWord(0x20000004L) & 3);
      assertEquals(0xfffffffd, m.readWord(0x20000008L));
      assertEquals(0x20008000, m.readWord(0x2000000cL), "PSP restored after the second SVC");
    }
  }

  @Test
  void higherPriorityInterruptPreemptsAndEqualPriorityTailChains() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0xe000e100       @ ISER0
          movs r0, #7
          str r0, [r4]              @ enable IRQ0-2
          ldr r4, =0xe000e400       @ IPR: IRQ0 0x80, IRQ1 0x40, IRQ2 0x80
          ldr r0, =0x00804080
          str r0, [r4]
          ldr r4, =0xe000e200       @ ISPR0
          movs r0, #1
          str r0, [r4]              @ pend IRQ0
          movs r0, #'t'
          bl putc
          movs r0, #0
          bl do_exit
          .thumb_func
        irq0_handler:
          push {lr}
          movs r0, #'0'
          bl putc
          ldr r4, =0xe000e200
          movs r0, #2
          str r0, [r4]              @ pend IRQ1: preempts at once
          movs r0, #'a'
          bl putc
          pop {pc}
          .thumb_func
        irq1_handler:
          push {lr}
          movs r0, #'1'
          bl putc
          ldr r4, =0xe000e200
          movs r0, #4
          str r0, [r4]              @ pend IRQ2: same group as IRQ0, waits for it
          pop {pc}
          .thumb_func
        irq2_handler:
          push {lr}
          movs r0, #'2'
          bl putc
          pop {pc}
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("01a2t", b.output());
    }
  }

  @Test
  void pendingInterruptsAreTakenLowestNumberFirstWhenUnmasked() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          cpsid i
          ldr r4, =0xe000e100
          movs r0, #0x18
          str r0, [r4]              @ enable IRQ3, IRQ4 (both priority 0)
          ldr r4, =0xe000e200
          str r0, [r4]              @ pend both while PRIMASK masks them
          movs r0, #'m'
          bl putc
          cpsie i                   @ taken here, before the next instruction
          movs r0, #'u'
          bl putc
          movs r0, #0
          bl do_exit
          .thumb_func
        irq3_handler:
          push {lr}
          movs r0, #'3'
          bl putc
          pop {pc}
          .thumb_func
        irq4_handler:
          push {lr}
          movs r0, #'4'
          bl putc
          pop {pc}
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("m34u", b.output());
    }
  }

  @Test
  void basepriMasksOnlyLowerPriorities() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          movs r0, #0x40
          msr basepri, r0
          ldr r4, =0xe000e100
          movs r0, #3
          str r0, [r4]
          ldr r4, =0xe000e400
          ldr r0, =0x00002080       @ IRQ0 0x80 (masked), IRQ1 0x20 (allowed)
          str r0, [r4]
          ldr r4, =0xe000e200
          movs r0, #3
          str r0, [r4]
          movs r0, #'b'
          bl putc
          movs r0, #0
          msr basepri, r0
          movs r0, #'z'
          bl putc
          movs r0, #0
          bl do_exit
          .thumb_func
        irq0_handler:
          push {lr}
          movs r0, #'0'
          bl putc
          pop {pc}
          .thumb_func
        irq1_handler:
          push {lr}
          movs r0, #'1'
          bl putc
          pop {pc}
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("1b0z", b.output());
    }
  }

  @Test
  void subPriorityDoesNotPreemptUnderPriorityGrouping() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0xe000ed0c       @ AIRCR: PRIGROUP 6 -> group is bit 7 only
          ldr r0, =0x05fa0600
          str r0, [r4]
          ldr r4, =0xe000e100
          movs r0, #3
          str r0, [r4]
          ldr r4, =0xe000e400
          ldr r0, =0x00004060       @ IRQ0 0x60, IRQ1 0x40: same group (0)
          str r0, [r4]
          ldr r4, =0xe000e200
          movs r0, #1
          str r0, [r4]
          movs r0, #0
          bl do_exit
          .thumb_func
        irq0_handler:
          push {lr}
          movs r0, #'0'
          bl putc
          ldr r4, =0xe000e200
          movs r0, #2
          str r0, [r4]              @ IRQ1 has a lower value but the same group: no preemption
          movs r0, #'a'
          bl putc
          pop {pc}
          .thumb_func
        irq1_handler:
          push {lr}
          movs r0, #'1'
          bl putc
          pop {pc}
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals("0a1", b.output());
      assertEquals(6, b.machine.nvic().prigroup());
    }
  }

  @Test
  void undefinedInstructionWithUsageFaultDisabledEscalatesToHardFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          udf #0
          b .
          .thumb_func
        hardfault_handler:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r2, [r1]              @ CFSR
          ldr r3, [r1, #4]          @ HFSR
          str r2, [r4]
          str r3, [r4, #4]
          ldr r2, [sp, #24]         @ stacked PC: the UDF itself
          str r2, [r4, #8]
          movs r0, #3
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(3, r.exitCode());
      GuestMemory m = b.machine.memory();
      assertEquals(1 << 16, m.readWord(0x20000000L), "CFSR.UNDEFINSTR");
      assertEquals(1 << 30, m.readWord(0x20000004L), "HFSR.FORCED");
      assertTrue(m.readWord(0x20000008L) < 0x200, "stacked PC points at the UDF in reset");
    }
  }

  @Test
  void undefinedInstructionGoesToAnEnabledUsageFaultHandler() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed24       @ SHCSR.USGFAULTENA
          ldr r0, =0x40000
          str r0, [r1]
          udf #1
          b .
          .thumb_func
        usagefault_handler:
          ldr r1, =0xe000ed2c
          ldr r0, [r1]              @ HFSR must stay 0
          add r0, r0, #6
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(6, r.exitCode());
    }
  }

  @Test
  void readOfUnmappedAddressIsAPreciseBusFaultEscalatedToHardFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0x60000000
          ldr r0, [r1]
          b .
          .thumb_func
        hardfault_handler:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r2, [r1]              @ CFSR
          str r2, [r4]
          ldr r2, [r1, #4]          @ HFSR
          str r2, [r4, #4]
          ldr r2, [r1, #16]         @ BFAR
          str r2, [r4, #8]
          movs r0, #9
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals((1 << 9) | (1 << 15), m.readWord(0x20000000L), "PRECISERR | BFARVALID");
      assertEquals(1 << 30, m.readWord(0x20000004L), "FORCED");
      assertEquals(0x60000000, m.readWord(0x20000008L), "BFAR");
    }
  }

  // Exception entry and return run natively while the frame is in RAM; a frame anywhere else
  // takes the step-by-step path with its bus errors (B1.5.6 and B1.5.8 derived faults).

  /**
   * A derived BusFault on stacking outranks the SVC being entered, as in QEMU 7.2: with BusFault
   * disabled it escalates to HardFault (HFSR.FORCED), which runs first with the EXC_RETURN of
   * the interrupted context, while the SVC stays pending (SHCSR.SVCALLPENDED).
   */
  @Test
  void stackingIntoUnmappedSpaceTakesTheDerivedFaultFirstAndLeavesTheSvcPending() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r0, =0x60001000       @ no memory there: the frame cannot be written
          mov sp, r0
          svc #1
          b .
          .thumb_func
        hardfault_handler:
          ldr r0, =0x20008000
          mov sp, r0
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r2, [r1]              @ CFSR
          str r2, [r4]
          mrs r2, ipsr
          str r2, [r4, #4]
          str lr, [r4, #8]
          ldr r2, [r1, #4]          @ HFSR
          str r2, [r4, #12]
          ldr r2, [r1, #-4]         @ SHCSR
          str r2, [r4, #16]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(1 << 12, m.readWord(0x20000000L) & (1 << 12), "CFSR.STKERR");
      assertEquals(3, m.readWord(0x20000004L), "the HardFault handler ran");
      assertEquals(0xfffffff9, m.readWord(0x20000008L));
      assertEquals(1 << 30, m.readWord(0x2000000cL), "HFSR.FORCED");
      assertEquals(1 << 15, m.readWord(0x20000010L) & (1 << 15), "SHCSR.SVCALLPENDED");
    }
  }

  @Test
  void unstackingFromUnmappedSpaceIsAnUnstkerrBusFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          svc #2
          b .
          .thumb_func
        svc_handler:
          ldr r0, =0x60002000       @ the frame to return through is not in memory
          mov sp, r0
          bx lr
          .thumb_func
        hardfault_handler:
          ldr r0, =0x20008000
          mov sp, r0
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r2, [r1]              @ CFSR
          str r2, [r4]
          ldr r2, [r1, #4]          @ HFSR
          str r2, [r4, #4]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(1 << 11, m.readWord(0x20000000L) & (1 << 11), "CFSR.UNSTKERR");
      assertEquals(1 << 30, m.readWord(0x20000004L), "HFSR.FORCED: BusFault is disabled");
    }
  }

  // A return from SVCall, PendSV or SysTick to thread mode, with nothing pending, is done by the
  // engine without stopping; the NVIC must look the same to the guest as after any return.

  @Test
  void aReturnTheEngineDidItselfIsVisibleToTheGuestAtOnce() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0x20000000
          svc #3
          ldr r1, =0xe000ed24
          ldr r2, [r1]              @ SHCSR, in the run that returned: SVCALLACT clear
          str r2, [r4, #8]
          ldr r1, =0xe000ed04
          ldr r2, [r1]              @ ICSR: VECTACTIVE 0
          str r2, [r4, #4]
          svc #4
          wfe                       @ the return set the event register: no sleep
          ldr r1, =0xe000ed04
          ldr r2, =0x10000000       @ ICSR.PENDSVSET: PendSV runs, then returns
          str r2, [r1]
          isb
          ldr r2, [r4, #12]
          str r2, [r4, #16]         @ PendSV ran before this
          movs r0, #0
          bl do_exit
          .thumb_func
        svc_handler:
          ldr r1, =0xe000ed24
          ldr r2, [r1]
          str r2, [r4]              @ SHCSR inside: SVCALLACT set
          bx lr
          .thumb_func
        pendsv_handler:
          movs r2, #7
          str r2, [r4, #12]
          bx lr
        """)) {
      RunResult r = b.machine.run(100_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(1 << 7, m.readWord(0x20000000L) & (1 << 7), "SVCALLACT inside the handler");
      assertEquals(0, m.readWord(0x20000004L) & 0x1ff, "VECTACTIVE after the return");
      assertEquals(0, m.readWord(0x20000008L) & (1 << 7), "SVCALLACT after the return");
      assertEquals(7, m.readWord(0x20000010L), "PendSV taken at once, and returned from");
    }
  }

  @Test
  void aSysTickHandlerThatPendsPendSvTailChainsIntoIt() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed20
          ldr r2, =0xff000000       @ SHPR3: PendSV and SysTick at the lowest priority
          str r2, [r1]
          ldr r1, =0xe000e010
          ldr r2, =999
          str r2, [r1, #4]          @ RVR
          movs r2, #0
          str r2, [r1, #8]          @ CVR
          movs r2, #7
          str r2, [r1]              @ CSR: processor clock, interrupt, enable
        wait:
          wfi
          ldr r2, [r4, #8]
          cmp r2, #3
          blt wait
          movs r2, #0
          str r2, [r1]
          movs r0, #0
          bl do_exit
          .thumb_func
        systick_handler:
          ldr r2, [r4]
          adds r2, #1
          str r2, [r4]              @ ticks
          ldr r2, [sp, #24]
          str r2, [r4, #12]         @ the stacked return address
          ldr r3, =0xe000ed04
          ldr r2, =0x10000000
          str r2, [r3]              @ ICSR.PENDSVSET, just before the return
          bx lr
          .thumb_func
        pendsv_handler:
          mov r2, lr
          str r2, [r4, #4]          @ EXC_RETURN: tail-chained from SysTick to thread
          ldr r2, [sp, #24]
          str r2, [r4, #16]         @ the same frame: no thread instruction ran in between
          ldr r2, [r4, #8]
          adds r2, #1
          str r2, [r4, #8]
          bx lr
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(3, m.readWord(0x20000000L), "one PendSV per tick");
      assertEquals(3, m.readWord(0x20000008L));
      assertEquals(0xfffffff9, m.readWord(0x20000004L));
      assertEquals(m.readWord(0x2000000cL), m.readWord(0x20000010L), "tail-chained");
    }
  }

  @Test
  void fetchFromAnExecuteNeverRegionIsIaccviolAndBkptIsForcedOnly() {
    // As QEMU 7.2: a fetch from the Peripheral region (XN in the default memory map) is a
    // MemManage IACCVIOL, not a bus error; a BKPT with no debugger escalates with HFSR.FORCED.
    for (String[] c : new String[][] {{"ldr r0, =0x40000101\n bx r0", "1"},
        {"bkpt #1", "0"}}) {
      try (TestBoard b = new TestBoard().load("""
            .thumb_func
          reset:
            %s
            b .
            .thumb_func
          hardfault_handler:
            ldr r4, =0x20000000
            ldr r1, =0xe000ed28
            ldr r2, [r1]
            str r2, [r4]
            ldr r2, [r1, #4]
            str r2, [r4, #4]
            movs r0, #0
            bl do_exit
          """.formatted(c[0]))) {
        RunResult r = run(b);
        assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
        GuestMemory m = b.machine.memory();
        assertEquals(Integer.parseInt(c[1]), m.readWord(0x20000000L), "CFSR after " + c[0]);
        assertEquals(1 << 30, m.readWord(0x20000004L), "HFSR after " + c[0]);
      }
    }
  }

  @Test
  void scrKeepsAllButTheDeepSleepBitsAndPid4ReadsZero() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed10
          ldr r2, =0xffffffff
          str r2, [r1]
          ldr r2, [r1]
          str r2, [r4]
          ldr r1, =0xe000efd0
          ldr r2, [r1]
          str r2, [r4, #4]
          ldr r1, =0xe000efe4
          ldr r2, [r1]
          str r2, [r4, #8]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(0xfffffff3, m.readWord(0x20000000L), "SCR as QEMU 7.2 keeps it");
      assertEquals(0, m.readWord(0x20000004L), "PID4");
      assertEquals(0xb0, m.readWord(0x20000008L), "PID1");
    }
  }

  @Test
  void sevSetsTheEventAWfeConsumesAndSevonpendSetsItOnAPend() {
    // Nothing is scheduled: a WFE that slept here would never wake and the run would hit its
    // limit. SEV.W is the 32-bit encoding.
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          sev
          wfe                       @ the event SEV set: no sleep
          sev.w
          wfe
          ldr r1, =0xe000ed10
          movs r2, #0x10            @ SCR.SEVONPEND
          str r2, [r1]
          ldr r1, =0xe000e200       @ ISPR0: pend IRQ 9, which is disabled
          movs r2, #1
          lsls r2, r2, #9
          str r2, [r1]
          wfe                       @ the pend set the event
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = b.machine.run(1_000_000);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0, r.exitCode());
    }
  }

  @Test
  void unprivilegedCodeCannotReachTheScsAndShcsrActiveBitsAreWritable() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed24
          ldr r2, =0x80              @ SHCSR.SVCALLACT, written directly
          str r2, [r1]
          ldr r2, [r1]
          str r2, [r4, #8]
          movs r2, #0
          str r2, [r1]
          ldr r1, =0xe000ed24
          ldr r2, =0x20000           @ BUSFAULTENA
          str r2, [r1]
          movs r0, #1
          msr control, r0            @ nPRIV
          isb
          ldr r1, =0xe000ed04
          ldr r2, [r1]               @ ICSR from unprivileged thread mode: BusFault
          b .
          .thumb_func
        busfault_handler:
          ldr r1, =0xe000ed28
          ldr r2, [r1]
          str r2, [r4]               @ CFSR
          ldr r2, [r1, #16]
          str r2, [r4, #4]           @ BFAR
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals((1 << 9) | (1 << 15), m.readWord(0x20000000L), "PRECISERR | BFARVALID");
      assertEquals(0xe000ed04, m.readWord(0x20000004L));
      assertEquals(0x80, m.readWord(0x20000008L), "SVCALLACT reads back as written");
    }
  }

  @Test
  void aVectorWithBitZeroClearIsAnInvstateFaultStackedWithTClear() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r0, =0x20001000
          ldr r1, =hardfault_handler
          str r1, [r0, #12]         @ HardFault vector, Thumb
          ldr r1, =svc_handler
          bic r1, r1, #1
          str r1, [r0, #44]         @ SVCall vector with bit 0 clear
          ldr r2, =0xe000ed08
          str r0, [r2]              @ VTOR
          svc #0
          b .
          .thumb_func
        svc_handler:
          b .
          .thumb_func
        hardfault_handler:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r2, [r1]
          str r2, [r4]              @ CFSR
          ldr r2, [sp, #28]
          str r2, [r4, #4]          @ stacked xPSR
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(1 << 17, m.readWord(0x20000000L), "CFSR.INVSTATE");
      assertEquals(0, m.readWord(0x20000004L) & (1 << 24), "stacked EPSR.T clear");
    }
  }

  @Test
  void aFaultInsideHardFaultLocksUpWithAReport() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          movs r7, #77
          udf #0
          .thumb_func
        hardfault_handler:
          udf #2
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.LOCKUP, r.stop());
      assertTrue(r.faultReport().contains("HardFault"), r.faultReport());
      assertTrue(r.faultReport().contains("R7   0x0000004d"), r.faultReport());
      assertTrue(r.faultReport().contains("HFSR 0x40000000"), r.faultReport());
      assertTrue(r.faultReport().contains("CFSR 0x00010000"), r.faultReport());
      assertEquals(RunResult.Stop.LOCKUP, b.machine.run(1000).stop(), "lockup is sticky");
    }
  }

  @Test
  void invalidExcReturnIsAnInvpcUsageFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          svc #0
          b .
          .thumb_func
        svc_handler:
          ldr lr, =0xfffffff1       @ "return to handler" with nothing to return to
          bx lr
          .thumb_func
        hardfault_handler:
          ldr r1, =0xe000ed28
          ldr r0, [r1]
          lsrs r0, r0, #16          @ UFSR
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(1 << 2, r.exitCode(), "UFSR.INVPC");
    }
  }

  @Test
  void sysResetRequestResetsCoreAndDevicesButKeepsRam() {
    try (TestBoard b = new TestBoard()) {
      int[] deviceResets = {0};
      b.machine.addResetListener(() -> deviceResets[0]++);
      b.load("""
            .thumb_func
          reset:
            ldr r4, =0x20000100
            ldr r0, [r4]
            adds r0, #1
            str r0, [r4]
            cmp r0, #2
            beq 1f
            ldr r1, =0xe000ed0c
            ldr r0, =0x05fa0004     @ SYSRESETREQ
            str r0, [r1]
            b .
          1:
            bl do_exit
          """);
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(2, r.exitCode(), "RAM survives the reset; the code ran twice");
      assertEquals(2, deviceResets[0], "load's reset and the requested one");
    }
  }
  /** TakeReset presets LR to 0xFFFFFFFF; QEMU 7.2's APSR comes out of reset with Z set. */
  @Test
  void resetPresetsLrAndTheZeroFlagAsQemu() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          mov r0, lr
          ldr r4, =0x20000000
          str r0, [r4]
          mrs r0, apsr
          str r0, [r4, #4]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0xffffffff, b.machine.memory().readWord(0x20000000L), "LR");
      assertEquals(0x40000000, b.machine.memory().readWord(0x20000004L), "APSR: Z");
    }
  }

  /**
   * The Private Peripheral Bus is privileged only (as QEMU 7.2's ppb-default region): an
   * unprivileged read of the DWT is a precise BusFault; STIR, with CCR.USERSETMPEND set, may be
   * read (as 0) and written from unprivileged code.
   */
  @Test
  void unprivilegedCodeFaultsOnTheDwtButMayUseStirWithUsersetmpend() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          ldr r1, =0xe000ed14       @ CCR: USERSETMPEND
          ldr r0, [r1]
          orr r0, r0, #2
          str r0, [r1]
          movs r0, #1               @ unprivileged thread mode
          msr control, r0
          isb
          ldr r1, =0xe000ef00       @ STIR
          ldr r5, [r1]              @ reads 0, no fault
          ldr r1, =0xe0001004       @ DWT_CYCCNT
          ldr r6, [r1]              @ BusFault
          b .
          .thumb_func
        hardfault_handler:
          ldr r4, =0x20000000
          str r5, [r4]
          ldr r1, =0xe000ed28
          ldr r0, [r1]              @ CFSR
          str r0, [r4, #4]
          ldr r0, [r1, #16]         @ BFAR
          str r0, [r4, #8]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      GuestMemory m = b.machine.memory();
      assertEquals(0, m.readWord(0x20000000L), "STIR read as 0 without a fault");
      assertEquals(0x8200, m.readWord(0x20000004L), "CFSR: PRECISERR, BFARVALID");
      assertEquals(0xe0001004, m.readWord(0x20000008L), "BFAR");
    }
  }
  /** QEMU 7.2 serves semihosting to privileged code only: unprivileged, BKPT 0xAB is a fault. */
  @Test
  void semihostingFromUnprivilegedThreadModeIsAHardFault() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          movs r0, #1               @ unprivileged thread mode
          msr control, r0
          isb
          movs r0, #0x18            @ SYS_EXIT, which must not happen
          ldr r1, =0x20026
          bkpt 0xab
          b .
          .thumb_func
        hardfault_handler:
          ldr r1, =0xe000ed2c
          ldr r0, [r1]              @ HFSR
          lsrs r0, r0, #24          @ FORCED (bit 30) -> 0x40
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0x40, r.exitCode(), "HardFault with HFSR.FORCED, not a semihosting exit");
    }
  }
  /**
   * MOV PC, LR writes the PC without the EXC_RETURN check (BranchWritePC): from a handler it is
   * a branch to 0xFFFFFFF8, an IACCVIOL fetch fault (HardFault here), as in QEMU 7.2; BX LR
   * returns.
   */
  @Test
  void movPcLrInAHandlerIsABranchNotAnExceptionReturn() {
    try (TestBoard b = new TestBoard().load("""
          .thumb_func
        reset:
          svc #0
          movs r0, #1               @ the SVC returned: wrong
          bl do_exit
          .thumb_func
        svc_handler:
          mov pc, lr
          .thumb_func
        hardfault_handler:
          ldr r4, =0x20000000
          ldr r1, =0xe000ed28
          ldr r0, [r1]              @ CFSR
          str r0, [r4]
          ldr r0, [sp, #24]         @ stacked PC
          str r0, [r4, #4]
          movs r0, #0
          bl do_exit
        """)) {
      RunResult r = run(b);
      assertEquals(RunResult.Stop.EXITED, r.stop(), r.faultReport());
      assertEquals(0, r.exitCode(), "a HardFault, not a return");
      GuestMemory m = b.machine.memory();
      assertEquals(1, m.readWord(0x20000000L), "CFSR.IACCVIOL");
      assertEquals(0xfffffff8, m.readWord(0x20000004L), "stacked PC: the branch target");
    }
  }
}
