package dev.vboard.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.emulator.unicorn.UcConst;
import org.junit.jupiter.api.Test;

class CpuCoreTest {

  /**
   * 0x100: movs r0,#0; loop: adds r0,#1; cmp r0,#100; bne loop; wfi; sev; wfe; nop; udf; svc 5;
   * bkpt 0xab.
   */
  private static final int[] CODE = {0x2000, 0x3001, 0x2864, 0xd1fc, 0xbf30, 0xbf40, 0xbf20,
      0xbf00, 0xde00, 0xdf05, 0xbeab};

  private static CpuCore core() {
    CpuCore core = new CpuCore();
    core.mapMemory(0, 0x10000, true);
    byte[] b = new byte[CODE.length * 2];
    for (int i = 0; i < CODE.length; i++) {
      b[2 * i] = (byte) CODE[i];
      b[2 * i + 1] = (byte) (CODE[i] >>> 8);
    }
    core.unicorn().memWrite(0x100, b);
    core.setReg(UcConst.UC_ARM_REG_PC, 0x101); // bit 0: Thumb state
    core.setReg(UcConst.UC_ARM_REG_MSP, 0x8000);
    return core;
  }

  @Test
  void slicesEndOnTheExactBudgetAndReportEachStopWithItsCount() {
    try (CpuCore core = core()) {
      SliceResult r = core.runSlice(50);
      assertEquals(SliceExit.BUDGET, r.exit());
      assertEquals(50, r.executed(), "49 from whole blocks, 1 from a split block");
      r = core.runSlice(10_000);
      assertEquals(SliceExit.WFI, r.exit());
      assertEquals(1 + 300 + 1 - 50, r.executed());
      assertEquals(0x10a, core.pc());
      r = core.runSlice(10_000);
      assertEquals(SliceExit.WFE, r.exit());
      assertEquals(2, r.executed(), "SEV (a no-op to Unicorn) and WFE");
      r = core.runSlice(10_000);
      assertEquals(SliceExit.UNDEFINED, r.exit());
      assertEquals(1, r.executed(), "the NOP; the UDF does not retire");
      assertEquals(0x110, core.pc());
      core.setReg(UcConst.UC_ARM_REG_PC, 0x113);
      r = core.runSlice(10_000);
      assertEquals(SliceExit.SVC, r.exit());
      assertEquals(1, r.executed());
      assertEquals(0x114, core.pc());
      r = core.runSlice(10_000);
      assertEquals(SliceExit.BKPT, r.exit());
      assertEquals(0, r.executed(), "the machine decides whether BKPT retires");
      assertEquals(0x114, r.pc());
    }
  }

  @Test
  void manySlicesEndingInsideABlockStayExactAcrossCacheFlushes() {
    // Every slice of 2 ends inside the 3-instruction loop, dropping its translation; more
    // drops than one flush period (CpuCore.DROPS_PER_FLUSH) run through full flushes.
    try (CpuCore core = core()) {
      writeHalfwords(core, 0x200, 0x3001, 0x3101, 0xe7fc); // adds r0,#1; adds r1,#1; b .-4
      core.setReg(UcConst.UC_ARM_REG_PC, 0x201);
      core.setReg(UcConst.armRegR(0), 0);
      core.setReg(UcConst.armRegR(1), 0);
      long executed = 0;
      for (int i = 0; i < 120_000; i++) {
        SliceResult r = core.runSlice(2);
        assertEquals(SliceExit.BUDGET, r.exit());
        executed += r.executed();
      }
      assertEquals(240_000, executed);
      assertEquals(80_000, core.reg(UcConst.armRegR(0)), "one ADDS r0 per 3 instructions");
      assertEquals(80_000, core.reg(UcConst.armRegR(1)));
    }
  }

