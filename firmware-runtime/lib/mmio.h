/*
 * 32-bit memory-mapped register access for drivers. One place for the volatile casts, and a
 * seam for host tests, which shadow this header with a model of the device's registers (for
 * write-1-to-clear bits, which plain memory cannot imitate).
 */
#ifndef RT_MMIO_H
#define RT_MMIO_H

#include <stdint.h>

static inline uint32_t mmio_read32(uintptr_t addr) { return *(volatile uint32_t *)addr; }

static inline void mmio_write32(uintptr_t addr, uint32_t value) {
  *(volatile uint32_t *)addr = value;
}

#endif
