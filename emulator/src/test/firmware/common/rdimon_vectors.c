/*
 * The minimal vector table of an image built on newlib's rdimon crt0: the initial stack pointer
 * and the reset entry (crt0's _start). Nothing else is handled; a fault ends in QEMU's lockup.
 */
extern char __stack_top__[];
void _start(void);

__attribute__((section(".vectors"), used)) void (*const rdimon_vectors[2])(void) = {
    (void (*)(void))__stack_top__,
    _start,
};
