package dev.vboard.emulator.peripheral.lan9118;

import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_EN;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_STS;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.MAC_CSR_CMD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Lan9118MacPhyTest {
  private NicBench b;

  @BeforeEach
  void setUp() {
    b = new NicBench();
  }

  @Test
  void addressRegistersHoldTheBoardMacAfterReset() {
    assertEquals(0x12005452, b.macRead(MacCsrs.ADDRL));
    assertEquals(0x5634, b.macRead(MacCsrs.ADDRH));
    assertEquals(NicBench.MAC, b.nic.macAddress());
  }

  @Test
  void addressRegistersReadBackWhatWasWritten() {
    b.macWrite(MacCsrs.ADDRL, 0x44332211);
    b.macWrite(MacCsrs.ADDRH, 0xffff6655);
    assertEquals(0x44332211, b.macRead(MacCsrs.ADDRL));
    assertEquals(0x6655, b.macRead(MacCsrs.ADDRH));
    assertEquals(MacAddress.parse("11:22:33:44:55:66"), b.nic.macAddress());
  }

  @Test
  void macCsrAccessCompletesAtOnceSoBusyReadsZero() {
    b.write(MAC_CSR_CMD, Lan9118.MAC_CSR_BUSY | Lan9118.MAC_CSR_READ | MacCsrs.MAC_CR);
    assertEquals(Lan9118.MAC_CSR_READ | MacCsrs.MAC_CR, b.read(MAC_CSR_CMD));
  }

  @Test
  void macCrDropsReservedBitsAndOtherCsrsKeepTheirValues() {
    b.macWrite(MacCsrs.MAC_CR, 0xffffffff);
    assertEquals(~MacCsrs.MAC_CR_RESERVED, b.macRead(MacCsrs.MAC_CR));
    b.macWrite(MacCsrs.HASHH, 0xdeadbeef);
    b.macWrite(MacCsrs.HASHL, 0x01234567);
    b.macWrite(MacCsrs.FLOW, 0xffffffff);
    b.macWrite(MacCsrs.VLAN1, 0x12345678);
    assertEquals(0xdeadbeef, b.macRead(MacCsrs.HASHH));
    assertEquals(0x01234567, b.macRead(MacCsrs.HASHL));
    assertEquals(0xffff0006, b.macRead(MacCsrs.FLOW));
    assertEquals(0x5678, b.macRead(MacCsrs.VLAN1));
    assertEquals(0, b.macRead(13), "no MAC CSR 13: logged, reads zero");
  }

  @Test
  void clearingRxenRaisesRxStop() {
    b.enableRxTx();
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_TXEN);
    assertEquals(IntSts.RXSTOP_INT, b.read(INT_STS) & IntSts.RXSTOP_INT);
  }

  @Test
  void phyReportsLinkUpAndAutonegotiationCompleteOverMii() {
    int bsr = b.phyRead(Phy.BSR);
    assertEquals(Phy.BSR_LINK, bsr & Phy.BSR_LINK);
    assertEquals(Phy.BSR_AN_COMPLETE, bsr & Phy.BSR_AN_COMPLETE);
    assertEquals(0x782d, bsr);
    assertEquals(0x0007, b.phyRead(Phy.ID1));
    assertEquals(0xc0d1, b.phyRead(Phy.ID2));
    assertEquals(0x3000, b.phyRead(Phy.BCR));
    assertEquals(0x01e1, b.phyRead(Phy.ANAR));
    assertEquals(Phy.LINK_PARTNER, b.phyRead(Phy.ANLPAR));
    assertEquals(0x00e1, b.phyRead(Phy.SMR));
    assertEquals(Phy.PSCSR_AUTODONE | 0b110 << 2,
        b.phyRead(Phy.PSCSR) & (Phy.PSCSR_AUTODONE | 0b111 << 2), "100BASE-TX full duplex");
    assertEquals(0, b.macRead(MacCsrs.MII_ACC) & MacCsrs.MII_BUSY, "MII access done at once");
  }

  @Test
  void otherMiiAddressesReadAsAnEmptyBus() {
    b.macWrite(MacCsrs.MII_ACC, 3 << 11 | Phy.BSR << 6 | MacCsrs.MII_BUSY);
    assertEquals(0xffff, b.macRead(MacCsrs.MII_DATA));
  }

  @Test
  void phyResetSelfClearsAndRestoresDefaults() {
    b.phyWrite(Phy.ANAR, 0x0061);
    assertEquals(0x0061, b.phyRead(Phy.ANAR));
    b.phyWrite(Phy.BCR, Phy.BCR_RESET);
    assertEquals(0x3000, b.phyRead(Phy.BCR));
    assertEquals(0x01e1, b.phyRead(Phy.ANAR));
  }

  @Test
  void tenMegabitAdvertisementSlowsTheWire() {
    b.phyWrite(Phy.ANAR, 0x0061);
    b.phyWrite(Phy.BCR, Phy.BCR_AN_ENABLE | Phy.BCR_AN_RESTART);
    assertEquals(0b101 << 2, b.phyRead(Phy.PSCSR) & 0b111 << 2, "10BASE-T full duplex");
    b.enableRxTx();
    b.writeFrame(NicBench.frame(MacAddress.parse("02:00:00:00:00:09"), 46), 1);
    long t0 = b.now();
    b.runTo(t0 + 10 * NicBench.wireCycles(60) - 1);
    assertTrue(b.sent.isEmpty());
    b.runTo(t0 + 10 * NicBench.wireCycles(60));
    assertEquals(1, b.sent.size());
  }

  @Test
  void phyInterruptFollowsLinkChangesThroughTheMask() {
    b.phyRead(Phy.ISR);
    b.phyWrite(Phy.IMR, Phy.INT_AN_COMPLETE | Phy.INT_LINK_DOWN);
    b.write(INT_EN, IntSts.PHY_INT);
    assertEquals(0, b.read(INT_STS) & IntSts.PHY_INT);

    b.nic.setLinkUp(false);
    assertEquals(IntSts.PHY_INT, b.read(INT_STS) & IntSts.PHY_INT);
    assertEquals(Phy.INT_LINK_DOWN, b.phyRead(Phy.ISR) & Phy.INT_LINK_DOWN);
    assertEquals(0, b.read(INT_STS) & IntSts.PHY_INT, "reading the source clears it");
    assertEquals(0, b.phyRead(Phy.BSR) & Phy.BSR_LINK);

    b.nic.setLinkUp(true);
    assertEquals(IntSts.PHY_INT, b.read(INT_STS) & IntSts.PHY_INT, "link up: AN complete");
    assertEquals(Phy.INT_AN_COMPLETE | Phy.INT_ENERGYON, b.phyRead(Phy.ISR));
  }

  @Test
  void linkStatusLatchesLowUntilRead() {
    b.nic.setLinkUp(false);
    b.nic.setLinkUp(true);
    assertEquals(0, b.phyRead(Phy.BSR) & Phy.BSR_LINK, "the drop is remembered once");
    assertEquals(Phy.BSR_LINK, b.phyRead(Phy.BSR) & Phy.BSR_LINK);
  }
}
