/*
 * The FPGA's serial controllers with nothing attached, as QEMU 7.2 models them: the five PL022
 * SPI ports (PL022 TRM, ARM DDI 0194; QEMU hw/ssi/pl022.c) and the four SBCon I2C controllers
 * (QEMU hw/i2c/arm_sbcon_i2c.c over bitbang_i2c.c), with the interrupt lines hw/arm/mps2.c
 * gives the SPIs: APB + LCD ORed on IRQ 11, ADC on 22, shield 0 + shield 1 ORed on 24.
 * SSPCR1.MS is never set with SSE: QEMU 7.2 reports slave mode on stderr.
 */
#include <stdio.h>

#include "eventlog.h"
#include "mps2_an385.h"

#define SPI_APB 0x40020000u
#define SPI_LCD 0x40021000u
#define SPI_ADC 0x40025000u
#define SPI_SHIELD0 0x40026000u
#define SPI_SHIELD1 0x40027000u

#define SSPCR0(b) REG32((b) + 0x00)
#define SSPCR1(b) REG32((b) + 0x04)
#define SSPDR(b) REG32((b) + 0x08)
#define SSPSR(b) REG32((b) + 0x0c)
#define SSPCPSR(b) REG32((b) + 0x10)
#define SSPIMSC(b) REG32((b) + 0x14)
#define SSPRIS(b) REG32((b) + 0x18)
#define SSPMIS(b) REG32((b) + 0x1c)
#define SSPICR(b) REG32((b) + 0x20)
#define SSPDMACR(b) REG32((b) + 0x24)
#define CR1_LBM (1u << 0)
#define CR1_SSE (1u << 1)
#define IM_RX (1u << 2)
#define IM_TX (1u << 3)

#define I2C_TOUCH 0x40022000u
#define I2C_AUDIO 0x40023000u
#define I2C_SHIELD0 0x40029000u
#define I2C_SHIELD1 0x4002a000u
#define I2C_CONTROLS(b) REG32((b) + 0x0)
#define I2C_CONTROLC(b) REG32((b) + 0x4)
#define SCL 1u
#define SDA 2u

#define SPI_APB_LCD_IRQn 11
#define SPI_ADC_IRQn 22
#define SPI_SHIELD_IRQn 24

static unsigned long r32(uint32_t a) { return REG32(a); }

static void spi_ids(void) {
  static const uint32_t spis[] = {SPI_APB, SPI_LCD, SPI_ADC, SPI_SHIELD0, SPI_SHIELD1};
  for (unsigned i = 0; i < 5; i++) {
    uint32_t b = spis[i];
    printf("spi %08lx sr=%lx ris=%lx id=", (unsigned long)b, (unsigned long)SSPSR(b),
           (unsigned long)SSPRIS(b));
    for (uint32_t off = 0xfe0; off < 0x1000; off += 4) {
      printf("%02lx", r32(b + off));
    }
    /* Any byte of an ID word answers with the ID byte. */
    printf(" fe1=%02x ffe=%02x\n", REG8(b + 0xfe1), REG8(b + 0xffe));
  }
}

static void spi_registers(uint32_t b) {
  SSPCR0(b) = 0xa5a5a5a5u;
  SSPCR1(b) = 0xfffffff0u; /* SSE and MS clear */
  SSPCPSR(b) = 0x1234u;
  SSPIMSC(b) = 0xfffffffcu; /* RXIM | TXIM and beyond: MIS shows TX */
  printf("cr0=%08lx cr1=%08lx cpsr=%08lx imsc=%08lx mis=%08lx\n", (unsigned long)SSPCR0(b),
         (unsigned long)SSPCR1(b), (unsigned long)SSPCPSR(b), (unsigned long)SSPIMSC(b),
         (unsigned long)SSPMIS(b));
  SSPIMSC(b) = 0;
  SSPSR(b) = 0xffffffffu;
  SSPDMACR(b) = 0;
  printf("sr after write=%lx dmacr=%lx icr=%lx cr0 byte0=%02x byte1=%02x half2=%04x\n",
         (unsigned long)SSPSR(b), (unsigned long)SSPDMACR(b), (unsigned long)SSPICR(b),
         REG8(b), REG8(b + 1), *(volatile uint16_t *)(b + 2));
}

