#include "lan9118.h"

#include <string.h>

/* System CSRs, datasheet section 5.3 (offsets from the base). */
#define RX_DATA_FIFO 0x00
#define TX_DATA_FIFO 0x20
#define RX_STATUS_FIFO 0x40
#define TX_STATUS_FIFO 0x48
#define ID_REV 0x50
#define IRQ_CFG 0x54
#define INT_STS 0x58
#define INT_EN 0x5C
#define BYTE_TEST 0x64
#define FIFO_INT 0x68
#define RX_CFG 0x6C
#define TX_CFG 0x70
#define HW_CFG 0x74
#define RX_FIFO_INF 0x7C
#define TX_FIFO_INF 0x80
#define PMT_CTRL 0x84
#define MAC_CSR_CMD 0xA4
#define MAC_CSR_DATA 0xA8
#define AFC_CFG 0xAC

#define BYTE_TEST_VALUE 0x87654321u

#define IRQ_CFG_IRQ_EN (1u << 8)
#define IRQ_CFG_IRQ_POL (1u << 4)  /* 1 = active high */
#define IRQ_CFG_IRQ_TYPE (1u << 0) /* 1 = push-pull */

#define INT_RSFL (1u << 3)
#define INT_RXE (1u << 14)
#define INT_TXE (1u << 13)
#define INT_PHY (1u << 18)

#define HW_CFG_SRST (1u << 0)
#define HW_CFG_TX_FIF_SZ(n) ((uint32_t)(n) << 16)
#define HW_CFG_MBO (1u << 20)

#define PMT_CTRL_READY (1u << 0)
#define TX_CFG_TX_ON (1u << 1)
#define TX_CFG_TXSAO (1u << 2)

#define MAC_CSR_BUSY (1u << 31)
#define MAC_CSR_READ (1u << 30)

/* MAC CSR indices, datasheet 5.4. */
#define MAC_CR 1
#define MAC_ADDRH 2
#define MAC_ADDRL 3
#define MII_ACC 6
#define MII_DATA 7

#define MAC_CR_RXEN (1u << 2)
#define MAC_CR_TXEN (1u << 3)
#define MAC_CR_FDPX (1u << 20)

#define MII_ACC_BUSY (1u << 0)
#define MII_ACC_WRITE (1u << 1)
#define PHY_ADDR 1u

/* PHY registers, datasheet 5.5. */
#define PHY_BCR 0
#define PHY_BSR 1
#define PHY_BCR_RESET (1u << 15)
#define PHY_BCR_ANENABLE (1u << 12)
#define PHY_BCR_ANRESTART (1u << 9)
#define PHY_BSR_LINK (1u << 2)

/* RX status word, datasheet 3.13.3. */
#define RXS_ES (1u << 15)
#define RXS_LEN(s) (((s) >> 16) & 0x3FFFu)

/* TX command A/B, datasheet 3.13.2.1. */
#define TXA_FIRST_SEG (1u << 13)
#define TXA_LAST_SEG (1u << 12)

#define FCS_LEN 4
#define SPIN_LIMIT 100000

static inline volatile uint32_t *reg(const struct lan9118 *nic, uint32_t off) {
  return (volatile uint32_t *)(nic->base + off);
}

static int wait_clear(const struct lan9118 *nic, uint32_t off, uint32_t mask) {
  for (int i = 0; i < SPIN_LIMIT; i++) {
    if ((*reg(nic, off) & mask) == 0) {
      return 0;
    }
  }
  return -1;
}

static uint32_t mac_read(struct lan9118 *nic, uint32_t index) {
  wait_clear(nic, MAC_CSR_CMD, MAC_CSR_BUSY);
  *reg(nic, MAC_CSR_CMD) = MAC_CSR_BUSY | MAC_CSR_READ | index;
  wait_clear(nic, MAC_CSR_CMD, MAC_CSR_BUSY);
  return *reg(nic, MAC_CSR_DATA);
}

static void mac_write(struct lan9118 *nic, uint32_t index, uint32_t value) {
  wait_clear(nic, MAC_CSR_CMD, MAC_CSR_BUSY);
  *reg(nic, MAC_CSR_DATA) = value;
  *reg(nic, MAC_CSR_CMD) = MAC_CSR_BUSY | index;
  wait_clear(nic, MAC_CSR_CMD, MAC_CSR_BUSY);
}

