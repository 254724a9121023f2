package dev.vboard.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NvicTest {
  private static final int IRQ0 = Exceptions.FIRST_IRQ;

  private static Nvic nvic() {
    Nvic n = new Nvic(32, 8);
    for (int i = 0; i < 32; i++) {
      n.setEnabled(IRQ0 + i, true);
    }
    return n;
  }

  @Test
  void pendingExceptionsAreOrderedByPriorityThenNumber() {
    Nvic n = nvic();
    n.setPriorityField(IRQ0 + 5, 0x40);
    n.setPriorityField(IRQ0 + 3, 0x40);
    n.setPriorityField(IRQ0 + 1, 0x80);
    n.setPending(IRQ0 + 1);
    n.setPending(IRQ0 + 5);
    n.setPending(IRQ0 + 3);
    assertEquals(IRQ0 + 3, n.highestPending());
    n.clearPending(IRQ0 + 3);
    assertEquals(IRQ0 + 5, n.highestPending());
    n.setPending(Exceptions.NMI);
    assertEquals(Exceptions.NMI, n.highestPending(), "NMI's fixed priority -2 beats all");
  }

  @Test
  void icprClearsALineHeldHighOnlyWhileItsInterruptIsActive() {
    Nvic nvic = new Nvic(32, 8);
    int irq = Exceptions.FIRST_IRQ + 4;
    nvic.setLevel(4, true);
    assertTrue(nvic.isPending(irq));
    nvic.clearPendingByIcpr(irq);
    assertTrue(nvic.isPending(irq), "inactive, line high: stays pending (R_CVJS, QEMU)");
    nvic.activate(irq);
    nvic.setPending(irq);
    nvic.clearPendingByIcpr(irq);
    assertFalse(nvic.isPending(irq), "active: ICPR clears it");
    nvic.setLevel(4, false);
    nvic.setPending(irq);
    nvic.clearPendingByIcpr(irq);
    assertFalse(nvic.isPending(irq), "line low: ICPR clears it");
  }

  @Test
  void disabledInterruptsStayPendingButAreNotSelected() {
    Nvic n = nvic();
    n.setEnabled(IRQ0 + 2, false);
    n.setPending(IRQ0 + 2);
    assertEquals(0, n.highestPending());
    assertTrue(n.anyIrqPending());
  }

  @Test
  void prigroupSplitsGroupAndSubPriority() {
    Nvic n = nvic();
    n.setPrigroup(5); // group = bits 7:6, sub = bits 5:0
    assertEquals(0x40, n.groupPriority(0x7f));
    n.setPriorityField(IRQ0, 0x50);
    n.setPriorityField(IRQ0 + 1, 0x48);
    n.activate(IRQ0);
    int running = n.executionPriority(false, false, 0);
    assertEquals(0x40, running);
    assertFalse(n.canPreempt(IRQ0 + 1, running), "same group: a lower sub-priority waits");
    n.setPriorityField(IRQ0 + 2, 0x3f);
    assertTrue(n.canPreempt(IRQ0 + 2, running));
  }

  @Test
  void masksBoostTheExecutionPriority() {
    Nvic n = nvic();
    assertEquals(Nvic.THREAD_PRIORITY, n.executionPriority(false, false, 0));
    assertEquals(0x20, n.executionPriority(false, false, 0x20));
    assertEquals(0, n.executionPriority(true, false, 0x20));
    assertEquals(-1, n.executionPriority(true, true, 0));
  }

  @Test
  void priorityFieldsKeepOnlyImplementedBits() {
    Nvic n = new Nvic(32, 3);
    n.setPriorityField(IRQ0, 0xff);
    assertEquals(0xe0, n.priorityField(IRQ0));
    n.setPriorityField(Exceptions.SVCALL, 0x3f);
    assertEquals(0x20, n.priorityField(Exceptions.SVCALL));
  }

  @Test
  void aLineStillHighPendsAgainWhenItsHandlerReturns() {
    Nvic n = nvic();
    n.setLevel(0, true);
    assertTrue(n.isPending(IRQ0), "rising level pends");
    n.activate(IRQ0);
    assertFalse(n.isPending(IRQ0));
    n.setLevel(0, true);
    assertFalse(n.isPending(IRQ0), "no new edge while high");
    n.deactivate(IRQ0);
    assertTrue(n.isPending(IRQ0), "re-pended on return");
    n.clearPending(IRQ0);
    n.setLevel(0, false);
    n.activate(IRQ0);
    n.deactivate(IRQ0);
    assertFalse(n.isPending(IRQ0), "low line: nothing on return");
  }

  @Test
  void wakeUpIgnoresPrimaskButNotActivePriority() {
    Nvic n = nvic();
    n.setPriorityField(IRQ0, 0x80);
    n.setPending(IRQ0);
    assertTrue(n.shouldWake());
    n.setPriorityField(IRQ0 + 1, 0x40);
    n.activate(IRQ0 + 1);
    assertFalse(n.shouldWake(), "a pending IRQ that could not preempt the active one");
  }

  @Test
  void changesNotifyTheListener() {
    Nvic n = nvic();
    int[] calls = {0};
    n.setChangeListener(() -> calls[0]++);
    n.setPending(IRQ0);
    n.setPending(IRQ0);
    assertEquals(1, calls[0], "only a real change notifies");
  }
}
