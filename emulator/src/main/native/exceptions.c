/*
 * The register-level half of ARMv7-M exception entry and return (ARM DDI 0403 B1.5.6-B1.5.8),
 * in C so that an interrupt costs a few native calls instead of some fifty Java-to-engine
 * calls. The decisions (which exception, priorities, validity of EXC_RETURN, tail-chaining,
 * faults while stacking) stay in dev.vboard.emulator.arm.ExceptionUnit; these functions only
 * move registers and the 8-word frame, and only in the common case: the frame lies in RAM, the
 * MPU (when on) allows it, and the vector lies in RAM or ROM. Anything else returns VB_EXC_FALLBACK before changing any state,
 * and Java does the same work the slow way, with its bus-error handling.
 *
 * Unicorn writes MSP, PSP, CONTROL and the mask registers through QEMU's MSR helper, with its
 * privilege rules, so mode changes walk through privileged thread mode exactly as
 * dev.vboard.emulator.arm.CoreRegisters does.
 */
#include <stdint.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

#define VB_EXC_DONE 0
#define VB_EXC_FALLBACK 1

#define CONTROL_NPRIV 1u
#define CONTROL_SPSEL 2u
#define XPSR_ALIGN (1u << 9)
#define FRAME_SIZE 0x20u

#define EXC_RETURN_HANDLER 0xfffffff1u
#define EXC_RETURN_THREAD_MSP 0xfffffff9u
#define EXC_RETURN_THREAD_PSP 0xfffffffdu

/*
 * Snapshot of the special registers into c->state (VB_STATE_*), read with privilege: from
 * unprivileged thread mode Unicorn reads the masks and stack pointers as zero, so IPSR is
 * briefly made nonzero (handler mode is always privileged).
 */
void vb_read_state(vb_counter *c, uc_engine *uc) {
  uint32_t ipsr = vb_reg(uc, UC_ARM_REG_IPSR) & 0x1ffu;
  uint32_t control = vb_reg(uc, UC_ARM_REG_CONTROL) & 3u;
  int unprivileged = ipsr == 0 && (control & CONTROL_NPRIV) != 0;
  if (unprivileged) {
    vb_set_reg(uc, UC_ARM_REG_IPSR, 1);
  }
  c->state[VB_STATE_IPSR] = ipsr;
  c->state[VB_STATE_CONTROL] = control;
  c->state[VB_STATE_PRIMASK] = vb_reg(uc, UC_ARM_REG_PRIMASK) & 1u;
  c->state[VB_STATE_FAULTMASK] = vb_reg(uc, UC_ARM_REG_FAULTMASK) & 1u;
  c->state[VB_STATE_BASEPRI] = vb_reg(uc, UC_ARM_REG_BASEPRI) & 0xffu;
  c->state[VB_STATE_MSP] = vb_reg(uc, UC_ARM_REG_MSP);
  c->state[VB_STATE_PSP] = vb_reg(uc, UC_ARM_REG_PSP);
  if (unprivileged) {
    vb_set_reg(uc, UC_ARM_REG_IPSR, 0);
  }
  c->state[VB_STATE_XPSR] = vb_reg(uc, UC_ARM_REG_XPSR);
}

/*
 * IPSR, CONTROL.SPSEL and CONTROL.nPRIV together, swapping the banked SP as hardware does
 * (CoreRegisters.setMode, step for step). Handler mode requires spsel == 0.
 */
static void set_mode(uc_engine *uc, uint32_t ipsr, int spsel, int npriv) {
  uint32_t sel = spsel ? CONTROL_SPSEL : 0;
  uint32_t cur = vb_reg(uc, UC_ARM_REG_CONTROL) & 3u;
  vb_set_reg(uc, UC_ARM_REG_IPSR, 1);                     /* privileged */
  vb_set_reg(uc, UC_ARM_REG_CONTROL, cur & CONTROL_SPSEL); /* clears nPRIV */
  vb_set_reg(uc, UC_ARM_REG_IPSR, 0);                     /* privileged thread mode */
  vb_set_reg(uc, UC_ARM_REG_CONTROL, sel);                /* SPSEL swaps SP here */
  vb_set_reg(uc, UC_ARM_REG_IPSR, ipsr);
  if (npriv) {
    vb_set_reg(uc, UC_ARM_REG_CONTROL, sel | CONTROL_NPRIV);
  }
}

