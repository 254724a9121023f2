/*
 * vboard native CPU helper, loaded by dev.vboard.emulator.cpu.NativeHelper.
 *
 * 1. An instruction-counting UC_HOOK_BLOCK callback. Unicorn 2.0.1 offers exact counting only
 *    through uc_emu_start(count=K), which installs a per-instruction hook and flushes the
 *    translation cache whenever K switches on or off. A block hook in C costs a few ns per block:
 *    it adds the block's Thumb instruction count (decoded once from guest memory, cached by
 *    address and size) and calls uc_emu_stop() *before* a block that would run past the budget,
 *    or when the Java side raised the stop flag (MMIO callbacks must never stop mid-block).
 *
 * 2. Optional no-op replacements for page_collection_lock_arm/page_collection_unlock_arm, see
 *    vb_fast_stores_*. Unicorn 2.0.1 stubs QEMU's dirty-memory tracking, so every guest store
 *    takes notdirty_write(), which allocates and frees a page-collection lock structure (a tree
 *    plus a hash table) only to lock pages in a single-threaded engine. libunicorn calls the two
 *    functions through its exported (interposable) symbols, so when this library is loaded
 *    RTLD_GLOBAL before libunicorn our definitions win. They forward to the real ones unless
 *    vb_fast_stores_enable() was called after the Java side checked uc_version() == 2.0.x.
 *    Only the locking is skipped: tb_invalidate_phys_page_fast() still runs, so self-modifying
 *    code keeps working.
 *
 * 3. Optional dirty data pages, see vb_dirty_pages_*: with the stub above a store still takes
 *    the slow path (about 13 ns), because 2.0.1's stubbed cpu_physical_memory_is_clean() marks
 *    every writable RAM page TLB_NOTDIRTY forever. Our tlb_set_page_with_attrs_arm() (also
 *    interposed) lets libunicorn fill the TLB entry, then clears TLB_NOTDIRTY with libunicorn's
 *    own tlb_set_dirty_arm() when no translated code was ever seen in that 4 KiB page, so stores
 *    there take TCG's inline fast path. Code pages keep the slow path and with it the
 *    self-modifying-code check; the block hook marks a page as code the first time it sees a
 *    block there, before any of the block runs, and flushes the TLB if the page had been made
 *    dirty, so a later store to it takes the slow path again.
 *
 * 4. Counts of rewritten code, see tb_gen_code_arm: a block the guest overwrote (a JIT, a
 *    loader, a copied RAM function) is translated again at the same address, often with the same
 *    size but other instructions. Our interposer of libunicorn's translator decodes such a block
 *    again, so its count and its SEV/divide flags describe the code that runs, not the old one.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

#define VB_INITIAL_SLOTS 4096u


#define VB_FRONT_SLOTS 4096u
#define VB_PAGE_BITS 12
#define VB_PAGE_MAP_BYTES ((1u << (32 - VB_PAGE_BITS)) / 8)

/* A cached count carries two flags above the instruction count (blocks are far shorter). */
#define VB_HAS_DIVIDE 0x80000000u       /* the block holds an SDIV or UDIV */
#define VB_DIVIDES_REPORTED 0x40000000u /* ... and was reported to Java to hook them */
#define VB_HAS_SEV 0x20000000u          /* the block holds a SEV (see block_hook_slow) */
#define VB_HAS_LDREX 0x10000000u        /* ... an LDREX, LDREXB or LDREXH (see exclusive.c) */
#define VB_COUNT_MASK 0x0fffffffu
/* Blocks that must reach block_hook_slow on every entry, never the front cache. */
#define VB_SLOW_ALWAYS (VB_HAS_SEV | VB_HAS_LDREX)

/* Stop causes (stop_cause), mirrored in BlockCounter. */
#define VB_CAUSE_BUDGET 1u
#define VB_CAUSE_FLAG 2u
#define VB_CAUSE_DIVIDES 3u

vb_counter *vb_counter_new(void) {
  vb_counter *c = calloc(1, sizeof(vb_counter));
  if (c == NULL) {
    return NULL;
  }
  c->keys = calloc(VB_INITIAL_SLOTS, sizeof(uint64_t));
  c->counts = calloc(VB_INITIAL_SLOTS, sizeof(uint32_t));
  c->front = calloc(VB_FRONT_SLOTS, sizeof(vb_front));
  if (c->keys == NULL || c->counts == NULL || c->front == NULL) {
    free(c->keys);
    free(c->counts);
    free(c->front);
    free(c);
    return NULL;
  }
  c->mask = VB_INITIAL_SLOTS - 1;
  return c;
}

