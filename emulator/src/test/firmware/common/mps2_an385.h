/*
 * Register map of the ARM MPS2 AN385 (Cortex-M3) board as the test firmwares use it.
 * Sources: Application Note AN385 (memory and interrupt map), Cortex-M System Design Kit TRM
 * (ARM DDI 0479: APB UART, APB timer, dual timer), ARMv7-M ARM (ARM DDI 0403: SCB B3.2, SysTick
 * B3.3, NVIC B3.4). Only what the tests touch is named here.
 */
#ifndef MPS2_AN385_H
#define MPS2_AN385_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))
#define REG8(addr) (*(volatile uint8_t *)(addr))

/* ---- CMSDK APB UART (DDI 0479 4.3): UART0 at 0x40004000, RX IRQ 0, TX IRQ 1
 * (AN385 interrupt map; QEMU hw/arm/mps2.c wires the same lines). */
#define UART0_BASE 0x40004000u
#define UART_DATA(b) REG32((b) + 0x000)
#define UART_STATE(b) REG32((b) + 0x004)
#define UART_CTRL(b) REG32((b) + 0x008)
#define UART_INTSTATUS(b) REG32((b) + 0x00c) /* read: INTSTATUS; write 1 to clear: INTCLEAR */
#define UART_BAUDDIV(b) REG32((b) + 0x010)
#define UART_STATE_TXFULL (1u << 0)
#define UART_STATE_RXFULL (1u << 1)
#define UART_CTRL_TXEN (1u << 0)
#define UART_CTRL_RXEN (1u << 1)
#define UART_CTRL_TXINTEN (1u << 2)
#define UART_CTRL_RXINTEN (1u << 3)
#define UART_INT_TX (1u << 0)
#define UART_INT_RX (1u << 1)
#define UART0_RX_IRQn 0
#define UART0_TX_IRQn 1

/* ---- CMSDK APB timers (DDI 0479 4.4): TIMER0 0x40000000 IRQ 8, TIMER1 0x40001000 IRQ 9 */
#define TIMER0_BASE 0x40000000u
#define TIMER1_BASE 0x40001000u
#define TIMER_CTRL(b) REG32((b) + 0x000)
#define TIMER_VALUE(b) REG32((b) + 0x004)
#define TIMER_RELOAD(b) REG32((b) + 0x008)
#define TIMER_INTSTATUS(b) REG32((b) + 0x00c) /* write 1 to clear (INTCLEAR) */
#define TIMER_CTRL_EN (1u << 0)
#define TIMER_CTRL_IRQEN (1u << 3)
#define TIMER0_IRQn 8
#define TIMER1_IRQn 9

/* ---- CMSDK APB dual timer (DDI 0479 4.5, SP804-like): 0x40002000, combined IRQ 10 */
#define DUALTIMER_BASE 0x40002000u
#define DT_LOAD(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x00)
#define DT_VALUE(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x04)
#define DT_CONTROL(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x08)
#define DT_INTCLR(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x0c)
#define DT_RIS(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x10)
#define DT_MIS(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x14)
#define DT_BGLOAD(n) REG32(DUALTIMER_BASE + 0x20 * (n) + 0x18)
#define DT_CTRL_ONESHOT (1u << 0)
#define DT_CTRL_SIZE32 (1u << 1)
#define DT_CTRL_INTEN (1u << 5)
#define DT_CTRL_PERIODIC (1u << 6)
#define DT_CTRL_EN (1u << 7)
#define DUALTIMER_IRQn 10

/* ---- System control block (DDI 0403 B3.2.2) */
#define SCB_ICSR REG32(0xe000ed04u)
#define SCB_VTOR REG32(0xe000ed08u)
#define SCB_AIRCR REG32(0xe000ed0cu)
#define SCB_SCR REG32(0xe000ed10u)
#define SCB_CCR REG32(0xe000ed14u)
/* Priority byte of system exception n (4..15). */
#define SCB_SHPR_BYTE(n) REG8(0xe000ed18u + (n) - 4)
#define SCB_SHCSR REG32(0xe000ed24u)
#define SCB_CFSR REG32(0xe000ed28u)
#define SCB_HFSR REG32(0xe000ed2cu)
#define SCB_MMFAR REG32(0xe000ed34u)
#define SCB_BFAR REG32(0xe000ed38u)
#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSTSET (1u << 26)
#define ICSR_VECTACTIVE_MASK 0x1ffu
#define AIRCR_VECTKEY (0x05fau << 16)
#define AIRCR_SYSRESETREQ (1u << 2)

