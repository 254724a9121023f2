package dev.vboard.emulator.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  @Test
  void eventsAtTheSameCycleRunInInsertionOrder() {
    VirtualClock clock = new VirtualClock(25_000_000);
    Scheduler scheduler = new Scheduler(clock);
    List<String> ran = new ArrayList<>();
    scheduler.scheduleAt(10, () -> ran.add("b"));
    scheduler.scheduleAt(5, () -> ran.add("a"));
    scheduler.scheduleAt(10, () -> ran.add("c"));
    clock.advanceTo(9);
    assertEquals(1, scheduler.runDue(), "only the event at 5 is due at 9");
    clock.advance(1);
    assertEquals(2, scheduler.runDue());
    assertEquals(List.of("a", "b", "c"), ran);
    assertEquals(Long.MAX_VALUE, scheduler.nextDeadline());
  }

  @Test
  void cancelledEventsNeverRunAndDoNotHoldTheDeadline() {
    VirtualClock clock = new VirtualClock(1000);
    Scheduler scheduler = new Scheduler(clock);
    List<String> ran = new ArrayList<>();
    Scheduler.Event early = scheduler.scheduleAt(3, () -> ran.add("early"));
    scheduler.scheduleAt(7, () -> ran.add("late"));
    early.cancel();
    assertEquals(7, scheduler.nextDeadline());
    clock.advanceTo(100);
    scheduler.runDue();
    assertEquals(List.of("late"), ran);
  }

  @Test
  void anEarlierDeadlineIsReportedToTheListener() {
    VirtualClock clock = new VirtualClock(1000);
    Scheduler scheduler = new Scheduler(clock);
    List<Long> reported = new ArrayList<>();
    scheduler.setEarliestDeadlineListener(reported::add);
    scheduler.scheduleAt(50, () -> { });
    scheduler.scheduleAt(80, () -> { });
    scheduler.scheduleAt(20, () -> { });
    assertEquals(List.of(50L, 20L), reported);
  }

  @Test
  void clockConversionsRoundTowardsNeverEarly() {
    VirtualClock clock = new VirtualClock(25_000_000);
    assertEquals(40, clock.cyclesToNanos(1));
    assertEquals(1, clock.nanosToCycles(1));
    assertEquals(25_000_000, clock.nanosToCycles(1_000_000_000L));
    long hourCycles = clock.nanosToCycles(3_600_000_000_000L);
    assertEquals(3_600_000_000_000L, clock.cyclesToNanos(hourCycles));
    long yearCycles = 25_000_000L * 3600 * 24 * 365;
    assertEquals(365L * 24 * 3600 * 1_000_000_000L, clock.cyclesToNanos(yearCycles), "no overflow");
  }
}
