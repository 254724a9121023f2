/*
 * The LAN9118 brought up the way a polling driver written against the datasheet and the
 * programmer's guide does it (SMSC AN 12.12; MicroPython's QEMU port drives it this way): wait
 * for PMT_CTRL.READY, check BYTE_TEST, soft reset through HW_CFG.SRST with a 10 us timeout,
 * size the TX FIFO, program the MAC address and MAC_CR through MAC_CSR_CMD/DATA and the PHY
 * through MII_ACC/MII_DATA. Then frames go round the PHY's internal loopback (BMCR bit 14, the
 * loopback QEMU 7.2 implements) and the RX FIFO is dumped word by word, the four bytes after
 * the frame included.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define ETH_BASE 0x40200000u
#define ETH(off) REG32(ETH_BASE + (off))
#define RX_DATA_FIFO 0x00
#define TX_DATA_FIFO 0x20
#define RX_STATUS_FIFO 0x40
#define TX_STATUS_FIFO 0x48
#define ID_REV 0x50
#define INT_STS 0x58
#define BYTE_TEST 0x64
#define RX_CFG 0x6c
#define TX_CFG 0x70
#define HW_CFG 0x74
#define RX_FIFO_INF 0x7c
#define TX_FIFO_INF 0x80
#define PMT_CTRL 0x84
#define MAC_CSR_CMD 0xa4
#define MAC_CSR_DATA 0xa8

#define MAC_CR 1
#define ADDRH 2
#define ADDRL 3
#define MII_ACC 6
#define MII_DATA 7

#define SYST_CSR REG32(0xe000e010u)
#define SYST_RVR REG32(0xe000e014u)
#define SYST_CVR REG32(0xe000e018u)

static volatile uint32_t ms_ticks;
void SysTick_Handler(void) { ms_ticks++; }

/* Microseconds from the 1 ms SysTick and its down-counter, as a bare-metal HAL computes them. */
static uint32_t ticks_us(void) {
  uint32_t ms = ms_ticks;
  uint32_t cvr = SYST_CVR;
  return ms * 1000u + (SYST_RVR - cvr) * 1000u / 25000u;
}

static int poll(uint32_t off, uint32_t mask, uint32_t want, uint32_t timeout_us) {
  uint32_t start = ticks_us();
  while ((ETH(off) & mask) != want) {
    if (ticks_us() - start > timeout_us) {
      return -1;
    }
  }
  return 0;
}

static int mac_read(uint32_t reg, uint32_t *v) {
  ETH(MAC_CSR_CMD) = (1u << 31) | (1u << 30) | reg;
  if (poll(MAC_CSR_CMD, 1u << 31, 0, 1000) != 0) {
    return -1;
  }
  *v = ETH(MAC_CSR_DATA);
  return 0;
}

static int mac_write(uint32_t reg, uint32_t v) {
  ETH(MAC_CSR_DATA) = v;
  ETH(MAC_CSR_CMD) = (1u << 31) | reg;
  return poll(MAC_CSR_CMD, 1u << 31, 0, 1000);
}

static int phy_wait(void) {
  uint32_t acc;
  do {
    if (mac_read(MII_ACC, &acc) != 0) {
      return -1;
    }
  } while (acc & 1u);
  return 0;
}

static int phy_read(uint32_t reg, uint32_t *v) {
  if (mac_write(MII_ACC, (1u << 11) | (reg << 6) | 1u) != 0 || phy_wait() != 0) {
    return -1;
  }
  return mac_read(MII_DATA, v);
}

static int phy_write(uint32_t reg, uint32_t v) {
  if (mac_write(MII_DATA, v) != 0
      || mac_write(MII_ACC, (1u << 11) | (reg << 6) | 2u | 1u) != 0) {
    return -1;
  }
  return phy_wait();
}

static const uint8_t MAC[6] = {0x02, 0x00, 0x5e, 0x10, 0x20, 0x30};

