package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.peripheral.CmsdkApbUart;
import dev.vboard.emulator.serial.CharBackend;
import dev.vboard.emulator.serial.StdioBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import org.junit.jupiter.api.Test;

/**
 * A board whose console input is an open OS pipe (as stdin on a terminal or a pipe that stays
 * open): the UART is not polled by time, so an idle core skips straight to a far timer; with
 * nothing scheduled it blocks until the host writes (idle time then passes at the wall clock's
 * pace), and a budget still ends a run whose input never comes.
 */
class HostInputIdleTest {
  private static final long UART = 0x40004000L;

  /** UART RX interrupt on IRQ 0; WFI loop; the IRQ handler exits with the received byte. */
  private static final String ECHO_EXIT = """
        .thumb_func
      reset:
        ldr r1, =0x40004000
        movs r0, #16
        str r0, [r1, #0x10]       @ BAUDDIV
        movs r0, #0xa
        str r0, [r1, #8]          @ CTRL = RXEN | RXINTEN
        ldr r1, =0xe000e100
        movs r0, #1
        str r0, [r1]              @ NVIC ISER0: IRQ 0
      sleep:
        wfi
        b sleep
        .thumb_func
      irq0_handler:
        ldr r1, =0x40004000
        ldr r0, [r1]              @ DATA
        bl do_exit
      """;

  /** As above, plus SysTick on the core clock, once, 2^24 - 1 cycles on: it exits with 0x55. */
  private static final String FAR_TIMER = ECHO_EXIT.replace("sleep:\n", """
        ldr r1, =0xe000e010
        ldr r0, =0xffffff
        str r0, [r1, #4]          @ SYST_RVR
        movs r0, #7
        str r0, [r1]              @ SYST_CSR = CLKSOURCE | TICKINT | ENABLE
      sleep:
      """) + """
        .thumb_func
      systick_handler:
        movs r0, #0x55
        bl do_exit
      """;

  /** Counts the UART's polls, passing everything through. */
  private static final class CountingBackend implements CharBackend {
    final CharBackend delegate;
    int polls;

    CountingBackend(CharBackend delegate) {
      this.delegate = delegate;
    }

    @Override
    public void transmit(int b) {
      delegate.transmit(b);
    }

    @Override
    public int poll() {
      polls++;
      return delegate.poll();
    }

    @Override
    public boolean inputClosed() {
      return delegate.inputClosed();
    }
  }

  private record Outcome(RunResult result, int polls) { }

  /**
   * Boots {@code program} with UART RX on an open pipe, writes {@code input} to it after
   * {@code delayMillis} of wall time (none when null), and runs until the guest exits or
   * {@code budget} cycles have passed.
   */
  private static Outcome run(String program, String input, long delayMillis, long budget)
      throws Exception {
    Pipe pipe = Pipe.open();
    OutputStream host = Channels.newOutputStream(pipe.sink());
    try (TestBoard b = new TestBoard()) {
      StdioBackend stdin = new StdioBackend(Channels.newInputStream(pipe.source()),
          new ByteArrayOutputStream());
      CountingBackend counted = new CountingBackend(stdin);
      IrqLine none = IrqLine.UNCONNECTED;
      b.machine.mapMmio("uart", UART, 0x1000, new CmsdkApbUart("uart", b.machine.scheduler(),
          TestBoard.HZ, counted, new CmsdkApbUart.Lines(none, b.machine.irq(0), none, none,
          none)));
      b.load(program);
      stdin.bindTo(b.machine.scheduler().hostEvents());
      Thread writer = new Thread(() -> {
        try {
          if (input != null) {
            Thread.sleep(delayMillis);
            host.write(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            host.flush();
          }
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      // A test that blocks for ever would hang the build: stop the run after 60 s of wall time.
      Thread guard = new Thread(() -> {
        try {
          Thread.sleep(60_000);
          b.machine.requestStop();
        } catch (InterruptedException e) {
          // the run ended first
        }
      });
      guard.setDaemon(true);
      guard.start();
      writer.start();
      RunResult r = b.machine.run(budget);
      guard.interrupt();
      writer.join();
      return new Outcome(r, counted.polls);
    } finally {
      host.close();
      pipe.source().close();
    }
  }

  @Test
  void silentOpenPipeDoesNotHoldBackASkipToAFarTimer() throws Exception {
    Outcome a = run(FAR_TIMER, null, 0, Long.MAX_VALUE);
    assertEquals(RunResult.Stop.EXITED, a.result().stop(), a.result().faultReport());
    assertEquals(0x55, a.result().exitCode(), "SysTick fired: nothing arrived on the pipe");
    assertTrue(a.result().cycles() >= 0xffffff, "the timer is 2^24 - 1 cycles away");
    assertTrue(a.result().instructions() < 100, "idle time costs no instructions");
    assertTrue(a.polls() <= 2, "the UART asked once, not once per frame: " + a.polls());
    Outcome b = run(FAR_TIMER, null, 0, Long.MAX_VALUE);
    assertEquals(a.result(), b.result(), "same count and virtual time on every run");
  }

  @Test
  void byteWrittenWhileTheBoardBlocksIsReceived() throws Exception {
    Outcome early = run(ECHO_EXIT, "A", 0, Long.MAX_VALUE);
    Outcome late = run(ECHO_EXIT, "A", 200, Long.MAX_VALUE);
    assertEquals(RunResult.Stop.EXITED, late.result().stop(), late.result().faultReport());
    assertEquals('A', late.result().exitCode());
    assertEquals(early.result().instructions(), late.result().instructions(),
        "the wait runs no guest code");
    assertTrue(late.result().cycles() >= TestBoard.HZ / 10,
        "most of the 200 ms the host took passed as idle time: " + late.result().cycles());
    assertTrue(late.polls() <= 3, "polled on signals only: " + late.polls());
  }

  @Test
  void aBudgetEndsAWaitForInputThatNeverComes() throws Exception {
    long budget = TestBoard.HZ / 20; // 50 ms
    Outcome r = run(ECHO_EXIT, null, 0, budget);
    assertEquals(RunResult.Stop.LIMIT_REACHED, r.result().stop());
    assertEquals(budget, r.result().cycles());
  }
}
