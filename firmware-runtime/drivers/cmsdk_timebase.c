#include "cmsdk_timebase.h"

#include "cpu.h"
#include "mmio.h"

/* APB timer register offsets (DDI 0479C, "APB timer memory map"). */
#define TIMER_CTRL 0x00u
#define TIMER_VALUE 0x04u
#define TIMER_RELOAD 0x08u
#define TIMER_INTSTATUS 0x0Cu /* INTCLEAR on write: write 1 to clear */

#define CTRL_EN (1u << 0)
#define CTRL_IRQEN (1u << 3)
#define INT_IRQ (1u << 0)

#define COUNTER_RELOAD 0xFFFFFFFFu

static struct {
  uintptr_t counter, alarm; /* base addresses */
  uint32_t cycles_per_ms, cycles_per_us;
  volatile uint32_t wraps; /* counter interrupts taken by the ISR */
} T;

void cmsdk_timebase_init(uintptr_t counter_base, uintptr_t alarm_base, uint32_t pclk_hz) {
  T.counter = counter_base;
  T.alarm = alarm_base;
  T.cycles_per_ms = pclk_hz / 1000u;
  T.cycles_per_us = pclk_hz / 1000000u;
  T.wraps = 0;
  mmio_write32(alarm_base + TIMER_CTRL, 0);
  mmio_write32(alarm_base + TIMER_INTSTATUS, INT_IRQ);
  mmio_write32(counter_base + TIMER_CTRL, 0);
  mmio_write32(counter_base + TIMER_INTSTATUS, INT_IRQ);
  /* QEMU also loads VALUE when RELOAD is written; the TRM loads it only at the next reload,
   * so write both and the count starts at the same value on either. */
  mmio_write32(counter_base + TIMER_RELOAD, COUNTER_RELOAD);
  mmio_write32(counter_base + TIMER_VALUE, COUNTER_RELOAD);
  mmio_write32(counter_base + TIMER_CTRL, CTRL_EN | CTRL_IRQEN);
}

/* The counter interrupts as VALUE goes 1 -> 0, holds 0 for one cycle and reloads on the next
 * (QEMU's documented reading of the TRM), so a period is RELOAD + 1 = 2^32 cycles and the
 * interrupt comes one cycle before the period ends. With W interrupts so far (taken or still
 * pending) and VALUE = v, the elapsed cycle count is W * 2^32 + (RELOAD - v), except while v
 * is 0: that cycle still belongs to the period the latest interrupt announced.
 *
 * Interrupts are masked so the ISR cannot count a wrap between the reads; INTSTATUS is read
 * on both sides of VALUE so a wrap between the reads is seen (the pair then disagrees). */
uint64_t cmsdk_timebase_cycles(void) {
  uint32_t m = cpu_irq_save();
  uint32_t before, value, after;
  do {
    before = mmio_read32(T.counter + TIMER_INTSTATUS) & INT_IRQ;
    value = mmio_read32(T.counter + TIMER_VALUE);
    after = mmio_read32(T.counter + TIMER_INTSTATUS) & INT_IRQ;
  } while (before != after);
  uint64_t wraps = (uint64_t)T.wraps + before;
  cpu_irq_restore(m);
  if (value == 0 && wraps > 0) {
    return ((wraps - 1) << 32) + COUNTER_RELOAD; /* the last cycle of the announced period */
  }
  return (wraps << 32) + (COUNTER_RELOAD - value);
}

uint32_t rt_ticks_ms(void) { return (uint32_t)(cmsdk_timebase_cycles() / T.cycles_per_ms); }

uint32_t rt_ticks_us(void) { return (uint32_t)(cmsdk_timebase_cycles() / T.cycles_per_us); }

void cmsdk_timebase_counter_isr(void) {
  mmio_write32(T.counter + TIMER_INTSTATUS, INT_IRQ);
  T.wraps++;
}

/* The alarm already stays at 0 (RELOAD = 0); stopping it makes that explicit on any model. */
void cmsdk_timebase_alarm_isr(void) {
  mmio_write32(T.alarm + TIMER_CTRL, 0);
  mmio_write32(T.alarm + TIMER_INTSTATUS, INT_IRQ);
}

void rt_timebase_wake_never(void) {
  mmio_write32(T.alarm + TIMER_CTRL, 0);
  mmio_write32(T.alarm + TIMER_INTSTATUS, INT_IRQ);
}

void rt_timebase_wake_at(uint32_t deadline_ms) {
  uint64_t now = cmsdk_timebase_cycles();
  uint64_t now_ms = now / T.cycles_per_ms;
  int32_t ahead = (int32_t)(deadline_ms - (uint32_t)now_ms); /* deadlines wrap like ticks */
  uint64_t delay = 1; /* a due deadline: fire on the next cycle */
  if (ahead > 0) {
    delay = (now_ms + (uint32_t)ahead) * T.cycles_per_ms - now;
  }
  /* Longer than one 32-bit count: wake early; the loop finds nothing due and sleeps again. */
  if (delay > 0xFFFFFFFFu) {
    delay = 0xFFFFFFFFu;
  }
  mmio_write32(T.alarm + TIMER_CTRL, 0);
  mmio_write32(T.alarm + TIMER_INTSTATUS, INT_IRQ);
  /* RELOAD = 0 makes the count one-shot: after the 1 -> 0 step it reloads 0 and stays there
   * (TRM; QEMU and vboard stop the timer). The interrupt comes `delay` cycles after VALUE is
   * loaded. RELOAD first, because QEMU copies a RELOAD write into VALUE. A periodic alarm
   * (RELOAD = delay) is not equivalent: on QEMU 7.2 with -icount shift=0,sleep=off the core
   * left WFI only at the second expiry, so every sleep measured twice its length. */
  mmio_write32(T.alarm + TIMER_RELOAD, 0);
  mmio_write32(T.alarm + TIMER_VALUE, (uint32_t)delay);
  mmio_write32(T.alarm + TIMER_CTRL, CTRL_EN | CTRL_IRQEN);
}
