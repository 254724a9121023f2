package dev.vboard.netstack.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PortForwardTest {
  private static final int GUEST = Ipv4Address.parse("10.0.2.15");

  private static final int LOOPBACK = Ipv4Address.parse("127.0.0.1");

  @Test
  void qemuShortFormDefaultsToTcpTheLoopbackAndTheFirstGuest() {
    assertEquals(new PortForward(IpProtocol.TCP, LOOPBACK, 8080, GUEST, 80),
        PortForward.parse("hostfwd=tcp::8080-:80", GUEST));
    assertEquals(new PortForward(IpProtocol.UDP, LOOPBACK, 0, GUEST, 53),
        PortForward.parse("udp::0-:53", GUEST));
    assertEquals(new PortForward(IpProtocol.TCP, Ipv4Address.parse("127.0.0.1"), 22, GUEST, 22),
        PortForward.parse(":127.0.0.1:22-:22", GUEST));
  }

  @Test
  void allInterfacesOnlyWhenAskedFor() {
    assertEquals(Ipv4Address.ANY, PortForward.parse("tcp:0.0.0.0:8080-:80", GUEST).hostAddr());
  }

  @Test
  void everyFieldCanBeGiven() {
    assertEquals(new PortForward(IpProtocol.UDP, Ipv4Address.parse("127.0.0.1"), 6664,
            Ipv4Address.parse("10.0.2.16"), 664),
        PortForward.parse("udp:127.0.0.1:6664-10.0.2.16:664", GUEST));
  }

  @Test
  void badSpecsNameTheProblem() {
    assertMessage("unknown protocol", "sctp::1-:2");
    assertMessage("bad port", "tcp::80-:0");
    assertMessage("bad port", "tcp::http-:80");
    assertMessage("bad IPv4 address", "tcp:localhost:80-:80");
    assertMessage("expected", "tcp::80");
    assertMessage("expected", "tcp:80-:80");
    assertMessage("bad port", "tcp::70000-:80");
    assertMessage("bad port", "tcp::-1-:80");
    assertMessage("bad port", "tcp::80-:");
    assertMessage("bad IPv4 address", "tcp::80-10.0.2:80");
    assertMessage("expected", "tcp::80-10.0.2.15:80:1");
  }

  private static void assertMessage(String part, String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PortForward.parse(spec, GUEST));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  @Property
  void toStringParsesBack(@ForAll boolean udp, @ForAll int hostAddr,
      @ForAll @IntRange(max = 0xffff) int hostPort, @ForAll int guestAddr,
      @ForAll @IntRange(min = 1, max = 0xffff) int guestPort) {
    PortForward f = new PortForward(udp ? IpProtocol.UDP : IpProtocol.TCP, hostAddr, hostPort,
        guestAddr, guestPort);
    assertEquals(f, PortForward.parse(f.toString(), GUEST));
  }
}
