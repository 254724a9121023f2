/**
 * The instruction engine: {@link dev.vboard.emulator.cpu.CpuCore} runs Thumb code in slices of
 * an exact instruction budget (native block hook, exact split inside a block) and reports why a
 * slice ended as a {@link dev.vboard.emulator.cpu.SliceExit}. It never takes an exception
 * itself: that is {@code dev.vboard.emulator.arm}'s job, called by the machine between slices.
 */
package dev.vboard.emulator.cpu;