void vb_counter_free(vb_counter *c) {
  if (c != NULL) {
    free(c->keys);
    free(c->counts);
    free(c->front);
    free(c->code_pages);
    free(c->dirtied);
    free(c);
  }
}

/* Forgets cached counts, e.g. after the host rewrote code (an image load). */
void vb_counter_clear_cache(vb_counter *c) {
  memset(c->keys, 0, (size_t) (c->mask + 1) * sizeof(uint64_t));
  memset(c->front, 0, VB_FRONT_SLOTS * sizeof(vb_front));
  c->used = 0;
}

/* SDIV/UDIV T1 (ARMv7-M A7.7.127, A7.7.195): 0xFB9x/0xFBBx then 0xFxFx. */
static int is_divide(uint32_t hw1, uint32_t hw2) {
  return (hw1 & 0xffd0u) == 0xfb90u && (hw2 & 0xf0f0u) == 0xf0f0u;
}

/* LDREX T1 (0xE85n), LDREXB/LDREXH T1 (0xE8Dn, then 0xtF4F/0xtF5F) (A7.7.52-A7.7.54). */
static int is_load_exclusive(uint32_t hw1, uint32_t hw2) {
  return (hw1 & 0xfff0u) == 0xe850u
         || ((hw1 & 0xfff0u) == 0xe8d0u && (hw2 & 0x0fefu) == 0x0f4fu);
}

/*
 * The number of Thumb instructions in code[0, size), with VB_HAS_SEV when one is a SEV (narrow
 * 0xBF40 or SEV.W 0xF3AF 0x8004, A7.7.129), VB_HAS_LDREX when one is a load exclusive, and
 * VB_HAS_DIVIDE when one of them is a
 * divide: a halfword whose top five bits are 0b11101, 0b11110 or 0b11111 starts a 32-bit
 * instruction (ARMv7-M ARM A5.1).
 */
static uint32_t scan_thumb(const uint8_t *code, uint32_t size) {
  uint32_t n = 0;
  uint32_t flags = 0;
  uint32_t i = 0;
  while (i + 1 < size) {
    uint32_t hw = code[i] | (uint32_t) code[i + 1] << 8;
    if ((hw & 0xf800u) >= 0xe800u) {
      uint32_t hw2 = i + 3 < size ? code[i + 2] | (uint32_t) code[i + 3] << 8 : 0;
      if (i + 3 < size && is_divide(hw, hw2)) {
        flags |= VB_HAS_DIVIDE;
      }
      if (hw == 0xf3afu && hw2 == 0x8004u) {
        flags |= VB_HAS_SEV;
      }
      if (i + 3 < size && is_load_exclusive(hw, hw2)) {
        flags |= VB_HAS_LDREX;
      }
      i += 4;
    } else {
      if (hw == 0xbf40u) {
        flags |= VB_HAS_SEV;
      }
      i += 2;
    }
    n++;
  }
  return n | flags;
}

static uint32_t decode_block(uc_engine *uc, uint64_t addr, uint32_t size) {
  uint8_t local[2048];
  uint8_t *buf = size <= sizeof(local) ? local : malloc(size);
  uint32_t n;
  if (buf == NULL) {
    return size / 2;
  }
  if (uc_mem_read(uc, addr, buf, size) == UC_ERR_OK) {
    n = scan_thumb(buf, size);
  } else {
    n = size / 2; /* code outside RAM/ROM (cannot happen for translated code); stay finite */
  }
  if (buf != local) {
    free(buf);
  }
  return n;
}

static void grow(vb_counter *c) {
  uint32_t old_slots = c->mask + 1;
  uint64_t *old_keys = c->keys;
  uint32_t *old_counts = c->counts;
  uint32_t slots = old_slots * 2;
  uint64_t *keys = calloc(slots, sizeof(uint64_t));
  uint32_t *counts = calloc(slots, sizeof(uint32_t));
  if (keys == NULL || counts == NULL) {
    free(keys);
    free(counts);
    vb_counter_clear_cache(c); /* out of memory: start over rather than fail */
    return;
  }
  c->keys = keys;
  c->counts = counts;
  c->mask = slots - 1;
  for (uint32_t i = 0; i < old_slots; i++) {
    uint64_t k = old_keys[i];
    if (k != 0) {
      uint32_t j = (uint32_t) ((k * 0x9e3779b97f4a7c15ull) >> 40) & c->mask;
      while (c->keys[j] != 0) {
        j = (j + 1) & c->mask;
      }
      c->keys[j] = k;
      c->counts[j] = old_counts[i];
    }
  }
  free(old_keys);
  free(old_counts);
}

static void mark_code(vb_counter *c, uint64_t addr, uint32_t size);

