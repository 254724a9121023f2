/*
 * CMSDK APB watchdog as QEMU 7.2 models it on AN385 (WDOGINT to the NMI, WDOGRES to a system
 * reset):
 * - the counter runs from reset whatever WDOGCONTROL.INTEN says, and times out without it
 *   (7.2; newer QEMU and the TRM count only while INTEN is set);
 * - the NVIC pends NMI each time the watchdog drives WDOGINT high, and the watchdog drives its
 *   outputs again on every WDOGCONTROL, WDOGINTCLR, WDOGITCR and WDOGITOP write (not on
 *   WDOGLOAD), so such a write while the interrupt is asserted pends NMI once more;
 * - with RESEN, the second timeout resets the system: the image boots again from the reset
 *   vector with fresh .data and reset devices, .noinit RAM survives.
 * QEMU runs this in real time (no -icount): the timeouts are long enough that nothing here
 * depends on how fast instructions run, only on the order of events.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define WD 0x40008000u
#define WDOGLOAD REG32(WD + 0x000)
#define WDOGVALUE REG32(WD + 0x004)
#define WDOGCONTROL REG32(WD + 0x008)
#define WDOGINTCLR REG32(WD + 0x00c)
#define WDOGRIS REG32(WD + 0x010)
#define WDOGMIS REG32(WD + 0x014)
#define WDOGITCR REG32(WD + 0xf00)
#define INTEN 1u
#define RESEN 2u
/* About 42 ms at 25 MHz: far longer than any step below takes under QEMU or vboard. */
#define LONG_TIMEOUT 0x100000u
/* About 11 s: a timeout that does not come while the test looks. */
#define NO_TIMEOUT 0x10000000u

#define MAGIC 0x3d06b000u

__attribute__((section(".noinit"))) static volatile uint32_t boot_marker;
static int initialised = 1234; /* .data: must be fresh again after the reset */
static volatile uint32_t nmis;

void NMI_Handler(void) {
  nmis++; /* does not clear the interrupt: WDOGINT stays high */
}

/* A register write, then a barrier so that an NMI it pends is taken before the next line. */
static void wd_write(volatile uint32_t *reg, uint32_t value) {
  *reg = value;
  dsb_isb();
}

static void wait_until(volatile uint32_t *what, uint32_t want) {
  for (uint32_t n = 0; *what != want && n < 100000000u; n++) {
  }
}

static void counts_without_inten(void) {
  uint32_t v0 = WDOGVALUE;
  uint32_t n = 0;
  while (WDOGVALUE == v0 && n < 1000000u) {
    n++;
  }
  printf("watchdog: control=%lu counting=%d\n", (unsigned long)WDOGCONTROL, WDOGVALUE != v0);
  WDOGLOAD = LONG_TIMEOUT / 16;
  wait_until(&WDOGRIS, 1);
  printf("watchdog: timeout without INTEN ris=%lu mis=%lu nmis=%lu\n",
         (unsigned long)WDOGRIS, (unsigned long)WDOGMIS, (unsigned long)nmis);
  WDOGINTCLR = 1;
}

static void nmi_on_every_drive(void) {
  wd_write(&WDOGLOAD, LONG_TIMEOUT);
  wd_write(&WDOGCONTROL, INTEN);
  wait_until(&nmis, 1);
  /* Pushes the second timeout away; a LOAD write does not drive WDOGINT. */
  wd_write(&WDOGLOAD, NO_TIMEOUT);
  printf("watchdog: after expiry nmis=%lu mis=%lu\n", (unsigned long)nmis,
         (unsigned long)WDOGMIS);
  wd_write(&WDOGCONTROL, INTEN);
  printf("watchdog: CONTROL=INTEN again nmis=%lu\n", (unsigned long)nmis);
  wd_write(&WDOGITCR, 0);
  printf("watchdog: ITCR=0 nmis=%lu\n", (unsigned long)nmis);
  wd_write(&WDOGCONTROL, 0);
  printf("watchdog: CONTROL=0 nmis=%lu mis=%lu\n", (unsigned long)nmis,
         (unsigned long)WDOGMIS);
  wd_write(&WDOGCONTROL, INTEN);
  printf("watchdog: CONTROL=INTEN nmis=%lu\n", (unsigned long)nmis);
  wd_write(&WDOGINTCLR, 1);
  printf("watchdog: INTCLR nmis=%lu ris=%lu\n", (unsigned long)nmis, (unsigned long)WDOGRIS);
  wd_write(&WDOGCONTROL, 0);
}

int main(void) {
  if (boot_marker == MAGIC) {
    boot_marker = 0;
    printf("watchdog: boot 2 data=%d\n", initialised);
    printf("watchdog: after reset control=%lu ris=%lu load=%08lx\n",
           (unsigned long)WDOGCONTROL, (unsigned long)WDOGRIS, (unsigned long)WDOGLOAD);
    return 0;
  }
  printf("watchdog: boot 1 data=%d\n", initialised);
  counts_without_inten();
  nmi_on_every_drive();
  initialised = 99;
  boot_marker = MAGIC;
  WDOGLOAD = LONG_TIMEOUT / 16;
  WDOGCONTROL = INTEN | RESEN;
  for (;;) {
    /* The first timeout pends NMI, the second resets the board. (How many NMIs are taken in
     * between is not printed: under QEMU's real-time clock both timeouts may come at once.) */
  }
}
