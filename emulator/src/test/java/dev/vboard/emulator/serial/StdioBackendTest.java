package dev.vboard.emulator.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdioBackendTest {

  @Test
  void outputIsFlushedAtNewline() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioBackend b = new StdioBackend(new ByteArrayInputStream(new byte[0]),
        new BufferedOutputStream(out));
    b.transmit('h');
    b.transmit('i');
    assertEquals("", out.toString(StandardCharsets.UTF_8), "still buffered");
    b.transmit('\n');
    assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void pendingOutputIsFlushedWhenTheGuestPollsForInput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioBackend b = new StdioBackend(new ByteArrayInputStream(new byte[0]),
        new BufferedOutputStream(out));
    b.transmit('>');
    b.poll();
    assertEquals(">", out.toString(StandardCharsets.UTF_8), "a prompt appears before input");
  }

  @Test
  void inputArrivesThroughTheReaderAndEndOfInputClosesIt() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    StdioBackend b = new StdioBackend(new PipedInputStream(feed), new ByteArrayOutputStream());
    assertEquals(-1, b.poll(), "starts the reader; nothing typed yet");
    feed.write('k');
    feed.close();
    // The reader thread is the host I/O edge; wait (bounded) for it instead of for wall time.
    int got = -1;
    for (int i = 0; i < 10_000 && got < 0; i++) {
      got = b.poll();
      if (got < 0) {
        Thread.onSpinWait();
        Thread.sleep(1);
      }
    }
    assertEquals('k', got);
    for (int i = 0; i < 10_000 && !b.inputClosed(); i++) {
      Thread.sleep(1);
    }
    assertTrue(b.inputClosed());
  }

  @Test
  void settlingWaitsForPipedInputOnItsWayAndForTheEnd() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    StdioBackend b = new StdioBackend(new PipedInputStream(feed), new ByteArrayOutputStream())
        .settleInput(60_000_000_000L); // far longer than the writer below ever takes
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(20);
        feed.write("ab".getBytes(StandardCharsets.US_ASCII));
        feed.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    // No retries: each poll waits for the reader, so the answers do not depend on host timing.
    assertEquals('a', b.poll(), "the first poll waits for the byte on its way");
    assertEquals('b', b.poll());
    assertEquals(-1, b.poll(), "then for the end of input, not answering 'nothing yet'");
    assertTrue(b.inputClosed());
    writer.join();
  }

  @Test
  void aSilentPipeCostsTheSettlingTimeOncePerSilence() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    StdioBackend b = new StdioBackend(new PipedInputStream(feed), new ByteArrayOutputStream())
        .settleInput(1_000_000L);
    assertEquals(-1, b.poll(), "nothing arrived within the settling time (unbound: -1)");
    assertEquals(-1, b.poll(), "answered at once while the pipe stays silent");
    feed.write('z');
    int got = -1;
    for (int i = 0; i < 10_000 && got < 0; i++) {
      got = b.poll();
      if (got < 0) {
        Thread.sleep(1);
      }
    }
    assertEquals('z', got, "a byte ends the silence");
    feed.close();
  }
}
