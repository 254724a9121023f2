package dev.vboard.netstack.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapTest {
  /** A link that answers every frame with its reverse, and has one timer at 5 s. */
  private static final class MirrorLink implements Link {
    private long timer = 5_000_000_000L;

    @Override
    public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
      byte[] r = frame.clone();
      for (int i = 0; i < r.length / 2; i++) {
        byte t = r[i];
        r[i] = r[r.length - 1 - i];
        r[r.length - 1 - i] = t;
      }
      return List.of(r);
    }

    @Override
    public long pollAt() {
      return timer;
    }

    @Override
    public List<byte[]> poll(long nowNs) {
      timer = NEVER;
      return List.of(new byte[] {9, 9, 9});
    }
  }

  @Test
  void globalHeaderIsNanosecondEthernet() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PcapWriter(out).close();
    ByteBuffer h = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(24, h.remaining());
    assertEquals(0xa1b23c4d, h.getInt());
    assertEquals(2, h.getShort());
    assertEquals(4, h.getShort());
    assertEquals(0, h.getInt());
    assertEquals(0, h.getInt());
    assertEquals(65535, h.getInt());
    assertEquals(1, h.getInt());
  }

  @Test
  void recordsCarryVirtualTimeAndBothDirections() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapLink pcap = new PcapLink(new MirrorLink(), new PcapWriter(out));
    EmbeddedLink link = new EmbeddedLink(pcap);
    link.runUntil(1_500_000_123L);
    link.inject(new byte[] {1, 2, 3, 4});
    link.runUntil(6_000_000_000L);
    assertEquals(2, link.drain().size());

    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    b.position(24);
    List<String> records = new ArrayList<>();
    while (b.hasRemaining()) {
      int sec = b.getInt();
      int nsec = b.getInt();
      int incl = b.getInt();
      int orig = b.getInt();
      byte[] data = new byte[incl];
      b.get(data);
      records.add(sec + "." + nsec + " " + incl + "/" + orig + " "
          + java.util.Arrays.toString(data));
    }
    assertEquals(List.of(
        "1.500000123 4/4 [1, 2, 3, 4]",
        "1.500000123 4/4 [4, 3, 2, 1]",
        "5.0 3/3 [9, 9, 9]"), records);
  }

  @Test
  void identicalRunsGiveIdenticalFiles() throws IOException {
    assertArrayEquals(run(), run());
  }

  private static byte[] run() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapLink pcap = new PcapLink(new MirrorLink(), new PcapWriter(out))) {
      EmbeddedLink link = new EmbeddedLink(pcap);
      for (int i = 0; i < 10; i++) {
        link.runUntil(i * 1_000_000_000L + i);
        link.inject(new byte[] {(byte) i, 1, 2});
      }
    }
    return out.toByteArray();
  }

  @Test
  void writeFailureStopsCaptureButNotTheLink() throws IOException {
    OutputStream failing = new OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (++written > 24) {
          throw new IOException("disk full");
        }
      }
    };
    PcapLink pcap = new PcapLink(new MirrorLink(), new PcapWriter(failing));
    assertEquals(1, pcap.receiveFromGuest(new byte[] {1}, 0).size());
    assertEquals(1, pcap.receiveFromGuest(new byte[] {2}, 1).size());
  }
}
