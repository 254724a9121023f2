package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.Access;
import dev.vboard.emulator.peripheral.RegisterBank;

/**
 * The LAN9118's directly addressed registers: FIFO ports and system CSRs (datasheet 5.3, table
 * "System control and status registers"). The RX data port answers at 0x00-0x1c and the TX data
 * port at 0x20-0x3c (aliases for burst access); {@link Lan9118} folds those onto the first
 * offset before looking a register up. 0x60, 0x94 and 0xb8-0xfc are reserved.
 */
enum SystemCsr implements RegisterBank.Register {
  RX_DATA_FIFO(0x00, Access.RC),
  TX_DATA_FIFO(0x20, Access.WO),
  RX_STATUS_FIFO(0x40, Access.RC),
  RX_STATUS_FIFO_PEEK(0x44, Access.RO),
  TX_STATUS_FIFO(0x48, Access.RC),
  TX_STATUS_FIFO_PEEK(0x4c, Access.RO),
  ID_REV(0x50, Access.RO),
  IRQ_CFG(0x54, Access.RW),
  INT_STS(0x58, Access.W1C),
  INT_EN(0x5c, Access.RW),
  BYTE_TEST(0x64, Access.RO),
  FIFO_INT(0x68, Access.RW),
  RX_CFG(0x6c, Access.RW),
  TX_CFG(0x70, Access.RW),
  HW_CFG(0x74, Access.RW),
  RX_DP_CTRL(0x78, Access.RW),
  RX_FIFO_INF(0x7c, Access.RO),
  TX_FIFO_INF(0x80, Access.RO),
  PMT_CTRL(0x84, Access.RW),
  GPIO_CFG(0x88, Access.RW),
  GPT_CFG(0x8c, Access.RW),
  GPT_CNT(0x90, Access.RO),
  WORD_SWAP(0x98, Access.RW),
  FREE_RUN(0x9c, Access.RO),
  RX_DROP(0xa0, Access.RC),
  MAC_CSR_CMD(0xa4, Access.RW),
  MAC_CSR_DATA(0xa8, Access.RW),
  AFC_CFG(0xac, Access.RW),
  E2P_CMD(0xb0, Access.RW),
  E2P_DATA(0xb4, Access.RW);

  private final int offset;
  private final Access access;

  SystemCsr(int offset, Access access) {
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

  /** Folds the aliased FIFO port addresses onto their first offset. */
  static int canonicalOffset(int offset) {
    if (offset >= 0 && offset < 0x20) {
      return (offset & 3) | RX_DATA_FIFO.offset;
    }
    if (offset >= 0x20 && offset < 0x40) {
      return (offset & 3) | TX_DATA_FIFO.offset;
    }
    return offset;
  }

  /** The data FIFO ports pop or push a whole DWORD per access. */
  boolean isFifoPort() {
    return this == RX_DATA_FIFO || this == TX_DATA_FIFO || this == RX_STATUS_FIFO
        || this == TX_STATUS_FIFO;
  }
}
