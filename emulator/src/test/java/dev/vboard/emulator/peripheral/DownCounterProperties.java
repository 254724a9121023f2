package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The closed-form {@link DownCounter} against a reference that ticks one period at a time:
 * same count after every operation and the same 1 -> 0 event cycles, for random programs.
 * The reference includes ptimer's "delta zero" rule: a (re)load with a count of 0 and nothing
 * to reload (one-shot, or limit 0) stops the counter, and so does reaching 0 with limit 0.
 */
class DownCounterProperties {

  enum Op { SET_COUNT, SET_LIMIT, SET_LIMIT_RELOAD, RUN_PERIODIC, RUN_ONESHOT, STOP, SET_PERIOD }

  record Step(int gap, Op op, int arg) { }

  @Provide
  Arbitrary<List<Step>> programs() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, 40),
        Arbitraries.of(Op.class),
        Arbitraries.integers().between(0, 12)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 300, seed = "20261126")
  void closedFormMatchesTickByTickReference(@ForAll("programs") List<Step> program) {
    Bench bench = new Bench();
    List<Long> fired = new ArrayList<>();
    DownCounter counter = new DownCounter(bench.scheduler, () -> fired.add(bench.now()));
    counter.reset(0, 0, 1);
    Reference ref = new Reference();
    for (Step s : program) {
      long t = bench.now() + s.gap();
      bench.runTo(t);
      ref.runTo(t);
      apply(counter, s);
      ref.apply(s, t);
      assertEquals(ref.count, counter.count(), "count after " + s + " at " + t);
    }
    long end = bench.now() + 200;
    bench.runTo(end);
    ref.runTo(end);
    assertEquals(ref.count, counter.count(), "count at the end");
    assertEquals(ref.fired, fired, "1 -> 0 events");
  }

  private static void apply(DownCounter c, Step s) {
    switch (s.op()) {
      case SET_COUNT -> c.setCount(s.arg());
      case SET_LIMIT -> c.setLimit(s.arg(), false);
      case SET_LIMIT_RELOAD -> c.setLimit(s.arg(), true);
      case RUN_PERIODIC -> c.run(false);
      case RUN_ONESHOT -> c.run(true);
      case STOP -> c.stop();
      case SET_PERIOD -> c.setPeriod(1 + s.arg() % 4);
      default -> throw new AssertionError(s);
    }
  }

  /** The specification, one tick at a time. */
  private static final class Reference {
    long count;
    long limit;
    long period = 1;
    boolean running;
    boolean oneshot;
    long nextTick;
    long now;
    final List<Long> fired = new ArrayList<>();

    void runTo(long t) {
      while (running && nextTick <= t) {
        now = nextTick;
        tick();
        nextTick += period;
      }
      now = t;
    }

    private void tick() {
      if (count > 0) {
        count--;
        if (count == 0) {
          fired.add(now);
          if (oneshot || limit == 0) {
            running = false;
          }
        }
      } else if (!oneshot && limit > 0) {
        count = limit;
      }
    }

    void apply(Step s, long t) {
      switch (s.op()) {
        case SET_COUNT -> {
          count = s.arg();
          nextTick = t + period;
        }
        case SET_LIMIT -> limit = s.arg();
        case SET_LIMIT_RELOAD -> {
          limit = s.arg();
          count = limit;
          nextTick = t + period;
        }
        case RUN_PERIODIC, RUN_ONESHOT -> {
          boolean starting = !running;
          if (starting) {
            nextTick = t + period;
          }
          running = true;
          oneshot = s.op() == Op.RUN_ONESHOT;
          if (!starting) {
            return; // a mode switch, not a reload
          }
        }
        case STOP -> running = false;
        case SET_PERIOD -> {
          period = 1 + s.arg() % 4;
          nextTick = t + period;
        }
        default -> throw new AssertionError(s);
      }
      if (s.op() != Op.SET_LIMIT && s.op() != Op.STOP) {
        stopIfNothingToCount();
      }
    }

    /** A reload with nothing to count and no reload to come disables the counter (ptimer). */
    private void stopIfNothingToCount() {
      if (running && count == 0 && (oneshot || limit == 0)) {
        running = false;
      }
    }
  }
}
