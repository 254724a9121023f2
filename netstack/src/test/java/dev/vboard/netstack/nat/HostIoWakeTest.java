package dev.vboard.netstack.nat;

import static dev.vboard.netstack.nat.GuestSide.IP;
import static dev.vboard.netstack.nat.GuestSide.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host sockets wake the embedder instead of being polled: open sockets add no deadline to
 * {@code pollAt()}, a host client ends {@code awaitHostIo} at once, and {@code wakeHostIo} ends
 * it from another thread (the emulator's stdin and stop requests).
 */
@Timeout(30)
class HostIoWakeTest {
  private static Netstack withForward() {
    NatConfig nat = NatConfig.hostAccess().withRestrict(true)
        .withForwards(List.of(PortForward.parse("tcp::0-:8080", IP)));
    return new Netstack(NetstackConfig.defaults().withNat(nat));
  }

  @Test
  void aForwardListenerAddsNoDeadline() {
    try (Netstack plain = new Netstack(NetstackConfig.defaults());
        Netstack stack = withForward()) {
      plain.poll(3 * MS);
      stack.poll(3 * MS);
      assertTrue(stack.hasHostSockets());
      assertFalse(stack.hostIoActive());
      assertEquals(plain.pollAt(), stack.pollAt(), "only the timers a netstack has anyway");
    }
  }

  @Test
  void aClientOfTheForwardEndsAnUnboundedWait() throws Exception {
    try (Netstack stack = withForward()) {
      assertFalse(stack.hostIoReady(), "nobody has connected yet");
      InetSocketAddress fwd = stack.forwardAddresses().get(0);
      try (Socket client = new Socket(fwd.getAddress(), fwd.getPort())) {
        assertTrue(stack.awaitHostIo(Long.MAX_VALUE), "the pending accept is ready");
        assertTrue(stack.hostIoReady(), "readiness is kept for the next poll");
        stack.poll(4 * MS);
        assertEquals(1L, stack.counters().get("nat.tcp.forwards_accepted"));
      }
    }
  }

  @Test
  void aWakeBeforeTheWaitEndsIt() {
    try (Netstack stack = withForward()) {
      stack.wakeHostIo();
      assertFalse(stack.awaitHostIo(Long.MAX_VALUE), "woken, nothing ready");
    }
  }

  @Test
  void aWakeFromAnotherThreadEndsAWaitInProgress() throws Exception {
    try (Netstack stack = withForward()) {
      CompletableFuture<Boolean> waiting =
          CompletableFuture.supplyAsync(() -> stack.awaitHostIo(Long.MAX_VALUE));
      // The waiter may not have reached select() yet: a wake then ends its next select, so
      // ringing until it returns covers both orders without any timing assumption.
      Boolean ready = null;
      while (ready == null) {
        stack.wakeHostIo();
        try {
          ready = waiting.get(10, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          ready = null;
        }
      }
      assertFalse(ready);
    }
  }

  @Test
  void withoutNatNothingWaitsAndNothingIsOpen() {
    try (Netstack stack = new Netstack(NetstackConfig.defaults())) {
      assertFalse(stack.hasHostSockets());
      assertFalse(stack.awaitHostIo(Long.MAX_VALUE), "returns at once without NAT");
      stack.wakeHostIo();
    }
  }

  @Test
  void aClosedNetstackHasNothingToWaitFor() {
    Netstack stack = withForward();
    stack.close();
    assertFalse(stack.hasHostSockets());
    assertFalse(stack.awaitHostIo(Long.MAX_VALUE));
  }
}
