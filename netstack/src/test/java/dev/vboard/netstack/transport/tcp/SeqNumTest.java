package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Modular comparison of RFC 9293 section 3.4, tested at the 2^32 wrap. */
class SeqNumTest {
  private static final int TOP = 0xffff_ffff;

  @Test
  void comparesAcrossTheWrap() {
    assertTrue(SeqNum.lt(TOP, 0));
    assertTrue(SeqNum.lt(0xffff_fff0, 0x10));
    assertTrue(SeqNum.gt(0x10, 0xffff_fff0));
    assertTrue(SeqNum.le(TOP, TOP));
    assertTrue(SeqNum.ge(0, TOP));
    assertFalse(SeqNum.lt(0, TOP));
    assertEquals(0x10, SeqNum.max(0xffff_fff0, 0x10));
    assertEquals(0x20, SeqNum.diff(0x10, 0xffff_fff0));
  }

  @Test
  void windowMembershipAcrossTheWrap() {
    assertTrue(SeqNum.inWindow(0xffff_ffff, 0xffff_fff0, 0x20));
    assertTrue(SeqNum.inWindow(0x0f, 0xffff_fff0, 0x20));
    assertFalse(SeqNum.inWindow(0x10, 0xffff_fff0, 0x20));
    assertFalse(SeqNum.inWindow(0xffff_ffef, 0xffff_fff0, 0x20));
    assertFalse(SeqNum.inWindow(5, 5, 0), "an empty window holds nothing");
  }

  @Property
  void anyNumberIsBeforeEveryNumberLessThanHalfTheSpaceAhead(@ForAll int a,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int ahead) {
    int b = a + ahead;
    assertTrue(SeqNum.lt(a, b));
    assertTrue(SeqNum.gt(b, a));
    assertEquals(ahead, SeqNum.diff(b, a));
    assertTrue(SeqNum.inWindow(b - 1, a, ahead));
    assertFalse(SeqNum.inWindow(b, a, ahead));
  }
}