/* The cache slot of a block (its count and flags), decoding it on first sight. */
static uint32_t *block_slot(vb_counter *c, uc_engine *uc, uint64_t addr, uint32_t size) {
  /* Guest addresses are 32-bit and blocks are short, so the key is unique and never 0. */
  uint64_t key = (addr & 0xffffffffull) | (uint64_t) (size + 1) << 32;
  for (;;) {
    uint32_t j = (uint32_t) ((key * 0x9e3779b97f4a7c15ull) >> 40) & c->mask;
    while (c->keys[j] != 0) {
      if (c->keys[j] == key) {
        return &c->counts[j];
      }
      j = (j + 1) & c->mask;
    }
    c->keys[j] = key;
    c->counts[j] = decode_block(uc, addr, size);
    mark_code(c, addr, size);
    if (++c->used * 2 <= c->mask) {
      return &c->counts[j];
    }
    grow(c); /* the slots moved: look the key up again */
  }
}

/* The cache slot of a block already seen, or NULL. */
static uint32_t *find_slot(const vb_counter *c, uint64_t key) {
  uint32_t j = (uint32_t) ((key * 0x9e3779b97f4a7c15ull) >> 40) & c->mask;
  while (c->keys[j] != 0) {
    if (c->keys[j] == key) {
      return &c->counts[j];
    }
    j = (j + 1) & c->mask;
  }
  return NULL;
}

/*
 * The engine translated the block at [addr, addr + size) again: if its code changed since it
 * was decoded, the slot takes the new count and flags (VB_DIVIDES_REPORTED goes, so the divides
 * of new code get their hooks), and the front cache follows. Unchanged code keeps its slot as
 * it is: a translation dropped after a mid-block stop or for the divide hooks is the same code.
 */
static void refresh_block(vb_counter *c, uc_engine *uc, uint64_t addr, uint32_t size) {
  uint64_t key = (addr & 0xffffffffull) | (uint64_t) (size + 1) << 32;
  uint32_t *slot = find_slot(c, key);
  if (slot == NULL) {
    return; /* never run so far: the block hook decodes it on first sight */
  }
  uint32_t fresh = decode_block(uc, addr, size);
  if ((*slot & ~VB_DIVIDES_REPORTED) == fresh) {
    return;
  }
  *slot = fresh;
  vb_front *front = &c->front[(addr >> 1) & (VB_FRONT_SLOTS - 1)];
  if (front->key != key) {
    return;
  }
  if ((fresh & VB_SLOW_ALWAYS) == 0) {
    front->count = fresh & VB_COUNT_MASK;
    return;
  }
  /* A block with a SEV or LDREX must reach block_hook_slow on every entry: out of the front
   * cache. If it was the last block of this run, its description moves to the fields the run
   * reports. */
  if (c->last == front) {
    c->block_addr = addr & 0xffffffffull;
    c->block_size = size;
    c->block_count = fresh & VB_COUNT_MASK;
    c->last = NULL;
  }
  front->key = 0;
}

/*
 * PRIMASK | FAULTMASK << 1 | BASEPRI << 8. QEMU ends the block after CPSIE/CPSID and MSR to a
 * mask register, so checking at block entry sees an unmask before the next instruction: a
 * pending interrupt that the mask held back is then taken exactly where hardware takes it.
 */
static uint32_t read_masks(uc_engine *uc) {
  uint32_t primask = 0, faultmask = 0, basepri = 0;
  uc_reg_read(uc, UC_ARM_REG_PRIMASK, &primask);
  uc_reg_read(uc, UC_ARM_REG_FAULTMASK, &faultmask);
  uc_reg_read(uc, UC_ARM_REG_BASEPRI, &basepri);
  return (primask & 1) | (faultmask & 1) << 1 | (basepri & 0xff) << 8;
}

/* Starts watching the mask registers (Java calls this between slices). */
void vb_watch_masks(vb_counter *c, uc_engine *uc, int on) {
  c->watch_masks = on != 0;
  if (on) {
    c->masks = read_masks(uc);
  }
}

/*
 * Everything but the common case of vb_block_hook: a block not in the front cache, a raised
 * stop flag or mask watch, the divide trap. Kept out of line so that the hook itself stays a
 * leaf with a short prologue (it runs once per executed block).
 *
 * CCR.DIV_0_TRP costs nothing while clear. While div0_trap is set, a block holding a divide
 * whose sites were not reported yet stops the engine before it runs (cause VB_CAUSE_DIVIDES):
 * Java then adds vb_div0_hook as a code hook on exactly those instruction addresses (Unicorn
 * compiles a code hook call only into instructions inside the hook's range) and drops the
 * block's translation, so only SDIV/UDIV instructions are ever checked.
 */
