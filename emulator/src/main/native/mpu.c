/*
 * The MPU (ARMv7-M PMSAv7, ARM DDI 0403 B3.5) enforced as QEMU 7.2 enforces it on the
 * Cortex-M3 of mps2-an385.
 *
 * Unicorn 2.0.1's Cortex-M3 runs QEMU 5.0's PMSAv7 code on every TLB fill, but with its MPU_CTRL
 * forever zero: the NVIC that would write it is not part of libunicorn, and nothing public
 * reaches it. So libunicorn's get_phys_addr_arm is interposed (arm_cpu_tlb_fill calls it through
 * its PLT; this library is loaded RTLD_GLOBAL first). While the guest has the MPU enabled, ours
 * takes the decision from the registers Java pushes (vb_mpu_set), with QEMU 7.2's rules
 * (get_phys_addr_pmsav7, target/arm/ptw.c) re-implemented in mpu_lookup below. A refusal makes
 * libunicorn raise its data or prefetch abort at the exact instruction, which vb_intr_hook
 * reports; mpu_fault and mpu_fault_addr tell Java that it is a MemManage fault and where.
 *
 * Privilege and "requested execution priority negative" (HardFault or NMI active, or FAULTMASK
 * set: the MPU is off for those unless MPU_CTRL.HFNMIENA) arrive as QEMU's MMU index, as in QEMU
 * 7.2. Two things keep the index right:
 *  - libunicorn caches it in env->hflags, which it rebuilds after MSR and CPS but not after a
 *    uc_reg_write of IPSR or CONTROL, which is how vboard enters and leaves exceptions: Java calls
 *    vb_mpu_sync before each slice and vb_exception_return_in_run calls vb_mpu_rebuild, which
 *    rebuild them (uc_reg_write of APSR_NZCV ends in arm_rebuild_hflags).
 *  - libunicorn's armv7m_nvic_neg_prio_requested_arm is a stub that answers false; ours answers
 *    as QEMU 7.2's NVIC does, from FAULTMASK and from what Java says of HardFault and NMI.
 * With the MPU disabled, the default for almost all firmware, both interposers answer exactly
 * as libunicorn's own functions: nothing changes and nothing gets slower.
 *
 * All of this rests on QEMU 5.0's signatures and MMU index bits, so it is checked once per
 * process on a throwaway engine (vb_mpu_available): an access outside every region must abort
 * at its instruction, one inside must not, unprivileged code must lose a privileged-only
 * region and the negative priority must lift the MPU. If anything fails (another libunicorn),
 * Java leaves the MPU registers unenforced, as before, and says so.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

/* MPU_CTRL bits (B3.5.6). */
#define CTRL_ENABLE 1u
#define CTRL_HFNMIENA 2u
#define CTRL_PRIVDEFENA 4u

/* QEMU 5.0's ARMMMUIdx bits for M profile (target/arm/cpu.h): privileged, negative priority. */
#define MMU_IDX_M 0x40
#define MMU_IDX_M_PRIV 0x01
#define MMU_IDX_M_NEGPRI 0x02

/* QEMU's PAGE_READ/WRITE/EXEC, indexed by MMUAccessType (0 load, 1 store, 2 fetch). */
#define PROT_R 1
#define PROT_W 2
#define PROT_X 4

/* QEMU's ARMFaultType values (target/arm/internals.h), the first field of ARMMMUFaultInfo. */
#define FAULT_BACKGROUND 3
#define FAULT_PERMISSION 5

/* The default memory map's permissions (B3.1, table B3-1): Peripheral, Device and System are XN. */
static int default_prot(uint32_t address) {
  switch (address >> 29) {
    case 0: /* Code */
    case 1: /* SRAM */
    case 3: /* RAM 0x60000000 */
    case 4: /* RAM 0x80000000 */
      return PROT_R | PROT_W | PROT_X;
    default:
      return PROT_R | PROT_W;
  }
}

/* The PPB, 0xE0000000-0xE00FFFFF, always uses the default map (B3.5.1). */
static int is_ppb(uint32_t address) {
  return (address >> 20) == 0xe00u;
}