static void spi_drain(uint32_t b, const char *label) {
  printf("%s:", label);
  while (SSPSR(b) & 4u) {
    printf(" %lx", (unsigned long)SSPDR(b));
  }
  printf(" (sr=%lx) empty=%lx\n", (unsigned long)SSPSR(b), (unsigned long)SSPDR(b));
}

static void spi_transfers(uint32_t b) {
  /* 8-bit frames, no slave: every frame comes back as 0. */
  SSPCR0(b) = 0x7;
  SSPCR1(b) = CR1_SSE;
  SSPDR(b) = 0x5a;
  SSPDR(b) = 0x3c;
  printf("no slave: sr=%lx ris=%lx\n", (unsigned long)SSPSR(b), (unsigned long)SSPRIS(b));
  spi_drain(b, "no slave rx");

  /* Loopback: frames masked to DSS, a byte write to SSPDR. */
  SSPCR1(b) = CR1_SSE | CR1_LBM;
  SSPDR(b) = 0x1a5;
  REG8(b + 0x08) = 0x7e;
  SSPCR0(b) = 0x3;
  SSPDR(b) = 0xff;
  spi_drain(b, "loopback rx");

  /* Disabled: frames wait in TX; the ninth is dropped; enabling moves them all. */
  SSPCR0(b) = 0xf;
  SSPCR1(b) = CR1_LBM;
  for (unsigned i = 1; i <= 9; i++) {
    SSPDR(b) = 0x1100u * i;
    if (i == 4 || i == 5 || i == 8 || i == 9) {
      printf("tx %u: sr=%lx ris=%lx\n", i, (unsigned long)SSPSR(b), (unsigned long)SSPRIS(b));
    }
  }
  SSPCR1(b) = CR1_LBM | CR1_SSE;
  printf("enabled: sr=%lx ris=%lx\n", (unsigned long)SSPSR(b), (unsigned long)SSPRIS(b));
  spi_drain(b, "released rx");

  /* Enabled with RX full: transmission stalls until a frame is read. */
  for (unsigned i = 1; i <= 10; i++) {
    SSPDR(b) = i;
  }
  printf("stalled: sr=%lx", (unsigned long)SSPSR(b));
  unsigned long first = SSPDR(b);
  printf(" first=%lx sr=%lx\n", first, (unsigned long)SSPSR(b));
  spi_drain(b, "stalled rx");
  SSPCR1(b) = 0;
}

static const char *spi_name(uint32_t b) {
  switch (b) {
    case SPI_APB: return "apb";
    case SPI_LCD: return "lcd";
    case SPI_ADC: return "adc";
    case SPI_SHIELD0: return "sh0";
    default: return "sh1";
  }
}

/* Each entry masks one port whose interrupt is pending, so a shared line is taken again
 * while the other port still drives it. */
static void spi_irq(int irq, uint32_t a, uint32_t b) {
  uint32_t port = SSPMIS(a) ? a : b;
  log_event(irq == SPI_APB_LCD_IRQn ? "11:" : irq == SPI_ADC_IRQn ? "22:" : "24:");
  log_event(spi_name(port));
  log_event(" ");
  SSPIMSC(port) = 0;
}

void SPI_Handler(void) { spi_irq(SPI_APB_LCD_IRQn, SPI_APB, SPI_LCD); }
void IRQ22_Handler(void) { spi_irq(SPI_ADC_IRQn, SPI_ADC, SPI_ADC); }
void IRQ24_Handler(void) { spi_irq(SPI_SHIELD_IRQn, SPI_SHIELD0, SPI_SHIELD1); }