static __attribute__((noinline)) void block_hook_slow(vb_counter *c, uc_engine *uc,
                                                      uint64_t address, uint32_t size,
                                                      vb_front *front, uint64_t key) {
  uint32_t *slot = block_slot(c, uc, address, size);
  uint32_t n = *slot & VB_COUNT_MASK;
  uint32_t always = *slot & VB_SLOW_ALWAYS;
  if (always != 0) {
    /* Never in the front cache, so that every entry comes here and raises the event or opens
     * the monitor; the block's address, size and count are the fields below, not an entry. */
    c->last = NULL;
  } else {
    front->key = key;
    front->count = n;
    c->last = front;
  }
  c->block_addr = address;
  c->block_size = size;
  c->block_count = n;
  if (c->stop_flag || (c->watch_masks && read_masks(uc) != c->masks)) {
    c->stop_cause = VB_CAUSE_FLAG;
    uc_emu_stop(uc);
    return;
  }
  if (c->executed + n > c->budget) {
    /* uc_emu_stop() from a block hook stops before the block runs: it is not counted. */
    c->stop_cause = VB_CAUSE_BUDGET;
    uc_emu_stop(uc);
    return;
  }
  if (c->div0_trap && (*slot & (VB_HAS_DIVIDE | VB_DIVIDES_REPORTED)) == VB_HAS_DIVIDE) {
    *slot |= VB_DIVIDES_REPORTED;
    c->stop_cause = VB_CAUSE_DIVIDES;
    uc_emu_stop(uc);
    return;
  }
  c->executed += n;
  if (always & VB_HAS_LDREX) {
    c->monitor_open = 1; /* see exclusive.c */
  }
  if (always & VB_HAS_SEV) {
    /* SEV sets the event register (B1.5.18); Unicorn runs it as a NOP. A block runs whole
     * once entered, and a WFE ends its block, so raising it at entry is early by at most the
     * instructions before the SEV, which nothing can observe before the WFE that reads it. */
    c->sev = 1;
  }
}

/*
 * The UC_HOOK_BLOCK callback; user_data is the vb_counter. The common case (the block is in the
 * front cache, no stop flag, mask watch or divide trap is up, the budget holds) adds its count
 * and remembers its cache entry (the block's address, size and count are read from it when the
 * run ends, see vb_emu_start); anything else goes to block_hook_slow, which does it in full.
 */
void vb_block_hook(uc_engine *uc, uint64_t address, uint32_t size, void *user_data) {
  vb_counter *c = user_data;
  uint64_t key = (address & 0xffffffffull) | (uint64_t) (size + 1) << 32;
  vb_front *front = &c->front[(address >> 1) & (VB_FRONT_SLOTS - 1)];
  uint64_t executed = c->executed + front->count;
  if (__builtin_expect(front->key != key || (c->stop_flag | c->watch_masks | c->div0_trap) != 0
                           || executed > c->budget, 0)) {
    block_hook_slow(c, uc, address, size, front, key);
    return;
  }
  c->executed = executed;
  c->last = front;
}

/*
 * CCR.UNALIGN_TRP (ARMv7-M B3.2.8): Unicorn 2.0.1 keeps its own CCR at reset value and never
 * traps, so while the guest sets the bit this UC_HOOK_MEM_READ/WRITE hook stops on an unaligned
 * halfword or word access. As with any stop from inside a memory access, the engine exits right
 * after the access with the registers as they were before the instruction.
 */
void vb_unaligned_hook(uc_engine *uc, uc_mem_type type, uint64_t address, int size,
                       int64_t value, void *user_data) {
  vb_counter *c = user_data;
  (void) type;
  (void) value;
  if (size > 1 && (address & (uint64_t) (size - 1)) != 0 && c->trap_cause == 0) {
    c->trap_cause = 1;
    c->trap_addr = (uint32_t) address;
    c->fault_pc = vb_access_pc(c, uc);
    uc_emu_stop(uc);
  }
}

/*
 * CCR.DIV_0_TRP: a UC_HOOK_CODE hook on the address of one SDIV/UDIV (see vb_block_hook),
 * installed only while the guest sets the bit, that stops before the divide when its divisor
 * register is zero. It checks the encoding again, as the code at a hooked address may change.
 */
void vb_div0_hook(uc_engine *uc, uint64_t address, uint32_t size, void *user_data) {
  vb_counter *c = user_data;
  uint8_t b[4];
  if (size != 4 || uc_mem_read(uc, address, b, 4) != UC_ERR_OK) {
    return;
  }
  uint32_t hw1 = b[0] | (uint32_t) b[1] << 8;
  uint32_t hw2 = b[2] | (uint32_t) b[3] << 8;
  if (!is_divide(hw1, hw2)) {
    return;
  }
  uint32_t rm = hw2 & 0xf;
  uint32_t divisor = 1;
  uc_reg_read(uc, rm <= 12 ? UC_ARM_REG_R0 + (int) rm : rm == 13 ? UC_ARM_REG_SP : UC_ARM_REG_LR,
              &divisor);
  if (divisor == 0 && c->trap_cause == 0) {
    c->trap_cause = 2;
    c->trap_addr = (uint32_t) address;
    vb_stop_in_code_hook(c, uc);
  }
}

