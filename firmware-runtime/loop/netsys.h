/*
 * Glue between the board's network device, the stack and the loop: receives frames when the
 * device interrupt flagged them, runs stack timers, and brings the interface up.
 */
#ifndef RT_NETSYS_H
#define RT_NETSYS_H

#include <stdint.h>

#define RT_NET_DHCP 1
#define RT_NET_STATIC 0

/* Starts the device and the stack, then (with RT_NET_DHCP) waits up to timeout_ms for a DHCP
 * lease or the static fallback; RT_NET_STATIC uses the netconfig.h static address at once.
 * Returns 0, -ENODEV without a device, or -ETIMEDOUT. */
int rt_net_start(int mode, uint32_t timeout_ms);

/* Non-zero once rt_net_start succeeded. */
int rt_net_running(void);

/* Receives flagged frames and runs due stack timers. Called by the loop and by poll. */
void rt_net_service(void);

/* Non-zero when received frames wait to be processed. */
int rt_net_rx_pending(void);

/* Sleeps in WFI until deadline or an interrupt (the timebase is armed for deadline), unless
 * work is pending or deadline has passed. */
void rt_idle_until(uint32_t deadline);

#endif