/* AIRCR.SYSRESETREQ: the board resets and boots the image again; nothing after this runs. */
static inline __attribute__((noreturn)) void board_reset(void) {
  SCB_AIRCR = AIRCR_VECTKEY | AIRCR_SYSRESETREQ;
  for (;;) {
  }
}
#define SHCSR_MEMFAULTENA (1u << 16)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_USGFAULTENA (1u << 18)
#define CCR_UNALIGN_TRP (1u << 3)
#define CCR_DIV_0_TRP (1u << 4)

/* ---- SysTick (DDI 0403 B3.3.2) */
#define SYST_CSR REG32(0xe000e010u)
#define SYST_RVR REG32(0xe000e014u)
#define SYST_CVR REG32(0xe000e018u)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* 1 = processor clock (25 MHz on this board) */
#define SYST_CSR_COUNTFLAG (1u << 16)

/* ---- NVIC (DDI 0403 B3.4.2) */
#define NVIC_ISER REG32(0xe000e100u)
#define NVIC_ICER REG32(0xe000e180u)
#define NVIC_ISPR REG32(0xe000e200u)
#define NVIC_ICPR REG32(0xe000e280u)
#define NVIC_IABR REG32(0xe000e300u)
#define NVIC_IPR_BYTE(n) REG8(0xe000e400u + (n))
#define NVIC_STIR REG32(0xe000ef00u)

/* Exception numbers (DDI 0403 B1.5.2). */
#define EXC_HARDFAULT 3
#define EXC_MEMMANAGE 4
#define EXC_BUSFAULT 5
#define EXC_USAGEFAULT 6
#define EXC_SVCALL 11
#define EXC_PENDSV 14
#define EXC_SYSTICK 15

/* Core clock of the board: QEMU's mps2.c SYSCLK_FRQ, AN385 "25MHz". */
#define SYSCLK_HZ 25000000u

static inline void nvic_enable(int irq) { NVIC_ISER = 1u << irq; }
static inline void nvic_disable(int irq) { NVIC_ICER = 1u << irq; }
static inline void nvic_pend(int irq) { NVIC_ISPR = 1u << irq; }
static inline void nvic_unpend(int irq) { NVIC_ICPR = 1u << irq; }

static inline void irq_disable(void) { __asm volatile("cpsid i" ::: "memory"); }
static inline void irq_enable(void) { __asm volatile("cpsie i" ::: "memory"); }
static inline void dsb_isb(void) { __asm volatile("dsb\n\tisb" ::: "memory"); }
static inline void wfi(void) { __asm volatile("wfi" ::: "memory"); }

static inline uint32_t get_primask(void) {
  uint32_t v;
  __asm volatile("mrs %0, primask" : "=r"(v));
  return v;
}
static inline uint32_t get_basepri(void) {
  uint32_t v;
  __asm volatile("mrs %0, basepri" : "=r"(v));
  return v;
}
static inline void set_basepri(uint32_t v) {
  __asm volatile("msr basepri, %0" ::"r"(v) : "memory");
}
static inline void set_basepri_max(uint32_t v) {
  __asm volatile("msr basepri_max, %0" ::"r"(v) : "memory");
}
static inline uint32_t get_control(void) {
  uint32_t v;
  __asm volatile("mrs %0, control" : "=r"(v));
  return v;
}
static inline uint32_t get_ipsr(void) {
  uint32_t v;
  __asm volatile("mrs %0, ipsr" : "=r"(v));
  return v;
}

/* Sleeps until cond holds. PRIMASK is set around the test so an interrupt that makes cond true
 * cannot slip in between the test and the WFI: a pending interrupt still wakes WFI while PRIMASK
 * masks it (ARMv7-M ARM B1.5.19), and it is taken as soon as PRIMASK clears. */
#define WAIT_FOR(cond)     \
  do {                     \
    irq_disable();         \
    if (cond) {            \
      irq_enable();        \
      break;               \
    }                      \
    wfi();                 \
    irq_enable();          \
  } while (1)

#endif
