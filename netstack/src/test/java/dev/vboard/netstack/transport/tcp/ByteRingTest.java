package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRingTest {

  @Test
  void enqueueAcceptsOnlyWhatFitsAndWrapsAround() {
    ByteRing r = new ByteRing(8);
    assertEquals(6, r.enqueue(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6));
    byte[] out = new byte[4];
    assertEquals(4, r.dequeue(out, 0, 4));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, out);
    assertEquals(6, r.enqueue(new byte[] {7, 8, 9, 10, 11, 12, 13}, 0, 7));
    assertEquals(0, r.free());
    byte[] all = new byte[8];
    r.peek(0, all, 0, 8);
    assertArrayEquals(new byte[] {5, 6, 7, 8, 9, 10, 11, 12}, all);
  }

  @Test
  void unallocatedWritesBecomeDataOnlyWhenCommitted() {
    ByteRing r = new ByteRing(8);
    r.enqueue(new byte[] {1, 2}, 0, 2);
    r.writeUnallocated(2, new byte[] {5, 6}, 0, 2);
    assertEquals(2, r.len());
    r.writeUnallocated(0, new byte[] {3, 4}, 0, 2);
    r.enqueueUnallocated(4);
    byte[] out = new byte[6];
    r.dequeue(out, 0, 6);
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, out);
  }

  @Test
  void writesPastTheFreeSpaceAreRejected() {
    ByteRing r = new ByteRing(4);
    r.enqueue(new byte[3], 0, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> r.writeUnallocated(1, new byte[1], 0, 1));
  }
}
