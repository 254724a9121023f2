#include "cmsdk_dualtimer.h"

#include "mmio.h"

/* Timer 1 and timer 2 register blocks (DDI 0479C, "Dual-input timers memory map"). */
#define TIMER2_OFFSET 0x20u
#define T_LOAD 0x00u
#define T_CONTROL 0x08u
#define T_INTCLR 0x0Cu

/* TimerXControl: OneShot (bit 0), TimerSize 32-bit (bit 1), IntEnable (bit 5), TimerEn (bit 7).
 * Mode (bit 6) stays 0 (free-running) and Prescale (bits 3:2) 0 (divide by 1). */
#define CTRL_ONESHOT (1u << 0)
#define CTRL_SIZE32 (1u << 1)
#define CTRL_INTEN (1u << 5)
#define CTRL_EN (1u << 7)

static struct {
  uintptr_t base;
  uint32_t cycles_per_us;
  void (*volatile fired)(void);
} D;

void cmsdk_dualtimer_init(uintptr_t base, uint32_t pclk_hz) {
  D.base = base;
  D.cycles_per_us = pclk_hz / 1000000u;
  D.fired = 0;
  for (uintptr_t t = base; t <= base + TIMER2_OFFSET; t += TIMER2_OFFSET) {
    mmio_write32(t + T_CONTROL, 0);
    mmio_write32(t + T_INTCLR, 1);
  }
}

uint32_t rt_alarm_max_us(void) { return 0xFFFFFFFFu / D.cycles_per_us; }

/* Writing TimerXLoad reloads the counter at once (SP804 TRM), so the count starts now. A load
 * of 0 would interrupt at once on QEMU but is unspecified in the TRM: use 1 cycle. */
void rt_alarm_arm_us(uint32_t us, void (*fired)(void)) {
  uint32_t max = rt_alarm_max_us();
  uint32_t cycles = (us > max ? max : us) * D.cycles_per_us;
  mmio_write32(D.base + T_CONTROL, 0);
  mmio_write32(D.base + T_INTCLR, 1);
  D.fired = fired;
  mmio_write32(D.base + T_LOAD, cycles ? cycles : 1u);
  mmio_write32(D.base + T_CONTROL, CTRL_EN | CTRL_INTEN | CTRL_SIZE32 | CTRL_ONESHOT);
}

void rt_alarm_cancel(void) {
  mmio_write32(D.base + T_CONTROL, 0);
  mmio_write32(D.base + T_INTCLR, 1);
  D.fired = 0;
}

/* One-shot: the counter stops at 0; stop it explicitly too and clear the interrupt, then run
 * the handler once. */
void cmsdk_dualtimer_isr(void) {
  mmio_write32(D.base + T_CONTROL, 0);
  mmio_write32(D.base + T_INTCLR, 1);
  void (*f)(void) = D.fired;
  D.fired = 0;
  if (f) f();
}
