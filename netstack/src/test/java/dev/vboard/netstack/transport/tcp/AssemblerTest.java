package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssemblerTest {

  @Test
  void inOrderDataPopsAtOnce() {
    Assembler a = new Assembler(4);
    assertTrue(a.add(0, 100));
    assertEquals(100, a.popFront());
    assertTrue(a.isEmpty());
  }

  @Test
  void holesWaitAndMergeWhenFilled() {
    Assembler a = new Assembler(4);
    a.add(200, 300);
    a.add(100, 150);
    assertEquals(2, a.rangeCount());
    assertEquals(0, a.popFront());
    a.add(0, 100);
    assertEquals(150, a.popFront(), "[0,100) joins the adjacent [100,150)");
    assertEquals(1, a.rangeCount(), "what is left is rebased to the new front");
    a.add(0, 50);
    assertEquals(150, a.popFront());
    assertTrue(a.isEmpty());
  }

  @Test
  void overlapsAndDuplicatesMerge() {
    Assembler a = new Assembler(4);
    a.add(10, 20);
    a.add(30, 40);
    a.add(15, 35);
    assertEquals(1, a.rangeCount());
    a.add(10, 40);
    a.add(12, 13);
    assertEquals(1, a.rangeCount());
    a.add(0, 10);
    assertEquals(40, a.popFront());
  }

  @Test
  void refusesANewRangeBeyondTheLimitButAlwaysTakesInOrderData() {
    Assembler a = new Assembler(2);
    assertTrue(a.add(10, 20));
    assertTrue(a.add(30, 40));
    assertFalse(a.add(50, 60));
    assertTrue(a.add(35, 45), "extending a range needs no new slot");
    assertTrue(a.add(0, 5));
    assertEquals(5, a.popFront());
    assertEquals(2, a.rangeCount());
  }

  @Test
  void shiftDropsRangesOvertakenByInOrderData() {
    Assembler a = new Assembler(4);
    a.add(10, 20);
    a.add(30, 40);
    a.shift(25);
    assertEquals(1, a.rangeCount());
    a.add(0, 5);
    assertEquals(15, a.popFront());
  }
}
