/*
 * Reset and vector table for mps2-an385 (Cortex-M3, ARMv7-M).
 *
 * ARMv7-M B1.5.2/B1.5.3: after reset the core loads SP from word 0 and the reset vector from
 * word 1 of the table at VTOR (0). Entries 2..15 are the system exceptions, then one entry
 * per external interrupt (AN385 wires 32). Every handler is a weak alias, so drivers override
 * only the ones they use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "rt_board.h"

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_top[];

extern int main(int argc, char **argv);
extern void __libc_init_array(void);

void Reset_Handler(void);
void Default_Handler(void);
void HardFault_Handler(void);

#define WEAK_ALIAS __attribute__((weak, alias("Default_Handler")))
void NMI_Handler(void) WEAK_ALIAS;
void MemManage_Handler(void) WEAK_ALIAS;
void BusFault_Handler(void) WEAK_ALIAS;
void UsageFault_Handler(void) WEAK_ALIAS;
void SVC_Handler(void) WEAK_ALIAS;
void DebugMon_Handler(void) WEAK_ALIAS;
void PendSV_Handler(void) WEAK_ALIAS;
void SysTick_Handler(void) WEAK_ALIAS;
/* AN385 interrupt map. */
void UART0_RX_Handler(void) WEAK_ALIAS;
void UART0_TX_Handler(void) WEAK_ALIAS;
void UART1_RX_Handler(void) WEAK_ALIAS;
void UART1_TX_Handler(void) WEAK_ALIAS;
void UART2_RX_Handler(void) WEAK_ALIAS;
void UART2_TX_Handler(void) WEAK_ALIAS;
void GPIO0_Handler(void) WEAK_ALIAS;
void GPIO1_Handler(void) WEAK_ALIAS;
void TIMER0_Handler(void) WEAK_ALIAS;
void TIMER1_Handler(void) WEAK_ALIAS;
void DUALTIMER_Handler(void) WEAK_ALIAS;
void SPI_Handler(void) WEAK_ALIAS;
void UART_OVF_Handler(void) WEAK_ALIAS;
void ETHERNET_Handler(void) WEAK_ALIAS;

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) static const vector_t vector_table[16 + BOARD_NUM_IRQS] = {
    (vector_t)(uintptr_t)__stack_top,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0,
    0,
    0,
    0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    [16 + 0] = UART0_RX_Handler,
    [16 + 1] = UART0_TX_Handler,
    [16 + 2] = UART1_RX_Handler,
    [16 + 3] = UART1_TX_Handler,
    [16 + 4] = UART2_RX_Handler,
    [16 + 5] = UART2_TX_Handler,
    [16 + 6] = GPIO0_Handler,
    [16 + 7] = GPIO1_Handler,
    [16 + 8] = TIMER0_Handler,
    [16 + 9] = TIMER1_Handler,
    [16 + 10] = DUALTIMER_Handler,
    [16 + 11] = SPI_Handler,
    [16 + 12] = UART_OVF_Handler,
    [16 + 13] = ETHERNET_Handler,
    /* 14..31: unused by this runtime; left as Default_Handler below. */
    [16 + 14] = Default_Handler,
    [16 + 15] = Default_Handler,
    [16 + 16] = Default_Handler,
    [16 + 17] = Default_Handler,
    [16 + 18] = Default_Handler,
    [16 + 19] = Default_Handler,
    [16 + 20] = Default_Handler,
    [16 + 21] = Default_Handler,
    [16 + 22] = Default_Handler,
    [16 + 23] = Default_Handler,
    [16 + 24] = Default_Handler,
    [16 + 25] = Default_Handler,
    [16 + 26] = Default_Handler,
    [16 + 27] = Default_Handler,
    [16 + 28] = Default_Handler,
    [16 + 29] = Default_Handler,
    [16 + 30] = Default_Handler,
    [16 + 31] = Default_Handler,
};

/* SCB registers (ARMv7-M B3.2.2). */
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)
#define SCB_SHCSR (*(volatile uint32_t *)0xE000ED24u)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)

/* newlib's __libc_init_array calls _init; with -nostartfiles there is no crti.o, and the
 * constructors come from .init_array alone. */
void _init(void) {}
void _fini(void) {}

void Reset_Handler(void) {
  /* .data is linked to RAM but stored after the code; .bss is zeroed (C11 5.1.2). */
  size_t data_len = (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start);
  if ((uintptr_t)__data_load != (uintptr_t)__data_start) {
    memcpy(__data_start, __data_load, data_len);
  }
  memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));

  SCB_VTOR = (uint32_t)(uintptr_t)vector_table;
  /* CCR.DIV_0_TRP (B3.2.8) stays at its reset value 0: integer division by zero returns 0.
     The runtime and the Python VM check their divisors themselves, and the trap is costly
     to emulate (Unicorn has no native support; vboard watches every instruction while it is
     set). Firmware that wants the fault sets the bit itself. */
  /* SHCSR: route MemManage/BusFault/UsageFault to their own handlers (B3.2.13). */
  SCB_SHCSR |= (1u << 16) | (1u << 17) | (1u << 18);

  board_init();
  __libc_init_array();

  static char *argv[RT_MAX_ARGS + 1];
  int argc = rt_cmdline_args(argv, RT_MAX_ARGS);
  /* exit() runs atexit handlers and flushes stdio, then reaches _exit -> rt_exit. */
  exit(main(argc, argv));
}

/* Faults print the exception number and fault status, then leave through semihosting
 * with status 70 (EX_SOFTWARE from sysexits.h), so a crashed test fails visibly. */
void Default_Handler(void) {
  uint32_t exc = SCB_ICSR & 0x1FFu;
  rt_panic_exception(exc, SCB_CFSR);
}

void HardFault_Handler(void) { rt_panic_exception(3, SCB_CFSR); }