static void spi_interrupts(void) {
  __asm volatile("cpsid i");
  nvic_enable(SPI_APB_LCD_IRQn);
  nvic_enable(SPI_ADC_IRQn);
  nvic_enable(SPI_SHIELD_IRQn);
  /* TX FIFO empty: TXRIS is set, so unmasking it asserts SSPINTR at once. */
  SSPIMSC(SPI_APB) = IM_TX;
  SSPIMSC(SPI_LCD) = IM_TX;
  SSPIMSC(SPI_ADC) = IM_RX; /* RX FIFO empty: nothing */
  SSPIMSC(SPI_SHIELD1) = IM_TX;
  printf("ispr=%08lx\n", (unsigned long)NVIC_ISPR);
  __asm volatile("cpsie i\n isb");
  log_flush("spi irqs");
  /* RXRIS once four frames are back. */
  SSPIMSC(SPI_ADC) = IM_RX;
  SSPCR0(SPI_ADC) = 0x7;
  SSPCR1(SPI_ADC) = CR1_SSE;
  for (unsigned i = 0; i < 4; i++) {
    SSPDR(SPI_ADC) = i;
    __asm volatile("dsb\n isb");
    log_hex(i);
    log_event(" ");
  }
  log_flush("adc rx irq");
  spi_drain(SPI_ADC, "adc rx");
  SSPCR1(SPI_ADC) = 0;
  nvic_disable(SPI_APB_LCD_IRQn);
  nvic_disable(SPI_ADC_IRQn);
  nvic_disable(SPI_SHIELD_IRQn);
}

/* One I2C clock: SCL high, sample, SCL low. */
static unsigned i2c_clock(uint32_t b) {
  I2C_CONTROLS(b) = SCL;
  unsigned v = I2C_CONTROLS(b);
  I2C_CONTROLC(b) = SCL;
  return v;
}

static void i2c_bus(uint32_t b) {
  printf("i2c %08lx reset=%lx", (unsigned long)b, r32(b));
  I2C_CONTROLS(b) = SCL | SDA;
  printf(" idle=%lx", r32(b));
  I2C_CONTROLC(b) = SDA; /* START */
  printf(" start=%lx", r32(b));
  I2C_CONTROLC(b) = SCL;
  unsigned address = 0xa0; /* 0x50, write */
  for (int bit = 7; bit >= 0; bit--) {
    if ((address >> bit) & 1u) {
      I2C_CONTROLS(b) = SDA;
    } else {
      I2C_CONTROLC(b) = SDA;
    }
    i2c_clock(b);
  }
  I2C_CONTROLS(b) = SDA; /* release SDA for the acknowledge */
  printf(" ack=%x", i2c_clock(b));
  I2C_CONTROLC(b) = SDA;
  I2C_CONTROLS(b) = SCL;
  I2C_CONTROLS(b) = SDA; /* STOP */
  printf(" stop=%lx\n", r32(b));
}

static void i2c_offsets(uint32_t b) {
  I2C_CONTROLC(b) = SCL;
  printf("i2c offsets: b0=%02x b1=%02x b3=%02x h2=%04x w4=%08lx w8=%08lx wfe0=%08lx\n",
         REG8(b), REG8(b + 1), REG8(b + 3), *(volatile uint16_t *)(b + 2), r32(b + 4),
         r32(b + 8), r32(b + 0xfe0));
  REG32(b + 8) = 0xffffffffu;
  REG8(b + 1) = 0xffu;
  printf("after bad writes=%lx\n", r32(b));
  I2C_CONTROLS(b) = SCL | SDA;
}

int main(void) {
  spi_ids();
  spi_registers(SPI_LCD);
  spi_transfers(SPI_SHIELD0);
  spi_interrupts();
  static const uint32_t i2cs[] = {I2C_TOUCH, I2C_AUDIO, I2C_SHIELD0, I2C_SHIELD1};
  for (unsigned i = 0; i < 4; i++) {
    i2c_bus(i2cs[i]);
  }
  i2c_offsets(I2C_AUDIO);
  return 0;
}
