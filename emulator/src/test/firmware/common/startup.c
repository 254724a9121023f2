/*
 * CMSIS-style start-up for the AN385 test images: the vector table (ARMv7-M ARM B1.5.3), then a
 * reset handler that copies .data from its load address, zeroes .bss, points VTOR at the table,
 * runs the constructors and calls main(). Handlers a test does not define fall through to Default_Handler, which
 * reports the active exception and exits with an error status.
 */
#include <stdint.h>
#include <stdlib.h>

#include "mps2_an385.h"
#include "semihost.h"
#include "uart.h"

extern uint32_t __data_start__, __data_end__, __data_load__, __bss_start__, __bss_end__;
extern uint32_t __stack_top__;

int main(void);
void Reset_Handler(void);
void __libc_init_array(void);

/* newlib's __libc_init_array calls _init (normally from crti.o, left out by -nostartfiles). */
void _init(void) { }

void Default_Handler(void) {
  uart_puts("unexpected exception ");
  uart_putdec(get_ipsr() & 0x1ff);
  uart_puts("\n");
  semihost_exit(99);
}

#define WEAK_DEFAULT __attribute__((weak, alias("Default_Handler")))
void NMI_Handler(void) WEAK_DEFAULT;
void HardFault_Handler(void) WEAK_DEFAULT;
void MemManage_Handler(void) WEAK_DEFAULT;
void BusFault_Handler(void) WEAK_DEFAULT;
void UsageFault_Handler(void) WEAK_DEFAULT;
void SVC_Handler(void) WEAK_DEFAULT;
void DebugMon_Handler(void) WEAK_DEFAULT;
void PendSV_Handler(void) WEAK_DEFAULT;
void SysTick_Handler(void) WEAK_DEFAULT;
/* External interrupts as numbered on AN385 (QEMU hw/arm/mps2.c). */
void UART0RX_Handler(void) WEAK_DEFAULT;
void UART0TX_Handler(void) WEAK_DEFAULT;
void UART1RX_Handler(void) WEAK_DEFAULT;
void UART1TX_Handler(void) WEAK_DEFAULT;
void UART2RX_Handler(void) WEAK_DEFAULT;
void UART2TX_Handler(void) WEAK_DEFAULT;
void GPIO0_Handler(void) WEAK_DEFAULT;
void GPIO1_Handler(void) WEAK_DEFAULT;
void TIMER0_Handler(void) WEAK_DEFAULT;
void TIMER1_Handler(void) WEAK_DEFAULT;
void DUALTIMER_Handler(void) WEAK_DEFAULT;
void SPI_Handler(void) WEAK_DEFAULT;
void UARTOVF_Handler(void) WEAK_DEFAULT;
void ETHERNET_Handler(void) WEAK_DEFAULT;
void I2S_Handler(void) WEAK_DEFAULT;
void TSC_Handler(void) WEAK_DEFAULT;
void IRQ16_Handler(void) WEAK_DEFAULT;
void IRQ17_Handler(void) WEAK_DEFAULT;
void UART3RX_Handler(void) WEAK_DEFAULT;
void UART3TX_Handler(void) WEAK_DEFAULT;
void UART4RX_Handler(void) WEAK_DEFAULT;
void UART4TX_Handler(void) WEAK_DEFAULT;
void IRQ22_Handler(void) WEAK_DEFAULT;
void IRQ23_Handler(void) WEAK_DEFAULT;
void IRQ24_Handler(void) WEAK_DEFAULT;
void IRQ25_Handler(void) WEAK_DEFAULT;
void IRQ26_Handler(void) WEAK_DEFAULT;
void IRQ27_Handler(void) WEAK_DEFAULT;
void IRQ28_Handler(void) WEAK_DEFAULT;
void IRQ29_Handler(void) WEAK_DEFAULT;
void IRQ30_Handler(void) WEAK_DEFAULT;
void IRQ31_Handler(void) WEAK_DEFAULT;

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) const vector_t vector_table[16 + 32] = {
    (vector_t)&__stack_top__,
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
    UART0RX_Handler,
    UART0TX_Handler,
    UART1RX_Handler,
    UART1TX_Handler,
    UART2RX_Handler,
    UART2TX_Handler,
    GPIO0_Handler,
    GPIO1_Handler,
    TIMER0_Handler,
    TIMER1_Handler,
    DUALTIMER_Handler,
    SPI_Handler,
    UARTOVF_Handler,
    ETHERNET_Handler,
    I2S_Handler,
    TSC_Handler,
    IRQ16_Handler,
    IRQ17_Handler,
    UART3RX_Handler,
    UART3TX_Handler,
    UART4RX_Handler,
    UART4TX_Handler,
    IRQ22_Handler,
    IRQ23_Handler,
    IRQ24_Handler,
    IRQ25_Handler,
    IRQ26_Handler,
    IRQ27_Handler,
    IRQ28_Handler,
    IRQ29_Handler,
    IRQ30_Handler,
    IRQ31_Handler,
};

void Reset_Handler(void) {
  uint32_t *src = &__data_load__;
  for (uint32_t *dst = &__data_start__; dst < &__data_end__;) {
    *dst++ = *src++;
  }
  for (uint32_t *dst = &__bss_start__; dst < &__bss_end__;) {
    *dst++ = 0;
  }
  SCB_VTOR = (uint32_t)vector_table;
  dsb_isb();
  uart_init();
  /* C++-style constructors and __attribute__((constructor)) functions. */
  __libc_init_array();
  /* exit() flushes stdio before _exit() reaches the host. */
  exit(main());
}
