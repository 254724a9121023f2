package dev.vboard.emulator.tap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Interface names as Linux's dev_valid_name accepts them (net/core/dev.c), checked up front. */
class TapDeviceNameTest {
  @Test
  void acceptsShortPrintableNamesAndTheKernelsNumberingPattern() {
    assertDoesNotThrow(() -> TapDevice.checkName("tap0"));
    assertDoesNotThrow(() -> TapDevice.checkName("vbtap%d"));
    assertDoesNotThrow(() -> TapDevice.checkName("a23456789012345"));
  }

  @Test
  void rejectsEmptyOverlongDotsSlashesColonsAndSpaces() {
    for (String bad : new String[] {"", "a234567890123456", ".", "..", "a/b", "a:b", "a b"}) {
      assertThrows(IllegalArgumentException.class, () -> TapDevice.checkName(bad), bad);
    }
  }
}