/* QEMU's exception numbers for a branch to EXC_RETURN (target/arm/cpu.h), see CpuCore. */
#define VB_EXCP_PREFETCH_ABORT 3u
#define VB_EXCP_EXCEPTION_EXIT 8u

/*
 * Whether the last block entered ends with MOV PC, Rm or ADD PC, Rm (T1 encodings, A7.7.77 and
 * A7.7.6 with Rd = PC). Those write the PC with BranchWritePC, which has no EXC_RETURN magic:
 * in Handler mode a branch through them to 0xFFFFFFFx is a plain branch that faults on the
 * fetch, as QEMU 7.2 takes it, where BX, POP, LDM and LDR to the PC return from the exception.
 * Unicorn reports both the same way (a fetch abort at the target), so the branch is told apart
 * by the instruction that made it.
 */
int vb_last_branch_is_plain(vb_counter *c, uc_engine *uc) {
  uint64_t addr = c->last != NULL ? c->last->key & 0xffffffffull : c->block_addr;
  uint32_t size = c->last != NULL ? (uint32_t) (c->last->key >> 32) - 1 : c->block_size;
  uint8_t code[512];
  if (size < 2 || size > sizeof code || uc_mem_read(uc, addr + size - 2, code, 2) != UC_ERR_OK) {
    return 0;
  }
  uint32_t tail = code[0] | (uint32_t) code[1] << 8;
  if ((tail & 0xff87u) != 0x4687u && (tail & 0xff87u) != 0x4487u) {
    return 0; /* the common case, on every return the engine does by itself: one halfword read */
  }
  /* The last halfword looks like one: decode from the start, as it may end a wide instruction. */
  if (uc_mem_read(uc, addr, code, size) != UC_ERR_OK) {
    return 0;
  }
  uint32_t at = 0;
  uint32_t last = 0;
  while (at + 1 < size) {
    last = at;
    uint32_t hw = code[at] | (uint32_t) code[at + 1] << 8;
    at += (hw & 0xf800u) >= 0xe800u ? 4 : 2;
  }
  uint32_t hw = code[last] | (uint32_t) code[last + 1] << 8;
  return (hw & 0xff87u) == 0x4687u || (hw & 0xff87u) == 0x4487u;
}

/*
 * The UC_HOOK_INTR callback (SVC, BKPT, EXC_RETURN, faults): records the interrupt and the PC
 * and stops; the machine handles it between slices. In C rather than a Java callback, because
 * every exception return comes through here and an upcall into the JVM costs microseconds.
 * The one exception: a return Java armed (vb_exception_return_in_run) is done here and the
 * run goes on, which halves the engine starts of a periodic interrupt on an idle board.
 */
void vb_intr_hook(uc_engine *uc, uint32_t intno, void *user_data) {
  vb_counter *c = user_data;
  uint32_t pc = 0;
  uc_reg_read(uc, UC_ARM_REG_PC, &pc);
  if (c->fast_return != 0 && c->monitor_open == 0
      && (intno == VB_EXCP_PREFETCH_ABORT || intno == VB_EXCP_EXCEPTION_EXIT)
      && pc >= 0xfffffff0u && !vb_last_branch_is_plain(c, uc)
      && vb_exception_return_in_run(c, uc, pc | 1u)) {
    return; /* returned to thread mode; the engine goes on at the new PC */
  }
  c->intr_no = (int32_t) intno;
  c->intr_pc = pc;
  uc_emu_stop(uc);
}

void *vb_intr_hook_address(void) {
  return (void *) vb_intr_hook;
}

void *vb_unaligned_hook_address(void) {
  return (void *) vb_unaligned_hook;
}

void *vb_div0_hook_address(void) {
  return (void *) vb_div0_hook;
}

/* Address of vb_block_hook, for uc_hook_add(). */
void *vb_block_hook_address(void) {
  return (void *) vb_block_hook;
}

/* ---- store fast path (see the header comment) ---- */

static int fast_stores;
static void *(*real_lock)(void *, uint64_t, uint64_t);
static void (*real_unlock)(void *);
static char dummy_collection;

