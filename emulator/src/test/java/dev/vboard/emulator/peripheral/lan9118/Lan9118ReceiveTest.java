package dev.vboard.emulator.peripheral.lan9118;

import static dev.vboard.emulator.peripheral.lan9118.NicBench.GAP_CYCLES;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_STS;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_DATA_FIFO;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_DP_CTRL;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_DROP;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_FIFO_INF;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_STATUS_FIFO;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_STATUS_FIFO_PEEK;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.wireCycles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Lan9118ReceiveTest {
  private static final MacAddress OTHER = MacAddress.parse("02:00:00:00:00:77");
  private static final MacAddress BROADCAST = MacAddress.parse("ff:ff:ff:ff:ff:ff");
  private static final MacAddress ALL_HOSTS = MacAddress.parse("01:00:5e:00:00:01");

  private NicBench b;

  @BeforeEach
  void setUp() {
    b = new NicBench();
    b.enableRxTx();
  }

  @Test
  void frameReachesTheFifoWhenItsLastBitArrives() {
    byte[] frame = NicBench.frame(NicBench.MAC, 86); // 100 bytes
    b.nic.deliver(frame);
    long t0 = b.now();
    b.runTo(t0 + wireCycles(100) - 1);
    assertEquals(0, b.read(RX_FIFO_INF), "one cycle before the last bit: nothing");
    b.runTo(t0 + wireCycles(100));
    assertEquals(1 << 16 | 104, b.read(RX_FIFO_INF), "status and 26 DWORDs (frame and FCS)");
  }

  @Test
  void statusWordAndDataCarryTheFrameAndItsFcs() {
    byte[] frame = NicBench.frame(NicBench.MAC, 87); // 101 bytes
    b.nic.deliver(frame);
    b.settle();
    int status = b.read(RX_STATUS_FIFO_PEEK);
    assertEquals(status, b.read(RX_STATUS_FIFO));
    assertEquals(105, status >>> 16 & 0x3fff, "length counts the FCS");
    assertEquals(0, status & 0xffff, "no error; Frame Type clear, as QEMU leaves it");
    byte[] got = readBytes(27);
    assertArrayEquals(frame, Arrays.copyOf(got, 101));
    assertArrayEquals(EthernetCrc.qemuRxCrc(frame, 101), Arrays.copyOfRange(got, 101, 105));
    assertEquals(0, b.read(RX_FIFO_INF));
  }

  @Test
  void shortFramesArrivePaddedToTheEthernetMinimum() {
    byte[] arp = NicBench.frame(BROADCAST, 28); // 42 bytes
    b.nic.deliver(arp);
    b.settle();
    int status = b.read(RX_STATUS_FIFO);
    assertEquals(64, status >>> 16);
    assertEquals(Receiver.STATUS_BROADCAST, status & Receiver.STATUS_BROADCAST);
    byte[] got = readBytes(16);
    assertArrayEquals(Arrays.copyOf(arp, 60), Arrays.copyOf(got, 60));
  }

  @Test
  void rxdoffAndEndAlignmentShapeTheDataAsRxCfgSays() {
    // 16-byte end alignment, RXDOFF = 2: 2 + 64 bytes = 17 DWORDs, padded to 20.
    b.write(RX_CFG, 1 << 30 | 2 << 8);
    byte[] frame = NicBench.frame(NicBench.MAC, 46);
    b.nic.deliver(frame);
    b.settle();
    assertEquals(1 << 16 | 80, b.read(RX_FIFO_INF));
    assertEquals(64, b.read(RX_STATUS_FIFO) >>> 16);
    byte[] got = readBytes(20);
    assertEquals(0, got[0]);
    assertEquals(0, got[1]);
    assertArrayEquals(frame, Arrays.copyOfRange(got, 2, 62));
    assertArrayEquals(new byte[80 - 66], Arrays.copyOfRange(got, 66, 80), "zero padding");
    assertEquals(0, b.read(INT_STS) & IntSts.RXE, "exactly the promised DWORDs");
  }

  @Test
  void readingPastTheDataRaisesRxe() {
    assertEquals(0, b.read(RX_DATA_FIFO));
    assertEquals(IntSts.RXE, b.read(INT_STS) & IntSts.RXE);
  }

  @Test
  void perfectFilterTakesOwnAddressAndBroadcastOnly() {
    deliverTo(NicBench.MAC);
    deliverTo(OTHER);
    deliverTo(BROADCAST);
    deliverTo(ALL_HOSTS);
    b.settle();
    assertEquals(2, b.read(RX_FIFO_INF) >>> 16);
  }

  @Test
  void bcastBitRefusesBroadcast() {
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_BCAST);
    deliverTo(BROADCAST);
    b.settle();
    assertEquals(0, b.read(RX_FIFO_INF));
  }

  @Test
  void promiscuousModeTakesEverythingAndIsTheResetState() {
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_PRMS);
    deliverTo(OTHER);
    deliverTo(ALL_HOSTS);
    b.settle();
    assertEquals(2, b.read(RX_FIFO_INF) >>> 16);
    assertEquals(0, b.read(RX_STATUS_FIFO) & Receiver.STATUS_FILTER_FAIL);
    assertEquals(Receiver.STATUS_MULTICAST,
        b.read(RX_STATUS_FIFO) & Receiver.STATUS_MULTICAST);
  }

  @Test
  void multicastPassesThroughTheHashTableOrMcpas() {
    int index = EthernetCrc.hashIndex(ALL_HOSTS.bytes());
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_HPFILT);
    deliverTo(ALL_HOSTS);
    b.settle();
    assertEquals(0, b.read(RX_FIFO_INF), "hash bit clear");
    b.macWrite(index >= 32 ? MacCsrs.HASHH : MacCsrs.HASHL, 1 << (index & 31));
    deliverTo(ALL_HOSTS);
    b.settle();
    assertEquals(1, b.read(RX_FIFO_INF) >>> 16, "hash bit set");
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_MCPAS);
    deliverTo(MacAddress.parse("01:00:5e:7f:00:09"));
    b.settle();
    assertEquals(2, b.read(RX_FIFO_INF) >>> 16, "pass all multicast");
  }

  @Test
  void inverseFilteringTakesEveryUnicastButOurs() {
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_INVFILT);
    deliverTo(NicBench.MAC);
    deliverTo(OTHER);
    b.settle();
    assertEquals(1, b.read(RX_FIFO_INF) >>> 16);
    b.read(RX_STATUS_FIFO);
    assertArrayEquals(OTHER.bytes(), Arrays.copyOf(readBytes(16), 6));
  }

  @Test
  void hashOnlyModeFiltersUnicastThroughTheHashTable() {
    int index = EthernetCrc.hashIndex(OTHER.bytes());
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_HO);
    b.macWrite(index >= 32 ? MacCsrs.HASHH : MacCsrs.HASHL, 1 << (index & 31));
    deliverTo(OTHER);
    deliverTo(NicBench.MAC); // our own address is not in the table
    b.settle();
    assertEquals(1, b.read(RX_FIFO_INF) >>> 16);
  }

  @Test
  void receiveAllKeepsRejectedFramesMarkedFilterFail() {
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_RXALL);
    deliverTo(OTHER);
    b.settle();
    assertEquals(Receiver.STATUS_FILTER_FAIL,
        b.read(RX_STATUS_FIFO) & Receiver.STATUS_FILTER_FAIL);
  }

  @Test
  void framesAreIgnoredWhileTheReceiverIsOffOrTheLinkIsDown() {
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_TXEN);
    deliverTo(NicBench.MAC);
    b.settle();
    b.enableRxTx();
    b.nic.setLinkUp(false);
    deliverTo(NicBench.MAC);
    b.settle();
    assertEquals(0, b.read(RX_FIFO_INF));
    assertEquals(0, b.read(RX_DROP), "not drops: nothing was received");
  }

  @Test
  void framesQueuedTogetherArriveOneWireTimeAndGapApart() {
    b.nic.deliver(NicBench.frame(NicBench.MAC, 46));
    b.nic.deliver(NicBench.frame(NicBench.MAC, 46));
    long t0 = b.now();
    b.runTo(t0 + wireCycles(60) + GAP_CYCLES + wireCycles(60) - 1);
    assertEquals(1, b.read(RX_FIFO_INF) >>> 16);
    b.run(1);
    assertEquals(2, b.read(RX_FIFO_INF) >>> 16);
  }

  @Test
  void fullFifoDropsFramesAndCountsThemInRxDrop() {
    byte[] big = NicBench.frame(NicBench.MAC, 1500); // 1514 + 4 bytes: 380 DWORDs
    for (int i = 0; i < 8; i++) {
      b.nic.deliver(big);
    }
    b.settle();
    assertEquals(6, b.read(RX_FIFO_INF) >>> 16, "10560 bytes hold six 1520-byte frames");
    assertEquals(IntSts.RXDF_INT, b.read(INT_STS) & IntSts.RXDF_INT);
    assertEquals(2, b.read(RX_DROP));
    assertEquals(0, b.read(RX_DROP), "RX_DROP clears on read");
  }

  @Test
  void statusFifoFullAlsoDrops() {
    b.write(NicBench.HW_CFG, 14 << 16); // 32 status entries, 1920 data bytes
    for (int i = 0; i < 16; i++) {
      deliverTo(NicBench.MAC);
    }
    b.settle();
    readBytes(16 * 16); // the data goes, the status words stay
    for (int i = 0; i < 17; i++) {
      deliverTo(NicBench.MAC);
    }
    b.settle();
    assertEquals(32, b.read(RX_FIFO_INF) >>> 16);
    assertEquals(16 * 64, b.read(RX_FIFO_INF) & 0xffff);
    assertEquals(IntSts.RSFF, b.read(INT_STS) & IntSts.RSFF);
    assertEquals(1, b.read(RX_DROP));
  }

  @Test
  void fastForwardSkipsTheRestOfAFrameAndFreesItsSpace() {
    byte[] first = NicBench.frame(NicBench.MAC, 100);
    byte[] second = NicBench.frame(NicBench.MAC, 46);
    b.nic.deliver(first);
    b.nic.deliver(second);
    b.settle();
    b.read(RX_STATUS_FIFO);
    b.read(RX_DATA_FIFO);
    b.write(RX_DP_CTRL, Receiver.RX_DP_CTRL_RX_FFWD);
    assertEquals(0, b.read(RX_DP_CTRL), "RX_FFWD done at once");
    assertEquals(1 << 16 | 64, b.read(RX_FIFO_INF), "only the second frame is left");
    assertEquals(64, b.read(RX_STATUS_FIFO) >>> 16);
    assertArrayEquals(second, Arrays.copyOf(readBytes(16), 60));
  }

  @Test
  void rxDumpEmptiesBothFifos() {
    deliverTo(NicBench.MAC);
    b.settle();
    b.write(RX_CFG, Receiver.RX_CFG_RX_DUMP);
    assertEquals(0, b.read(RX_FIFO_INF));
    assertEquals(0, b.read(RX_CFG), "RX_DUMP self-clears");
  }

  private void deliverTo(MacAddress dst) {
    b.nic.deliver(NicBench.frame(dst, 46));
  }

  private byte[] readBytes(int words) {
    byte[] out = new byte[words * 4];
    for (int i = 0; i < words; i++) {
      int w = b.read(RX_DATA_FIFO);
      for (int k = 0; k < 4; k++) {
        out[i * 4 + k] = (byte) (w >>> (8 * k));
      }
    }
    return out;
  }
}
