/**
 * Device models, one class per part, each behind {@link dev.vboard.emulator.bus.MmioDevice}.
 * Each names its datasheet section and the QEMU model it follows, declares its registers in
 * one enum table with {@link dev.vboard.emulator.peripheral.Access} modes, recomputes every
 * interrupt line in one {@code updateIrq()}, and logs guest errors on {@code vboard.guest}
 * instead of throwing. Time comes only from the machine's
 * {@link dev.vboard.emulator.time.VirtualClock} and
 * {@link dev.vboard.emulator.time.Scheduler}: counters are computed from the cycle count,
 * never ticked, and never read the host clock.
 */
package dev.vboard.emulator.peripheral;