/*
 * Exception entry (B1.5.6 PushStack, ExceptionTaken) for `exception`, returning to
 * `return_address`: the frame on the current stack (8-byte aligned when `stkalign`, recorded
 * in the stacked xPSR bit 9), LR = EXC_RETURN, handler mode, IPSR, and the PC from the vector
 * at `vtor`. The vector goes to c->state[0]. VB_EXC_FALLBACK, with nothing changed, when the
 * frame is not all in RAM or the vector not in RAM or ROM.
 */
int vb_exception_enter(vb_counter *c, uc_engine *uc, uint32_t exception, uint32_t return_address,
                       uint32_t vtor, uint32_t stkalign) {
  uint32_t ipsr = vb_reg(uc, UC_ARM_REG_IPSR) & 0x1ffu;
  uint32_t control = vb_reg(uc, UC_ARM_REG_CONTROL) & 3u;
  int thread_psp = ipsr == 0 && (control & CONTROL_SPSEL) != 0;
  uint32_t sp = vb_reg(uc, UC_ARM_REG_SP);
  int align = stkalign && (sp & 4u) != 0;
  uint32_t frame = (sp - FRAME_SIZE) & ~(align ? 4u : 0u);
  uint64_t vector_at = (uint64_t) vtor + 4u * exception;
  uint32_t vector = 0;
  if ((frame & 3u) != 0 || frame > UINT32_MAX - FRAME_SIZE + 1
      || !vb_in_memory(c, frame, FRAME_SIZE, 1)
      || !vb_mpu_frame_ok(c, frame, 1, ipsr != 0 || (control & CONTROL_NPRIV) == 0)
      || (vector_at & 3u) != 0
      || !vb_in_memory(c, vector_at, 4, 0)
      || uc_mem_read(uc, vector_at, &vector, 4) != UC_ERR_OK) {
    return VB_EXC_FALLBACK;
  }
  uint32_t xpsr = vb_reg(uc, UC_ARM_REG_XPSR);
  uint32_t words[8] = {
      vb_reg(uc, UC_ARM_REG_R0), vb_reg(uc, UC_ARM_REG_R1), vb_reg(uc, UC_ARM_REG_R2),
      vb_reg(uc, UC_ARM_REG_R3), vb_reg(uc, UC_ARM_REG_R12), vb_reg(uc, UC_ARM_REG_LR),
      return_address & ~1u, (xpsr & ~XPSR_ALIGN) | (align ? XPSR_ALIGN : 0)};
  /* Guest memory is little-endian, as is every host vboard runs on (x86-64, AArch64). */
  if (uc_mem_write(uc, frame, words, sizeof words) != UC_ERR_OK) {
    return VB_EXC_FALLBACK; /* nothing written: the range was checked as one region above */
  }
  vb_set_reg(uc, UC_ARM_REG_SP, frame);
  uint32_t exc_return = ipsr != 0 ? EXC_RETURN_HANDLER
                        : thread_psp ? EXC_RETURN_THREAD_PSP : EXC_RETURN_THREAD_MSP;
  set_mode(uc, exception, 0, (control & CONTROL_NPRIV) != 0);
  vb_set_reg(uc, UC_ARM_REG_LR, exc_return);
  /* xPSR before the PC: a PC write takes bit 0 as the Thumb state, which must win. */
  vb_set_reg(uc, UC_ARM_REG_XPSR,
      (vb_reg(uc, UC_ARM_REG_XPSR) & ~(VB_XPSR_IT | 0x1ffu | XPSR_ALIGN)) | VB_XPSR_T | exception);
  vb_set_reg(uc, UC_ARM_REG_PC, vector | 1u);
  c->state[0] = vector;
  return VB_EXC_DONE;
}

/*
 * Exception return's unstacking (B1.5.8 PopStack) for a valid `exc_return` that does not
 * tail-chain: the frame from MSP or PSP, SP past it (and past the alignment word the stacked
 * xPSR bit 9 records, when `stkalign`), the mode, R0-R3, R12, LR, PC and xPSR. Returns
 * VB_EXC_FALLBACK, with nothing changed, when the frame is not all in RAM or ROM or the
 * stacked IPSR does not match the mode returned to (Java takes the INVPC UsageFault).
 */
