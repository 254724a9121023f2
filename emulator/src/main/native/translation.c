/*
 * Two rules of ARMv7-M that libunicorn 2.0.1's translator (QEMU 5.0's) leaves out and QEMU 7.2
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
 * How the translation is followed: tb_gen_code_arm (vboardcpu.c) brackets each translation with
 * vb_translation_begin/end. QEMU emits an insn_start op with the guest PC at the start of every
 * instruction (tcg_gen_op3 on ARM); its opcode number is learnt from the first one, whose PC and
 * IT state are those of the block. The instruction at that PC is decoded only when one of its
 * accesses is a 32-bit one. The SP global is found by its name ("r13") in QEMU's TCGTemp.
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

static int enabled;
/* The opcode number of insn_start, or -1 until the first translation showed it. */
static int insn_start_opc = -1;
/* The SP global's offset in the TCGContext (TCGv form), 0 until found by name. */
static uintptr_t sp_offset;

/* The translation under way on this thread. */
static __thread struct {
  int active;
  uc_engine *uc;         /* to read the code; NULL for engines vboard does not run */
  uint32_t block_pc;
  uint32_t block_itstate;
  int insn_known;
  uint32_t insn_pc;      /* the instruction being translated */
  int decoded;           /* insn_multiword describes insn_pc */
  int insn_multiword;
} tr;

static void *next(const char *name) {
  void *f = dlsym(RTLD_NEXT, name);
  if (f == NULL) {
    abort(); /* cannot happen: only a libunicorn that defines it calls it */
  }
  return f;
}

void vb_translation_fixes_enable(int on) {
  enabled = on != 0;
}

int vb_translation_fixes_enabled(void) {
  return enabled;
}

void vb_translation_begin(uc_engine *uc, uint32_t pc, uint32_t flags) {
  tr.active = 1;
  tr.uc = uc;
  tr.block_pc = pc;
  tr.block_itstate = flags & 0xffu; /* 2.0.1's TB flags: IT state in bits 0-7 */
  tr.insn_known = 0;
  tr.decoded = 0;
}

void vb_translation_end(void) {
  tr.active = 0;
  tr.uc = NULL;
}

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

static int insn_is_multiword(void) {
  if (!tr.insn_known || tr.uc == NULL) {
    return 0;
  }
  if (!tr.decoded) {
    uint16_t hw[2] = {0, 0};
    tr.insn_multiword = 0;
    if (uc_mem_read(tr.uc, tr.insn_pc, &hw[0], 2) == UC_ERR_OK) {
      int wide = (hw[0] & 0xf800u) >= 0xe800u;
      if (!wide || uc_mem_read(tr.uc, tr.insn_pc + 2u, &hw[1], 2) == UC_ERR_OK) {
        tr.insn_multiword = vb_is_multiword_access(hw[0], hw[1]);
      }
    }
    tr.decoded = 1;
  }
  return tr.insn_multiword;
}

static int aligned_memop(int memop) {
  if (enabled && tr.active && (memop & (VB_MO_SIZE | VB_MO_AMASK)) == VB_MO_32
      && insn_is_multiword()) {
    return memop | VB_MO_ALIGN;
  }
  return memop;
}

void tcg_gen_op3_arm(void *ctx, int opc, uintptr_t a1, uintptr_t a2, uintptr_t a3) {
  static op3_fn real;
  if (real == NULL) {
    real = (op3_fn) next("tcg_gen_op3_arm");
  }
  if (enabled && tr.active) {
    if (insn_start_opc < 0 && a1 == tr.block_pc && a2 == tr.block_itstate && a3 == 0) {
      insn_start_opc = opc; /* insn_start(pc, IT state, 0): the block's first instruction */
    }
    if (opc == insn_start_opc) {
      tr.insn_pc = (uint32_t) a1;
      tr.insn_known = 1;
      tr.decoded = 0;
    }
  }
  real(ctx, opc, a1, a2, a3);
}

/* Whether the op2 output a1 (a TCGTemp inside ctx) is the SP global. */
static int is_sp(void *ctx, uintptr_t a1) {
  uintptr_t base = (uintptr_t) ctx;
  if (a1 <= base || a1 - base >= VB_CONTEXT_SPAN || ((a1 - base) & 7u) != 0) {
    return 0;
  }
  if (sp_offset != 0) {
    return a1 - base == sp_offset;
  }
  const char *name = *(const char *const *) (a1 + VB_TEMP_NAME_OFFSET);
  if (name != NULL && strcmp(name, "r13") == 0) {
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
  /* op2's first argument is its output: a move (or constant) into SP gets its low bits cut. */
  if (enabled && tr.active && is_sp(ctx, a1)) {
    void *sp = (void *) (a1 - (uintptr_t) ctx); /* TCGv_i32 is the temp's offset in ctx */
    andi(ctx, sp, sp, ~3);
  }
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