/* Returns 1 when both real functions exist behind ours (so forwarding and skipping are safe). */
int vb_fast_stores_available(void) {
  real_lock = (void *(*)(void *, uint64_t, uint64_t)) dlsym(RTLD_NEXT, "page_collection_lock_arm");
  real_unlock = (void (*)(void *)) dlsym(RTLD_NEXT, "page_collection_unlock_arm");
  return real_lock != NULL && real_unlock != NULL;
}

void vb_fast_stores_enable(int on) {
  fast_stores = on && vb_fast_stores_available();
}

int vb_fast_stores_enabled(void) {
  return fast_stores;
}

void *page_collection_lock_arm(void *uc, uint64_t start, uint64_t end) {
  if (fast_stores) {
    return &dummy_collection;
  }
  if (real_lock == NULL && !vb_fast_stores_available()) {
    return NULL;
  }
  return real_lock(uc, start, end);
}

void page_collection_unlock_arm(void *set) {
  if (set == &dummy_collection) {
    return;
  }
  if (real_unlock == NULL && !vb_fast_stores_available()) {
    return;
  }
  real_unlock(set);
}

/* ---- dirty data pages (see the header comment, 3) ---- */

/* libunicorn's own functions, found behind ours (RTLD_NEXT) or in it. */
static void (*real_set_page)(void *cpu, uint32_t vaddr, uint64_t paddr, uint32_t attrs, int prot,
                             int mmu_idx, uint32_t size);
static void (*set_dirty)(void *cpu, uint32_t vaddr);
static void (*flush_tlb)(void *cpu);
static int dirty_pages_on;

/* QEMU's PAGE_WRITE (include/exec/cpu-all.h). */
#define VB_PAGE_WRITE 0x0002

/*
 * The counter and engine running on this thread (set by vb_emu_start), so that the TLB fill and
 * translation interposers, which get only QEMU's CPUState, know which engine's maps to use.
 */
__thread vb_counter *vb_running;
__thread uc_engine *vb_running_uc;

/* Returns 1 when the three libunicorn functions the dirty-page path needs all resolve. */
int vb_dirty_pages_available(void) {
  real_set_page = (void (*)(void *, uint32_t, uint64_t, uint32_t, int, int, uint32_t))
      dlsym(RTLD_NEXT, "tlb_set_page_with_attrs_arm");
  set_dirty = (void (*)(void *, uint32_t)) dlsym(RTLD_NEXT, "tlb_set_dirty_arm");
  flush_tlb = (void (*)(void *)) dlsym(RTLD_NEXT, "tlb_flush_arm");
  return real_set_page != NULL && set_dirty != NULL && flush_tlb != NULL;
}

/* Process-wide switch, set once by Java after the version check (like vb_fast_stores_enable). */
void vb_dirty_pages_enable(int on) {
  dirty_pages_on = on && vb_dirty_pages_available();
}

int vb_dirty_pages_enabled(void) {
  return dirty_pages_on;
}

static int page_bit(const uint8_t *map, uint32_t page) {
  return (map[page >> 3] >> (page & 7)) & 1;
}

static void set_page_bit(uint8_t *map, uint32_t page) {
  map[page >> 3] |= (uint8_t) (1u << (page & 7));
}

/*
 * Turns the dirty-page path on or off for one engine. Off (e.g. while a memory hook must see
 * every store) flushes the TLB, so every entry is refilled with TLB_NOTDIRTY. Returns whether
 * it is on.
 */
int vb_counter_dirty_pages(vb_counter *c, int on) {
  if (on && dirty_pages_on && c->code_pages == NULL) {
    c->code_pages = calloc(VB_PAGE_MAP_BYTES, 1);
    c->dirtied = calloc(VB_PAGE_MAP_BYTES, 1);
    if (c->code_pages == NULL || c->dirtied == NULL) {
      free(c->code_pages);
      free(c->dirtied);
      c->code_pages = c->dirtied = NULL;
    }
  }
  int was = c->dirty_pages != 0;
  c->dirty_pages = on && dirty_pages_on && c->code_pages != NULL;
  if (was && !c->dirty_pages && c->cpu != NULL) {
    flush_tlb(c->cpu);
  }
  return c->dirty_pages != 0;
}

/*
 * Records that translated code lies in [addr, addr + size): called for every block on first
 * sight, before it runs. A page that was made dirty loses that through a TLB flush, so that the
 * next store to it takes the slow path, which invalidates overwritten translations.
 */
