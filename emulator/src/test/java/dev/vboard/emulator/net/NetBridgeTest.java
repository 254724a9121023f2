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
 * The bridge turns the link's {@code pollAt()} (ns) into one scheduler event (cycles), time-exact:
 * nothing one cycle before the deadline, the poll at it, and the next deadline after it.
 */
class NetBridgeTest {
  /** 25 MHz: 40 ns per cycle, as on mps2-an385. */
  private static final long HZ = 25_000_000;

  private final VirtualClock clock = new VirtualClock(HZ);
  private final Scheduler scheduler = new Scheduler(clock);
  private final Lan9118 nic = new Lan9118("eth0", scheduler,
      MacAddress.parse("52:54:00:12:34:56"), level -> { }, EthernetPort.DISCONNECTED);

  /** A link whose deadline the test sets, recording when it is polled. */
  private static final class ScriptedLink implements Link {
    long pollAt = NEVER;
    final List<Long> polls = new ArrayList<>();
    final List<Long> nextDeadlines = new ArrayList<>();

    @Override
    public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
      return List.of();
    }

    @Override
    public long pollAt() {
      return pollAt;
    }

    @Override
    public List<byte[]> poll(long nowNs) {
      polls.add(nowNs);
      pollAt = nextDeadlines.isEmpty() ? NEVER : nextDeadlines.remove(0);
      return List.of();
    }
  }

  private void runTo(long cycle) {
    clock.advanceTo(cycle);
    scheduler.runDue();
  }

  @Test
  void theLinkIsPolledAtItsDeadlineRoundedUpToACycleAndNotBefore() {
    ScriptedLink link = new ScriptedLink();
    link.pollAt = 1_000_010; // 25000.25 cycles: the poll may not come early, so cycle 25001

    NetBridge bridge = new NetBridge(scheduler, nic, link);

    assertEquals(25_001, bridge.nextPollCycle());
    runTo(25_000);
    assertEquals(List.of(), link.polls);
    runTo(25_001);
    assertEquals(List.of(1_000_040L), link.polls);
  }

  @Test
  void afterEachPollTheNextDeadlineIsScheduledAndNeverMeansNoEvent() {
    ScriptedLink link = new ScriptedLink();
    link.pollAt = 400;
    link.nextDeadlines.add(2_000L);
    NetBridge bridge = new NetBridge(scheduler, nic, link);

    runTo(10);
    assertEquals(50, bridge.nextPollCycle());
    runTo(49);
    assertEquals(1, link.polls.size());
    runTo(50);
    assertEquals(List.of(400L, 2_000L), link.polls);
    assertEquals(Long.MAX_VALUE, bridge.nextPollCycle());
    assertEquals(Long.MAX_VALUE, scheduler.nextDeadline());
  }

  @Test
  void aDeadlineAlreadyPassedIsPolledAtOnce() {
    clock.advanceTo(1_000);
    ScriptedLink link = new ScriptedLink();
    link.pollAt = 0;

    NetBridge bridge = new NetBridge(scheduler, nic, link);

    assertEquals(1_000, bridge.nextPollCycle());
    scheduler.runDue();
    assertEquals(List.of(40_000L), link.polls);
  }

  @Test
  void aLinkStillDueAfterItsPollIsPolledAgainOneCycleLaterNotInTheSameTurn() {
    ScriptedLink link = new ScriptedLink();
    link.pollAt = 0;
    link.nextDeadlines.add(0L);
    NetBridge bridge = new NetBridge(scheduler, nic, link);

    scheduler.runDue();

    assertEquals(List.of(0L), link.polls);
    assertEquals(1, bridge.nextPollCycle());
  }

  @Test
  void anEarlierWakeUpFromHostIoMovesThePollForwardButNeverBack() {
    ScriptedLink link = new ScriptedLink();
    link.pollAt = 40_000; // cycle 1000
    NetBridge bridge = new NetBridge(scheduler, nic, link);

    bridge.pollNoLaterThan(2_000);
    assertEquals(1_000, bridge.nextPollCycle());
    bridge.pollNoLaterThan(300);
    assertEquals(300, bridge.nextPollCycle());
    runTo(300);
    assertEquals(List.of(12_000L), link.polls);
  }
}
