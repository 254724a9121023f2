package dev.vboard.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnicornTest {

  @Test
  void errorCodesBecomeTypedExceptions() {
    try (Unicorn uc = Unicorn.open(UcConst.UC_ARCH_ARM, UcConst.UC_MODE_THUMB)) {
      UnicornException e = assertThrows(UnicornException.class,
          () -> uc.memMap(0x123, 0x1000, UcConst.UC_PROT_ALL));
      assertEquals(UcError.ARG, e.error());
      assertThrows(UnicornException.class, () -> uc.memRead(0x5000, 4));
    }
  }

  @Test
  void registersAndMemoryRoundTrip() {
    try (Unicorn uc = Unicorn.open(UcConst.UC_ARCH_ARM, UcConst.UC_MODE_THUMB)) {
      uc.setCpuModel(UcConst.UC_CPU_ARM_CORTEX_M3);
      uc.memMap(0x20000000L, 0x1000, UcConst.UC_PROT_ALL);
      uc.memWrite(0x20000010L, new byte[] {1, 2, 3});
      assertEquals(2, uc.memRead(0x20000011L, 1)[0]);
      uc.regWrite(UcConst.armRegR(7), 0xcafe);
      assertEquals(0xcafe, uc.regRead(UcConst.armRegR(7)));
      uc.regWrite(UcConst.UC_ARM_REG_PSP, 0x1230);
      assertEquals(0x1230, uc.regRead(UcConst.UC_ARM_REG_PSP), "M-profile registers exist");
    }
  }

  @Test
  void theLoadedLibraryIsUnicorn2() {
    assertEquals(2, NativeLibraries.get().version() >>> 24);
    assertTrue(UcError.of(99) == UcError.UNKNOWN);
  }
}