/* The System region from 0xE0000000 is execute-never whatever a region says (B3.5.1). */
static int is_system(uint32_t address) {
  return (address >> 29) == 7u;
}

/* AP (RASR[26:24], B3.5.9 table B3-15) for privileged and for unprivileged accesses. */
static int ap_prot(uint32_t ap, int user) {
  static const int privileged[8] = {0, PROT_R | PROT_W | PROT_X, PROT_R | PROT_W | PROT_X,
                                    PROT_R | PROT_W | PROT_X, 0, PROT_R | PROT_X, PROT_R | PROT_X,
                                    PROT_R | PROT_X};
  static const int unprivileged[8] = {0, 0, PROT_R | PROT_X, PROT_R | PROT_W | PROT_X, 0, 0,
                                      PROT_R | PROT_X, PROT_R | PROT_X};
  /* 4 is reserved: no access, as QEMU. 7 is read-only, as 6 (v7-M). */
  return user ? unprivileged[ap & 7] : privileged[ap & 7];
}

/*
 * The permissions the enabled MPU gives `address` (PROT_*; 0 with *background set when no
 * region matched and the default map does not apply), and in *lg_page the log2 of the aligned
 * span around it for which the answer holds, at most page_bits: a region smaller than a TLB
 * page, or one that covers only part of the page, makes the engine ask again on every access.
 * As QEMU 7.2: the highest-numbered matching region wins; a region that is disabled, has SIZE
 * 0 or a base not aligned to its size is ignored; a disabled subregion (regions of 256 bytes
 * and more) falls through to lower regions and the background. One deliberate difference: QEMU
 * keeps the whole page for an answer that fell through a disabled subregion smaller than the
 * page, so what it allows next to that subregion depends on which access filled its TLB first;
 * here the span shrinks to the subregion and every access gets the architected answer.
 */
static int mpu_lookup(const vb_mpu *m, uint32_t address, int user, int *lg_page,
                      int *background) {
  uint32_t page_bits = m->page_bits;
  uint64_t page = address & ~((1ull << page_bits) - 1);
  uint64_t page_last = page + (1ull << page_bits) - 1;
  int lg = (int) page_bits;
  int n;
  *background = 0;
  for (n = VB_MPU_REGIONS - 1; n >= 0; n--) {
    uint32_t rasr = m->rasr[n];
    uint32_t base = m->rbar[n] & ~0x1fu;
    uint32_t rsize = (rasr >> 1) & 0x1fu;
    if ((rasr & 1u) == 0 || rsize == 0) {
      continue;
    }
    rsize++; /* the region is 2^rsize bytes */
    uint64_t rmask = (1ull << rsize) - 1;
    if ((base & rmask) != 0) {
      continue;
    }
    if (address < base || address > base + rmask) {
      if (base <= page_last && base + rmask >= page) {
        lg = 0; /* part of this page answers differently */
      }
      continue;
    }
    int disabled = 0;
    if (rsize >= 8) {
      /* Eight subregions; the span grows over neighbours whose SRD bits agree. */
      uint32_t sub = rsize - 3;
      uint32_t snd = ((address - base) >> sub) & 7u;
      disabled = (rasr >> (8 + snd)) & 1u;
      rsize = sub;
      for (uint32_t group = 2; group <= 8 && rsize < page_bits; group *= 2) {
        uint32_t first = snd & ~(group - 1);
        uint32_t bits = (rasr >> (8 + first)) & ((1u << group) - 1);
        if (bits != (disabled ? (1u << group) - 1 : 0)) {
          break;
        }
        rsize++;
      }
    }
    if ((int) rsize < lg) {
      lg = (int) rsize;
    }
    if (disabled) {
      continue;
    }
    break;
  }
  *lg_page = lg;
  if (n < 0) {
    if (user || (m->ctrl & CTRL_PRIVDEFENA) == 0) {
      *background = 1;
      return 0;
    }
    return default_prot(address);
  }
  uint32_t rasr = m->rasr[n];
  int prot = ap_prot(rasr >> 24, user);
  if ((rasr & (1u << 28)) != 0 || is_system(address)) {
    prot &= ~PROT_X; /* XN */
  }
  return prot;
}

