/**
 * The ARMv7-M architecture Unicorn does not model (ARM DDI 0403): exception state and priority
 * ({@link dev.vboard.emulator.arm.Nvic}), the System Control Space registers, SysTick, and
 * exception entry, return, escalation and lockup ({@link dev.vboard.emulator.arm.ExceptionUnit}).
 * Time comes from the machine's virtual clock and scheduler only.
 */
package dev.vboard.emulator.arm;
