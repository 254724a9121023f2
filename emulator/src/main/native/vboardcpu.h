/*
 * The state vboard's native helper shares between its source files: the per-engine counter
 * (vboardcpu.c) that the exception entry and return (exceptions.c) also use.
 */
#ifndef VBOARDCPU_H
#define VBOARDCPU_H

#include <stdint.h>
#include <unicorn/unicorn.h>

/* A guest memory region mapped as RAM or ROM: [base, end), writable or not. */
typedef struct vb_memory_region {
  uint64_t base;
  uint64_t end;
  uint32_t writable;
  uint32_t pad;
} vb_memory_region;

/* More regions than boards have; a region past this is just not handled natively. */
#define VB_MAX_MEMORY_REGIONS 16

/* end_hint values. */
#define VB_HINT_WFI 1u
#define VB_HINT_WFE 2u

/* state[] indices of vb_read_state, mirrored in dev.vboard.emulator.cpu.BlockCounter. */
#define VB_STATE_IPSR 0
#define VB_STATE_CONTROL 1
#define VB_STATE_PRIMASK 2
#define VB_STATE_FAULTMASK 3
#define VB_STATE_BASEPRI 4
#define VB_STATE_MSP 5
#define VB_STATE_PSP 6
#define VB_STATE_XPSR 7

/* The MPU registers (ARMv7-M B3.5) as the guest last wrote them, for mpu.c. */
#define VB_MPU_REGIONS 8
typedef struct vb_mpu {
  uint32_t ctrl;                    /* MPU_CTRL: ENABLE, HFNMIENA, PRIVDEFENA */
  uint32_t rbar[VB_MPU_REGIONS];    /* RBAR.ADDR of each region (bits 31:5) */
  uint32_t rasr[VB_MPU_REGIONS];    /* RASR as stored: XN, AP, TEX/S/C/B, SRD, SIZE, ENABLE */
  uint32_t negpri_active;           /* HardFault or NMI is active (Java, see vb_mpu_sync) */
  uint32_t page_bits;               /* log2 of the engine's TLB page (1 KiB on 2.0.1) */
} vb_mpu;

/* Front cache entry: the table key and the count (flags stripped; see vb_block_hook). */
typedef struct vb_front {
  uint64_t key;
  uint32_t count;
  uint32_t pad;
} vb_front;

/* Shared with Java (dev.vboard.emulator.cpu.BlockCounter reads fields by these offsets). */
typedef struct vb_counter {
  uint64_t executed;    /* 0: instructions of the blocks entered in this slice */
  uint64_t budget;      /* 8: never enter a block that would take executed past this */
  uint32_t stop_flag;   /* 16: raised by Java: stop at the next block boundary */
  uint32_t stop_cause;  /* 20: why the hook stopped: 0 it did not, 1 budget, 2 flag */
  uint64_t block_addr;  /* 24: the last block seen (entered, or refused when stop_cause != 0) */
  uint32_t block_size;  /* 32: its size in bytes */
  uint32_t block_count; /* 36: its instruction count */
  struct vb_front *last; /* 40: the front-cache entry of the last block seen (see vb_emu_start) */
  uint32_t watch_masks; /* 48: nonzero: stop when PRIMASK/FAULTMASK/BASEPRI change */
  uint32_t masks;       /* 52: their value when the watch started (see read_masks) */
  uint32_t trap_cause;  /* 56: a trap hook stopped the engine: 1 unaligned access, 2 divide by 0 */
  uint32_t trap_addr;   /* 60: the unaligned address, or the divide's PC */
  uint32_t div0_trap;   /* 64: set by Java while CCR.DIV_0_TRP is set (see vb_block_hook) */
  uint32_t intr_pc;     /* 68: the PC when vb_intr_hook ran */
  int32_t intr_no;      /* 72: the interrupt number vb_intr_hook saw, -1 none (Java clears it) */
  uint32_t reserved;    /* 76 */
  uint32_t end_pc;      /* 80: the PC when vb_emu_run returned */
  uint32_t end_hint;    /* 84: the instruction before end_pc: VB_HINT_WFI, VB_HINT_WFE or 0 */
  uint32_t state[8];    /* 88: vb_read_state's snapshot, indexed by VB_STATE_* */
  uint32_t fast_return; /* 120: the exception whose return to thread mode vb_intr_hook may do
                           itself (0: none); Java arms it per slice, disarms it on any change */
  uint32_t fast_return_stkalign; /* 124: CCR.STKALIGN for that return */
  uint32_t returned;    /* 128: the exception vb_intr_hook returned from (0: none; Java clears) */
  uint32_t sev;         /* 132: a block holding SEV ran (Java clears): the event register */
  uint32_t monitor_open; /* 136: a block holding a load exclusive ran since the monitor was
                            last cleared (see exclusive.c) */
  uint32_t fault_pc;    /* 140: the PC of the instruction whose access the unaligned trap or a
                           device abort stopped on (vb_access_pc), 0 when not known */
  uint32_t mpu_fault;   /* 144: the access the MPU refused in this run (mpu.c): 0 none,
                           1 load, 2 store, 3 instruction fetch */
  uint32_t mpu_fault_addr; /* 148: its address */
  /* private: (address, size) -> instruction count, open addressing */
  uint64_t *keys;
  uint32_t *counts;
  uint32_t mask;
  uint32_t used;
  /* A direct-mapped cache in front of the table: the hook's common case is one compare. */
  vb_front *front;
  /* Dirty data pages (see the header, 3): 1 bit per 4 KiB page of the 4 GiB space each. */
  uint8_t *code_pages;   /* translated code was seen in the page */
  uint8_t *dirtied;      /* a TLB entry of the page was made dirty */
  void *cpu;             /* the engine's CPUState, as tlb_set_page_with_attrs_arm saw it */
  uint32_t dirty_pages;  /* the dirty-page store path is on for this engine */
  /* The engine's context copy that vb_clear_exclusive edits (exclusive.c). */
  uc_context *monitor_ctx;
  /* Guest RAM and ROM (not MMIO), for the native exception entry and return (exceptions.c). */
  vb_memory_region memory[VB_MAX_MEMORY_REGIONS];
  uint32_t memory_regions;
  /* The MPU the guest configured (mpu.c). */
  vb_mpu mpu;
} vb_counter;