static void mii_wait(struct lan9118 *nic) {
  for (int i = 0; i < SPIN_LIMIT; i++) {
    if ((mac_read(nic, MII_ACC) & MII_ACC_BUSY) == 0) {
      return;
    }
  }
}

static uint16_t phy_read(struct lan9118 *nic, uint32_t index) {
  mii_wait(nic);
  mac_write(nic, MII_ACC, (PHY_ADDR << 11) | (index << 6) | MII_ACC_BUSY);
  mii_wait(nic);
  return (uint16_t)mac_read(nic, MII_DATA);
}

static void phy_write(struct lan9118 *nic, uint32_t index, uint16_t value) {
  mii_wait(nic);
  mac_write(nic, MII_DATA, value);
  mac_write(nic, MII_ACC, (PHY_ADDR << 11) | (index << 6) | MII_ACC_WRITE | MII_ACC_BUSY);
  mii_wait(nic);
}

static int lan9118_link_up(struct rt_netdev *dev) {
  struct lan9118 *nic = (struct lan9118 *)dev;
  /* BSR link status latches low (IEEE 802.3 22.2.4.2.13): read twice for the current state. */
  (void)phy_read(nic, PHY_BSR);
  return (phy_read(nic, PHY_BSR) & PHY_BSR_LINK) != 0;
}

static int lan9118_send(struct rt_netdev *dev, const uint8_t *frame, size_t len) {
  struct lan9118 *nic = (struct lan9118 *)dev;
  if (len == 0 || len > 1514) {
    dev->tx_errors++;
    return -1;
  }
  /* Drain TX status words so the status FIFO never fills (we do not act on them). */
  while ((*reg(nic, TX_FIFO_INF) >> 16) & 0xFFu) {
    uint32_t status = *reg(nic, TX_STATUS_FIFO);
    if (status & (1u << 15)) {
      dev->tx_errors++;
    }
  }
  /* TDFREE (bytes) must hold the two command words and the padded data (datasheet 3.13.2). */
  uint32_t need = 8 + ((len + 3) & ~3u);
  int spins = 0;
  while ((*reg(nic, TX_FIFO_INF) & 0xFFFFu) < need) {
    if (++spins > SPIN_LIMIT) {
      dev->tx_errors++;
      return -1;
    }
  }
  nic->tx_tag++;
  *reg(nic, TX_DATA_FIFO) = TXA_FIRST_SEG | TXA_LAST_SEG | (uint32_t)len;
  *reg(nic, TX_DATA_FIFO) = ((uint32_t)nic->tx_tag << 16) | (uint32_t)len;
  size_t i = 0;
  for (; i + 4 <= len; i += 4) {
    uint32_t w; /* little-endian core: the FIFO's byte order; ARMv7-M loads unaligned words */
    memcpy(&w, frame + i, 4);
    *reg(nic, TX_DATA_FIFO) = w;
  }
  if (i < len) {
    uint32_t w = 0;
    for (size_t k = 0; i + k < len; k++) {
      w |= (uint32_t)frame[i + k] << (8 * k);
    }
    *reg(nic, TX_DATA_FIFO) = w;
  }
  dev->tx_frames++;
  return 0;
}

/* Skips the current frame's data by reading it out. RX_FFWD (datasheet 3.13.1.1) would be
 * faster for long frames, but QEMU's model does not release the FIFO space on fast-forward, so
 * reading is the portable choice; error frames are rare. */
static void discard(struct lan9118 *nic, uint32_t words) {
  while (words--) {
    (void)*reg(nic, RX_DATA_FIFO);
  }
}

static int lan9118_recv(struct rt_netdev *dev, uint8_t *buf, size_t cap) {
  struct lan9118 *nic = (struct lan9118 *)dev;
  for (;;) {
    if (((*reg(nic, RX_FIFO_INF) >> 16) & 0xFFu) == 0) {
      return 0;
    }
    uint32_t status = *reg(nic, RX_STATUS_FIFO);
    uint32_t len = RXS_LEN(status);
    uint32_t words = (len + 3) / 4;
    if ((status & RXS_ES) || len < 14 + FCS_LEN || len - FCS_LEN > cap) {
      dev->rx_errors++;
      discard(nic, words);
      continue;
    }
    /* Whole words while they fit in the frame's data, then the tail bytes; the FCS and the
     * padding are read out and dropped, so nothing past data_len (<= cap) is written. */
    uint32_t data_len = len - FCS_LEN;
    uint32_t w = 0;
    for (; (w + 1) * 4 <= data_len; w++) {
      uint32_t v = *reg(nic, RX_DATA_FIFO);
      memcpy(buf + w * 4, &v, 4);
    }
    for (; w < words; w++) {
      uint32_t v = *reg(nic, RX_DATA_FIFO);
      for (uint32_t at = w * 4, k = 0; k < 4 && at < data_len; k++, at++) {
        buf[at] = (uint8_t)(v >> (8 * k));
      }
    }
    dev->rx_frames++;
    return (int)data_len;
  }
}

