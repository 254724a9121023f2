package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Register behaviour of the PL022 with nothing on its bus, as QEMU 7.2 answers. */
class Pl022Test {
  private static final int CR0 = 0x00;
  private static final int CR1 = 0x04;
  private static final int DR = 0x08;
  private static final int SR = 0x0c;
  private static final int CPSR = 0x10;
  private static final int IMSC = 0x14;
  private static final int RIS = 0x18;
  private static final int MIS = 0x1c;
  private static final int ICR = 0x20;
  private static final int DMACR = 0x24;

  /** SSPCR0 for 8-bit Motorola frames (DSS = 7). */
  private static final int DSS_8BIT = 0x7;

  private Bench.Line irq;
  private Pl022 spi;

  @BeforeEach
  void setUp() {
    irq = new Bench.Line();
    spi = new Pl022("spi0", irq);
  }

  private void enable(int extraCr1) {
    spi.write(CR0, 4, DSS_8BIT);
    spi.write(CR1, 4, Pl022.CR1_SSE | extraCr1);
  }

  @Test
  void resetStateHasEmptyFifosAndTxInterruptStatus() {
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF, spi.read(SR, 4));
    assertEquals(0, spi.read(CR0, 4));
    assertEquals(0, spi.read(CR1, 4));
    assertEquals(Pl022.INT_TX, spi.read(RIS, 4));
    assertEquals(0, spi.read(MIS, 4));
    assertEquals(0, spi.read(DR, 4), "empty receive FIFO reads 0");
    assertFalse(irq.level);
  }

  @Test
  void idRegistersMatchQemuAtEveryOffsetOfTheirWord() {
    int[] expected = {0x22, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], spi.read(0xfe0 + 4 * i, 4));
      assertEquals(expected[i], spi.read(0xfe0 + 4 * i + 1, 1));
    }
  }

  @Test
  void controlRegistersKeepWhatIsWritten() {
    spi.write(CR0, 4, 0xa5a5a5a5);
    assertEquals(0xa5a5a5a5, spi.read(CR0, 4));
    spi.write(CPSR, 4, 0x1234);
    assertEquals(0x34, spi.read(CPSR, 4), "CPSR keeps 8 bits");
    spi.write(IMSC, 4, 0xfffffff0);
    assertEquals(0xfffffff0, spi.read(IMSC, 4));
    spi.write(DMACR, 4, 3);
    assertEquals(0, spi.read(DMACR, 4));
    assertEquals(0, spi.read(CR0 + 1, 1), "no register at an unaligned offset");
  }

  @Test
  void srAndIdsIgnoreWrites() {
    spi.write(SR, 4, 0xa5a5a5a5);
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF, spi.read(SR, 4));
    spi.write(0xfe0, 4, 0);
    assertEquals(0x22, spi.read(0xfe0, 4));
    assertEquals(0, spi.read(ICR, 4), "ICR is write-only");
  }

  @Test
  void enabledPortReturnsZeroForEveryFrameWithNoSlave() {
    enable(0);
    spi.write(DR, 4, 0x5a);
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF | Pl022.SR_RNE, spi.read(SR, 4));
    assertEquals(0, spi.read(DR, 4));
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF, spi.read(SR, 4));
  }

  @Test
  void loopbackReturnsFramesMaskedToTheDataSize() {
    enable(Pl022.CR1_LBM);
    spi.write(DR, 4, 0x1a5);
    spi.write(DR, 4, 0x03c);
    assertEquals(0xa5, spi.read(DR, 4), "DSS = 7: 8-bit frames");
    assertEquals(0x3c, spi.read(DR, 4));
    spi.write(CR0, 4, 0x3);
    spi.write(DR, 4, 0xff);
    assertEquals(0xf, spi.read(DR, 4), "DSS = 3: 4-bit frames");
  }

  @Test
  void framesAreZeroUntilCr0IsWritten() {
    spi.write(CR1, 4, Pl022.CR1_SSE | Pl022.CR1_LBM);
    spi.write(DR, 4, 0xff);
    assertEquals(0, spi.read(DR, 4));
  }

  @Test
  void disabledPortHoldsFramesInTransmitFifoAndDropsTheNinth() {
    spi.write(CR0, 4, DSS_8BIT);
    spi.write(CR1, 4, Pl022.CR1_LBM);
    for (int i = 1; i <= 4; i++) {
      spi.write(DR, 4, i);
    }
    assertEquals(Pl022.SR_TNF | Pl022.SR_BSY, spi.read(SR, 4));
    assertEquals(Pl022.INT_TX, spi.read(RIS, 4), "TX FIFO at most half full");
    spi.write(DR, 4, 5);
    assertEquals(0, spi.read(RIS, 4));
    for (int i = 6; i <= 9; i++) {
      spi.write(DR, 4, i);
    }
    assertEquals(Pl022.SR_BSY, spi.read(SR, 4), "full: TNF clear");

    spi.write(CR1, 4, Pl022.CR1_LBM | Pl022.CR1_SSE);
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF | Pl022.SR_RNE | Pl022.SR_RFF, spi.read(SR, 4));
    assertEquals(Pl022.INT_TX | Pl022.INT_RX, spi.read(RIS, 4));
    for (int i = 1; i <= 8; i++) {
      assertEquals(i, spi.read(DR, 4), "frame " + i);
    }
    assertEquals(0, spi.read(DR, 4), "the ninth frame was dropped");
  }

  @Test
  void transmitStallsWhileReceiveFifoIsFull() {
    enable(Pl022.CR1_LBM);
    for (int i = 1; i <= 10; i++) {
      spi.write(DR, 4, i);
    }
    assertEquals(Pl022.SR_TNF | Pl022.SR_RNE | Pl022.SR_RFF | Pl022.SR_BSY, spi.read(SR, 4));
    assertEquals(1, spi.read(DR, 4));
    assertEquals(Pl022.SR_TNF | Pl022.SR_RNE | Pl022.SR_RFF | Pl022.SR_BSY, spi.read(SR, 4),
        "a stalled frame moves in as soon as RX has room");
    for (int i = 2; i <= 10; i++) {
      assertEquals(i, spi.read(DR, 4));
    }
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF, spi.read(SR, 4));
  }

  @Test
  void sspintrFollowsMaskedStatus() {
    spi.write(IMSC, 4, Pl022.INT_TX);
    assertTrue(irq.level, "TX FIFO empty raises TXINTR at once");
    assertEquals(Pl022.INT_TX, spi.read(MIS, 4));
    spi.write(IMSC, 4, Pl022.INT_RX);
    assertFalse(irq.level);

    enable(Pl022.CR1_LBM);
    for (int i = 0; i < 3; i++) {
      spi.write(DR, 4, i);
    }
    assertFalse(irq.level, "three frames received");
    spi.write(DR, 4, 3);
    assertTrue(irq.level, "RX FIFO half full");
    spi.read(DR, 4);
    assertFalse(irq.level);
    spi.write(ICR, 4, 0xf);
    assertEquals(Pl022.INT_TX, spi.read(RIS, 4), "ICR clears only ROR and RT");
  }

  @Test
  void resetClearsFifosAndMaskButKeepsControlRegisters() {
    enable(Pl022.CR1_LBM);
    spi.write(CPSR, 4, 2);
    spi.write(IMSC, 4, Pl022.INT_TX);
    spi.write(DR, 4, 7);
    spi.reset();
    assertFalse(irq.level);
    assertEquals(0, spi.read(IMSC, 4));
    assertEquals(Pl022.SR_TFE | Pl022.SR_TNF, spi.read(SR, 4));
    assertEquals(DSS_8BIT, spi.read(CR0, 4));
    assertEquals(Pl022.CR1_SSE | Pl022.CR1_LBM, spi.read(CR1, 4));
    assertEquals(2, spi.read(CPSR, 4));
  }
}
