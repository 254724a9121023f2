package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;

/**
 * ARM PrimeCell Synchronous Serial Port PL022 (SPI master), as QEMU 7.2 {@code hw/ssi/pl022.c}
 * models it with nothing attached to its SPI bus (PL022 TRM, ARM DDI 0194, chapter 3
 * "Programmers Model"). AN385 has five: APB, LCD, ADC and two shield SPIs.
 *
 * <p>Behaviour and quirks (as QEMU):
 * <ul>
 *   <li>Transfers take no time: with SSPCR1.SSE set, every frame in the transmit FIFO moves to
 *       the receive FIFO at once, stopping while the receive FIFO is full (so a driver that
 *       fills TX before draining RX loses nothing). With no slave attached a frame comes back
 *       as 0; in loopback (SSPCR1.LBM) it comes back as written. SSPSR.BSY is set exactly while
 *       the transmit FIFO holds a frame, i.e. only while SSE is clear or RX is full.
 *   <li>Frames are masked to the data size of SSPCR0.DSS when written to SSPDR and again when
 *       received. Until SSPCR0 is first written the mask is empty, so every frame is 0.
 *   <li>A write to a full transmit FIFO is dropped; a read of an empty receive FIFO gives 0.
 *       The overrun and receive-timeout interrupts (ROR, RT) are never raised; SSPICR clears
 *       them. RXRIS is set while RX holds 4 frames or more, TXRIS while TX holds 4 or fewer.
 *   <li>SSPCR0, SSPCR1 and SSPIMSC keep all 32 bits written; SSPCPSR keeps 8. Clock rate,
 *       frame format and slave mode (SSPCR1.MS) are ignored; SSPDMACR reads 0.
 *   <li>Reset clears the FIFOs, SSPIMSC and the interrupt status but keeps SSPCR0, SSPCR1,
 *       SSPCPSR and the frame mask, as QEMU's reset handler does.
 *   <li>PeriphID/CellID answer at every offset of 0xfe0..0xfff (a byte read at 0xfe1 gives
 *       PeriphID0), as QEMU indexes them by offset / 4.
 * </ul>
 */
public final class Pl022 implements MmioDevice {

  /** The register table (DDI 0194, table 3-1 "SSP register summary"). */
  enum Reg implements RegisterBank.Register {
    SSPCR0(0x000, Access.RW),
    SSPCR1(0x004, Access.RW),
    SSPDR(0x008, Access.RC),
    SSPSR(0x00c, Access.RO),
    SSPCPSR(0x010, Access.RW),
    SSPIMSC(0x014, Access.RW),
    SSPRIS(0x018, Access.RO),
    SSPMIS(0x01c, Access.RO),
    SSPICR(0x020, Access.WO),
    SSPDMACR(0x024, Access.RW),
    SSPPeriphID0(0xfe0, Access.RO), SSPPeriphID1(0xfe4, Access.RO),
    SSPPeriphID2(0xfe8, Access.RO), SSPPeriphID3(0xfec, Access.RO),
    SSPPCellID0(0xff0, Access.RO), SSPPCellID1(0xff4, Access.RO),
    SSPPCellID2(0xff8, Access.RO), SSPPCellID3(0xffc, Access.RO);

    private final int offset;
    private final Access access;

    Reg(int offset, Access access) {
      this.offset = offset;
      this.access = access;
    }

    @Override
    public int offset() {
      return offset;
    }

    @Override
    public Access access() {
      return access;
    }
  }

  static final int CR1_LBM = 1 << 0;
  static final int CR1_SSE = 1 << 1;
  static final int CR1_MS = 1 << 2;

  static final int SR_TFE = 1 << 0;
  static final int SR_TNF = 1 << 1;
  static final int SR_RNE = 1 << 2;
  static final int SR_RFF = 1 << 3;
  static final int SR_BSY = 1 << 4;

  static final int INT_ROR = 1 << 0;
  static final int INT_RT = 1 << 1;
  static final int INT_RX = 1 << 2;
  static final int INT_TX = 1 << 3;

  /** Depth of each FIFO (DDI 0194, 2.1 "8 entries"). */
  static final int FIFO_DEPTH = 8;
  /** RXRIS / TXRIS thresholds: the FIFO half full / half empty. */
  private static final int HALF = FIFO_DEPTH / 2;

