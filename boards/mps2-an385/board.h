/*
 * Board constants for ARM MPS2 with the AN385 FPGA image (Cortex-M3).
 *
 * Source: ARM Application Note AN385, "Memory map" and "Interrupt map"; the clock is the
 * 25 MHz SYSCLK that drives the CPU, SysTick and the APB peripherals. Portable code never
 * includes this file directly except through the driver glue (board_*.c) and rt_board.h.
 */
#ifndef BOARD_H
#define BOARD_H

#define BOARD_NAME "mps2-an385"

/* AN385: SYSCLK is 25 MHz; SysTick uses the processor clock (CLKSOURCE=1). */
#define BOARD_SYSCLK_HZ 25000000u

/* AN385 memory map: ZBT SSRAM1 (code) and ZBT SSRAM2/3 (data), 4 MiB each. */
#define BOARD_CODE_BASE 0x00000000u
#define BOARD_CODE_SIZE 0x00400000u
#define BOARD_RAM_BASE 0x20000000u
#define BOARD_RAM_SIZE 0x00400000u

/* CMSDK APB UARTs (AN385 table "APB peripherals"): UART0 carries the console. */
#define BOARD_UART0_BASE 0x40004000u
#define BOARD_UART1_BASE 0x40005000u
#define BOARD_UART2_BASE 0x40006000u
/* AN385 interrupt map: UARTn RX is IRQ 2n, TX is IRQ 2n+1 (UART0..2). */
#define BOARD_UART0_RX_IRQ 0
#define BOARD_UART0_TX_IRQ 1
#define BOARD_UART_OVERFLOW_IRQ 12
#define BOARD_CONSOLE_BAUD 115200u

/* CMSDK APB timers (AN385 "APB peripherals" and "Interrupt map"), clocked by the 25 MHz PCLK.
 * The runtime uses TIMER1 as its free-running time base and TIMER0 as the idle wake-up alarm. */
#define BOARD_TIMER0_BASE 0x40000000u
#define BOARD_TIMER1_BASE 0x40001000u
#define BOARD_TIMER0_IRQ 8
#define BOARD_TIMER1_IRQ 9
/* CMSDK APB dual timer: its combined interrupt TIMINTC is IRQ 10. Timer 1 is the runtime's
 * rt_alarm.h alarm. */
#define BOARD_DUALTIMER_BASE 0x40002000u
#define BOARD_DUALTIMER_IRQ 10

/* SMSC LAN9118-compatible Ethernet controller (a LAN9220 on real boards). */
#define BOARD_ETH_BASE 0x40200000u
#define BOARD_ETH_IRQ 13

/* AN385 exposes 32 external interrupts to the NVIC. */
#define BOARD_NUM_IRQS 32

/* Locally administered MAC used when the controller has no EEPROM address (all zero/ones). */
#define BOARD_DEFAULT_MAC {0x52, 0x54, 0x00, 0x12, 0x34, 0x56}

#endif