static void mark_code(vb_counter *c, uint64_t addr, uint32_t size) {
  if (c->code_pages == NULL) {
    return;
  }
  uint32_t first = (uint32_t) addr >> VB_PAGE_BITS;
  uint32_t last = (uint32_t) (addr + (size > 0 ? size - 1 : 0)) >> VB_PAGE_BITS;
  int flush = 0;
  for (uint32_t p = first;; p++) {
    if (!page_bit(c->code_pages, p)) {
      set_page_bit(c->code_pages, p);
      flush |= page_bit(c->dirtied, p);
    }
    if (p == last) {
      break;
    }
  }
  if (flush && c->cpu != NULL) {
    flush_tlb(c->cpu);
  }
}

/*
 * Interposes libunicorn's TLB fill (it calls this through its PLT). After the real fill, a
 * writable RAM page with no code seen in it is made dirty; tlb_set_dirty_arm only touches an
 * entry that is exactly "RAM, TLB_NOTDIRTY", so MMIO, ROM and watchpoints stay as they were.
 * With M-profile and no MMU, virtual and physical addresses are the same.
 */
void tlb_set_page_with_attrs_arm(void *cpu, uint32_t vaddr, uint64_t paddr, uint32_t attrs,
                                 int prot, int mmu_idx, uint32_t size) {
  if (real_set_page == NULL && !vb_dirty_pages_available()) {
    return; /* cannot happen: libunicorn is loaded before its first TLB fill */
  }
  real_set_page(cpu, vaddr, paddr, attrs, prot, mmu_idx, size);
  vb_counter *c = vb_running;
  if (c != NULL && c->dirty_pages && (prot & VB_PAGE_WRITE) != 0) {
    uint32_t page = vaddr >> VB_PAGE_BITS;
    c->cpu = cpu;
    if (!page_bit(c->code_pages, page)) {
      set_page_bit(c->dirtied, page);
      set_dirty(cpu, vaddr);
    }
  }
}

/* ---- rewritten code (see the header comment, 4) ---- */

/*
 * The head of QEMU 5.0's TranslationBlock (include/exec/exec-all.h), which Unicorn 2.0.x
 * builds on: pc, cs_base and flags as target_ulong/uint32_t (32-bit on ARM), then the size in
 * bytes of the guest code. tb_gen_code_arm checks the head against what it asked for before it
 * trusts the size, so another layout leaves the counts as they were instead of misreading them.
 */
typedef struct vb_tb_head {
  uint32_t pc;
  uint32_t cs_base;
  uint32_t flags;
  uint16_t size;
  uint16_t icount;
} vb_tb_head;

static void *(*real_gen_code)(void *cpu, uint32_t pc, uint32_t cs_base, uint32_t flags,
                              int cflags);

/*
 * Interposes libunicorn's translator (tb_find calls it through its PLT), called once for each
 * block translated, before it first runs: see refresh_block.
 */
void *tb_gen_code_arm(void *cpu, uint32_t pc, uint32_t cs_base, uint32_t flags, int cflags) {
  if (real_gen_code == NULL) {
    real_gen_code = (void *(*)(void *, uint32_t, uint32_t, uint32_t, int))
        dlsym(RTLD_NEXT, "tb_gen_code_arm");
    if (real_gen_code == NULL) {
      abort(); /* cannot happen: only a libunicorn that defines it calls it */
    }
  }
  vb_translation_begin(vb_running_uc, pc, flags);
  void *tb = real_gen_code(cpu, pc, cs_base, flags, cflags);
  vb_translation_end();
  vb_counter *c = vb_running;
  if (c != NULL) {
    c->cpu = cpu; /* for vb_access_pc, before any access of the block can need it */
  }
  const vb_tb_head *head = tb;
  if (c != NULL && head != NULL && head->pc == pc && head->cs_base == cs_base
      && head->flags == flags && head->size > 0 && head->size <= 4096u) {
    refresh_block(c, vb_running_uc, pc, head->size);
  }
  return tb;
}

/*
 * uc_emu_start with this engine's counter made the thread's running one (see `vb_running`).
 * Afterwards block_addr, block_size and block_count describe the last block the hook saw.
 */
int vb_emu_start(vb_counter *c, uc_engine *uc, uint64_t begin, uint64_t until, uint64_t timeout,
                 size_t count) {
  vb_counter *outer = vb_running;
  uc_engine *outer_uc = vb_running_uc;
  vb_running = c;
  vb_running_uc = uc;
  c->last = NULL;
  int err = uc_emu_start(uc, begin, until, timeout, count);
  vb_running = outer;
  vb_running_uc = outer_uc;
  vb_front *last = c->last;
  if (last != NULL) {
    c->block_addr = last->key & 0xffffffffull;
    c->block_size = (uint32_t) (last->key >> 32) - 1;
    c->block_count = last->count;
  }
  return err;
}

