package dev.vboard.emulator.peripheral.lan9118;

import static dev.vboard.emulator.peripheral.lan9118.NicBench.GAP_CYCLES;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.INT_STS;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.RX_FIFO_INF;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.TX_CFG;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.TX_DATA_FIFO;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.TX_FIFO_INF;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.TX_STATUS_FIFO;
import static dev.vboard.emulator.peripheral.lan9118.NicBench.wireCycles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Lan9118TransmitTest {
  private static final MacAddress PEER = MacAddress.parse("02:00:00:00:00:02");
  private static final int FIRST = TxDataFifo.CMD_A_FIRST_SEG;
  private static final int LAST = TxDataFifo.CMD_A_LAST_SEG;

  private NicBench b;

  @BeforeEach
  void setUp() {
    b = new NicBench();
    b.enableRxTx();
  }

  @Test
  void frameLeavesAfterItsSerialisationTimeWithATaggedStatus() {
    byte[] frame = NicBench.frame(PEER, 86); // 100 bytes
    b.writeFrame(frame, 0xbeef);
    long t0 = b.now();
    assertEquals(4608 - 4 * (2 + 25), b.read(TX_FIFO_INF), "commands and data take space");

    b.runTo(t0 + wireCycles(100) - 1);
    assertTrue(b.sent.isEmpty(), "one cycle before the last bit: still on the wire");
    assertEquals(0, b.read(TX_FIFO_INF) >>> 16);

    b.runTo(t0 + wireCycles(100));
    assertEquals(1, b.sent.size());
    assertArrayEquals(frame, b.sent.get(0));
    assertEquals(1 << 16 | 4608, b.read(TX_FIFO_INF), "one status, all space free");
    assertEquals(0xbeef0000, b.read(TX_STATUS_FIFO));
    assertEquals(0, b.read(TX_FIFO_INF) >>> 16);
  }

  @Test
  void backToBackFramesAreSeparatedByTheInterframeGap() {
    byte[] first = NicBench.frame(PEER, 46);
    byte[] second = NicBench.frame(PEER, 200);
    b.writeFrame(first, 1);
    b.writeFrame(second, 2);
    long t0 = b.now();
    b.settle();
    assertEquals(2, b.sent.size());
    assertEquals(t0 + wireCycles(60), b.sentAt.get(0));
    assertEquals(t0 + wireCycles(60) + GAP_CYCLES + wireCycles(214), b.sentAt.get(1));
    assertEquals(1 << 16, b.read(TX_STATUS_FIFO));
    assertEquals(2 << 16, b.read(TX_STATUS_FIFO));
  }

  @Test
  void buffersWithOffsetsAndEndAlignmentAssembleTheExactFrame() {
    byte[] frame = NicBench.frame(PEER, 56); // 70 bytes
    byte[] part1 = Arrays.copyOfRange(frame, 0, 10);
    byte[] part2 = Arrays.copyOfRange(frame, 10, 15);
    byte[] part3 = Arrays.copyOfRange(frame, 15, 70);
    int cmdB = 0x1234 << 16 | 70;

    // 3-byte offset, 16-byte end alignment: ceil(13 / 4) = 4 DWORDs, already aligned.
    b.write(TX_DATA_FIFO, FIRST | 1 << 24 | 3 << 16 | part1.length);
    b.write(TX_DATA_FIFO, cmdB);
    writeAll(NicBench.words(part1, 3));
    // 17-byte offset skips four whole DWORDs and one byte: ceil(22 / 4) = 6 DWORDs.
    b.write(TX_DATA_FIFO, 17 << 16 | part2.length);
    b.write(TX_DATA_FIFO, cmdB);
    writeAll(NicBench.words(part2, 17));
    // 32-byte end alignment: 14 DWORDs of data padded with 2 ignored DWORDs to 16.
    b.write(TX_DATA_FIFO, LAST | 2 << 24 | part3.length);
    b.write(TX_DATA_FIFO, cmdB);
    int[] data = NicBench.words(part3, 0);
    assertEquals(14, data.length);
    writeAll(data);
    b.write(TX_DATA_FIFO, 0xdeadbeef);
    b.settle();
    assertTrue(b.sent.isEmpty(), "the frame waits for its last padding DWORD");
    b.write(TX_DATA_FIFO, 0xdeadbeef);

    b.settle();
    assertEquals(1, b.sent.size());
    assertArrayEquals(frame, b.sent.get(0));
    assertEquals(0x12340000, b.read(TX_STATUS_FIFO));
    assertEquals(0, b.read(INT_STS) & IntSts.TXE);
    assertEquals(4608, b.read(TX_FIFO_INF) & 0xffff, "the padding left nothing behind");
  }

  @Test
  void nothingLeavesUntilTxOnAndTxen() {
    b.write(TX_CFG, 0);
    b.writeFrame(NicBench.frame(PEER, 46), 7);
    b.settle();
    assertTrue(b.sent.isEmpty(), "TX_ON clear");
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN);
    b.write(TX_CFG, Transmitter.TX_ON);
    b.settle();
    assertTrue(b.sent.isEmpty(), "MAC_CR.TXEN clear");
    b.macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_TXEN);
    long t0 = b.now();
    b.runTo(t0 + wireCycles(60));
    assertEquals(1, b.sent.size());
  }

  @Test
  void interruptOnCompletionIsRaisedWhenTheBufferIsWritten() {
    byte[] frame = NicBench.frame(PEER, 46);
    b.write(TX_DATA_FIFO, TxDataFifo.CMD_A_IOC | FIRST | LAST | frame.length);
    b.write(TX_DATA_FIFO, frame.length);
    writeAll(NicBench.words(frame, 0));
    assertEquals(IntSts.TIOC_INT, b.read(INT_STS) & IntSts.TIOC_INT);
  }

  @Test
  void malformedCommandsRaiseTxeAndDropTheFrame() {
    b.write(TX_DATA_FIFO, LAST | 4); // no FIRST_SEG and no frame in progress
    b.write(TX_DATA_FIFO, 4);
    b.write(TX_DATA_FIFO, 0x11111111);
    assertEquals(IntSts.TXE, b.read(INT_STS) & IntSts.TXE);
    b.write(INT_STS, IntSts.TXE);

    byte[] frame = NicBench.frame(PEER, 46);
    b.write(TX_DATA_FIFO, FIRST | LAST | frame.length);
    b.write(TX_DATA_FIFO, frame.length + 1); // packet length disagrees with the buffer
    writeAll(NicBench.words(frame, 0));
    assertEquals(IntSts.TXE, b.read(INT_STS) & IntSts.TXE);
    assertEquals(4608, b.read(TX_FIFO_INF) & 0xffff);

    b.writeFrame(frame, 3);
    b.settle();
    assertEquals(1, b.sent.size(), "the next well-formed frame goes out");
    assertArrayEquals(frame, b.sent.get(0));
  }

  @Test
  void writingAFullFifoRaisesTdfo() {
    b.write(TX_CFG, 0);
    byte[] frame = NicBench.frame(PEER, 1486); // 1500 bytes: 2 + 375 DWORDs
    for (int i = 0; i < 3; i++) {
      b.writeFrame(frame, i);
    }
    b.write(TX_DATA_FIFO, FIRST | LAST | 1500);
    b.write(TX_DATA_FIFO, 1500);
    for (int i = 0; i < 19; i++) {
      b.write(TX_DATA_FIFO, 0);
    }
    assertEquals(0, b.read(TX_FIFO_INF) & 0xffff, "3 x 377 + 21 DWORDs fill 4608 bytes");
    assertEquals(0, b.read(INT_STS) & IntSts.TDFO);
    b.write(TX_DATA_FIFO, 0);
    assertEquals(IntSts.TDFO, b.read(INT_STS) & IntSts.TDFO);
  }

  @Test
  void txdDumpEmptiesTheDataFifoAndTxsDumpTheStatusFifo() {
    b.writeFrame(NicBench.frame(PEER, 46), 1);
    b.settle();
    b.write(TX_CFG, 0);
    b.writeFrame(NicBench.frame(PEER, 46), 2);
    b.write(TX_CFG, Transmitter.TXD_DUMP | Transmitter.TXS_DUMP);
    assertEquals(4608, b.read(TX_FIFO_INF), "no data, no status");
    b.write(TX_CFG, Transmitter.TX_ON);
    b.settle();
    assertEquals(1, b.sent.size());
  }

  @Test
  void stopTxFinishesTheFrameOnTheWireThenClearsTxOn() {
    b.writeFrame(NicBench.frame(PEER, 46), 1);
    b.writeFrame(NicBench.frame(PEER, 46), 2);
    b.write(TX_CFG, Transmitter.TX_ON | Transmitter.STOP_TX);
    assertEquals(Transmitter.TX_ON | Transmitter.STOP_TX, b.read(TX_CFG));
    b.settle();
    assertEquals(1, b.sent.size());
    assertEquals(0, b.read(TX_CFG));
    assertEquals(IntSts.TXSTOP_INT, b.read(INT_STS) & IntSts.TXSTOP_INT);
    b.write(TX_CFG, Transmitter.TX_ON);
    b.settle();
    assertEquals(2, b.sent.size());
  }

  @Test
  void fullStatusFifoHoldsTheTransmitterUnlessOverrunIsAllowed() {
    byte[] frame = NicBench.frame(PEER, 46);
    for (int i = 0; i < 128; i++) {
      b.writeFrame(frame, i);
      b.settle();
    }
    assertEquals(128, b.read(TX_FIFO_INF) >>> 16);
    assertEquals(IntSts.TSFF, b.read(INT_STS) & IntSts.TSFF);
    b.writeFrame(frame, 128);
    b.settle();
    assertEquals(128, b.sent.size(), "waits for room in the status FIFO");
    assertEquals(0, b.read(TX_STATUS_FIFO));
    b.settle();
    assertEquals(129, b.sent.size());

    b.write(TX_CFG, Transmitter.TX_ON | Transmitter.TXSAO);
    b.writeFrame(frame, 129);
    b.settle();
    assertEquals(130, b.sent.size());
    assertEquals(IntSts.TXSO, b.read(INT_STS) & IntSts.TXSO);
  }

  @Test
  void withoutCarrierTheFrameIsLostAndItsStatusSaysSo() {
    b.nic.setLinkUp(false);
    b.writeFrame(NicBench.frame(PEER, 46), 5);
    b.settle();
    assertTrue(b.sent.isEmpty());
    assertEquals(5 << 16 | Transmitter.STATUS_ES | Transmitter.STATUS_NO_CARRIER
        | Transmitter.STATUS_LOSS_OF_CARRIER, b.read(TX_STATUS_FIFO));
  }

  @Test
  void phyLoopbackReturnsTheFrameToTheReceiver() {
    b.phyWrite(Phy.BCR, Phy.BCR_LOOPBACK | Phy.BCR_AN_ENABLE);
    byte[] frame = NicBench.frame(NicBench.MAC, 46);
    b.writeFrame(frame, 1);
    b.settle();
    assertTrue(b.sent.isEmpty());
    assertEquals(1 << 16 | 64, b.read(RX_FIFO_INF));
  }

  @Test
  void macInternalLoopbackNeedsNoCarrier() {
    b.nic.setLinkUp(false);
    b.macWrite(MacCsrs.MAC_CR,
        MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_TXEN | MacCsrs.MAC_CR_LOOPBK);
    b.writeFrame(NicBench.frame(NicBench.MAC, 46), 4);
    b.settle();
    assertTrue(b.sent.isEmpty());
    assertEquals(1 << 16 | 64, b.read(RX_FIFO_INF));
    assertEquals(4 << 16, b.read(TX_STATUS_FIFO), "sent without error");
  }

  @Test
  void hostSuppliedFcsIsNotPassedToTheNetwork() {
    byte[] frame = NicBench.frame(PEER, 46);
    byte[] withFcs = Arrays.copyOf(frame, 64);
    System.arraycopy(EthernetCrc.fcs(frame, 60), 0, withFcs, 60, 4);
    b.write(TX_DATA_FIFO, FIRST | LAST | 64);
    b.write(TX_DATA_FIFO, TxDataFifo.CMD_B_ADD_CRC_DISABLE | 64);
    writeAll(NicBench.words(withFcs, 0));
    b.settle();
    assertArrayEquals(frame, b.sent.get(0));
  }

  private void writeAll(int[] words) {
    for (int w : words) {
      b.write(TX_DATA_FIFO, w);
    }
  }
}
