/*
 * Board identity and memory map as firmware probes them: SCC and FPGA IO registers (AN385;
 * QEMU hw/misc/mps2-scc.c and mps2-fpgaio.c), core identification registers (ARMv7-M ARM
 * B3.2.3 CPUID, B3.4.3 ICTR, B3.3.6 SYST_CALIB, MPU_TYPE), regions that read as zero, the
 * Ethernet controller's identity, RAM mirrors, PSRAM and bit-banding (A3.7.3).
 * Only time-free values are printed: FPGA IO counters are stopped or read right after a write.
 */
#include <stdio.h>

#include "mps2_an385.h"

#define SCC_BASE 0x4002f000u
#define FPGAIO_BASE 0x40028000u
#define FPGAIO_LED0 REG32(FPGAIO_BASE + 0x00)
#define FPGAIO_BUTTON REG32(FPGAIO_BASE + 0x08)
#define FPGAIO_CLK1HZ REG32(FPGAIO_BASE + 0x10)
#define FPGAIO_COUNTER REG32(FPGAIO_BASE + 0x18)
#define FPGAIO_PRESCALE REG32(FPGAIO_BASE + 0x1c)
#define FPGAIO_PSCNTR REG32(FPGAIO_BASE + 0x20)
#define FPGAIO_MISC REG32(FPGAIO_BASE + 0x4c)

#define BLOCKRAM 0x01000000u
#define PSRAM 0x21000000u
#define SRAM_BITBAND_BASE 0x20000000u
#define SRAM_BITBAND_ALIAS 0x22000000u

/* The vector table at 0 (startup.c). */
extern void (*const vector_table[])(void);

static volatile uint32_t bitband_word;

static volatile uint32_t *bitband_alias(volatile uint32_t *word, unsigned bit) {
  uint32_t offset = (uint32_t)word - SRAM_BITBAND_BASE;
  return (volatile uint32_t *)(SRAM_BITBAND_ALIAS + offset * 32 + bit * 4);
}

static void core_ids(void) {
  printf("cpuid=%08lx ictr=%08lx\n", (unsigned long)REG32(0xe000ed00u),
         (unsigned long)REG32(0xe000e004u));
  printf("vtor=%08lx aircr=%08lx ccr=%08lx\n", (unsigned long)SCB_VTOR,
         (unsigned long)SCB_AIRCR, (unsigned long)SCB_CCR);
  /* SYST_CALIB (QEMU 7.2 reports TENMS for its 100 Hz reference), MPU_TYPE (8 regions on the
   * Cortex-M3 QEMU models), ID_PFR0 (B3.2.4 CPUID scheme). */
  printf("syst_calib=%08lx mpu_type=%08lx id_pfr0=%08lx\n", (unsigned long)REG32(0xe000e01cu),
         (unsigned long)REG32(0xe000ed90u), (unsigned long)REG32(0xe000ed40u));
  /* IRQ 32 and up do not exist on AN385 (32 lines): ISER1 reads as zero and ignores writes. */
  REG32(0xe000e104u) = 0xffffffffu;
  printf("iser1=%08lx\n", (unsigned long)REG32(0xe000e104u));
}

static void scc_fpgaio(void) {
  printf("scc id=%08lx aid=%08lx cfg4=%08lx\n", (unsigned long)REG32(SCC_BASE + 0xffc),
         (unsigned long)REG32(SCC_BASE + 0xff8), (unsigned long)REG32(SCC_BASE + 0x10));
  FPGAIO_LED0 = 0xff; /* two LEDs on AN385: only bits [1:0] are kept */
  printf("fpgaio led0=%08lx button=%08lx\n", (unsigned long)FPGAIO_LED0,
         (unsigned long)FPGAIO_BUTTON);
  FPGAIO_MISC = 0x5a;
  printf("fpgaio misc=%08lx\n", (unsigned long)FPGAIO_MISC);
  /* The prescaled counter, frozen far from its next tick by a huge prescale value. */
  FPGAIO_PRESCALE = 0x7fffffffu; /* not 0xffffffff: QEMU 7.2 divides by PRESCALE + 1 */
  FPGAIO_PSCNTR = 0xfffffff0u;
  FPGAIO_COUNTER = 5;
  uint32_t counter = FPGAIO_COUNTER;
  uint32_t prescale = FPGAIO_PRESCALE;
  printf("fpgaio counter=%lu prescale=%08lx\n", (unsigned long)counter, (unsigned long)prescale);
  FPGAIO_CLK1HZ = 100;
  uint32_t clk1hz = FPGAIO_CLK1HZ;
  printf("fpgaio clk1hz after write=%lu\n", (unsigned long)clk1hz);
}