/* Whether the MPU applies to this access at all: enabled, and not lifted by HFNMIENA clear. */
static int mpu_applies(const vb_mpu *m, uint32_t address, int negpri) {
  if ((m->ctrl & CTRL_ENABLE) == 0 || is_ppb(address)) {
    return 0;
  }
  return !negpri || (m->ctrl & CTRL_HFNMIENA) != 0;
}

/*
 * Whether an access of `access` (0 load, 1 store, 2 fetch) to `address` is allowed: what the
 * interposer decides, for Java's stacking checks and unit tests.
 */
int vb_mpu_permits(const vb_counter *c, uint32_t address, int access, int privileged,
                   int negpri) {
  if (!mpu_applies(&c->mpu, address, negpri)) {
    return access != 2 || (default_prot(address) & PROT_X) != 0;
  }
  int lg, background;
  int prot = mpu_lookup(&c->mpu, address, !privileged, &lg, &background);
  return (prot & (1 << access)) != 0;
}

int vb_mpu_frame_ok(const vb_counter *c, uint32_t frame, int write, int privileged) {
  if ((c->mpu.ctrl & CTRL_ENABLE) == 0) {
    return 1;
  }
  for (uint32_t i = 0; i < 8; i++) {
    if (!vb_mpu_permits(c, frame + 4 * i, write ? 1 : 0, privileged, 0)) {
      return 0;
    }
  }
  return 1;
}

/* ---- the interposers ---- */

typedef bool (*get_phys_addr_fn)(void *env, uint32_t address, int access_type, int mmu_idx,
                                 uint64_t *phys, void *attrs, int *prot, uint32_t *page_size,
                                 void *fault_info, void *cache_attrs);

/*
 * QEMU 5.0's get_phys_addr (target/arm/helper.c): true when the access faults. libunicorn's own
 * runs first in every case, for the physical address (the same: no MMU) and the attributes;
 * with the MPU in force, the permissions, the span and the verdict are then ours.
 */
bool get_phys_addr_arm(void *env, uint32_t address, int access_type, int mmu_idx,
                       uint64_t *phys, void *attrs, int *prot, uint32_t *page_size,
                       void *fault_info, void *cache_attrs) {
  static get_phys_addr_fn real;
  if (real == NULL) {
    real = (get_phys_addr_fn) dlsym(RTLD_NEXT, "get_phys_addr_arm");
    if (real == NULL) {
      abort(); /* cannot happen: only a libunicorn that defines it calls it */
    }
  }
  bool fault = real(env, address, access_type, mmu_idx, phys, attrs, prot, page_size,
                    fault_info, cache_attrs);
  vb_counter *c = vb_running;
  if (c == NULL || (mmu_idx & MMU_IDX_M) == 0 || access_type < 0 || access_type > 2
      || !mpu_applies(&c->mpu, address, (mmu_idx & MMU_IDX_M_NEGPRI) != 0)) {
    return fault;
  }
  int lg, background;
  int p = mpu_lookup(&c->mpu, address, (mmu_idx & MMU_IDX_M_PRIV) == 0, &lg, &background);
  *prot = p;
  *page_size = 1u << lg;
  if ((p & (1 << access_type)) != 0) {
    return false;
  }
  *(int *) fault_info = background ? FAULT_BACKGROUND : FAULT_PERMISSION;
  if (c->mpu_fault == 0) {
    /* The first refusal of the run is the one that aborts it: the engine stops at once. Later
     * ones are libunicorn looking at the stop address (0xFFFFFFFE, XN) as the run ends. */
    c->mpu_fault = (uint32_t) access_type + 1;
    c->mpu_fault_addr = address;
  }
  return true;
}

/*
 * QEMU 7.2's armv7m_nvic_neg_prio_requested (hw/intc/armv7m_nvic.c): FAULTMASK set, or
 * HardFault or NMI active, whatever the privilege (QEMU 7.2 does not look at it here either).
 * libunicorn asks while it rebuilds its hflags, during a run (after MSR and CPS) or from
 * vb_mpu_rebuild; false, as libunicorn's stub, while the MPU is off.
 */
