/*
 * Rules of ARMv7-M that libunicorn 2.0.1's translator (QEMU 5.0's) leaves out and QEMU 7.2
 * keeps, restored while a block is translated:
 *
 * 1. LDM, STM, PUSH, POP, LDRD and STRD need a word-aligned address whatever CCR.UNALIGN_TRP
 *    says (ARMv7-M ARM A3.2.1); a misaligned one is the UNALIGNED UsageFault. QEMU 5.0 emits
 *    their word accesses without an alignment requirement, so they just worked. Our
 *    tcg_gen_qemu_ld_i32_arm/st_i32_arm add the requirement (MO_ALIGN) to the 32-bit accesses
 *    of those instructions; the engine then raises the same data abort it raises for a
 *    misaligned LDREX, with the exact PC, and CpuCore turns it into the UsageFault. An aligned
 *    access keeps TCG's inline fast path: the alignment joins the TLB compare.
 *
 * 2. SP bits [1:0] are always zero (B1.4.1): QEMU 7.2 masks every write of SP by an instruction
 *    and by MSR MSP/PSP. Our tcg_gen_op2_arm follows each TCG move into the SP global with an
 *    AND of ~3, and our helper_v7m_msr_arm masks the value written to MSP or PSP.
 *
 * 3. An ISB inside an IT block. QEMU clears env->condexec_bits when a block starts inside an IT
 *    block and writes the state back only where the block ends normally or faults. An ISB ends
 *    its block with a direct jump to the next instruction and no write-back, so the rest of the
 *    IT block ran unconditionally. We store the state that follows the ISB right at its start,
 *    with QEMU's own st_i32 into condexec_bits, learnt once from a block that starts inside an
 *    IT block on a throwaway engine.
 *
 * How the translation is followed: tb_gen_code_arm (vboardcpu.c) brackets each translation with
 * vb_translation_begin/end. QEMU emits an insn_start op with the guest PC at the start of every
 * instruction (tcg_gen_op3 on ARM); its opcode number is learnt from the first one, whose PC and
 * IT state are those of the block. The instruction at that PC is read only when one of its
 * accesses is a 32-bit one or it lies inside an IT block. The SP and env globals are found by
 * their names ("r13", "env") in QEMU's TCGTemp.
 *
 * libunicorn calls all these functions through their exported symbols (as with the softmmu
 * helpers of access_pc.c), so ours are the ones called while this library is loaded first. They
 * change nothing unless vb_translation_fixes_enable() was called, which Java does only for the
 * libunicorn version whose internals were measured (2.0.1).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

/* QEMU 5.0's MemOp (include/exec/memop.h): size in bits 0-1, alignment in bits 4-6, where
 * MO_ALIGN (all ones) asks for alignment to the access size. An LDREX's access is 0x72. */
#define VB_MO_SIZE 0x3
#define VB_MO_32 0x2
#define VB_MO_AMASK 0x70
#define VB_MO_ALIGN 0x70

/* QEMU 5.0's TCGTemp: four 8-bit fields, a 32-bit bit-field word, val, mem_base, mem_offset,
 * then the name (include/tcg/tcg.h). Temps live inside the TCGContext. */
#define VB_TEMP_NAME_OFFSET 32
#define VB_CONTEXT_SPAN 0x10000u

typedef void (*op2_fn)(void *ctx, int opc, uintptr_t a1, uintptr_t a2);
typedef void (*op3_fn)(void *ctx, int opc, uintptr_t a1, uintptr_t a2, uintptr_t a3);
typedef void (*ldst_fn)(void *ctx, void *val, void *addr, uintptr_t idx, int memop);
typedef void (*andi_fn)(void *ctx, void *ret, void *arg, int32_t imm);
typedef void (*msr_fn)(void *env, uint32_t maskreg, uint32_t val);
typedef void *(*const_fn)(void *ctx, int32_t value);
typedef void (*free_fn)(void *ctx, void *temp);

