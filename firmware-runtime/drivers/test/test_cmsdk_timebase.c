/*
 * Host tests of the tickless timebase's arithmetic (cmsdk_timebase.c) over two simulated CMSDK
 * APB timer register blocks. The test plays the hardware: it sets VALUE and INTSTATUS as the
 * timer would at each step (DDI 0479C; QEMU's reading: interrupt at the 1 -> 0 step, VALUE
 * holds 0 for one cycle, then reloads) and runs the ISR when the core would take it.
 */
#include <stdio.h>
#include <string.h>

#include "cmsdk_timebase.h"

uint32_t fake_primask;

enum { CTRL, VALUE, RELOAD, INTSTATUS };
static uint32_t counter[4] __attribute__((aligned(16))), alarm_regs[4] __attribute__((aligned(16)));

/* The register model behind mmio.h: INTSTATUS is write-1-to-clear, and a RELOAD write also
 * loads VALUE (QEMU; the TRM loads it at the next reload, the driver writes VALUE anyway). */
static uint32_t *reg(uintptr_t addr) {
  uint32_t *block = (addr & ~(uintptr_t)0xF) == (uintptr_t)counter ? counter : alarm_regs;
  return &block[(addr & 0xF) / 4];
}

uint32_t fake_mmio_read32(uintptr_t addr) { return *reg(addr); }

void fake_mmio_write32(uintptr_t addr, uint32_t value) {
  uint32_t *r = reg(addr);
  uint32_t *block = r - (addr & 0xF) / 4;
  if (r == &block[INTSTATUS]) {
    *r &= ~value;
    return;
  }
  *r = value;
  if (r == &block[RELOAD]) {
    block[VALUE] = value;
  }
}

#define HZ 25000000u
#define CYCLES_PER_MS 25000u
#define RELOAD_MAX 0xFFFFFFFFu

static int failures, checks;
#define CHECK_EQ(a, b)                                                                      \
  do {                                                                                      \
    unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b);          \
    checks++;                                                                               \
    if (a_ != b_) {                                                                         \
      printf("    %s:%d: %s == %llu, expected %llu\n", __FILE__, __LINE__, #a, a_, b_);     \
      failures++;                                                                           \
    }                                                                                       \
  } while (0)

static void start(void) {
  memset(counter, 0, sizeof counter);
  memset(alarm_regs, 0, sizeof alarm_regs);
  cmsdk_timebase_init((uintptr_t)counter, (uintptr_t)alarm_regs, HZ);
}

/* The counter after `elapsed` cycles of its first period (elapsed < 2^32). */
static void counter_at(uint64_t elapsed) { counter[VALUE] = (uint32_t)(RELOAD_MAX - elapsed); }

static void initStartsTheCounterFreeRunningFromAllOnes(void) {
  start();
  CHECK_EQ(counter[RELOAD], RELOAD_MAX);
  CHECK_EQ(counter[VALUE], RELOAD_MAX);
  CHECK_EQ(counter[CTRL], 0x9u); /* EN | IRQEN */
  CHECK_EQ(alarm_regs[CTRL], 0);
  CHECK_EQ(cmsdk_timebase_cycles(), 0);
  CHECK_EQ(rt_ticks_ms(), 0);
}

static void ticksAreCycleCountsScaledDown(void) {
  start();
  counter_at(25000u * 1234u + 24999u);
  CHECK_EQ(rt_ticks_ms(), 1234);
  CHECK_EQ(rt_ticks_us(), 1234999);
  counter_at(25000u * 1235u);
  CHECK_EQ(rt_ticks_ms(), 1235);
}

/* Steps through the cycles around a wrap, with the interrupt taken late, and checks that every
 * reading is exactly one cycle after the previous one. */
static void cyclesAdvanceByOneThroughAWrapWhateverTheIsrTiming(void) {
  start();
  uint64_t expect = RELOAD_MAX - 2;
  counter[VALUE] = 2;
  CHECK_EQ(cmsdk_timebase_cycles(), expect++);
  counter[VALUE] = 1;
  CHECK_EQ(cmsdk_timebase_cycles(), expect++);
  counter[VALUE] = 0; /* the 1 -> 0 step raises the interrupt */
  counter[INTSTATUS] = 1;
  CHECK_EQ(cmsdk_timebase_cycles(), expect++);
  counter[VALUE] = RELOAD_MAX; /* reloaded, interrupt still pending */
  CHECK_EQ(cmsdk_timebase_cycles(), expect++);
  counter[VALUE] = RELOAD_MAX - 1;
  cmsdk_timebase_counter_isr();
  CHECK_EQ(counter[INTSTATUS], 0);
  CHECK_EQ(cmsdk_timebase_cycles(), expect++);
  CHECK_EQ(expect - 1, (1ull << 32) + 1);
}

static void isrTakenWhileValueHoldsZeroKeepsTheOldPeriod(void) {
  start();
  counter[VALUE] = 0;
  counter[INTSTATUS] = 1;
  cmsdk_timebase_counter_isr(); /* QEMU can enter the handler within the same PCLK cycle */
  CHECK_EQ(cmsdk_timebase_cycles(), RELOAD_MAX);
  counter[VALUE] = RELOAD_MAX;
  CHECK_EQ(cmsdk_timebase_cycles(), 1ull << 32);
}

