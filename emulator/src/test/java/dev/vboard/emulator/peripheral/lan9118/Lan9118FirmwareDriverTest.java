package dev.vboard.emulator.peripheral.lan9118;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The firmware's own LAN9118 driver, replayed register by register, runs unchanged. */
class Lan9118FirmwareDriverTest {
  private static final byte[] FALLBACK = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
  private static final MacAddress PEER = MacAddress.parse("02:00:00:00:00:02");

  private NicBench b;
  private FirmwareDriver driver;

  @BeforeEach
  void setUp() {
    b = new NicBench();
    driver = new FirmwareDriver(b);
    assertEquals(0, driver.init(FALLBACK));
  }

  @Test
  void initFindsTheChipKeepsTheEepromAddressAndLeavesTheLineIdle() {
    assertEquals(0x01180001, driver.chipId);
    assertArrayEquals(NicBench.MAC.bytes(), driver.mac);
    assertFalse(b.irq.level, "push-pull active-high, nothing pending");
    assertTrue(driver.linkUp());
  }

  @Test
  void sentFramesReachTheNetworkAndStatusIsDrainedOnTheNextSend() {
    byte[] first = NicBench.frame(PEER, 28);
    byte[] second = NicBench.frame(PEER, 1500);
    assertEquals(0, driver.send(first));
    b.settle();
    assertEquals(0, driver.send(second));
    b.settle();
    assertEquals(2, b.sent.size());
    assertArrayEquals(first, b.sent.get(0));
    assertArrayEquals(second, b.sent.get(1));
    assertEquals(0, driver.txErrors);
  }

  @Test
  void backToBackSendsWaitForFifoSpaceInVirtualTime() {
    byte[] big = NicBench.frame(PEER, 1500);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, driver.send(big));
    }
    b.settle();
    assertEquals(10, b.sent.size());
    assertEquals(0, driver.txErrors);
  }

  @Test
  void receivedFrameInterruptsAndIsReadWithoutItsFcs() {
    byte[] arp = NicBench.frame(MacAddress.parse("ff:ff:ff:ff:ff:ff"), 28);
    byte[] unicast = NicBench.frame(NicBench.MAC, 200);
    b.nic.deliver(arp);
    b.nic.deliver(unicast);
    b.nic.deliver(NicBench.frame(PEER, 100)); // not ours: filtered
    b.settle();
    assertTrue(b.irq.level);
    driver.isr();
    assertTrue(driver.rxPending);
    assertFalse(b.irq.level, "acknowledged");

    byte[] got = driver.recv(1514);
    assertEquals(60, got.length, "padded on the wire");
    assertArrayEquals(arp, java.util.Arrays.copyOf(got, arp.length));
    assertArrayEquals(unicast, driver.recv(1514));
    assertNull(driver.recv(1514));
    assertEquals(0, driver.rxErrors);
  }

  @Test
  void framesTooBigForTheCallersBufferAreDiscardedAndCounted() {
    b.nic.deliver(NicBench.frame(NicBench.MAC, 500));
    b.nic.deliver(NicBench.frame(NicBench.MAC, 46));
    b.settle();
    byte[] got = driver.recv(100);
    assertEquals(60, got.length);
    assertEquals(1, driver.rxErrors);
  }
}
