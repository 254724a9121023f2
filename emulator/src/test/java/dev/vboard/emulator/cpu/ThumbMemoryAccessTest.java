package dev.vboard.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class ThumbMemoryAccessTest {
  /** R0=0x1000, R1=0x20, Rn=n*0x100 otherwise, SP=0x2000fff0. */
  private static final IntUnaryOperator REGS =
      n -> n == 0 ? 0x1000 : n == 1 ? 0x20 : n == 13 ? 0x2000fff0 : n * 0x100;

  private static ThumbMemoryAccess.Range of(int hw1, int hw2) {
    return ThumbMemoryAccess.of(hw1, hw2, 0x200, REGS);
  }

  @Test
  void narrowImmediateRegisterAndLiteralForms() {
    assertEquals(new ThumbMemoryAccess.Range(0x1008, 4), of(0x6882, 0)); // ldr r2, [r0, #8]
    assertEquals(new ThumbMemoryAccess.Range(0x1020, 1), of(0x5c42, 0)); // ldrb r2, [r0, r1]
    assertEquals(new ThumbMemoryAccess.Range(0x1002, 2), of(0x8042, 0)); // strh r2, [r0, #2]
    assertEquals(new ThumbMemoryAccess.Range(0x20c, 4), of(0x4a02, 0)); // ldr r2, [pc, #8]
    assertEquals(new ThumbMemoryAccess.Range(0x2000fff4, 4), of(0x9a01, 0)); // ldr r2, [sp, #4]
  }

  @Test
  void pushPopAndMultipleForms() {
    assertEquals(new ThumbMemoryAccess.Range(0x2000ffe4, 12), of(0xb50c, 0)); // push {r2,r3,lr}
    assertEquals(new ThumbMemoryAccess.Range(0x2000fff0, 8), of(0xbd04, 0)); // pop {r2, pc}
    assertEquals(new ThumbMemoryAccess.Range(0x1000, 8), of(0xc80c, 0)); // ldmia r0!, {r2,r3}
    // stmdb sp!, {r4-r7}: E92D 00F0
    assertEquals(new ThumbMemoryAccess.Range(0x2000ffe0, 16), of(0xe92d, 0x00f0));
  }

  @Test
  void wideSingleAndDualForms() {
    // ldr.w r2, [r0, #0x123]: F8D0 2123
    assertEquals(new ThumbMemoryAccess.Range(0x1123, 4), of(0xf8d0, 0x2123));
    // ldr r2, [r0, #-4]: F850 2C04
    assertEquals(new ThumbMemoryAccess.Range(0xffc, 4), of(0xf850, 0x2c04));
    // ldr r2, [r0], #4 (post-indexed accesses the base): F850 2B04
    assertEquals(new ThumbMemoryAccess.Range(0x1000, 4), of(0xf850, 0x2b04));
    // ldr.w r2, [r0, r1, lsl #2]: F850 2021
    assertEquals(new ThumbMemoryAccess.Range(0x1080, 4), of(0xf850, 0x2021));
    // ldrd r2, r3, [r0, #8]: E9D0 2302
    assertEquals(new ThumbMemoryAccess.Range(0x1008, 8), of(0xe9d0, 0x2302));
    // tbb [r0, r1]: E8D0 F001
    assertEquals(new ThumbMemoryAccess.Range(0x1020, 1), of(0xe8d0, 0xf001));
  }

  @Test
  void nonMemoryInstructionsHaveNoAccess() {
    assertNull(of(0x3001, 0)); // adds r0, #1
    assertNull(of(0xfbb0, 0xf0f1)); // udiv r0, r0, r1
    assertNull(of(0xf890, 0xf000)); // pld [r0]
  }
}
