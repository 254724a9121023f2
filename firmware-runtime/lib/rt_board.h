/*
 * The contract between a board folder and the portable runtime. Every board implements these
 * functions in its own files; the runtime calls nothing else board-specific.
 */
#ifndef RT_BOARD_H
#define RT_BOARD_H

#include <stdint.h>

#define RT_MAX_ARGS 8

/* Clocks, console UART, SysTick and interrupt priorities; called before constructors. */
void board_init(void);

/* Splits the semihosting command line into argv (at most max entries); returns argc. */
int rt_cmdline_args(char **argv, int max);

/* Leaves the program with the given status (semihosting SYS_EXIT / SYS_EXIT_EXTENDED). */
__attribute__((noreturn)) void rt_exit(int status);

/* Reports an unexpected exception and exits with status 70. */
__attribute__((noreturn)) void rt_panic_exception(uint32_t exception, uint32_t cfsr);

#endif
