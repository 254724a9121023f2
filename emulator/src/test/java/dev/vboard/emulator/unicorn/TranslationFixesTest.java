package dev.vboard.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The decoder behind the translator's alignment correction (native translation.c): which Thumb
 * instructions must have word-aligned addresses whatever CCR.UNALIGN_TRP says. The behaviour
 * itself is compared with QEMU by the firmware cases align_multi and unaligned_trap.
 */
class TranslationFixesTest {
  private static boolean multiword(int hw1, int hw2) {
    return NativeLibraries.helper().vb_is_multiword_access(hw1, hw2) != 0;
  }

  @Test
  void correctionsAreOnForTheMeasuredLibrary() {
    assertEquals(1, NativeLibraries.helper().vb_translation_fixes_enabled());
    assertEquals(1, NativeLibraries.helper().vb_translation_itstate_store_known(),
        "the condexec store was learnt on the throwaway engine");
  }

  @Test
  void loadAndStoreMultipleAndDualNeedAlignment() {
    assertEquals(true, multiword(0xc90c, 0), "LDM r1, {r2, r3}");
    assertEquals(true, multiword(0xc00c, 0), "STM r0!, {r2, r3}");
    assertEquals(true, multiword(0xb410, 0), "PUSH {r4}");
    assertEquals(true, multiword(0xbd10, 0), "POP {r4, pc}");
    assertEquals(true, multiword(0xe893, 0x00e0), "LDM.W r3, {r5-r7}");
    assertEquals(true, multiword(0xe903, 0x0060), "STMDB r3, {r5, r6}");
    assertEquals(true, multiword(0xe92d, 0x4ff0), "PUSH.W {r4-r11, lr}");
    assertEquals(true, multiword(0xe9d1, 0x2300), "LDRD r2, r3, [r1]");
    assertEquals(true, multiword(0xe8e3, 0x5602), "STRD r5, r6, [r3], #8 (post-indexed)");
    assertEquals(true, multiword(0xe9df, 0x0102), "LDRD r0, r1, [pc, #8] (literal)");
  }

  @Test
  void otherAccessesKeepTheirRules() {
    assertEquals(false, multiword(0x6819, 0), "LDR r1, [r3]");
    assertEquals(false, multiword(0xe851, 0x0f00), "LDREX: already aligned by the engine");
    assertEquals(false, multiword(0xe843, 0x2100), "STREX");
    assertEquals(false, multiword(0xe8d0, 0xf001), "TBB [r0, r1]");
    assertEquals(false, multiword(0xe8d0, 0xf011), "TBH [r0, r1, lsl #1]");
    assertEquals(false, multiword(0xe8d1, 0x0f4f), "LDREXB");
    assertEquals(false, multiword(0xf8d3, 0x1004), "LDR.W r1, [r3, #4]");
    assertEquals(false, multiword(0x46a5, 0), "MOV sp, r4");
  }
}