  @Test
  void aRaisedStopFlagEndsTheSliceAtTheNextBlock() {
    try (CpuCore core = core()) {
      core.raiseStop();
      SliceResult r = core.runSlice(10_000);
      assertEquals(SliceExit.FLAG, r.exit());
      assertEquals(0, r.executed());
      core.clearStop();
      assertEquals(SliceExit.WFI, core.runSlice(10_000).exit());
    }
  }

  private static void writeHalfwords(CpuCore core, long address, int... halfwords) {
    byte[] b = new byte[halfwords.length * 2];
    for (int i = 0; i < halfwords.length; i++) {
      b[2 * i] = (byte) halfwords[i];
      b[2 * i + 1] = (byte) (halfwords[i] >>> 8);
    }
    core.unicorn().memWrite(address, b);
  }

  /**
   * A guest store over an instruction that already ran (in the page the code runs from) takes
   * effect the next time it runs: stores to code pages keep the engine's checked path.
   */
  @Test
  void aGuestStoreOverCodeThatRanChangesWhatRunsNext() {
    try (CpuCore core = core()) {
      // 0x200: movs r1,#0; loop: movs r0,#1 (patched to movs r0,#2); adds r1,#1; cmp r1,#2;
      // beq done; strh r5,[r4]; b loop; done: wfi
      writeHalfwords(core, 0x200, 0x2100, 0x2001, 0x3101, 0x2902, 0xd001, 0x8025, 0xe7f9, 0xbf30);
      core.setReg(UcConst.armRegR(4), 0x202);
      core.setReg(UcConst.armRegR(5), 0x2002);
      core.setReg(UcConst.UC_ARM_REG_PC, 0x201);
      SliceResult r = core.runSlice(10_000);
      assertEquals(SliceExit.WFI, r.exit());
      assertEquals(2, core.reg(UcConst.UC_ARM_REG_R0), "the second pass ran the patched MOVS");
      assertEquals(1 + 6 + 4 + 1, r.executed());
    }
  }

  /**
   * Code the guest writes into a page it had used for data runs as written, and a later store
   * over it takes effect: a page that gains code leaves the fast store path.
   */
  @Test
  void codeWrittenIntoADataPageRunsAndCanBePatchedAgain() {
    try (CpuCore core = core()) {
      // 0x300: strh r5,[r4]; strh r6,[r4,#2]; wfi | 0x306: blx r7; wfi
      // 0x30a: strh r5,[r4]; blx r7; wfi
      writeHalfwords(core, 0x300, 0x8025, 0x8066, 0xbf30, 0x47b8, 0xbf30, 0x8025, 0x47b8, 0xbf30);
      core.setReg(UcConst.armRegR(4), 0x4000); // a page of its own, never executed so far
      core.setReg(UcConst.armRegR(5), 0x2003); // movs r0,#3
      core.setReg(UcConst.armRegR(6), 0x4770); // bx lr
      core.setReg(UcConst.armRegR(7), 0x4001);
      core.setReg(UcConst.UC_ARM_REG_PC, 0x301);
      assertEquals(3, core.runSlice(10_000).executed(), "two stores of data, then WFI");
      core.setReg(UcConst.UC_ARM_REG_PC, 0x307);
      SliceResult r = core.runSlice(10_000);
      assertEquals(SliceExit.WFI, r.exit());
      assertEquals(3, core.reg(UcConst.UC_ARM_REG_R0));
      assertEquals(4, r.executed(), "BLX, MOVS, BX, WFI");
      core.setReg(UcConst.armRegR(5), 0x2004); // movs r0,#4 over movs r0,#3
      core.setReg(UcConst.UC_ARM_REG_PC, 0x30b);
      r = core.runSlice(10_000);
      assertEquals(SliceExit.WFI, r.exit());
      assertEquals(4, core.reg(UcConst.UC_ARM_REG_R0), "the patched MOVS ran, not a stale one");
      assertEquals(5, r.executed());
    }
  }