bool armv7m_nvic_neg_prio_requested_arm(void *nvic, bool secure) {
  (void) nvic;
  (void) secure;
  vb_counter *c = vb_running;
  if (c == NULL || (c->mpu.ctrl & CTRL_ENABLE) == 0) {
    return false;
  }
  if (c->mpu.negpri_active) {
    return true;
  }
  uc_engine *uc = vb_running_uc;
  /* Unprivileged Thread mode reads FAULTMASK as 0: read it from Handler mode for a moment, as
   * vb_read_state does (FAULTMASK set, then CONTROL.nPRIV set, keeps it set). */
  int unprivileged = (vb_reg(uc, UC_ARM_REG_IPSR) & 0x1ffu) == 0
                     && (vb_reg(uc, UC_ARM_REG_CONTROL) & 1u) != 0;
  if (unprivileged) {
    vb_set_reg(uc, UC_ARM_REG_IPSR, 1);
  }
  uint32_t faultmask = vb_reg(uc, UC_ARM_REG_FAULTMASK) & 1u;
  if (unprivileged) {
    vb_set_reg(uc, UC_ARM_REG_IPSR, 0);
  }
  return faultmask != 0;
}

/* ---- what Java calls ---- */

void vb_mpu_rebuild(vb_counter *c, uc_engine *uc) {
  vb_counter *outer = vb_running;
  uc_engine *outer_uc = vb_running_uc;
  vb_running = c;
  vb_running_uc = uc;
  /* The flags are unchanged; libunicorn rebuilds its hflags after this write (unicorn_arm.c). */
  vb_set_reg(uc, UC_ARM_REG_APSR_NZCV, vb_reg(uc, UC_ARM_REG_APSR_NZCV));
  vb_running = outer;
  vb_running_uc = outer_uc;
}

/*
 * Before a slice while the MPU is on: whether HardFault or NMI is active, and libunicorn's MMU
 * index brought up to date with the mode vboard set (see the header comment).
 */
void vb_mpu_sync(vb_counter *c, uc_engine *uc, int negpri_active) {
  c->mpu.negpri_active = negpri_active != 0;
  vb_mpu_rebuild(c, uc);
}

/*
 * The guest wrote MPU_CTRL, RBAR or RASR: the new registers, and the engine's TLB dropped so
 * that every access is decided again (QEMU 7.2's NVIC flushes it on each of those writes).
 */
void vb_mpu_set(vb_counter *c, uc_engine *uc, uint32_t ctrl, const uint32_t *rbar,
                const uint32_t *rasr) {
  static void (*flush_tlb)(void *cpu);
  uint32_t was = c->mpu.ctrl;
  uint32_t page_size = 0;
  c->mpu.ctrl = ctrl;
  for (int i = 0; i < VB_MPU_REGIONS; i++) {
    c->mpu.rbar[i] = rbar[i];
    c->mpu.rasr[i] = rasr[i];
  }
  if (c->mpu.page_bits == 0) {
    c->mpu.page_bits = 10; /* QEMU's smallest ARM page, the one 2.0.1 uses */
    if (uc_ctl_get_page_size(uc, &page_size) == UC_ERR_OK && page_size != 0
        && (page_size & (page_size - 1)) == 0) {
      c->mpu.page_bits = (uint32_t) __builtin_ctz(page_size);
    }
  }
  if (flush_tlb == NULL) {
    flush_tlb = (void (*)(void *)) dlsym(RTLD_DEFAULT, "tlb_flush_arm");
  }
  if (flush_tlb != NULL && c->cpu != NULL) {
    flush_tlb(c->cpu);
  }
  if (((was ^ ctrl) & CTRL_ENABLE) != 0) {
    vb_mpu_rebuild(c, uc); /* the negative-priority bit of the MMU index follows ENABLE */
  }
}

/* Clears the record of a refused access (Java, before it reads the next one). */
void vb_mpu_clear_fault(vb_counter *c) {
  c->mpu_fault = 0;
}

/* ---- the check on a throwaway engine ---- */

static int available = -1;
static pthread_once_t checked = PTHREAD_ONCE_INIT;

/* Probe code at 0x100: ldr r0, [r1]; nop. */
#define PROBE_CODE 0x100u
#define PROBE_PRIVATE 0x800u /* region 1: privileged read/write only */
#define PROBE_OUTSIDE 0x2000u /* no region */