static int enabled;
/* The opcode number of insn_start, or -1 until the first translation showed it. */
static int insn_start_opc = -1;
/* The SP global's offset in the TCGContext (TCGv form), 0 until found by name. */
static uintptr_t sp_offset;
/* How QEMU stores env->condexec_bits (see calibrate_condexec); st_i32_opc is -1 when unknown. */
static int st_i32_opc = -1;
static uintptr_t env_offset;      /* the env global, as an offset in the TCGContext */
static uintptr_t condexec_offset; /* offsetof(CPUARMState, condexec_bits) */

/* The translation under way on this thread. */
static __thread struct {
  int active;
  uc_engine *uc;    /* to read the code; NULL for engines vboard does not run */
  uint32_t block_pc;
  uint32_t block_itstate;
  int insn_known;
  uint32_t insn_pc; /* the instruction being translated */
  int fetched;      /* 1: hw1/hw2 hold insn_pc's encoding; -1: unreadable; 0: not read yet */
  uint32_t hw1;
  uint32_t hw2;
  int calibrating;           /* the block of calibrate_condexec */
  uintptr_t calibration_zero; /* ... the temp of its `movi tmp, 0` */
} tr;

static void *next(const char *name) {
  void *f = dlsym(RTLD_NEXT, name);
  if (f == NULL) {
    abort(); /* cannot happen: only a libunicorn that defines it calls it */
  }
  return f;
}

static op3_fn real_op3(void) {
  static op3_fn real;
  if (real == NULL) {
    real = (op3_fn) next("tcg_gen_op3_arm");
  }
  return real;
}

/* ---- decoding (ARMv7-M ARM A5.2, A5.3) ---- */

/*
 * Whether hw1[, hw2] is a load/store multiple or dual (A5.2.5 LDM/STM/PUSH/POP T1, A5.3.5,
 * A5.3.6): the instructions whose word accesses must be aligned. The exclusives already are.
 */
int vb_is_multiword_access(uint32_t hw1, uint32_t hw2) {
  (void) hw2;
  if ((hw1 & 0xf000u) == 0xc000u || (hw1 & 0xfe00u) == 0xb400u || (hw1 & 0xfe00u) == 0xbc00u) {
    return 1; /* STM/LDM T1, PUSH T1, POP T1 */
  }
  if ((hw1 & 0xfe40u) == 0xe800u) {
    uint32_t op = (hw1 >> 7) & 3u;
    return op == 1u || op == 2u; /* LDM/STM IA, LDMDB/STMDB (PUSH.W, POP.W) */
  }
  if ((hw1 & 0xfe40u) == 0xe840u) {
    uint32_t op1 = (hw1 >> 7) & 3u;
    uint32_t op2 = (hw1 >> 4) & 3u;
    return (op1 & 2u) != 0 || (op2 & 2u) != 0; /* LDRD/STRD; not the exclusives or TBB/TBH */
  }
  return 0;
}

/* ISB (A7.7.37): 0xF3BF 0x8F6x. */
static int is_isb(uint32_t hw1, uint32_t hw2) {
  return hw1 == 0xf3bfu && (hw2 & 0xfff0u) == 0x8f60u;
}

/* ITAdvance() (A7.3.3) on ITSTATE as QEMU keeps it in condexec_bits. */
static uint32_t it_advance(uint32_t itstate) {
  return (itstate & 7u) == 0 ? 0 : (itstate & 0xe0u) | ((itstate << 1) & 0x1fu);
}

/* Reads the instruction being translated into tr.hw1/hw2; returns 1 when it could. */
static int fetch(void) {
  if (tr.fetched == 0) {
    uint16_t hw[2] = {0, 0};
    tr.fetched = -1;
    if (tr.insn_known && tr.uc != NULL && uc_mem_read(tr.uc, tr.insn_pc, &hw[0], 2) == UC_ERR_OK) {
      int wide = (hw[0] & 0xf800u) >= 0xe800u;
      if (!wide || uc_mem_read(tr.uc, tr.insn_pc + 2u, &hw[1], 2) == UC_ERR_OK) {
        tr.hw1 = hw[0];
        tr.hw2 = hw[1];
        tr.fetched = 1;
      }
    }
  }
  return tr.fetched > 0;
}

