package dev.vboard.emulator.machine;

/**
 * What a board tells the machine about its core.
 *
 * @param cpu CPU model name, e.g. {@code cortex-m3}
 * @param clockHz core clock; one instruction is one cycle of it
 * @param externalIrqs number of NVIC external interrupt lines
 * @param priorityBits implemented priority bits per NVIC/SHPR field (upper bits of the byte)
 */
public record MachineConfig(String cpu, long clockHz, int externalIrqs, int priorityBits) { }