static void ticksStayExactOverManyWraps(void) {
  start();
  for (int i = 0; i < 3000; i++) { /* 3000 * 171.8 s: about six days */
    counter[VALUE] = 0;
    counter[INTSTATUS] = 1;
    counter[VALUE] = RELOAD_MAX;
    cmsdk_timebase_counter_isr();
  }
  counter_at(12345);
  uint64_t cycles = 3000ull * (1ull << 32) + 12345;
  CHECK_EQ(cmsdk_timebase_cycles(), cycles);
  CHECK_EQ(rt_ticks_ms(), (uint32_t)(cycles / CYCLES_PER_MS));
  CHECK_EQ(rt_ticks_us(), (uint32_t)(cycles / 25));
}

static void alarmIsOneShotAtTheDeadlineMillisecondBoundary(void) {
  start();
  counter_at(25000u * 10u + 7u); /* 10 ms and 7 cycles */
  fake_primask = 1;
  rt_timebase_wake_at(60010);
  CHECK_EQ(alarm_regs[RELOAD], 0); /* RELOAD 0: stays at 0 after firing */
  CHECK_EQ(alarm_regs[VALUE], 60000u * 25000u - 7u);
  CHECK_EQ(alarm_regs[CTRL], 0x9u);
  alarm_regs[INTSTATUS] = 1;
  cmsdk_timebase_alarm_isr();
  CHECK_EQ(alarm_regs[CTRL], 0);
  CHECK_EQ(alarm_regs[INTSTATUS], 0);
  fake_primask = 0;
}

static void dueDeadlineFiresOnTheNextCycle(void) {
  start();
  counter_at(25000u * 500u);
  rt_timebase_wake_at(499);
  CHECK_EQ(alarm_regs[VALUE], 1);
  rt_timebase_wake_at(500);
  CHECK_EQ(alarm_regs[VALUE], 1);
}

static void farDeadlineIsCutToOneCounterPeriod(void) {
  start();
  rt_timebase_wake_at(3600000u);
  CHECK_EQ(alarm_regs[VALUE], RELOAD_MAX);
  CHECK_EQ(alarm_regs[CTRL], 0x9u);
}

static void deadlineAcrossTheMillisecondWrapIsAhead(void) {
  start();
  /* 2^32 - 5 ms after start: the 32-bit millisecond count is about to wrap. */
  uint64_t cycles = (0x100000000ull - 5) * CYCLES_PER_MS;
  uint32_t wraps = (uint32_t)(cycles >> 32);
  for (uint32_t i = 0; i < wraps; i++) {
    cmsdk_timebase_counter_isr();
  }
  counter[VALUE] = RELOAD_MAX - (uint32_t)cycles;
  CHECK_EQ(rt_ticks_ms(), 0xFFFFFFFBu);
  rt_timebase_wake_at(5); /* 10 ms ahead, after the wrap */
  CHECK_EQ(alarm_regs[VALUE], 10u * CYCLES_PER_MS);
}

static void wakeNeverStopsTheAlarm(void) {
  start();
  rt_timebase_wake_at(100);
  alarm_regs[INTSTATUS] = 1;
  rt_timebase_wake_never();
  CHECK_EQ(alarm_regs[CTRL], 0);
  CHECK_EQ(alarm_regs[INTSTATUS], 0);
}

int main(void) {
  static const struct {
    const char *name;
    void (*fn)(void);
  } tests[] = {
      {"initStartsTheCounterFreeRunningFromAllOnes", initStartsTheCounterFreeRunningFromAllOnes},
      {"ticksAreCycleCountsScaledDown", ticksAreCycleCountsScaledDown},
      {"cyclesAdvanceByOneThroughAWrapWhateverTheIsrTiming", cyclesAdvanceByOneThroughAWrapWhateverTheIsrTiming},
      {"isrTakenWhileValueHoldsZeroKeepsTheOldPeriod", isrTakenWhileValueHoldsZeroKeepsTheOldPeriod},
      {"ticksStayExactOverManyWraps", ticksStayExactOverManyWraps},
      {"alarmIsOneShotAtTheDeadlineMillisecondBoundary", alarmIsOneShotAtTheDeadlineMillisecondBoundary},
      {"dueDeadlineFiresOnTheNextCycle", dueDeadlineFiresOnTheNextCycle},
      {"farDeadlineIsCutToOneCounterPeriod", farDeadlineIsCutToOneCounterPeriod},
      {"deadlineAcrossTheMillisecondWrapIsAhead", deadlineAcrossTheMillisecondWrapIsAhead},
      {"wakeNeverStopsTheAlarm", wakeNeverStopsTheAlarm},
  };
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
    int before = failures;
    tests[i].fn();
    int ok = failures == before;
    printf("%s %s\n", ok ? "PASS" : "FAIL", tests[i].name);
    ok ? passed++ : failed++;
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