/*
 * One slice's start as CpuCore does it, in one call rather than four from Java: clears the
 * interrupt and trap records, then runs from `begin` (VB_FROM_PC: the current PC) until
 * `until`. Bit 0 of the start address sets Unicorn's Thumb state, so it is taken from EPSR.T:
 * a BX to an even address at the end of the last slice must still fault (INVSTATE). Leaves the
 * final PC in end_pc and, for a run that nothing we know of stopped, whether a WFI or WFE
 * ended it in end_hint, so that Java needs no further call to tell.
 */
#define VB_FROM_PC UINT64_MAX

/* WFI, WFE and their 32-bit forms (ARMv7-M ARM A7.7.158, A7.7.157). */
#define VB_THUMB_WFI 0xbf30u
#define VB_THUMB_WFE 0xbf20u
#define VB_THUMB_HINT_W 0xf3afu
#define VB_THUMB_WFI_W 0x8003u
#define VB_THUMB_WFE_W 0x8002u

static uint32_t hint_before(vb_counter *c, uc_engine *uc, uint32_t pc);

int vb_emu_run(vb_counter *c, uc_engine *uc, uint64_t begin, uint64_t until) {
  uint32_t xpsr = 0;
  c->intr_no = -1;
  c->trap_cause = 0;
  c->fault_pc = 0;
  c->mpu_fault = 0;
  if (begin == VB_FROM_PC) {
    uint32_t pc = 0;
    uc_reg_read(uc, UC_ARM_REG_PC, &pc);
    begin = pc;
  }
  uc_reg_read(uc, UC_ARM_REG_XPSR, &xpsr);
  begin = (begin & 0xfffffffeull) | ((xpsr & VB_XPSR_T) != 0 ? 1 : 0);
  int err = vb_emu_start(c, uc, begin, until, 0, 0);
  uint32_t pc = 0;
  if (c->stop_cause != 0) {
    /* The block hook stopped before a block ran. Entered through a direct jump from the block
     * before (TCG's block chaining), the engine has not stored that block's PC yet: the PC it
     * holds is an older one, e.g. the start of the block that jumped. The block's own address is
     * where the run really stopped; its IT state is right (stored before the jump), and so is
     * EPSR.T, which bit 0 of the PC written sets (a BX to an even address must still fault). */
    uint32_t thumb = (vb_reg(uc, UC_ARM_REG_XPSR) & VB_XPSR_T) != 0 ? 1u : 0u;
    vb_set_reg(uc, UC_ARM_REG_PC, (uint32_t) c->block_addr | thumb);
  }
  uc_reg_read(uc, UC_ARM_REG_PC, &pc);
  c->end_pc = pc;
  c->end_hint = 0;
  if ((err == UC_ERR_OK || err == UC_ERR_INSN_INVALID) && c->intr_no < 0 && c->trap_cause == 0
      && c->stop_cause == 0) {
    c->end_hint = hint_before(c, uc, pc);
  }
  return err;
}

/*
 * WFI and WFE end a run with the PC just after them (WFE as an invalid instruction): which of
 * the two, if any, precedes `pc`. Only RAM and ROM are read, never a device.
 */
static uint32_t hint_before(vb_counter *c, uc_engine *uc, uint32_t pc) {
  uint8_t b[4];
  if (pc < 4 || !vb_in_memory(c, pc - 4, 4, 0) || uc_mem_read(uc, pc - 4, b, 4) != UC_ERR_OK) {
    return 0;
  }
  uint32_t hw1 = b[0] | (uint32_t) b[1] << 8;
  uint32_t hw2 = b[2] | (uint32_t) b[3] << 8;
  if (hw2 == VB_THUMB_WFI || (hw1 == VB_THUMB_HINT_W && hw2 == VB_THUMB_WFI_W)) {
    return VB_HINT_WFI;
  }
  if (hw2 == VB_THUMB_WFE || (hw1 == VB_THUMB_HINT_W && hw2 == VB_THUMB_WFE_W)) {
    return VB_HINT_WFE;
  }
  return 0;
}

/* ---- guest memory regions (RAM and ROM, never MMIO) ---- */

/* Records a RAM (writable) or ROM region; Java calls this as it maps one. */
void vb_counter_map_memory(vb_counter *c, uint64_t base, uint64_t size, int writable) {
  if (c->memory_regions < VB_MAX_MEMORY_REGIONS) {
    vb_memory_region *r = &c->memory[c->memory_regions++];
    r->base = base;
    r->end = base + size;
    r->writable = writable != 0;
  }
}

int vb_in_memory(const vb_counter *c, uint64_t addr, uint64_t len, int writable) {
  for (uint32_t i = 0; i < c->memory_regions; i++) {
    const vb_memory_region *r = &c->memory[i];
    if (addr >= r->base && addr + len <= r->end) {
      return !writable || r->writable;
    }
  }
  return 0;
}
