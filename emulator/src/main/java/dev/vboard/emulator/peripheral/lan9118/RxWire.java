package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.time.Scheduler;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive direction of the cable: frames from the network queue here and arrive one after
 * the other, each when its last bit would (serialisation time at the PHY's speed, an interframe
 * gap between frames). The queue stands for the switch port's buffer; past {@link #MAX_QUEUED}
 * frames the switch drops, which is the network's loss, not the chip's (RX_DROP is not counted).
 */
final class RxWire {
  static final int MAX_QUEUED = 1024;
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");

  private final String device;
  private final Scheduler scheduler;
  private final IntSupplier nanosPerBit;
  private final Consumer<byte[]> arrived;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private Scheduler.Event event;
  private long wireFreeAt;

  RxWire(String device, Scheduler scheduler, IntSupplier nanosPerBit, Consumer<byte[]> arrived) {
    this.device = device;
    this.scheduler = scheduler;
    this.nanosPerBit = nanosPerBit;
    this.arrived = arrived;
  }

  /** Queues a frame that starts onto the wire now or after the frames before it. */
  void send(byte[] frame) {
    if (queue.size() >= MAX_QUEUED) {
      LOG.debug("{}: {} frames queued on the wire, frame dropped", device, queue.size());
      return;
    }
    queue.add(frame);
    if (event == null) {
      scheduleHead();
    }
  }

  int queued() {
    return queue.size();
  }

  private void scheduleHead() {
    long start = Math.max(scheduler.clock().now(), wireFreeAt);
    long end = start + WireTiming.frameCycles(scheduler.clock(), queue.peek().length,
        nanosPerBit.getAsInt());
    event = scheduler.scheduleAt(end, this::onArrival);
  }

  private void onArrival() {
    event = null;
    byte[] frame = queue.poll();
    wireFreeAt = scheduler.clock().now()
        + WireTiming.gapCycles(scheduler.clock(), nanosPerBit.getAsInt());
    arrived.accept(frame);
    if (!queue.isEmpty()) {
      scheduleHead();
    }
  }
}
