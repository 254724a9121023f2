/*
 * SMSC LAN9118 10/100 Ethernet controller (SMSC LAN9118 datasheet, rev. 1.5): host data and
 * status FIFOs, system control and status registers (CSRs), MAC CSRs reached through
 * MAC_CSR_CMD/MAC_CSR_DATA, and the internal PHY (address 1) through MII_ACC/MII_DATA.
 *
 * Reception is interrupt driven: RSFL (RX status FIFO level) raises IRQ; the handler acks it and
 * flags the device, and the stack pulls frames out of the FIFOs outside interrupt context.
 * Known model differences handled here: QEMU's model returns 0 for busy bits (commands complete
 * at once) and implements only MAC CSRs 1..8 and PHY registers 0..6, 29, 30, so this driver
 * touches nothing else; the IRQ pin must be configured push-pull active-high, otherwise the
 * line idles asserted (datasheet 5.3, IRQ_CFG).
 */
#ifndef LAN9118_H
#define LAN9118_H

#include <stdint.h>

#include "rt_netdev.h"

struct lan9118 {
  struct rt_netdev dev; /* first, so a netdev pointer converts back */
  uintptr_t base;
  uint32_t chip_id;
  uint16_t tx_tag;
};

/* Not ISR-safe. Soft-resets the chip, resets the PHY and starts auto-negotiation, sets the MAC address
 * (keeps the EEPROM-loaded one if valid, otherwise fallback_mac), enables TX, RX and the RX
 * interrupt. Returns 0, or -1 if no LAN9118 answers at base. */
int lan9118_init(struct lan9118 *nic, uintptr_t base, const uint8_t fallback_mac[6]);

/* The interrupt handler body: acks INT_STS and sets dev.rx_pending; only this runs in the ISR.
 * The rt_netdev operations (send, recv, link_up) are not ISR-safe. */
void lan9118_isr(struct lan9118 *nic);

#endif