/* Whether the op argument a (a TCGTemp inside ctx) is the global called `name`. */
static int temp_named(void *ctx, uintptr_t a, const char *name) {
  uintptr_t base = (uintptr_t) ctx;
  if (a <= base || a - base >= VB_CONTEXT_SPAN || ((a - base) & 7u) != 0) {
    return 0;
  }
  const char *n = *(const char *const *) (a + VB_TEMP_NAME_OFFSET);
  return n != NULL && strcmp(n, name) == 0;
}

/* ---- following the translation ---- */

void vb_translation_begin(uc_engine *uc, uint32_t pc, uint32_t flags) {
  tr.active = 1;
  tr.uc = uc;
  tr.block_pc = pc;
  tr.block_itstate = flags & 0xffu; /* 2.0.1's TB flags: IT state in bits 0-7 */
  tr.insn_known = 0;
  tr.fetched = 0;
}

void vb_translation_end(void) {
  tr.active = 0;
  tr.uc = NULL;
}

/* Emits `env->condexec_bits = itstate` as QEMU's own gen_set_condexec would. */
static void store_itstate(void *ctx, uint32_t itstate) {
  static const_fn constant;
  static free_fn release;
  if (constant == NULL) {
    constant = (const_fn) next("tcg_const_i32_arm");
    release = (free_fn) next("tcg_temp_free_internal_arm");
  }
  uintptr_t base = (uintptr_t) ctx;
  uintptr_t value = base + (uintptr_t) constant(ctx, (int32_t) itstate); /* TCGv -> TCGTemp */
  real_op3()(ctx, st_i32_opc, value, base + env_offset, condexec_offset);
  release(ctx, (void *) value);
}

/* An instruction translated inside an IT block (see the header comment, 3). */
static void inside_it_block(void *ctx, uint32_t itstate) {
  if (st_i32_opc >= 0 && it_advance(itstate) != 0 && fetch() && is_isb(tr.hw1, tr.hw2)) {
    store_itstate(ctx, it_advance(itstate));
  }
}

void tcg_gen_op3_arm(void *ctx, int opc, uintptr_t a1, uintptr_t a2, uintptr_t a3) {
  if (!enabled || !tr.active) {
    real_op3()(ctx, opc, a1, a2, a3);
    return;
  }
  if (tr.calibrating && tr.calibration_zero != 0 && a1 == tr.calibration_zero) {
    /* The block start's `st_i32 zero, env, offsetof(CPUARMState, condexec_bits)`. */
    if (temp_named(ctx, a2, "env") && a3 < VB_CONTEXT_SPAN) {
      st_i32_opc = opc;
      env_offset = a2 - (uintptr_t) ctx;
      condexec_offset = a3;
    }
    tr.calibration_zero = 0;
  }
  if (insn_start_opc < 0 && a1 == tr.block_pc && a2 == tr.block_itstate && a3 == 0) {
    insn_start_opc = opc; /* insn_start(pc, IT state, 0): the block's first instruction */
  }
  real_op3()(ctx, opc, a1, a2, a3);
  if (opc == insn_start_opc) {
    tr.insn_pc = (uint32_t) a1;
    tr.insn_known = 1;
    tr.fetched = 0;
    if (a2 != 0) {
      inside_it_block(ctx, (uint32_t) a2);
    }
  }
}

/* Whether the op2 output a1 is the SP global (found by name once, then by offset). */
static int is_sp(void *ctx, uintptr_t a1) {
  uintptr_t base = (uintptr_t) ctx;
  if (sp_offset != 0) {
    return a1 - base == sp_offset;
  }
  if (temp_named(ctx, a1, "r13")) {
    sp_offset = a1 - base;
    return 1;
  }
  return 0;
}

void tcg_gen_op2_arm(void *ctx, int opc, uintptr_t a1, uintptr_t a2) {
  static op2_fn real;
  static andi_fn andi;
  if (real == NULL) {
    real = (op2_fn) next("tcg_gen_op2_arm");
    andi = (andi_fn) next("tcg_gen_andi_i32_arm");
  }
  real(ctx, opc, a1, a2);
  if (!enabled || !tr.active) {
    return;
  }
  if (tr.calibrating && !tr.insn_known && a2 == 0) {
    tr.calibration_zero = a1; /* `movi tmp, 0` ahead of the block's first instruction */
  }
  /* op2's first argument is its output: a move (or constant) into SP gets its low bits cut. */
  if (is_sp(ctx, a1)) {
    void *sp = (void *) (a1 - (uintptr_t) ctx); /* TCGv_i32 is the temp's offset in ctx */
    andi(ctx, sp, sp, ~3);
  }
}

