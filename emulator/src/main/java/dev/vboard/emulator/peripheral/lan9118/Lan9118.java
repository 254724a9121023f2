package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.peripheral.GuestError;
import dev.vboard.emulator.peripheral.RegisterBank;
import dev.vboard.emulator.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSC LAN9118 single-chip 10/100 Ethernet controller, 32-bit host bus (SMSC LAN9118 datasheet
 * rev. 1.5; the MPS2 boards carry the compatible LAN9220). QEMU's {@code hw/net/lan9118.c} is
 * the reference for board behaviour; a driver written against the datasheet runs on both.
 *
 * <p>Parts: {@link RxFifo} and {@link TxDataFifo} (host side of the FIFOs, 3.13),
 * {@link Transmitter} (TX_CFG and the wire), {@link Receiver} (address filter, RX status,
 * RX_CFG, RX_DROP, fast-forward), {@link RxWire} (frames arriving from the network),
 * {@link MacCsrs} and {@link Phy} (reached through MAC_CSR_CMD and MII_ACC), {@link IrqPin}
 * (IRQ_CFG), {@link GeneralPurposeTimer} and {@link Eeprom}. This class holds the system CSRs,
 * INT_STS/INT_EN and the FIFO level interrupts, and routes frames between the parts.
 *
 * <p>Time: frames take their serialisation time at the PHY's speed (100 Mbit/s after
 * autonegotiation) in both directions; GPT ticks every 100 us, FREE_RUN counts at 25 MHz, both in
 * virtual time. A soft reset (HW_CFG.SRST) completes within the write, as in QEMU: SRST reads 0
 * and PMT_CTRL.READY 1 at once, so a driver that polls them (as the datasheet asks) and one that
 * reads the registers straight after the write both see the reset done. (A modelled delay broke
 * drivers that poll with a short timeout measured on a coarse clock, such as MicroPython's,
 * which allows 10 us.) Register, MAC CSR and PHY accesses complete at once, as in QEMU.
 *
 * <p>Quirks kept from QEMU: ID_REV reads 0x01180001; the IRQ line is active high only when
 * IRQ_CFG selects push-pull active-high, otherwise it idles asserted ({@link IrqPin}); the MAC
 * address comes from an EEPROM image holding the board's address, so MAC_ADDR_LOADED is set
 * after reset; RX frames get QEMU's four "FCS" bytes appended (not the frame's CRC-32, see
 * {@link EthernetCrc#qemuRxCrc}), RX status leaves the Frame Type bit clear, and RX
 * status reports the length including it; an RX data read with the FIFO empty returns 0 and sets
 * RXE; TX_IOC is raised when the buffer is written. Differences (datasheet behaviour where QEMU
 * has none): TX honours TX_ON/TXEN, STOP_TX, TXSAO and the TX end alignment; TDFREE counts bytes;
 * RX_DROP counts frames dropped for lack of FIFO space (RXDF_INT); fast-forward frees the
 * skipped data; TX_FIF_SZ resizes the FIFOs; TSFL, TDFA, RSFF, TSFF, TXSTOP and the interrupt
 * deassertion interval are implemented; frames shorter than 60 bytes arrive padded to 60, as the
 * sender's MAC puts them on the wire. Not modelled: 16-bit bus mode, DMA (RX_DMA_CNT), flow
 * control and pause frames, wake-up and power-management states, GPIO interrupts.
 *
 * <p>Guest errors are logged on {@code vboard.guest}; nothing here throws for a guest access.
 */
public final class Lan9118 implements MmioDevice {
  /** Frames in and out ({@code --trace net}). */
  private static final Logger NET = LoggerFactory.getLogger("vboard.net");

  /** Size of the register window. */
  public static final int SIZE = 0x100;

  static final int ID_REV_VALUE = 0x0118_0001;
  static final int BYTE_TEST_VALUE = 0x8765_4321;
  static final int FIFO_INT_DEFAULT = 0x4800_0000;

  static final int HW_CFG_SRST = 1;
  static final int HW_CFG_32BIT = 1 << 2;
  static final int HW_CFG_TX_FIF_SZ_SHIFT = 16;
  static final int HW_CFG_MBO = 1 << 20;
  static final int PMT_CTRL_READY = 1;
  static final int PMT_CTRL_PHY_RST = 1 << 10;
  static final int PMT_CTRL_WRITABLE = 0x34e;
  static final int PMT_CTRL_PM_MODE = 3 << 12;
  static final int PMT_CTRL_NASR = (1 << 2) | (1 << 6);
  static final int MAC_CSR_BUSY = 1 << 31;
  static final int MAC_CSR_READ = 1 << 30;

  private final RegisterBank<SystemCsr> regs;
  private final String name;
  private final Scheduler scheduler;
  private final Phy phy;
  private final MacCsrs macCsrs;
  private final Eeprom eeprom;
  private final IrqPin irqPin;
  private final GeneralPurposeTimer gpt;
  private final RxFifo rxFifo;
  private final RxWire rxWire;
  private final Receiver receiver;
  private final TxDataFifo txData;
  private final WordFifo txStatus;
  private final Transmitter transmitter;
  private EthernetPort port;

  private int intSts;
  private int intEn;
  private int fifoInt;
  private int hwCfg;
  private int pmtCtrl;
  private int gpioCfg;
  private int wordSwap;
  private int macCsrCmd;
  private int macCsrData;
  private int afcCfg;
  private long freeRunBase;

  /**
   * @param name device name for logs
   * @param scheduler the machine's scheduler
   * @param mac the board's MAC address, held in the EEPROM image and loaded at every reset
   * @param irq the IRQ output
   * @param port where transmitted frames go
   */
  public Lan9118(String name, Scheduler scheduler, MacAddress mac, IrqLine irq,
      EthernetPort port) {
    this.name = name;
    this.regs = new RegisterBank<>(name, SystemCsr.class);
    this.scheduler = scheduler;
    this.port = port;
    FifoSizes sizes = FifoSizes.of(FifoSizes.DEFAULT_TX_FIF_SZ);
    this.phy = new Phy(name);
    this.macCsrs = new MacCsrs(name, phy, this::macCrChanged);
    this.eeprom = new Eeprom(name, mac);
    this.irqPin = new IrqPin(scheduler, irq);
    this.gpt = new GeneralPurposeTimer(scheduler, this::raise);
    this.rxFifo = new RxFifo(sizes);
    this.receiver = new Receiver(name, macCsrs, rxFifo, this::raise, this::checkRxLevels);
    this.rxWire = new RxWire(name, scheduler, phy::nanosPerBit, this::wireArrival);
    this.txData = new TxDataFifo(name, this::raise, sizes.txDataBytes());
    this.txStatus = new WordFifo(sizes.txStatusWords());
    this.transmitter = new Transmitter(scheduler, txData, txStatus, phy, this::raise,
        new Transmitter.Events() {
          @Override
          public void frameSent(TxFrame frame) {
            onFrameSent(frame);
          }

          @Override
          public void fifoLevelsChanged() {
            checkTxLevels();
          }

          @Override
          public boolean carrier() {
            return phy.carrier() || loopback();
          }
        });
    reset();
  }

  // ---- the network side ---------------------------------------------------------------------

  /** Connects the cable to another port; frames sent from now on go there. */
  public void setPort(EthernetPort port) {
    this.port = port;
  }

  /**
   * A frame (destination address first, no FCS) starts arriving from the network now; it
   * reaches the RX FIFO when its last bit has arrived, after any frames still on the wire.
   */
  public void deliver(byte[] frame) {
    rxWire.send(frame.clone());
  }

  /** Plugs or unplugs the cable; the PHY raises its link interrupt sources. */
  public void setLinkUp(boolean up) {
    phy.setLinkUp(up);
    updateIrq();
  }

  /** The station address now in ADDRH/ADDRL. */
  public MacAddress macAddress() {
    return macCsrs.address();
  }

  // ---- reset ---------------------------------------------------------------------------------

  @Override
  public void reset() {
    pmtCtrl = 0;
    wordSwap = 0;
    irqPin.powerOnReset();
    resetState(); // the pin stays undriven until the first update, as QEMU's reset leaves it
  }

  /** What both power-on and soft reset do (QEMU's lan9118_reset). */
  private void resetState() {
    intSts = 0;
    intEn = 0;
    fifoInt = FIFO_INT_DEFAULT;
    hwCfg = FifoSizes.DEFAULT_TX_FIF_SZ << HW_CFG_TX_FIF_SZ_SHIFT | HW_CFG_32BIT;
    pmtCtrl &= PMT_CTRL_NASR;
    gpioCfg = 0;
    macCsrCmd = 0;
    macCsrData = 0;
    afcCfg = 0;
    freeRunBase = freeRunTicks();
    transmitter.reset();
    txData.dump();
    txData.releaseAll();
    txStatus.clear();
    receiver.reset();
    resize(FifoSizes.of(FifoSizes.DEFAULT_TX_FIF_SZ));
    gpt.reset();
    phy.reset();
    macCsrs.reset(eeprom.reset());
  }

  /** HW_CFG.SRST: everything but IRQ_CFG's polarity and type returns to its reset value. */
  private void softReset() {
    irqPin.softReset();
    resetState();
  }

  // ---- register access -----------------------------------------------------------------------

  @Override
  public int read(int offset, int size) {
    SystemCsr r = regs.forRead(SystemCsr.canonicalOffset(offset));
    if (r == null || !wholeWordForFifo(r, size)) {
      return 0;
    }
    int v = switch (r) {
      case RX_DATA_FIFO -> receiver.readData();
      case RX_STATUS_FIFO -> receiver.popStatus();
      case RX_STATUS_FIFO_PEEK -> rxFifo.peekStatus();
      case TX_STATUS_FIFO -> popTxStatus();
      case TX_STATUS_FIFO_PEEK -> txStatus.peek();
      case ID_REV -> ID_REV_VALUE;
      case IRQ_CFG -> irqPin.read();
      case INT_STS -> intStsView();
      case INT_EN -> intEn;
      case BYTE_TEST -> BYTE_TEST_VALUE;
      case FIFO_INT -> fifoInt;
      case RX_CFG -> receiver.rxCfg();
      case TX_CFG -> transmitter.txCfg();
      case HW_CFG -> hwCfg;
      case RX_DP_CTRL -> 0; // RX_FFWD completes at once
      case RX_FIFO_INF -> rxFifo.statusUsed() << 16 | rxFifo.dataUsedBytes();
      case TX_FIFO_INF -> txStatus.size() << 16 | txData.freeBytes();
      case PMT_CTRL -> pmtCtrl | PMT_CTRL_READY;
      case GPIO_CFG -> gpioCfg;
      case GPT_CFG -> gpt.cfg();
      case GPT_CNT -> gpt.count();
      case WORD_SWAP -> wordSwap;
      case FREE_RUN -> (int) (freeRunTicks() - freeRunBase);
      case RX_DROP -> receiver.takeDropCount();
      case MAC_CSR_CMD -> macCsrCmd;
      case MAC_CSR_DATA -> macCsrData;
      case AFC_CFG -> afcCfg;
      case E2P_CMD -> eeprom.cmd();
      case E2P_DATA -> eeprom.data();
      case TX_DATA_FIFO -> throw new AssertionError(r);
    };
    return RegisterBank.truncate(v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    SystemCsr r = regs.forWrite(SystemCsr.canonicalOffset(offset), value);
    if (r == null || !wholeWordForFifo(r, size)) {
      return;
    }
    value = RegisterBank.truncate(value, size);
    switch (r) {
      case TX_DATA_FIFO -> {
        txData.write(value);
        transmitter.kick();
      }
      case IRQ_CFG -> irqPin.write(value);
      case INT_STS -> intSts &= ~value;
      case INT_EN -> writeIntEn(value);
      case FIFO_INT -> writeFifoInt(value);
      case RX_CFG -> receiver.writeRxCfg(value);
      case TX_CFG -> transmitter.writeTxCfg(value);
      case HW_CFG -> writeHwCfg(value);
      case RX_DP_CTRL -> receiver.writeRxDpCtrl(value);
      case PMT_CTRL -> writePmtCtrl(value);
      // GPIO pins (LEDs on the board) and their interrupts are not modelled; the value is kept.
      case GPIO_CFG -> gpioCfg = value & 0x7777_071f;
      case GPT_CFG -> gpt.writeCfg(value);
      // Only matters in 16-bit bus mode, which this board does not use.
      case WORD_SWAP -> wordSwap = value;
      case MAC_CSR_CMD -> writeMacCsrCmd(value);
      case MAC_CSR_DATA -> macCsrData = value;
      // Automatic flow control sends pause frames; not modelled, the value is kept.
      case AFC_CFG -> afcCfg = value & 0x00ff_ffff;
      case E2P_CMD -> writeE2pCmd(value);
      case E2P_DATA -> eeprom.setData(value);
      case RX_DATA_FIFO, RX_STATUS_FIFO, TX_STATUS_FIFO, RX_DROP ->
          GuestError.log(name, "write of 0x%08x to read-only %s", value, r.name());
      default -> throw new AssertionError(r);
    }
    updateIrq();
  }

  private boolean wholeWordForFifo(SystemCsr r, int size) {
    if (size != 4 && r.isFifoPort()) {
      GuestError.log(name, "%d-byte access to FIFO port %s ignored", size, r.name());
      return false;
    }
    return true;
  }

  // ---- interrupts ----------------------------------------------------------------------------

  /** INT_STS as read: the latched bits plus PHY_INT, which follows the PHY's output. */
  private int intStsView() {
    return intSts | (phy.interruptPending() ? IntSts.PHY_INT : 0);
  }

  private void raise(int bits) {
    intSts |= bits;
    updateIrq();
  }

  private void updateIrq() {
    irqPin.update((intStsView() & intEn) != 0);
  }

  private void writeIntEn(int value) {
    intEn = value & ~IntSts.RESERVED;
    // SW_INT: set by writing SW_INT_EN (datasheet 5.3, INT_EN; QEMU does the same on every write).
    intSts |= value & IntSts.SW_INT;
  }

  /** FIFO_INT: TX data available level (x64 bytes), TX status level, RX status level. */
  private void writeFifoInt(int value) {
    fifoInt = value;
    checkRxLevels();
    checkTxLevels();
  }

  private void checkRxLevels() {
    if (rxFifo.statusUsed() > (fifoInt & 0xff)) {
      intSts |= IntSts.RSFL;
    }
    if (rxFifo.statusFull()) {
      intSts |= IntSts.RSFF;
    }
    updateIrq();
  }

  private void checkTxLevels() {
    if (txStatus.size() > ((fifoInt >>> 16) & 0xff)) {
      intSts |= IntSts.TSFL;
    }
    if (txStatus.isFull()) {
      intSts |= IntSts.TSFF;
    }
    if (txData.freeBytes() > ((fifoInt >>> 24) & 0xff) * 64) {
      intSts |= IntSts.TDFA;
    }
    updateIrq();
  }

  // ---- configuration -------------------------------------------------------------------------

  private void writeHwCfg(int value) {
    if ((value & HW_CFG_SRST) != 0) {
      softReset();
      return;
    }
    int txFifSz = (value >>> HW_CFG_TX_FIF_SZ_SHIFT) & 0xf;
    if (!FifoSizes.valid(txFifSz)) {
      GuestError.log(name, "HW_CFG 0x%08x: TX_FIF_SZ %d out of range 2..14", value, txFifSz);
      return;
    }
    int before = (hwCfg >>> HW_CFG_TX_FIF_SZ_SHIFT) & 0xf;
    if (txFifSz != before) {
      if (txData.usedBytes() != 0 || rxFifo.dataUsedBytes() != 0) {
        GuestError.log(name, "TX_FIF_SZ changed with data in the FIFOs");
      }
      resize(FifoSizes.of(txFifSz));
    }
    hwCfg = (value & (HW_CFG_MBO | 0xf << HW_CFG_TX_FIF_SZ_SHIFT)) | HW_CFG_32BIT;
  }

  private void resize(FifoSizes sizes) {
    txData.setCapacity(sizes.txDataBytes());
    txStatus.resize(sizes.txStatusWords());
    rxFifo.resize(sizes);
  }

  private void writePmtCtrl(int value) {
    if ((value & PMT_CTRL_PHY_RST) != 0) {
      phy.reset();
    }
    if ((value & PMT_CTRL_PM_MODE) != 0) {
      GuestError.unimplemented(name, "power management mode (PMT_CTRL=0x%08x)", value);
    }
    pmtCtrl = value & PMT_CTRL_WRITABLE;
  }

  private void writeMacCsrCmd(int value) {
    // The access completes at once, so CSR_BUSY never reads back as 1.
    macCsrCmd = value & (MAC_CSR_READ | 0xff);
    if ((value & MAC_CSR_BUSY) == 0) {
      return;
    }
    int index = value & 0xff;
    if (!MacCsrs.exists(index)) {
      GuestError.log(name, "MAC_CSR_CMD 0x%08x: no MAC CSR %d", value, index);
      if ((value & MAC_CSR_READ) != 0) {
        macCsrData = 0;
      }
      return;
    }
    if ((value & MAC_CSR_READ) != 0) {
      macCsrData = macCsrs.read(index);
    } else {
      macCsrs.write(index, macCsrData);
    }
  }

  private void macCrChanged(int before, int after) {
    if ((before & MacCsrs.MAC_CR_RXEN) != 0 && (after & MacCsrs.MAC_CR_RXEN) == 0) {
      intSts |= IntSts.RXSTOP_INT;
    }
    transmitter.setMacTxEnabled((after & MacCsrs.MAC_CR_TXEN) != 0);
  }

  private void writeE2pCmd(int value) {
    MacAddress loaded = eeprom.command(value);
    if (loaded != null) {
      macCsrs.loadAddress(loaded);
    }
  }

  private long freeRunTicks() {
    // FREE_RUN counts at 25 MHz: one tick per 40 ns of virtual time.
    return scheduler.clock().nanos() / 40;
  }

  // ---- receive -------------------------------------------------------------------------------

  /** A frame's last bit arrived over the cable. */
  private void wireArrival(byte[] frame) {
    if (NET.isTraceEnabled()) {
      NET.trace("{}: rx {} bytes at cycle {}", name, frame.length, scheduler.clock().now());
    }
    // In PHY loopback the receiver hears only its own transmitter; without carrier, nothing.
    if (phy.carrier() && !phy.loopback()) {
      receiver.receive(frame);
    }
  }

  // ---- transmit ------------------------------------------------------------------------------

  private int popTxStatus() {
    if (txStatus.isEmpty()) {
      GuestError.log(name, "TX status FIFO read while empty");
      return 0;
    }
    int v = txStatus.pop();
    // A transmitter waiting for status space (TXSAO clear) may go on.
    transmitter.kick();
    return v;
  }

  /** PHY loopback (BCR) or MAC internal loopback (MAC_CR.LOOPBK): TX frames come back to RX. */
  private boolean loopback() {
    return phy.loopback() || (macCsrs.macCr() & MacCsrs.MAC_CR_LOOPBK) != 0;
  }

  /** A frame has left the MAC: to the cable, or back to our receiver in loopback. */
  private void onFrameSent(TxFrame frame) {
    byte[] bytes = frame.withoutFcs();
    if (NET.isTraceEnabled()) {
      NET.trace("{}: tx {} bytes, tag 0x{} at cycle {}{}", name, bytes.length,
          Integer.toHexString(frame.tag()), scheduler.clock().now(),
          loopback() ? " (loopback)" : "");
    }
    if (loopback()) {
      receiver.receive(bytes);
    } else {
      port.transmit(bytes);
    }
  }
}
