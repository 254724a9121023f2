/* Board port of vbpy: settings shared by port_board.c and main_board.c. */
#ifndef PYBOARD_H
#define PYBOARD_H

/* The VM's fixed heap, in SSRAM2/3 above .bss (port_heap). gc.mem_free() counts within it. */
#ifndef PYB_HEAP_SIZE
#define PYB_HEAP_SIZE (2u * 1024u * 1024u)
#endif

/* Echo typed characters and erase on backspace (the REPL on a raw terminal). */
void pyb_set_repl_echo(int on);

#endif