static int aligned_memop(int memop) {
  if (enabled && tr.active && (memop & (VB_MO_SIZE | VB_MO_AMASK)) == VB_MO_32 && fetch()
      && vb_is_multiword_access(tr.hw1, tr.hw2)) {
    return memop | VB_MO_ALIGN;
  }
  return memop;
}

void tcg_gen_qemu_ld_i32_arm(void *ctx, void *val, void *addr, uintptr_t idx, int memop) {
  static ldst_fn real;
  if (real == NULL) {
    real = (ldst_fn) next("tcg_gen_qemu_ld_i32_arm");
  }
  real(ctx, val, addr, idx, aligned_memop(memop));
}

void tcg_gen_qemu_st_i32_arm(void *ctx, void *val, void *addr, uintptr_t idx, int memop) {
  static ldst_fn real;
  if (real == NULL) {
    real = (ldst_fn) next("tcg_gen_qemu_st_i32_arm");
  }
  real(ctx, val, addr, idx, aligned_memop(memop));
}

/* MSR to MSP (SYSm 8) or PSP (SYSm 9) keeps SP word-aligned (B5.2.3, as QEMU 7.2). */
void helper_v7m_msr_arm(void *env, uint32_t maskreg, uint32_t val) {
  static msr_fn real;
  if (real == NULL) {
    real = (msr_fn) next("helper_v7m_msr_arm");
  }
  uint32_t sysm = maskreg & 0xffu;
  if (enabled && (sysm == 8u || sysm == 9u)) {
    val &= ~3u;
  }
  real(env, maskreg, val);
}

/* ---- calibration and switch ---- */

#define PROBE_PC 0x100u
#define PROBE_ITSTATE 0x08u /* EQ, one instruction left */

/*
 * Learns how QEMU writes env->condexec_bits by translating, on a throwaway engine, a block that
 * starts inside an IT block: QEMU opens such a block with `movi tmp, 0; st_i32 tmp, env,
 * offsetof(CPUARMState, condexec_bits)`. If that is not seen, st_i32_opc stays -1 and an ISB
 * inside an IT block keeps libunicorn's behaviour.
 */
static void calibrate_condexec(void) {
  uc_engine *uc;
  if (uc_open(UC_ARCH_ARM, UC_MODE_THUMB, &uc) != UC_ERR_OK) {
    return;
  }
  static const uint16_t nops[] = {0xbf00, 0xbf00, 0xbf00, 0xbf00};
  if (uc_ctl(uc, UC_CTL_WRITE(UC_CTL_CPU_MODEL, 1), UC_CPU_ARM_CORTEX_M3) == UC_ERR_OK
      && uc_mem_map(uc, 0, 0x1000, UC_PROT_ALL) == UC_ERR_OK
      && uc_mem_write(uc, PROBE_PC, nops, sizeof nops) == UC_ERR_OK) {
    vb_set_reg(uc, UC_ARM_REG_XPSR, VB_XPSR_T | vb_xpsr_it(PROBE_ITSTATE));
    tr.calibrating = 1;
    tr.calibration_zero = 0;
    uc_emu_start(uc, PROBE_PC | 1u, PROBE_PC + sizeof nops, 0, 0);
    tr.calibrating = 0;
  }
  uc_close(uc);
}

void vb_translation_fixes_enable(int on) {
  enabled = on != 0;
  if (enabled && st_i32_opc < 0) {
    calibrate_condexec();
  }
}

int vb_translation_fixes_enabled(void) {
  return enabled;
}

/* Whether an ISB inside an IT block keeps the IT state (calibrate_condexec succeeded). */
int vb_translation_itstate_store_known(void) {
  return st_i32_opc >= 0;
}