/* Sends a frame of len bytes (to our own address) and dumps what the receiver got. */
static void loop_frame(uint32_t len, uint8_t seed) {
  uint32_t words[400];
  uint8_t *bytes = (uint8_t *)words;
  for (uint32_t i = 0; i < len; i++) {
    bytes[i] = i < 6 ? MAC[i] : i < 12 ? MAC[i - 6] : (uint8_t)(seed + i * 7);
  }
  bytes[12] = 0x88;
  bytes[13] = 0xb5; /* local experimental EtherType */
  ETH(TX_DATA_FIFO) = (1u << 13) | (1u << 12) | len; /* first and last segment */
  ETH(TX_DATA_FIFO) = (seed << 16) | len;            /* tag and packet length */
  for (uint32_t i = 0; i < (len + 3) / 4; i++) {
    ETH(TX_DATA_FIFO) = words[i];
  }
  int got = poll(RX_FIFO_INF, 0xffu << 16, 1u << 16, 5000);
  int sent = poll(TX_FIFO_INF, 0xffu << 16, 1u << 16, 5000);
  printf("frame of %lu: received %s, TX status %s", (unsigned long)len, got ? "no" : "yes",
         sent ? "none" : "");
  if (!sent) {
    printf("%08lx", (unsigned long)ETH(TX_STATUS_FIFO));
  }
  printf("\n");
  if (got) {
    return;
  }
  uint32_t status = ETH(RX_STATUS_FIFO);
  uint32_t n = (((status >> 16) & 0x3fffu) + 3) / 4;
  printf("  RX status %08lx, %lu words:", (unsigned long)status, (unsigned long)n);
  for (uint32_t i = 0; i < n; i++) {
    printf("%s%08lx", i % 8 == 0 ? "\n   " : " ", (unsigned long)ETH(RX_DATA_FIFO));
  }
  printf("\n  RX_FIFO_INF %08lx\n", (unsigned long)ETH(RX_FIFO_INF));
}

int main(void) {
  SYST_RVR = 25000 - 1;
  SYST_CVR = 0;
  SYST_CSR = 7;

  printf("ID_REV %08lx BYTE_TEST %08lx\n", (unsigned long)ETH(ID_REV),
         (unsigned long)ETH(BYTE_TEST));
  printf("ready: %s\n", poll(PMT_CTRL, 1, 1, 10000) ? "timeout" : "yes");
  ETH(HW_CFG) |= 1u; /* SRST */
  printf("soft reset: %s\n", poll(HW_CFG, 1, 0, 10) ? "timeout" : "done");
  printf("after reset: HW_CFG %08lx PMT_CTRL %08lx TX_FIFO_INF %08lx INT_STS %08lx\n",
         (unsigned long)ETH(HW_CFG), (unsigned long)(ETH(PMT_CTRL) & 1u),
         (unsigned long)ETH(TX_FIFO_INF), (unsigned long)ETH(INT_STS));
  ETH(HW_CFG) = (ETH(HW_CFG) & ~(0xfu << 16)) | (5u << 16);

  uint32_t cr = 0;
  int err = mac_write(ADDRH, MAC[4] | MAC[5] << 8)
            || mac_write(ADDRL, MAC[0] | MAC[1] << 8 | MAC[2] << 16 | (uint32_t)MAC[3] << 24)
            || mac_read(MAC_CR, &cr);
  printf("MAC CSRs: %s, MAC_CR after reset %08lx\n", err ? "timeout" : "ok", (unsigned long)cr);
  uint32_t id1 = 0, id2 = 0, bmsr = 0;
  err = phy_read(2, &id1) || phy_read(3, &id2) || phy_read(1, &bmsr);
  printf("PHY: %s, ID %04lx:%04lx\n", err ? "timeout" : "ok", (unsigned long)id1,
         (unsigned long)id2);
  err = phy_write(0, 1u << 14); /* BMCR: loopback */
  uint32_t bmcr = 0;
  phy_read(0, &bmcr);
  printf("PHY loopback: %s, BMCR %04lx\n", err ? "timeout" : "ok", (unsigned long)bmcr);

  ETH(TX_CFG) = 1u << 1; /* TX_ON */
  mac_write(MAC_CR, cr | (1u << 3) | (1u << 2)); /* TXEN, RXEN */
  loop_frame(60, 1);
  loop_frame(61, 2);
  loop_frame(99, 3);
  return 0;
}
