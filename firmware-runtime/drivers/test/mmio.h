/* Host test double of lib/mmio.h: register accesses go to the test's device model. */
#ifndef RT_MMIO_H
#define RT_MMIO_H

#include <stdint.h>

uint32_t fake_mmio_read32(uintptr_t addr);
void fake_mmio_write32(uintptr_t addr, uint32_t value);

static inline uint32_t mmio_read32(uintptr_t addr) { return fake_mmio_read32(addr); }
static inline void mmio_write32(uintptr_t addr, uint32_t value) { fake_mmio_write32(addr, value); }

#endif
