/*
 * The exact PC of the instruction whose memory access is under way.
 *
 * A guest access to a device (or to the catch-all regions that turn unmapped space into bus
 * faults) reaches vboard from inside the access, and a fault must be stacked with the PC of that
 * instruction. Unicorn keeps the PC only per translated block (env->regs[15] is the block's
 * start while it runs), so CpuCore used to find the instruction by decoding the block and
 * matching each access's address against the registers, which picks the wrong one when two
 * instructions of the block reach the same address with different register values
 * (`ldr r3, [r3]; ldr r3, [r3]`, the code GCC emits for a load through a volatile pointer).
 *
 * QEMU itself recovers the PC from the host return address into the translated code
 * (cpu_restore_state). Every access that leaves TCG's inline fast path (devices, hooked or
 * unaligned accesses, stores to pages holding code) calls one of the softmmu helpers below, with
 * that return address as its last argument; libunicorn calls them through addresses relocated
 * against their exported symbols (its TCG backend's helper tables), so our definitions are the
 * ones called. Each records the return address for the time of the access and forwards to
 * libunicorn's own. vb_access_pc then asks libunicorn's cpu_restore_state_arm for the PC. If a
 * symbol is missing (another libunicorn), nothing is recorded and the callers fall back to the
 * decoding above.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

/* The return address into translated code of the access in progress on this thread, or 0. */
static __thread uintptr_t access_retaddr;

typedef uint64_t (*load_fn)(void *env, uint32_t addr, uint32_t oi, uintptr_t retaddr);
typedef void (*store8_fn)(void *env, uint32_t addr, uint8_t val, uint32_t oi, uintptr_t retaddr);
typedef void (*store16_fn)(void *env, uint32_t addr, uint16_t val, uint32_t oi,
                           uintptr_t retaddr);
typedef void (*store32_fn)(void *env, uint32_t addr, uint32_t val, uint32_t oi,
                           uintptr_t retaddr);
typedef void (*store64_fn)(void *env, uint32_t addr, uint64_t val, uint32_t oi,
                           uintptr_t retaddr);

/* libunicorn's function behind ours; abort() only if the library that calls ours lacks it. */
static void *next(const char *name) {
  void *f = dlsym(RTLD_NEXT, name);
  if (f == NULL) {
    abort();
  }
  return f;
}

/* The signatures are QEMU 5.0's (include/tcg/tcg.h) for a 32-bit guest on a 64-bit host. */
#define VB_LOAD(name)                                                             \
  uint64_t name(void *env, uint32_t addr, uint32_t oi, uintptr_t retaddr) {       \
    static load_fn real;                                                          \
    if (real == NULL) {                                                           \
      real = (load_fn) next(#name);                                               \
    }                                                                             \
    uintptr_t outer = access_retaddr;                                             \
    access_retaddr = retaddr;                                                     \
    uint64_t v = real(env, addr, oi, retaddr);                                    \
    access_retaddr = outer;                                                       \
    return v;                                                                     \
  }

#define VB_STORE(name, type, fn_type)                                             \
  void name(void *env, uint32_t addr, type val, uint32_t oi, uintptr_t retaddr) { \
    static fn_type real;                                                          \
    if (real == NULL) {                                                           \
      real = (fn_type) next(#name);                                               \
    }                                                                             \
    uintptr_t outer = access_retaddr;                                             \
    access_retaddr = retaddr;                                                     \
    real(env, addr, val, oi, retaddr);                                            \
    access_retaddr = outer;                                                       \
  }

VB_LOAD(helper_ret_ldub_mmu_arm)
VB_LOAD(helper_le_lduw_mmu_arm)
VB_LOAD(helper_le_ldul_mmu_arm)
VB_LOAD(helper_le_ldq_mmu_arm)
VB_STORE(helper_ret_stb_mmu_arm, uint8_t, store8_fn)
VB_STORE(helper_le_stw_mmu_arm, uint16_t, store16_fn)
VB_STORE(helper_le_stl_mmu_arm, uint32_t, store32_fn)
VB_STORE(helper_le_stq_mmu_arm, uint64_t, store64_fn)

/*
 * Stops the engine on the instruction whose UC_HOOK_CODE hook (the caller) is running, before it
 * executes, with the PC and IT state of that instruction. uc_emu_stop alone is not enough:
 * Unicorn checks the stop request between instructions only outside IT blocks, so inside one the
 * rest of the IT block would run first. So, as QEMU raises an exception from a helper, the state
 * is restored from the return address into the translated code (cpu_restore_state_arm) and the
 * block is left at once (cpu_loop_exit_arm); the pending stop request then ends the run.
 *
 * Unicorn calls the hook from helper_uc_tracecode, which translated code calls: the return
 * address into that code is a few frames up, found with the unwinder as the first one
 * libunicorn recognises as translated code (the trap is rare, so the unwinding's cost does not
 * matter, while an interposer of helper_uc_tracecode would cost every block hook). If none is,
 * only the plain stop is made and this returns.
 */
#define VB_HOOK_FRAMES 8
void vb_stop_in_code_hook(vb_counter *c, uc_engine *uc) {
  static bool (*restore)(void *cpu, uintptr_t host_pc, bool will_exit);
  static void (*loop_exit)(void *cpu);
  uc_emu_stop(uc);
  if (c->cpu == NULL) {
    return;
  }
  if (restore == NULL || loop_exit == NULL) {
    restore = (bool (*)(void *, uintptr_t, bool)) dlsym(RTLD_DEFAULT, "cpu_restore_state_arm");
    loop_exit = (void (*)(void *)) dlsym(RTLD_DEFAULT, "cpu_loop_exit_arm");
    if (restore == NULL || loop_exit == NULL) {
      return;
    }
  }
  void *frames[VB_HOOK_FRAMES];
  int n = backtrace(frames, VB_HOOK_FRAMES);
  for (int i = 1; i < n; i++) {
    if (restore(c->cpu, (uintptr_t) frames[i], true)) {
      loop_exit(c->cpu); /* does not return */
    }
  }
}

/* Records vb_access_pc in fault_pc, for Java's device callbacks that abort an access. */
void vb_note_access_pc(vb_counter *c, uc_engine *uc) {
  c->fault_pc = vb_access_pc(c, uc);
}

/*
 * The PC of the instruction whose access is in progress (from a device callback or a memory
 * hook), with Thumb bit 0 clear, or 0 when it is not known: no access through the helpers is
 * under way, the engine's CPU was not seen yet, or libunicorn could not map the address back.
 * Restoring also sets the engine's PC (and IT state) to that instruction, as QEMU does before
 * it raises a fault from inside an access.
 */
uint32_t vb_access_pc(vb_counter *c, uc_engine *uc) {
  static bool (*restore)(void *cpu, uintptr_t host_pc, bool will_exit);
  if (access_retaddr == 0 || c->cpu == NULL) {
    return 0;
  }
  if (restore == NULL) {
    restore = (bool (*)(void *, uintptr_t, bool)) dlsym(RTLD_DEFAULT, "cpu_restore_state_arm");
    if (restore == NULL) {
      return 0;
    }
  }
  if (!restore(c->cpu, access_retaddr, false)) {
    return 0;
  }
  return vb_reg(uc, UC_ARM_REG_PC) & ~1u;
}