void lan9118_isr(struct lan9118 *nic) {
  uint32_t sts = *reg(nic, INT_STS) & *reg(nic, INT_EN);
  *reg(nic, INT_STS) = sts; /* write-1-to-clear */
  if (sts & (INT_RSFL | INT_RXE)) {
    nic->dev.rx_pending = 1;
  }
}

static int valid_mac(const uint8_t *m) {
  static const uint8_t zero[6], ones[6] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return memcmp(m, zero, 6) != 0 && memcmp(m, ones, 6) != 0 && (m[0] & 1) == 0;
}

int lan9118_init(struct lan9118 *nic, uintptr_t base, const uint8_t fallback_mac[6]) {
  memset(nic, 0, sizeof *nic);
  nic->base = base;
  nic->dev.send = lan9118_send;
  nic->dev.recv = lan9118_recv;
  nic->dev.link_up = lan9118_link_up;

  /* Datasheet 3.11: BYTE_TEST reads 0x87654321 once the host interface is up. */
  if (*reg(nic, BYTE_TEST) != BYTE_TEST_VALUE) {
    return -1;
  }
  nic->chip_id = *reg(nic, ID_REV);

  *reg(nic, HW_CFG) = HW_CFG_SRST;
  if (wait_clear(nic, HW_CFG, HW_CFG_SRST) != 0) {
    return -1;
  }
  for (int i = 0; i < SPIN_LIMIT && (*reg(nic, PMT_CTRL) & PMT_CTRL_READY) == 0; i++) {
  }
  /* Default TX FIFO size (5 KiB), must-be-one bit set (datasheet 5.3.9). */
  *reg(nic, HW_CFG) = HW_CFG_TX_FIF_SZ(5) | HW_CFG_MBO;

  phy_write(nic, PHY_BCR, PHY_BCR_RESET);
  for (int i = 0; i < 1000 && (phy_read(nic, PHY_BCR) & PHY_BCR_RESET); i++) {
  }
  phy_write(nic, PHY_BCR, PHY_BCR_ANENABLE | PHY_BCR_ANRESTART);

  uint32_t lo = mac_read(nic, MAC_ADDRL), hi = mac_read(nic, MAC_ADDRH);
  uint8_t mac[6] = {(uint8_t)lo, (uint8_t)(lo >> 8), (uint8_t)(lo >> 16), (uint8_t)(lo >> 24),
                    (uint8_t)hi, (uint8_t)(hi >> 8)};
  if (!valid_mac(mac)) {
    memcpy(mac, fallback_mac, 6);
    mac_write(nic, MAC_ADDRL,
              (uint32_t)mac[0] | (uint32_t)mac[1] << 8 | (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24);
    mac_write(nic, MAC_ADDRH, (uint32_t)mac[4] | (uint32_t)mac[5] << 8);
  }
  memcpy(nic->dev.mac, mac, 6);

  /* Flow control off; RX data starts at offset 0 with 4-byte end alignment. */
  *reg(nic, AFC_CFG) = 0;
  *reg(nic, RX_CFG) = 0;
  /* Interrupt when at least one RX status word is waiting (RX status level 0). */
  *reg(nic, FIFO_INT) = 0x48000000u;
  *reg(nic, INT_STS) = 0xFFFFFFFFu;
  *reg(nic, INT_EN) = INT_RSFL | INT_RXE;
  *reg(nic, IRQ_CFG) = IRQ_CFG_IRQ_EN | IRQ_CFG_IRQ_POL | IRQ_CFG_IRQ_TYPE;

  /* Receive own-address and broadcast frames, full duplex, then start both directions. */
  mac_write(nic, MAC_CR, MAC_CR_FDPX | MAC_CR_TXEN | MAC_CR_RXEN);
  *reg(nic, TX_CFG) = TX_CFG_TX_ON | TX_CFG_TXSAO;
  return 0;
}
