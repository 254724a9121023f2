package dev.vboard.emulator.arm;

import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_BASEPRI;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_CONTROL;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_FAULTMASK;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_IPSR;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_LR;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_MSP;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_PC;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_PRIMASK;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_PSP;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_SP;
import static dev.vboard.emulator.unicorn.UcConst.UC_ARM_REG_XPSR;

import dev.vboard.emulator.cpu.CpuCore;
import dev.vboard.emulator.unicorn.UcConst;

/**
 * The Cortex-M special registers as the exception model needs them, on top of Unicorn's
 * register interface.
 *
 * <p>Unicorn writes MSP, PSP, CONTROL and the mask registers through QEMU's MSR helper, with
 * its rules: nothing privileged is readable or writable from unprivileged thread mode, and
 * CONTROL.SPSEL cannot change in handler mode. IPSR writes are direct and keep the SP banking
 * consistent. So {@link #setMode} walks through a privileged thread-mode state to reach any
 * combination of IPSR, SPSEL and nPRIV, and reads happen inside a privileged window.
 */
public final class CoreRegisters {
  public static final int CONTROL_NPRIV = 1;
  public static final int CONTROL_SPSEL = 2;

  private final CpuCore core;

  public CoreRegisters(CpuCore core) {
    this.core = core;
  }

  public int r(int n) {
    return core.reg(UcConst.armRegR(n));
  }

  public void setR(int n, int value) {
    core.setReg(UcConst.armRegR(n), value);
  }

  public int sp() {
    return core.reg(UC_ARM_REG_SP);
  }

  public void setSp(int value) {
    core.setReg(UC_ARM_REG_SP, value);
  }

  public int lr() {
    return core.reg(UC_ARM_REG_LR);
  }

  public void setLr(int value) {
    core.setReg(UC_ARM_REG_LR, value);
  }

  public int pc() {
    return core.reg(UC_ARM_REG_PC);
  }

  /**
   * Sets the PC in Thumb state: Unicorn takes bit 0 of a PC write as the Thumb bit. Write xPSR
   * afterwards to set EPSR.T from a stacked value.
   */
  public void setPc(int value) {
    core.setReg(UC_ARM_REG_PC, value | 1);
  }

  public int xpsr() {
    return core.reg(UC_ARM_REG_XPSR);
  }

  /** Writes APSR flags, IPSR and EPSR (IT, T) at once; only between slices. */
  public void setXpsr(int value) {
    core.setReg(UC_ARM_REG_XPSR, value);
  }

  public int ipsr() {
    return core.reg(UC_ARM_REG_IPSR) & 0x1ff;
  }

  public int control() {
    return core.reg(UC_ARM_REG_CONTROL) & 3;
  }

  public boolean handlerMode() {
    return ipsr() != 0;
  }

  /** The mask registers and the banked stack pointers, read with privilege. */
  public record Special(boolean primask, boolean faultmask, int basepri, int msp, int psp) { }

  /** One native call (the exception model asks for these on every interrupt). */
  public Special special() {
    core.readState();
    return new Special(
        core.state(CpuCore.STATE_PRIMASK) != 0,
        core.state(CpuCore.STATE_FAULTMASK) != 0,
        core.state(CpuCore.STATE_BASEPRI),
        core.state(CpuCore.STATE_MSP),
        core.state(CpuCore.STATE_PSP));
  }

  /**
   * Sets IPSR, CONTROL.SPSEL and CONTROL.nPRIV together, swapping the banked SP as hardware
   * does. Handler mode requires {@code spsel == false}.
   */
  public void setMode(int ipsr, boolean spsel, boolean npriv) {
    int sel = spsel ? CONTROL_SPSEL : 0;
    int cur = control();
    core.setReg(UC_ARM_REG_IPSR, 1);                                   // privileged
    core.setReg(UC_ARM_REG_CONTROL, cur & CONTROL_SPSEL);              // clears nPRIV
    core.setReg(UC_ARM_REG_IPSR, 0);                                   // privileged thread
    core.setReg(UC_ARM_REG_CONTROL, sel);                              // SPSEL swaps SP here
    core.setReg(UC_ARM_REG_IPSR, ipsr);
    if (npriv) {
      core.setReg(UC_ARM_REG_CONTROL, sel | CONTROL_NPRIV);
    }
  }

  /**
   * Exception entry's stacking and mode switch in one native call: see
   * {@link CpuCore#enterException}. False, with nothing changed, when the frame or the vector
   * is not in plain memory; {@link #enteredVector()} is the vector after true.
   */
  public boolean tryEnterException(int exception, int returnAddress, int vtor,
      boolean stkalign) {
    return core.enterException(exception, returnAddress, vtor, stkalign);
  }

  public int enteredVector() {
    return core.enteredVector();
  }

  /** Exception return's unstacking in one native call; false: nothing changed. */
  public boolean tryReturnFromException(int excReturn, boolean stkalign) {
    return core.returnFromException(excReturn, stkalign);
  }

  /** See {@link CpuCore#armFastReturn}. */
  public void armFastReturn(int exception, boolean stkalign) {
    core.armFastReturn(exception, stkalign);
  }

  /** See {@link CpuCore#clearExclusiveMonitor}. */
  public boolean clearExclusiveMonitor() {
    return core.clearExclusiveMonitor();
  }

  /** See {@link CpuCore#takeReturned}. */
  public int takeReturned() {
    return core.takeReturned();
  }

  public void setFaultmask(boolean on) {
    withPrivilege(() -> core.setReg(UC_ARM_REG_FAULTMASK, on ? 1 : 0));
  }

  public void setPrimask(boolean on) {
    withPrivilege(() -> core.setReg(UC_ARM_REG_PRIMASK, on ? 1 : 0));
  }

  public void setBasepri(int value) {
    withPrivilege(() -> core.setReg(UC_ARM_REG_BASEPRI, value & 0xff));
  }

  /** Sets one banked stack pointer; callable only between slices. */
  public void setMsp(int value) {
    withPrivilege(() -> core.setReg(UC_ARM_REG_MSP, value));
  }

  public void setPsp(int value) {
    withPrivilege(() -> core.setReg(UC_ARM_REG_PSP, value));
  }

  private void withPrivilege(Runnable action) {
    boolean unprivileged = ipsr() == 0 && (control() & CONTROL_NPRIV) != 0;
    if (unprivileged) {
      core.setReg(UC_ARM_REG_IPSR, 1);
    }
    action.run();
    if (unprivileged) {
      core.setReg(UC_ARM_REG_IPSR, 0);
    }
  }
}