static void probe_intr(uc_engine *uc, uint32_t intno, void *user_data) {
  *(int *) user_data = (int) intno;
  uc_emu_stop(uc);
}

/* One LDR from `address`; returns the interrupt it raised (-1 none) or -2 if it did not run. */
static int probe_load(vb_counter *c, uc_engine *uc, int *intno, uint32_t address) {
  *intno = -1;
  c->mpu_fault = 0;
  vb_set_reg(uc, UC_ARM_REG_R1, address);
  if (vb_emu_start(c, uc, PROBE_CODE | 1u, 0xfffffffeu, 0, 1) != UC_ERR_OK) {
    return -2;
  }
  return *intno;
}

/* Privileged Thread mode (CONTROL.nPRIV clear) or unprivileged, through Handler mode. */
static void probe_privilege(vb_counter *c, uc_engine *uc, int privileged) {
  vb_set_reg(uc, UC_ARM_REG_IPSR, 3);
  vb_set_reg(uc, UC_ARM_REG_CONTROL, privileged ? 0 : 1);
  vb_set_reg(uc, UC_ARM_REG_IPSR, 0);
  vb_mpu_sync(c, uc, 0);
}

static void check(void) {
  static const uint16_t code[] = {0x6808, 0xbf00}; /* ldr r0, [r1]; nop */
  uc_engine *uc = NULL;
  uc_hook hook;
  int intno = -1;
  int ok = 0;
  vb_counter *c = vb_counter_new();
  if (c == NULL || uc_open(UC_ARCH_ARM, UC_MODE_THUMB, &uc) != UC_ERR_OK) {
    vb_counter_free(c);
    available = 0;
    return;
  }
  if (uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_M3) != UC_ERR_OK
      || uc_mem_map(uc, 0, 0x4000, UC_PROT_ALL) != UC_ERR_OK
      || uc_mem_write(uc, PROBE_CODE, code, sizeof code) != UC_ERR_OK
      || uc_hook_add(uc, &hook, UC_HOOK_INTR, (void *) probe_intr, &intno, 1, 0) != UC_ERR_OK) {
    goto done;
  }
  /* Before the MPU is on: a load anywhere runs (and the engine's CPU becomes known). */
  if (probe_load(c, uc, &intno, PROBE_OUTSIDE) != -1) {
    goto done;
  }
  /* Region 0: the first 4 KiB, full access; region 1: 256 bytes, privileged only. */
  uint32_t rbar[VB_MPU_REGIONS] = {0, PROBE_PRIVATE};
  uint32_t rasr[VB_MPU_REGIONS] = {3u << 24 | 11u << 1 | 1u, 1u << 24 | 7u << 1 | 1u};
  vb_mpu_set(c, uc, CTRL_ENABLE, rbar, rasr);
  probe_privilege(c, uc, 1);
  if (probe_load(c, uc, &intno, PROBE_PRIVATE) != -1
      || probe_load(c, uc, &intno, PROBE_OUTSIDE) != 4 || c->mpu_fault != 1
      || c->mpu_fault_addr != PROBE_OUTSIDE
      || (vb_reg(uc, UC_ARM_REG_PC) & ~1u) != PROBE_CODE) {
    goto done;
  }
  /* HardFault active without HFNMIENA: the MPU is lifted. */
  vb_mpu_sync(c, uc, 1);
  if (probe_load(c, uc, &intno, PROBE_OUTSIDE + 0x400) != -1) {
    goto done;
  }
  /* Unprivileged: region 1 refuses, region 0 still allows. */
  probe_privilege(c, uc, 0);
  if (probe_load(c, uc, &intno, PROBE_PRIVATE) != 4 || c->mpu_fault != 1
      || probe_load(c, uc, &intno, PROBE_PRIVATE + 0x100) != -1) {
    goto done;
  }
  ok = 1;
done:
  uc_close(uc);
  vb_counter_free(c);
  available = ok;
}

/* 1 when this libunicorn lets the MPU be enforced (checking on the first call). */
int vb_mpu_available(void) {
  pthread_once(&checked, check);
  return available;
}
