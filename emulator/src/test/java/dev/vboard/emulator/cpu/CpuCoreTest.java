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
    core.unicorn().memMap(0, 0x10000, UcConst.UC_PROT_ALL);
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
}
