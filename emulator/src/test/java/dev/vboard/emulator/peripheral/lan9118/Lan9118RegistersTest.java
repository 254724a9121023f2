package dev.vboard.emulator.peripheral.lan9118;

import static dev.vboard.emulator.peripheral.lan9118.NicBench.BYTE_TEST;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.E2P_CMD;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.E2P_DATA;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.FIFO_INT;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.FREE_RUN;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.GPT_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.GPT_CNT;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.HW_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.ID_REV;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_EN;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_STS;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.IRQ_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.PMT_CTRL;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_FIFO_INF;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.TX_FIFO_INF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Lan9118RegistersTest {
  private static final long GPT_TICK = 2500; // 100 us at 25 MHz

  private NicBench b;

  @BeforeEach
  void setUp() {
    b = new NicBench();
  }

  @Test
  void idRevAndByteTestReadAsQemu() {
    assertEquals(0x01180001, b.read(ID_REV));
    assertEquals(0x87654321, b.read(BYTE_TEST));
    assertEquals(0x4321, b.nic.read(BYTE_TEST, 2), "a narrow read sees the low bytes");
  }

  @Test
  void powerOnDefaultsMatchTheDatasheet() {
    assertEquals(0x00050004, b.read(HW_CFG), "TX_FIF_SZ 5, 32-bit bus");
    assertEquals(0x48000000, b.read(FIFO_INT));
    assertEquals(Lan9118.PMT_CTRL_READY, b.read(PMT_CTRL));
    assertEquals(4608, b.read(TX_FIFO_INF), "TDFREE: 5 KiB less the 512-byte status FIFO");
    assertEquals(0, b.read(RX_FIFO_INF));
    assertEquals(0xffff, b.read(GPT_CFG));
    assertEquals(0xffff, b.read(GPT_CNT));
    assertEquals(MacCsrs.MAC_CR_PRMS, b.macRead(MacCsrs.MAC_CR));
  }

  @Test
  void softResetCompletesWithinTheWriteAsInQemu() {
    b.write(INT_EN, IntSts.RSFL);
    b.write(HW_CFG, 2 << 16 | Lan9118.HW_CFG_MBO);
    b.write(HW_CFG, Lan9118.HW_CFG_SRST);
    assertEquals(0, b.read(HW_CFG) & Lan9118.HW_CFG_SRST, "SRST reads 0 right after the write");
    assertEquals(Lan9118.PMT_CTRL_READY, b.read(PMT_CTRL) & Lan9118.PMT_CTRL_READY);
    assertEquals(0x00050004, b.read(HW_CFG), "TX_FIF_SZ back to 5");
    assertEquals(0, b.read(INT_EN), "INT_EN reset");
    b.write(INT_EN, IntSts.TSFL);
    assertEquals(IntSts.TSFL, b.read(INT_EN), "writes work at once");
  }

  @Test
  void softResetKeepsIrqPolarityAndTypeButClearsEnable() {
    b.write(IRQ_CFG, IrqPin.IRQ_EN | IrqPin.IRQ_POL | IrqPin.IRQ_TYPE | 22 << 24);
    b.write(HW_CFG, Lan9118.HW_CFG_SRST);
    assertEquals(IrqPin.IRQ_POL | IrqPin.IRQ_TYPE, b.read(IRQ_CFG));
    assertFalse(b.irq.level, "push-pull active-high and nothing pending: line low");
  }

  @Test
  void txFifoSizeSplitsTheSixteenKilobytes() {
    b.write(HW_CFG, 2 << 16 | Lan9118.HW_CFG_MBO);
    assertEquals(2 * 1024 - 512, b.read(TX_FIFO_INF) & 0xffff);
    assertEquals(0x00120004, b.read(HW_CFG));
    b.write(HW_CFG, 15 << 16);
    assertEquals(2 * 1024 - 512, b.read(TX_FIFO_INF) & 0xffff, "out-of-range size ignored");
    assertEquals(new FifoSizes(4608, 128, 10560, 176), FifoSizes.of(5));
    assertEquals(new FifoSizes(13824, 128, 1920, 32), FifoSizes.of(14));
  }

  @Test
  void intStsIsWriteOneToClearAndSwIntIsSetThroughIntEn() {
    b.write(INT_EN, IntSts.SW_INT);
    assertEquals(IntSts.SW_INT, b.read(INT_STS));
    b.write(INT_STS, 0x7fffffff);
    assertEquals(IntSts.SW_INT, b.read(INT_STS), "writing zero leaves a bit");
    b.write(INT_STS, IntSts.SW_INT);
    assertEquals(0, b.read(INT_STS));
    b.write(INT_EN, 0xffffffff);
    assertEquals(~IntSts.RESERVED, b.read(INT_EN), "reserved enable bits read zero");
  }

  @Test
  void gptRaisesGptIntWhenTheCountReachesZeroEvery100Microseconds() {
    b.write(GPT_CFG, GeneralPurposeTimer.TIMER_EN | 3);
    long t0 = b.now();
    assertEquals(3, b.read(GPT_CNT));
    b.runTo(t0 + GPT_TICK - 1);
    assertEquals(3, b.read(GPT_CNT));
    b.runTo(t0 + GPT_TICK);
    assertEquals(2, b.read(GPT_CNT));
    b.runTo(t0 + 3 * GPT_TICK - 1);
    assertEquals(0, b.read(INT_STS) & IntSts.GPT_INT);
    b.runTo(t0 + 3 * GPT_TICK);
    assertEquals(0, b.read(GPT_CNT));
    assertEquals(IntSts.GPT_INT, b.read(INT_STS) & IntSts.GPT_INT);
    b.runTo(t0 + 4 * GPT_TICK);
    assertEquals(0xffff, b.read(GPT_CNT), "wraps and keeps counting");
    b.write(GPT_CFG, 3);
    assertEquals(0xffff, b.read(GPT_CNT), "stopping puts the count back to 0xffff");
    assertEquals(3, b.read(GPT_CFG));
  }

  @Test
  void gptInterruptReachesTheLineWhenEnabled() {
    b.write(IRQ_CFG, IrqPin.IRQ_EN | IrqPin.IRQ_POL | IrqPin.IRQ_TYPE);
    b.write(INT_EN, IntSts.GPT_INT);
    b.write(GPT_CFG, GeneralPurposeTimer.TIMER_EN | 1);
    b.run(GPT_TICK - 1);
    assertFalse(b.irq.level);
    b.run(1);
    assertTrue(b.irq.level);
  }

  @Test
  void freeRunCountsAt25MegahertzOfVirtualTime() {
    int start = b.read(FREE_RUN);
    b.run(1000);
    assertEquals(start + 1000, b.read(FREE_RUN), "one count per 40 ns cycle at 25 MHz");
  }

  @Test
  void eepromHoldsTheBoardAddressSoMacAddrLoadedIsSet() {
    assertEquals(Eeprom.MAC_ADDR_LOADED, b.read(E2P_CMD));
    b.write(E2P_CMD, Eeprom.EPC_BUSY | Eeprom.CMD_READ << 28);
    assertEquals(0xa5, b.read(E2P_DATA));
    b.write(E2P_CMD, Eeprom.EPC_BUSY | Eeprom.CMD_READ << 28 | 1);
    assertEquals(0x52, b.read(E2P_DATA));
    assertEquals(0, b.read(E2P_CMD) & Eeprom.EPC_BUSY, "commands complete at once");
  }

  @Test
  void erasedEepromLeavesTheAddressAllOnesAfterReload() {
    b.write(E2P_CMD, Eeprom.EPC_BUSY | Eeprom.CMD_EWEN << 28);
    b.write(E2P_CMD, Eeprom.EPC_BUSY | Eeprom.CMD_ERAL << 28);
    b.write(E2P_CMD, Eeprom.EPC_BUSY | Eeprom.CMD_RELOAD << 28);
    assertEquals(0, b.read(E2P_CMD) & Eeprom.MAC_ADDR_LOADED);
    b.write(HW_CFG, Lan9118.HW_CFG_SRST);
    assertEquals(0xffff, b.macRead(MacCsrs.ADDRH));
    assertEquals(0xffffffff, b.macRead(MacCsrs.ADDRL));
  }

  @Test
  void configurationRegistersReadBackThroughTheirMasks() {
    b.write(0x88, 0xffffffff); // GPIO_CFG
    assertEquals(0x7777071f, b.read(0x88));
    b.write(0xac, 0xffffffff); // AFC_CFG
    assertEquals(0x00ffffff, b.read(0xac));
    b.write(0x98, 0xffffffff); // WORD_SWAP
    assertEquals(0xffffffff, b.read(0x98));
    b.write(NicBench.RX_CFG, 0xffff7fff);
    assertEquals(0xcfff1f00, b.read(NicBench.RX_CFG));
    b.write(PMT_CTRL, 0x0000034e);
    assertEquals(0x0000034f, b.read(PMT_CTRL), "READY stays set");
    b.write(E2P_DATA, 0x1ff);
    assertEquals(0xff, b.read(E2P_DATA));
  }

  @Test
  void phyResetThroughPmtCtrlSelfClears() {
    b.phyWrite(Phy.ANAR, 0x0061);
    b.write(PMT_CTRL, Lan9118.PMT_CTRL_PHY_RST);
    assertEquals(0, b.read(PMT_CTRL) & Lan9118.PMT_CTRL_PHY_RST);
    assertEquals(0x01e1, b.phyRead(Phy.ANAR));
  }

  @Test
  void badOffsetsAndNarrowFifoAccessesAreIgnored() {
    assertEquals(0, b.read(0x60));
    assertEquals(0, b.read(0xfc));
    b.write(0x94, 1);
    b.nic.write(NicBench.TX_DATA_FIFO, 1, 0x12);
    assertEquals(4608, b.read(TX_FIFO_INF), "nothing entered the TX FIFO");
    b.write(ID_REV, 0);
    assertEquals(0x01180001, b.read(ID_REV));
  }
}
