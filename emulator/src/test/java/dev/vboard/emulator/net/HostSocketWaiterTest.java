package dev.vboard.emulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.peripheral.lan9118.EthernetPort;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.nat.NatConfig;
import dev.vboard.netstack.nat.PortForward;
import dev.vboard.netstack.wire.Ipv4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The netstack's host sockets as the machine's {@link HostEvents.Waiter}: one wait that host
 * sockets, stdin signals and stop requests all end, with a ready socket delivered as a signal.
 */
@Timeout(30)
class HostSocketWaiterTest {
  private final Netstack netstack = new Netstack(NetstackConfig.defaults().withNat(
      NatConfig.hostAccess().withRestrict(true).withForwards(List.of(
          PortForward.parse("tcp::0-:8080", Ipv4Address.of(10, 0, 2, 15))))));
  private final HostEvents events = new HostEvents();

  @AfterEach
  void close() {
    netstack.close();
  }

  @Test
  void aListenerIsAnOpenSourceThatStaysQuiet() {
    assertFalse(events.hasOpenSources(), "no waiter, no stdin");
    events.setWaiter(new HostSocketWaiter(netstack));
    assertTrue(events.hasOpenSources(), "a forward client may come at any time");
    events.checkWaiter();
    assertFalse(events.pending());
  }

  @Test
  void aHostClientEndsAnUnboundedWaitAsASignal() throws Exception {
    events.setWaiter(new HostSocketWaiter(netstack));
    int[] delivered = new int[1];
    events.addListener(() -> delivered[0]++);
    InetSocketAddress fwd = netstack.forwardAddresses().get(0);
    try (Socket client = new Socket(fwd.getAddress(), fwd.getPort())) {
      events.await(Long.MAX_VALUE, () -> false);
      assertTrue(events.pending());
      assertTrue(events.deliver());
      assertEquals(1, delivered[0]);
    }
  }

  @Test
  void aBusyMachineSeesAReadySocketWithoutWaiting() throws Exception {
    events.setWaiter(new HostSocketWaiter(netstack));
    InetSocketAddress fwd = netstack.forwardAddresses().get(0);
    try (Socket client = new Socket(fwd.getAddress(), fwd.getPort())) {
      // The kernel completes the handshake on its own; look until the accept is ready.
      while (!events.pending()) {
        events.checkWaiter();
      }
      assertTrue(netstack.hostIoReady());
    }
  }

  @Test
  void stdinAndStopRequestsEndAWaitInTheSelector() throws Exception {
    events.setWaiter(new HostSocketWaiter(netstack));
    assertTrue(endedBy(events::signal), "a signal (stdin) ends the wait");
    assertTrue(events.pending());
    events.deliver();
    assertTrue(endedBy(events::interruptWait), "interruptWait (a stop request) ends the wait");
    assertFalse(events.pending(), "a stop request is not input");
  }

  @Test
  void aClientWakesAnIdleBoardAndTheNetstackIsPolledAtThatInstant() throws Exception {
    VirtualClock clock = new VirtualClock(25_000_000);
    Scheduler scheduler = new Scheduler(clock);
    Lan9118 nic = new Lan9118("eth0", scheduler, MacAddress.parse("52:54:00:12:34:56"),
        level -> { }, EthernetPort.DISCONNECTED);
    NetBridge bridge = new NetBridge(scheduler, nic, netstack);
    HostEvents doorbell = scheduler.hostEvents();
    BoardNetwork.wakeOnHostIo(doorbell, clock, netstack, bridge);
    assertEquals(Long.MAX_VALUE, bridge.nextPollCycle(), "a listener alone schedules no poll");
    assertTrue(doorbell.hasOpenSources(), "so an idle core waits instead of giving up");

    clock.advanceTo(12_345);
    InetSocketAddress fwd = netstack.forwardAddresses().get(0);
    try (Socket client = new Socket(fwd.getAddress(), fwd.getPort())) {
      doorbell.await(Long.MAX_VALUE, () -> false);
      assertTrue(doorbell.deliver(), "the ready accept is delivered as host input");
      assertEquals(12_345, bridge.nextPollCycle(), "the netstack is polled at once");
      scheduler.runDue();
      assertEquals(1L, netstack.counters().get("nat.tcp.forwards_accepted"));
    }
  }

  /** Runs an unbounded wait on another thread and rings {@code ring} until it returns. */
  private boolean endedBy(Runnable ring) throws Exception {
    CompletableFuture<Long> waiting =
        CompletableFuture.supplyAsync(() -> events.await(Long.MAX_VALUE, () -> false));
    while (true) {
      ring.run();
      try {
        waiting.get(10, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        // the waiter had not started yet, or the ring raced with it: ring again
      }
    }
  }
}