  /** Clearing the exclusive monitor between an LDREX and its STREX makes the STREX fail. */
  @Test
  void aClearedExclusiveMonitorFailsTheStrex() {
    try (CpuCore core = core()) {
      // 0x400: ldrex r0,[r1]; wfi; strex r2,r3,[r1]; wfi
      writeHalfwords(core, 0x400, 0xe851, 0x0f00, 0xbf30, 0xe841, 0x3200, 0xbf30);
      writeHalfwords(core, 0x800, 0x0005, 0x0000);
      core.setReg(UcConst.armRegR(1), 0x800);
      core.setReg(UcConst.armRegR(3), 7);
      for (boolean clear : new boolean[] {false, true}) {
        core.setReg(UcConst.UC_ARM_REG_PC, 0x401);
        assertEquals(SliceExit.WFI, core.runSlice(10_000).exit());
        if (clear) {
          assertEquals(true, core.clearExclusiveMonitor());
        }
        assertEquals(SliceExit.WFI, core.runSlice(10_000).exit());
        assertEquals(clear ? 1 : 0, core.reg(UcConst.armRegR(2)), "STREX status");
        core.setReg(UcConst.armRegR(3), 9);
      }
      assertEquals(7, core.unicorn().memRead(0x800, 1)[0], "only the first STREX stored");
      assertEquals(true, core.clearExclusiveMonitor(), "nothing open: nothing to do");
    }
  }

  /**
   * Code rewritten by the guest with other instructions of the same total size (a JIT reusing
   * a buffer) is counted as the new code: the block has the old address and size but a new
   * instruction count, and a SEV in it sets the event register.
   */
  @Test
  void aRewrittenBlockOfTheSameSizeIsCountedAsTheNewCode() {
    try (CpuCore core = core()) {
      // 0x300: str r5,[r4]; str r6,[r4,#4]; blx r7; wfi
      writeHalfwords(core, 0x300, 0x6025, 0x6066, 0x47b8, 0xbf30);
      core.setReg(UcConst.armRegR(4), 0x4000);
      core.setReg(UcConst.armRegR(7), 0x4001);
      // 0x4000: movs r0,#1; adds r0,#2; adds r0,#3; bx lr (four instructions, 8 bytes)
      core.setReg(UcConst.armRegR(5), 0x3002_2001);
      core.setReg(UcConst.armRegR(6), 0x4770_3003);
      core.setReg(UcConst.UC_ARM_REG_PC, 0x301);
      SliceResult r = core.runSlice(10_000);
      assertEquals(SliceExit.WFI, r.exit());
      assertEquals(6, core.reg(UcConst.UC_ARM_REG_R0));
      assertEquals(3 + 4 + 1, r.executed(), "STR, STR, BLX, four routine instructions, WFI");
      // movw r0,#100; adds r0,#5; bx lr (three instructions, the same 8 bytes)
      core.setReg(UcConst.armRegR(5), 0x0064_f240);
      core.setReg(UcConst.armRegR(6), 0x4770_3005);
      core.setReg(UcConst.UC_ARM_REG_PC, 0x301);
      r = core.runSlice(10_000);
      assertEquals(105, core.reg(UcConst.UC_ARM_REG_R0));
      assertEquals(3 + 3 + 1, r.executed(), "the rewritten block holds three instructions");
      assertEquals(false, core.takeSev());
      // movs r0,#9; sev; nop; bx lr (four again, with a SEV)
      core.setReg(UcConst.armRegR(5), 0xbf40_2009);
      core.setReg(UcConst.armRegR(6), 0x4770_bf00);
      core.setReg(UcConst.UC_ARM_REG_PC, 0x301);
      r = core.runSlice(10_000);
      assertEquals(9, core.reg(UcConst.UC_ARM_REG_R0));
      assertEquals(3 + 4 + 1, r.executed());
      assertEquals(true, core.takeSev(), "the SEV written over the old code set the event");
    }
  }
}