/* Regions QEMU declares but does not model (create_unimplemented_device in mps2.c), and the
 * debug blocks of the private peripheral bus it leaves out (ITM, DWT, FPB, TPIU): reads give
 * zero and writes are ignored, without a fault. */
static void unimplemented_regions(void) {
  static const uint32_t addrs[] = {
      0x40010000u, 0x40030000u, 0x41000000u, 0x00800000u,
      0xe0000000u, 0xe0001000u, 0xe0002000u, 0xe0040000u,
  };
  for (unsigned i = 0; i < sizeof addrs / sizeof addrs[0]; i++) {
    REG32(addrs[i]) = 0xffffffffu;
    printf("unimplemented %08lx reads %08lx\n", (unsigned long)addrs[i],
           (unsigned long)REG32(addrs[i]));
  }
  printf("cfsr=%08lx hfsr=%08lx\n", (unsigned long)SCB_CFSR, (unsigned long)SCB_HFSR);
}

/* The CoreSight-style identification registers at 0xFD0-0xFFC of the CMSDK APB devices
 * (DDI 0479: PID4-7, PID0-3, CID0-3). */
static void cmsdk_ids(const char *name, uint32_t base) {
  printf("%s pid/cid:", name);
  for (uint32_t off = 0xfd0; off < 0x1000; off += 4) {
    printf(" %02lx", (unsigned long)REG32(base + off));
  }
  printf("\n");
}

/* The LAN9220 (LAN9118-compatible) at 0x40200000: ID_REV and BYTE_TEST identify it. */
static void ethernet_ids(void) {
  printf("lan9118 id_rev=%08lx byte_test=%08lx\n", (unsigned long)REG32(0x40200050u),
         (unsigned long)REG32(0x40200064u));
}

static void memory_map(void) {
  /* Block RAM is mirrored three times above itself (AN385 memory map). */
  REG32(BLOCKRAM + 0x10) = 0xb10c0001u;
  printf("blockram mirrors=%08lx %08lx %08lx\n", (unsigned long)REG32(BLOCKRAM + 0x4010),
         (unsigned long)REG32(BLOCKRAM + 0x8010), (unsigned long)REG32(BLOCKRAM + 0xc010));
  REG32(BLOCKRAM + 0xc020) = 0xb10c0002u;
  printf("blockram via mirror=%08lx\n", (unsigned long)REG32(BLOCKRAM + 0x20));
  /* The vector table seen through the SSRAM1 mirror at 0x00400000. */
  printf("ssram1 mirror reset vector matches=%d\n",
         REG32(0x00400000u + (uint32_t)&vector_table[1]) == (uint32_t)vector_table[1]);
  /* SSRAM2/3 mirror at 0x20400000. */
  static volatile uint32_t in_ram = 0x55aa1234u;
  printf("ssram23 mirror=%08lx\n",
         (unsigned long)REG32((uint32_t)&in_ram + 0x00400000u));
  REG32(PSRAM) = 0x12345678u;
  REG32(PSRAM + 0xfffffc) = 0x9abcdef0u;
  printf("psram=%08lx %08lx\n", (unsigned long)REG32(PSRAM),
         (unsigned long)REG32(PSRAM + 0xfffffc));
  /* Byte and half-word access to RAM: little-endian lanes. */
  REG32(PSRAM + 0x100) = 0x11223344u;
  printf("bytes=%02x %02x halfword=%04x\n", REG8(PSRAM + 0x100), REG8(PSRAM + 0x103),
         *(volatile uint16_t *)(PSRAM + 0x102));
}

static void bitband(void) {
  bitband_word = 0;
  *bitband_alias(&bitband_word, 0) = 1;
  *bitband_alias(&bitband_word, 5) = 1;
  *bitband_alias(&bitband_word, 31) = 0xfffffffeu; /* only bit 0 of the written value counts */
  *bitband_alias(&bitband_word, 30) = 3;
  printf("bitband word=%08lx\n", (unsigned long)bitband_word);
  *bitband_alias(&bitband_word, 5) = 0;
  printf("bitband word=%08lx bit0=%lu bit1=%lu bit30=%lu\n", (unsigned long)bitband_word,
         (unsigned long)*bitband_alias(&bitband_word, 0),
         (unsigned long)*bitband_alias(&bitband_word, 1),
         (unsigned long)*bitband_alias(&bitband_word, 30));
}

int main(void) {
  printf("board_regs: start\n");
  core_ids();
  scc_fpgaio();
  unimplemented_regions();
  cmsdk_ids("uart0", UART0_BASE);
  cmsdk_ids("timer0", TIMER0_BASE);
  cmsdk_ids("timer1", TIMER1_BASE);
  cmsdk_ids("dualtimer", DUALTIMER_BASE);
  ethernet_ids();
  memory_map();
  bitband();
  printf("board_regs: done\n");
  return 0;
}
