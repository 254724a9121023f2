package dev.vboard.emulator.time;

import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Timed events of one machine: a heap ordered by deadline (in cycles), then by insertion order,
 * so events due at the same cycle run in the order they were scheduled, on every run.
 *
 * <p>Peripherals schedule from MMIO callbacks while the CPU is mid-slice; a deadline earlier than
 * the slice's end is reported to the {@link #setEarliestDeadlineListener listener} so the CPU can
 * shorten its budget. Single-threaded by design: only the simulation thread touches it.
 */
public final class Scheduler {

  /** A scheduled action; cancel it to drop it. */
  public static final class Event {
    private final long deadline;
    private final long sequence;
    private final Runnable action;
    private boolean cancelled;

    private Event(long deadline, long sequence, Runnable action) {
      this.deadline = deadline;
      this.sequence = sequence;
      this.action = action;
    }

    public long deadline() {
      return deadline;
    }

    public boolean isCancelled() {
      return cancelled;
    }

    public void cancel() {
      cancelled = true;
    }
  }

  private final VirtualClock clock;
  private final HostEvents hostEvents = new HostEvents();
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>((a, b) -> a.deadline != b.deadline
          ? Long.compare(a.deadline, b.deadline)
          : Long.compare(a.sequence, b.sequence));
  private long nextSequence;
  private LongConsumer earliestDeadlineListener = deadline -> { };

  public Scheduler(VirtualClock clock) {
    this.clock = clock;
  }

  public VirtualClock clock() {
    return clock;
  }

  /**
   * The machine's doorbell for input that host threads receive: devices register listeners
   * there instead of polling such sources by time (the one thread-safe part of the scheduler).
   */
  public HostEvents hostEvents() {
    return hostEvents;
  }

  /** Schedules {@code action} at absolute cycle {@code deadline} (clamped to now). */
  public Event scheduleAt(long deadline, Runnable action) {
    long at = Math.max(deadline, clock.now());
    Event event = new Event(at, nextSequence++, action);
    boolean earliest = queue.isEmpty() || at < queue.peek().deadline;
    queue.add(event);
    if (earliest) {
      earliestDeadlineListener.accept(at);
    }
    return event;
  }

  /** Schedules {@code action} {@code cycles} from now. */
  public Event scheduleIn(long cycles, Runnable action) {
    return scheduleAt(clock.now() + Math.max(0, cycles), action);
  }

  /** Deadline of the earliest live event, or {@link Long#MAX_VALUE} when there is none. */
  public long nextDeadline() {
    dropCancelledHead();
    return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().deadline;
  }

  /** Runs every event due at or before the current time, in order; returns how many ran. */
  public int runDue() {
    int ran = 0;
    long now = clock.now();
    while (true) {
      dropCancelledHead();
      Event head = queue.peek();
      if (head == null || head.deadline > now) {
        return ran;
      }
      queue.poll();
      head.action.run();
      ran++;
    }
  }

  /** Called with a deadline whenever it becomes the earliest; the CPU trims its slice. */
  public void setEarliestDeadlineListener(LongConsumer listener) {
    this.earliestDeadlineListener = listener;
  }

  private void dropCancelledHead() {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
  }
}