/* The counter and engine of the run in progress on this thread (vb_emu_start), or NULL. */
extern __thread vb_counter *vb_running;
extern __thread uc_engine *vb_running_uc;

/* uc_emu_start with `c` made the running counter (vboardcpu.c). */
int vb_emu_start(vb_counter *c, uc_engine *uc, uint64_t begin, uint64_t until, uint64_t timeout,
                 size_t count);
vb_counter *vb_counter_new(void);
void vb_counter_free(vb_counter *c);

/*
 * Whether the MPU lets the 8-word exception frame at `frame` be written (stacking) or read
 * (unstacking) with the given privilege, the requested priority taken as not negative; 1 also
 * when the MPU is off (mpu.c). The native exception paths leave a refused frame to Java.
 */
int vb_mpu_frame_ok(const vb_counter *c, uint32_t frame, int write, int privileged);

/* libunicorn's hflags rebuilt, so that its MMU index follows a mode change (mpu.c). */
void vb_mpu_rebuild(vb_counter *c, uc_engine *uc);

/*
 * An exception return vb_intr_hook may do without stopping the engine (exceptions.c): returns
 * 1 when done, 0 when the engine must stop for Java to do it.
 */
int vb_exception_return_in_run(vb_counter *c, uc_engine *uc, uint32_t exc_return);

/* One 32-bit register of the engine (errors leave 0: the ids used here all exist). */
static inline uint32_t vb_reg(uc_engine *uc, int reg) {
  uint32_t v = 0;
  uc_reg_read(uc, reg, &v);
  return v;
}

static inline void vb_set_reg(uc_engine *uc, int reg, uint32_t v) {
  uc_reg_write(uc, reg, &v);
}

/* The PC of the instruction whose access is in progress, or 0 (access_pc.c). */
uint32_t vb_access_pc(vb_counter *c, uc_engine *uc);

/* Stops the engine at once on the instruction whose code hook is running (access_pc.c). */
void vb_stop_in_code_hook(vb_counter *c, uc_engine *uc);

/* Clears the local exclusive monitor if it may be open (exclusive.c). */
int vb_clear_exclusive(vb_counter *c, uc_engine *uc);

/* True when [addr, addr + len) lies inside one RAM (writable) or RAM/ROM region. */
int vb_in_memory(const vb_counter *c, uint64_t addr, uint64_t len, int writable);

/* Brackets one block's translation, for the translator corrections (translation.c). */
void vb_translation_begin(uc_engine *uc, uint32_t pc, uint32_t flags);
void vb_translation_end(void);

/* xPSR's EPSR.T and IT bits: IT[1:0] in bits 26:25, IT[7:2] in bits 15:10 (ARMv7-M ARM B1.4.2). */
#define VB_XPSR_T (1u << 24)
#define VB_XPSR_IT 0x0600fc00u
static inline uint32_t vb_xpsr_it(uint32_t itstate) {
  return ((itstate & 3u) << 25) | ((itstate & 0xfcu) << 8);
}

#endif
