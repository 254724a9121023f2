package dev.vboard.netstack.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.transport.dns.StaticResolver;
import dev.vboard.netstack.wire.Ipv4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where guest destinations land on the host; no socket is opened here. */
class HostRouteTest {
  private final IfaceConfig iface = IfaceConfig.slirpDefaults();

  private InetSocketAddress target(String addr, int port) {
    return HostRoute.target(iface, Ipv4Address.parse(addr), port);
  }

  @Test
  void theGatewayIsTheHostLoopback() {
    assertEquals("127.0.0.1", target("10.0.2.2", 8080).getAddress().getHostAddress());
    assertEquals(8080, target("10.0.2.2", 8080).getPort());
  }

  @Test
  void addressesBeyondTheVirtualNetworkAreThemselves() {
    assertEquals("192.0.2.7", target("192.0.2.7", 80).getAddress().getHostAddress());
  }

  @Test
  void addressesWithoutAHostCounterpartHaveNoRoute() {
    assertNull(target("10.0.2.3", 53), "the DNS address is virtual only");
    assertNull(target("10.0.2.16", 80), "the virtual subnet");
    assertNull(target("255.255.255.255", 80));
    assertNull(target("224.0.0.1", 80));
    assertNull(target("127.0.0.1", 80), "the guest's loopback is not the host's");
    assertNull(target("0.0.0.0", 80));
    assertNull(target("192.0.2.7", 0));
  }

  @Test
  void theHostResolverAsksOnlyForHostNames() {
    assertTrue(HostResolver.plausible("example.com"));
    assertTrue(HostResolver.plausible("localhost"));
    assertFalse(HostResolver.plausible("127.0.0.1"), "an address literal is no lookup");
    assertFalse(HostResolver.plausible(""));
    assertFalse(HostResolver.plausible("a..b"));
    assertFalse(HostResolver.plausible("-x.com"));
    assertFalse(HostResolver.plausible("x y.com"));
    assertFalse(HostResolver.plausible("a".repeat(64) + ".com"));
  }

  @Test
  void theStaticTableWinsOverTheHostResolver() {
    int addr = Ipv4Address.parse("10.9.8.7");
    HostResolver r = new HostResolver(new StaticResolver(Map.of("localhost", List.of(addr))));
    assertEquals(List.of(addr), r.lookupA("localhost"));
  }

  @Test
  void localhostResolvesThroughTheHostToTheLoopback() {
    HostResolver r = new HostResolver(new StaticResolver(Map.of()));
    assertTrue(r.lookupA("localhost").contains(Ipv4Address.parse("127.0.0.1")),
        "" + r.lookupA("localhost"));
    assertEquals(List.of(), r.lookupA("name.invalid"), "RFC 6761: .invalid never resolves");
  }
}