int vb_exception_return(vb_counter *c, uc_engine *uc, uint32_t exc_return, uint32_t stkalign) {
  int to_thread = exc_return == EXC_RETURN_THREAD_MSP || exc_return == EXC_RETURN_THREAD_PSP;
  int psp = exc_return == EXC_RETURN_THREAD_PSP;
  uint32_t ipsr_now = vb_reg(uc, UC_ARM_REG_IPSR) & 0x1ffu;
  uint32_t control = vb_reg(uc, UC_ARM_REG_CONTROL) & 3u;
  if (ipsr_now == 0) {
    return VB_EXC_FALLBACK; /* only handler mode returns; Java faults otherwise */
  }
  uint32_t frame = vb_reg(uc, psp ? UC_ARM_REG_PSP : UC_ARM_REG_MSP); /* privileged here */
  uint32_t w[8];
  if ((frame & 3u) != 0 || frame > UINT32_MAX - FRAME_SIZE + 1
      || !vb_in_memory(c, frame, FRAME_SIZE, 0)
      || !vb_mpu_frame_ok(c, frame, 0, !to_thread || (control & CONTROL_NPRIV) == 0)
      || uc_mem_read(uc, frame, w, sizeof w) != UC_ERR_OK) {
    return VB_EXC_FALLBACK;
  }
  uint32_t xpsr = w[7];
  uint32_t ipsr = xpsr & 0x1ffu;
  if (to_thread != (ipsr == 0)) {
    return VB_EXC_FALLBACK; /* the stacked IPSR contradicts EXC_RETURN: Java faults (INVPC) */
  }
  uint32_t new_sp = frame + FRAME_SIZE + ((xpsr & XPSR_ALIGN) != 0 && stkalign ? 4u : 0u);
  set_mode(uc, ipsr, psp, (control & CONTROL_NPRIV) != 0);
  vb_set_reg(uc, UC_ARM_REG_SP, new_sp);
  vb_set_reg(uc, UC_ARM_REG_R0, w[0]);
  vb_set_reg(uc, UC_ARM_REG_R1, w[1]);
  vb_set_reg(uc, UC_ARM_REG_R2, w[2]);
  vb_set_reg(uc, UC_ARM_REG_R3, w[3]);
  vb_set_reg(uc, UC_ARM_REG_R12, w[4]);
  vb_set_reg(uc, UC_ARM_REG_LR, w[5]);
  vb_set_reg(uc, UC_ARM_REG_PC, w[6] | 1u);
  vb_set_reg(uc, UC_ARM_REG_XPSR, (xpsr & ~(0x1ffu | XPSR_ALIGN)) | ipsr); /* after the PC: EPSR.T */
  return VB_EXC_DONE;
}

/*
 * Exception return inside a run, called by vb_intr_hook on a branch to EXC_RETURN: when Java
 * armed `fast_return` for the exception that is returning (the only active one, a system
 * exception whose return never pends anything again, nothing pending that could tail-chain:
 * see ExceptionUnit.fastReturnCandidate) and the return goes to thread mode, FAULTMASK is
 * cleared and the frame popped here, and the engine carries on at the stacked PC. Java applies
 * the NVIC side (the exception no longer active, the event register) from `returned` before
 * the guest or the run loop can observe it. Any other return stops the engine as before.
 */
int vb_exception_return_in_run(vb_counter *c, uc_engine *uc, uint32_t exc_return) {
  uint32_t exception = c->fast_return;
  if (exception == 0
      || (exc_return != EXC_RETURN_THREAD_MSP && exc_return != EXC_RETURN_THREAD_PSP)
      || (vb_reg(uc, UC_ARM_REG_IPSR) & 0x1ffu) != exception) {
    return 0;
  }
  vb_set_reg(uc, UC_ARM_REG_FAULTMASK, 0); /* in handler mode, so privileged; Java would clear it too */
  if (vb_exception_return(c, uc, exc_return, c->fast_return_stkalign) != VB_EXC_DONE) {
    return 0;
  }
  if (c->mpu.ctrl != 0) {
    vb_mpu_rebuild(c, uc); /* the MMU index follows the mode returned to (mpu.c) */
  }
  c->fast_return = 0;
  c->returned = exception;
  return 1;
}
