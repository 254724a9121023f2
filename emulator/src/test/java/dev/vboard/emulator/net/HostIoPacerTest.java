package dev.vboard.emulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.emulator.peripheral.lan9118.EthernetPort;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import dev.vboard.netstack.link.Link;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idle pacing while a host connection is open, on a scripted wall clock: an idle skip waits as
 * much wall time as it skips, time the guest spent executing is never billed to later skips,
 * overshoot is credited (up to a cap), and host I/O that ends a wait early wakes the guest at
 * the virtual time the wall clock allows, with the netstack polled there.
 */
class HostIoPacerTest {
  /** 25 MHz: 40 ns per cycle, as on mps2-an385. */
  private static final long HZ = 25_000_000;
  private static final long MS_CYCLES = 25_000;
  private static final long MS = 1_000_000;

  private final VirtualClock clock = new VirtualClock(HZ);
  private final Scheduler scheduler = new Scheduler(clock);
  private final Lan9118 nic = new Lan9118("eth0", scheduler,
      MacAddress.parse("52:54:00:12:34:56"), level -> { }, EthernetPort.DISCONNECTED);
  private final NetBridge bridge = new NetBridge(scheduler, nic, new IdleLink());

  private boolean active = true;
  private long wall = 5_000 * MS;
  /** Wall time each wait really lasts, by request; empty: exactly what was asked. */
  private final List<Long> waitLasts = new ArrayList<>();
  private final List<Long> requested = new ArrayList<>();
  private final HostIoPacer pacer = new HostIoPacer(() -> active, bridge, clock, () -> wall,
      max -> {
        requested.add(max);
        wall += waitLasts.isEmpty() ? max : waitLasts.remove(0);
      });

  /** A link with nothing to do: no deadline of its own. */
  private static final class IdleLink implements Link {
    @Override
    public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
      return List.of();
    }

    @Override
    public long pollAt() {
      return NEVER;
    }

    @Override
    public List<byte[]> poll(long nowNs) {
      return List.of();
    }
  }

  /** The machine's idle step: asks the pacer, then advances to what it allows. */
  private long idleTo(long target) {
    long reached = pacer.applyAsLong(clock.now(), target);
    clock.advanceTo(reached);
    return reached;
  }

  @Test
  void withoutAHostConnectionIdleTimeIsFree() {
    active = false;
    assertEquals(3_600_000 * MS_CYCLES, idleTo(3_600_000 * MS_CYCLES));
    assertEquals(List.of(), requested);
    assertEquals(5_000 * MS, wall);
  }

  @Test
  void anIdleSkipWaitsAsMuchWallTimeAsItSkips() {
    assertEquals(2 * MS_CYCLES, idleTo(2 * MS_CYCLES));
    assertEquals(List.of(2 * MS), requested);
  }

  @Test
  void busyVirtualTimeIsNotRepaidByLaterIdleSkips() {
    idleTo(MS_CYCLES);
    // The guest executes 500 ms of board time in no wall time at all (an emulator faster than
    // the 25 MHz core), then idles for 1 ms: that skip waits 1 ms, not 501.
    clock.advanceTo(clock.now() + 500 * MS_CYCLES);
    idleTo(clock.now() + MS_CYCLES);
    assertEquals(List.of(MS, MS), requested);
  }

  @Test
  void overshootIsCreditedToLaterSkipsUpToTheCap() {
    waitLasts.add(3 * MS); // asked for 1 ms, woke 2 ms late
    idleTo(MS_CYCLES);
    idleTo(clock.now() + MS_CYCLES);
    idleTo(clock.now() + MS_CYCLES);
    assertEquals(List.of(MS), requested, "the next two skips were already paid for");
    idleTo(clock.now() + MS_CYCLES);
    assertEquals(List.of(MS, MS), requested);

    waitLasts.add(HostIoPacer.MAX_CREDIT_NANOS + 51 * MS); // a long stall: credit is capped
    idleTo(clock.now() + MS_CYCLES);
    requested.clear();
    long capCycles = HostIoPacer.MAX_CREDIT_NANOS / MS * MS_CYCLES;
    assertEquals(clock.now() + capCycles, idleTo(clock.now() + capCycles));
    assertEquals(List.of(), requested);
    idleTo(clock.now() + MS_CYCLES);
    assertEquals(List.of(MS), requested);
  }

  @Test
  void hostIoEndingAWaitEarlyWakesTheGuestAtTheWallClocksTimeAndPollsThere() {
    long start = clock.now();
    waitLasts.add(MS / 4); // a host socket became ready after 250 us of a 10 ms skip
    long reached = idleTo(start + 10 * MS_CYCLES);
    assertEquals(start + MS_CYCLES / 4, reached);
    assertEquals(reached, bridge.nextPollCycle());
  }

  @Test
  void aStopWithoutWaitingStillMovesTimeForward() {
    waitLasts.add(0L); // e.g. a signal already pending: the wait returns at once
    long start = clock.now();
    assertEquals(start + 1, idleTo(start + MS_CYCLES));
  }

  @Test
  void theCreditEndsWithTheLastHostConnection() {
    waitLasts.add(5 * MS);
    idleTo(MS_CYCLES); // 4 ms of credit
    active = false;
    idleTo(clock.now() + 100 * MS_CYCLES);
    active = true;
    idleTo(clock.now() + MS_CYCLES);
    assertEquals(List.of(MS, MS), requested);
  }

  @Test
  void aLongSkipWaitsInSlicesOfAtMostTheCap() {
    long start = clock.now();
    long reached = idleTo(start + 1_000 * MS_CYCLES);
    assertEquals(List.of(HostIoPacer.MAX_WAIT_NANOS), requested);
    assertEquals(start + HostIoPacer.MAX_WAIT_NANOS / MS * MS_CYCLES, reached);
  }
}
