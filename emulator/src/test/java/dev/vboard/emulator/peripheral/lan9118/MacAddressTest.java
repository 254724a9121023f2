package dev.vboard.emulator.peripheral.lan9118;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MacAddressTest {

  @Test
  void parsesAndPrintsColonSeparatedHex() {
    MacAddress mac = MacAddress.parse("52-54-00-AB-cd-01");
    assertEquals("52:54:00:ab:cd:01", mac.toString());
    assertEquals(0xab, mac.get(3));
    assertFalse(mac.isGroup());
    assertTrue(MacAddress.parse("ff:ff:ff:ff:ff:ff").isBroadcast());
    assertTrue(MacAddress.parse("01:00:5e:00:00:01").isGroup());
  }

  @Test
  void rejectsMalformedText() {
    assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("52:54:00:12:34"));
    assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("52:54:00:12:34:5g"));
    assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("5:54:00:12:34:56"));
    assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[5]));
  }

  @Property
  void parsingThePrintedFormGivesTheSameAddress(@ForAll @Size(6) byte[] bytes) {
    MacAddress mac = MacAddress.of(bytes);
    assertEquals(mac, MacAddress.parse(mac.toString()));
  }
}
