package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.serial.StdioBackend;
import dev.vboard.emulator.time.HostEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A UART on a host source that signals ({@link StdioBackend} bound to the scheduler's
 * {@link HostEvents}) over a real OS pipe: no poll by time while the pipe is silent, bytes taken
 * when the host signals, one per frame while more are queued, and nothing at all after the end.
 */
class CmsdkApbUartHostInputTest {
  private static final int DATA = 0x0;
  private static final int STATE = 0x4;
  private static final int CTRL = 0x8;
  private static final int BAUDDIV = 0x10;
  private static final int DIV = 217;
  private static final long FRAME = 10L * DIV;

  private Bench bench;
  private Pipe pipe;
  private OutputStream host;
  private Bench.Line rx;
  private CmsdkApbUart uart;

  @BeforeEach
  void setUp() throws IOException {
    bench = new Bench();
    pipe = Pipe.open();
    host = Channels.newOutputStream(pipe.sink());
    StdioBackend stdin = new StdioBackend(Channels.newInputStream(pipe.source()),
        new ByteArrayOutputStream());
    rx = new Bench.Line();
    Bench.Line none = new Bench.Line();
    uart = new CmsdkApbUart("uart0", bench.scheduler, Bench.HZ, stdin,
        new CmsdkApbUart.Lines(none, rx, none, none, none));
    stdin.bindTo(bench.scheduler.hostEvents());
    uart.write(BAUDDIV, 4, DIV);
    uart.write(CTRL, 4, CmsdkApbUart.CTRL_RXEN | CmsdkApbUart.CTRL_RXINTEN);
  }

  @AfterEach
  void tearDown() throws IOException {
    host.close();
    pipe.source().close();
  }

  /** Delivers host signals (waiting, bounded, for the reader thread) until RXFULL is set. */
  private void deliverUntilReceived() throws InterruptedException {
    HostEvents events = bench.scheduler.hostEvents();
    for (int i = 0; i < 30_000 && (uart.read(STATE, 4) & CmsdkApbUart.STATE_RXFULL) == 0; i++) {
      events.await(1_000_000L, () -> false);
      events.deliver();
    }
  }

  @Test
  void silentOpenPipeSchedulesNothingAfterTheFirstPoll() throws InterruptedException {
    bench.scheduler.hostEvents().deliver(); // bindTo's own signal
    bench.runTo(FRAME);
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline(),
        "no poll per frame: an idle machine may skip to any far timer");
    assertTrue(bench.scheduler.hostEvents().hasOpenSources(), "the pipe is still open");
    assertFalse(rx.level);
  }

  @Test
  void bytesWrittenWhileIdleAreTakenWhenSignalledThenOnePerFrame() throws Exception {
    bench.scheduler.hostEvents().deliver();
    bench.runTo(10 * FRAME);
    long idleUntil = 1_000_000;
    bench.runTo(idleUntil); // nothing happens: no event is scheduled
    host.write("hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    host.flush();
    deliverUntilReceived();
    assertEquals(idleUntil, bench.now(), "taken when the signal is noticed, not a frame later");
    assertEquals(CmsdkApbUart.STATE_RXFULL, uart.read(STATE, 4));
    assertTrue(rx.level);
    assertEquals('h', uart.read(DATA, 4));
    assertEquals(idleUntil + FRAME, bench.scheduler.nextDeadline(), "next byte one frame on");
    bench.runTo(idleUntil + FRAME);
    deliverUntilReceived(); // in case the reader thread had not queued the 'i' yet
    assertEquals(CmsdkApbUart.STATE_RXFULL, uart.read(STATE, 4));
    assertEquals('i', uart.read(DATA, 4));
  }

  @Test
  void endOfInputClosesTheSourceAndStopsAsking() throws Exception {
    bench.scheduler.hostEvents().deliver();
    bench.runTo(FRAME); // the first poll starts the reader
    HostEvents events = bench.scheduler.hostEvents();
    assertTrue(events.hasOpenSources());
    host.close();
    for (int i = 0; i < 30_000 && events.hasOpenSources(); i++) {
      events.await(1_000_000L, () -> false); // bounded wait for the reader thread
    }
    assertFalse(events.hasOpenSources(), "end of input closes the source");
    events.deliver();
    bench.run(10 * FRAME);
    assertEquals(Long.MAX_VALUE, bench.scheduler.nextDeadline());
    assertEquals(0, uart.read(STATE, 4));
  }
}
