/*
 * An Ethernet device as the network stack sees it: send a frame, receive a frame, link state.
 * Drivers embed this struct; the stack never touches registers.
 */
#ifndef RT_NETDEV_H
#define RT_NETDEV_H

#include <stddef.h>
#include <stdint.h>

struct rt_netdev {
  uint8_t mac[6];
  /* Queues one frame (without FCS) for transmission; returns 0, or -1 if it cannot. */
  int (*send)(struct rt_netdev *dev, const uint8_t *frame, size_t len);
  /* Copies the next received frame (without FCS) into buf; returns its length, 0 if none. */
  int (*recv)(struct rt_netdev *dev, uint8_t *buf, size_t cap);
  /* Non-zero when the PHY reports link up. */
  int (*link_up)(struct rt_netdev *dev);
  /* Set by the interrupt handler when frames may be waiting; cleared by the reader. */
  volatile uint32_t rx_pending;
  uint32_t tx_frames, rx_frames, rx_errors, tx_errors;
};

/* The board's network device, initialised on first call; NULL if there is none. */
struct rt_netdev *board_netdev(void);

#endif
