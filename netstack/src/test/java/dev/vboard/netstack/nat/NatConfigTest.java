package dev.vboard.netstack.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatConfigTest {
  private static final int GUEST = Ipv4Address.parse("10.0.2.15");

  @Test
  void theCommandLineDefaultReachesTheHost() {
    NatConfig c = NatConfig.fromOptions(false, List.of(), GUEST);
    assertTrue(c.enabled());
    assertTrue(c.outbound());
    assertTrue(c.usesHostResolver());
  }

  @Test
  void restrictKeepsTheForwardsOnly() {
    NatConfig c = NatConfig.fromOptions(true, List.of("tcp::2222-:22", "udp::5353-:53"), GUEST);
    assertTrue(c.enabled());
    assertFalse(c.outbound());
    assertFalse(c.usesHostResolver());
    assertEquals(List.of(PortForward.parse("tcp:127.0.0.1:2222-10.0.2.15:22", GUEST),
        PortForward.parse("udp:127.0.0.1:5353-10.0.2.15:53", GUEST)), c.forwards());
  }

  @Test
  void forwardsOnADisabledNatOpenNothingElse() {
    NatConfig c = NatConfig.disabled().withForwards(List.of(PortForward.parse("::8080-:80",
        GUEST)));
    assertTrue(c.enabled());
    assertFalse(c.outbound());
    assertFalse(NatConfig.disabled().enabled());
  }

  @Test
  void aBadForwardIsReportedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatConfig.fromOptions(false, List.of("tcp::80-:80", "tcp::x-:1"), GUEST));
    assertTrue(e.getMessage().contains("tcp::x-:1"), e.getMessage());
  }
}
