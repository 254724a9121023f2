package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;

/** A machine without a CPU: clock, scheduler and a way to let virtual time pass exactly. */
final class Bench {
  static final long HZ = 25_000_000;

  final VirtualClock clock = new VirtualClock(HZ);
  final Scheduler scheduler = new Scheduler(clock);

  /** Runs every event up to and including cycle {@code t}, in order, then stands at {@code t}. */
  void runTo(long t) {
    while (scheduler.nextDeadline() <= t) {
      clock.advanceTo(scheduler.nextDeadline());
      scheduler.runDue();
    }
    clock.advanceTo(t);
    scheduler.runDue();
  }

  void run(long cycles) {
    runTo(clock.now() + cycles);
  }

  long now() {
    return clock.now();
  }

  /** An interrupt wire that remembers its level and how often it rose. */
  static final class Line implements IrqLine {
    boolean level;
    int rises;

    @Override
    public void set(boolean newLevel) {
      if (newLevel && !level) {
        rises++;
      }
      level = newLevel;
    }
  }
}