  private static final int ID_BASE = 0xfe0;
  /** PeriphID0..3, PCellID0..3 as QEMU 7.2 reports them. */
  private static final int[] ID = {0x22, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

  private final RegisterBank<Reg> regs;
  private final IrqLine sspintr;
  private final Fifo tx = new Fifo();
  private final Fifo rx = new Fifo();

  private int cr0;
  private int cr1;
  private int cpsr;
  /** The frame mask from SSPCR0.DSS; 0 until SSPCR0 is written. */
  private int frameMask;
  private int imsc;
  private int ris;

  /**
   * @param name device name for logs
   * @param sspintr the combined interrupt output SSPINTR
   */
  public Pl022(String name, IrqLine sspintr) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.sspintr = sspintr;
    reset();
  }

  @Override
  public void reset() {
    tx.clear();
    rx.clear();
    imsc = 0;
    update();
  }

  @Override
  public int read(int offset, int size) {
    if (offset >= ID_BASE && offset < ID_BASE + 0x20) {
      return RegisterBank.truncate(ID[(offset - ID_BASE) >> 2], size);
    }
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    int v = switch (r) {
      case SSPCR0 -> cr0;
      case SSPCR1 -> cr1;
      case SSPDR -> readDr();
      case SSPSR -> sr();
      case SSPCPSR -> cpsr;
      case SSPIMSC -> imsc;
      case SSPRIS -> ris;
      case SSPMIS -> ris & imsc;
      case SSPDMACR -> 0;
      default -> throw new AssertionError(r);
    };
    return RegisterBank.truncate(v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    if (r == null) {
      return;
    }
    value = RegisterBank.truncate(value, size);
    switch (r) {
      case SSPCR0 -> {
        cr0 = value;
        frameMask = (1 << ((value & 0xf) + 1)) - 1;
      }
      case SSPCR1 -> writeCr1(value);
      case SSPDR -> writeDr(value);
      case SSPCPSR -> cpsr = value & 0xff;
      case SSPIMSC -> {
        imsc = value;
        update();
      }
      // QEMU clears the bits here without recomputing the line (they are never set anyway).
      case SSPICR -> ris &= ~(value & (INT_ROR | INT_RT));
      case SSPDMACR -> {
        if (value != 0) {
          GuestError.unimplemented(regs.device(), "DMA (SSPDMACR=0x%x)", value);
        }
      }
      default -> throw new AssertionError(r);
    }
  }

  private void writeCr1(int value) {
    cr1 = value;
    if ((cr1 & (CR1_MS | CR1_SSE)) == (CR1_MS | CR1_SSE)) {
      GuestError.unimplemented(regs.device(), "slave mode (SSPCR1.MS)");
    }
    transfer();
  }

  private void writeDr(int value) {
    if (tx.isFull()) {
      return;
    }
    tx.push(value & frameMask);
    transfer();
  }

  private int readDr() {
    if (rx.isEmpty()) {
      return 0;
    }
    int frame = rx.pop();
    transfer();
    return frame;
  }

  /**
   * Moves frames from TX to RX while the port is enabled and RX has room. Nothing is attached
   * to the bus, so a frame shifted out brings back 0 unless loopback returns it.
   */
  private void transfer() {
    if ((cr1 & CR1_SSE) != 0) {
      while (!tx.isEmpty() && !rx.isFull()) {
        int out = tx.pop();
        int in = (cr1 & CR1_LBM) != 0 ? out : 0;
        rx.push(in & frameMask);
      }
    }
    update();
  }

  private int sr() {
    int sr = 0;
    sr |= tx.isEmpty() ? SR_TFE : 0;
    sr |= tx.isFull() ? 0 : SR_TNF;
    sr |= rx.isEmpty() ? 0 : SR_RNE;
    sr |= rx.isFull() ? SR_RFF : 0;
    sr |= tx.isEmpty() ? 0 : SR_BSY;
    return sr;
  }

  /** Recomputes the raw interrupt status from the FIFO levels, then SSPINTR. */
  private void update() {
    ris = (rx.size() >= HALF ? INT_RX : 0) | (tx.size() <= HALF ? INT_TX : 0);
    updateIrq();
  }

  private void updateIrq() {
    sspintr.set((ris & imsc) != 0);
  }

  /** A FIFO of up to {@link #FIFO_DEPTH} 16-bit frames. */
  private static final class Fifo {
    private final int[] frames = new int[FIFO_DEPTH];
    private int head;
    private int size;

    void clear() {
      head = 0;
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    boolean isFull() {
      return size == FIFO_DEPTH;
    }

    int size() {
      return size;
    }

    void push(int frame) {
      frames[(head + size) % FIFO_DEPTH] = frame;
      size++;
    }

    int pop() {
      int frame = frames[head];
      head = (head + 1) % FIFO_DEPTH;
      size--;
      return frame;
    }
  }
}
