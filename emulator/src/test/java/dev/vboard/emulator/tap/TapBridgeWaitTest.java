package dev.vboard.emulator.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.link.Link;
import dev.vboard.netstack.nat.NatConfig;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How long the TAP loop sleeps: the netstack's deadline, never a 1 kHz spin while idle. */
class TapBridgeWaitTest {
  private static final long MS = 1_000_000L;

  @Test
  void withNothingScheduledWaitsTheStopCheckInterval() {
    try (Netstack net = new Netstack(NetstackConfig.defaults())) {
      TapBridge bridge = new TapBridge(null, net, net);
      assertEquals(TapBridge.MAX_WAIT_NANOS, bridge.waitNanos(Link.NEVER, 0));
    }
  }

  @Test
  void waitsUntilTheNetstacksNextDeadline() {
    try (Netstack net = new Netstack(NetstackConfig.defaults())) {
      TapBridge bridge = new TapBridge(null, net, net);
      assertEquals(5 * MS, bridge.waitNanos(7 * MS, 2 * MS));
      assertEquals(0, bridge.waitNanos(2 * MS, 2 * MS));
    }
  }

  @Test
  void aForwardListenerAloneDoesNotWakeTheLoop() {
    NatConfig nat = NatConfig.fromOptions(false, List.of("tcp:127.0.0.1:0-:80"),
        dev.vboard.netstack.wire.Ipv4Address.of(10, 0, 2, 15));
    try (Netstack net = new Netstack(NetstackConfig.defaults().withNat(nat))) {
      net.poll(3 * MS);
      assertFalse(net.hostIoActive());
      assertEquals(Link.NEVER, net.pollAt(), "host sockets add no deadline");
      TapBridge bridge = new TapBridge(null, net, net);
      assertEquals(TapBridge.MAX_WAIT_NANOS, bridge.waitNanos(Link.NEVER, 3 * MS));
    }
  }

  @Test
  void anOpenHostConnectionDoesNotWakeTheLoopEveryMillisecondEither() throws Exception {
    NatConfig nat = NatConfig.fromOptions(false, List.of("tcp:127.0.0.1:0-:80"),
        dev.vboard.netstack.wire.Ipv4Address.of(10, 0, 2, 15));
    try (Netstack net = new Netstack(NetstackConfig.defaults().withNat(nat));
         Socket client = new Socket()) {
      client.connect(net.forwardAddresses().get(0));
      // The kernel completes the handshake on its own: a client now waits to be accepted.
      assertTrue(net.awaitHostIo(10_000 * MS));
      assertTrue(net.hostIoActive());
      TapBridge bridge = new TapBridge(null, net, net);
      assertEquals(TapBridge.MAX_WAIT_NANOS, bridge.waitNanos(Link.NEVER, 3 * MS),
          "the selector wait ends on host I/O itself, and a TapWatcher ends it on TAP frames");
    }
  }
}
