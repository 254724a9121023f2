/*
 * The MPU (ARMv7-M ARM B3.5, PMSAv7 with 8 regions) as QEMU 7.2 enforces it: loads, stores and
 * instruction fetches against read-only, no-access and execute-never regions, privileged-only
 * regions from unprivileged Thread mode, the default map for privileged code (PRIVDEFENA) and
 * its absence, a disabled subregion falling through to the default map, a higher-numbered
 * region winning over a lower one (also inside one TLB page), the MPU lifted for HardFault and
 * FAULTMASK while HFNMIENA is clear, escalation to HardFault while MemManage is disabled, and
 * a stacking error against the MPU (MSTKERR). Each access is probed and the MemManage record
 * (CFSR.MMFSR, MMFAR) printed; faulting accesses are skipped by the handler. The stacking
 * error ends in a board reset, so it is the second scenario (.noinit RAM).
 */
#include <stdio.h>

#include "faultframe.h"
#include "mps2_an385.h"

#define MPU_CTRL REG32(0xe000ed94u)
#define MPU_RNR REG32(0xe000ed98u)
#define MPU_RBAR REG32(0xe000ed9cu)
#define MPU_RASR REG32(0xe000eda0u)
#define CTRL_ENABLE 1u
#define CTRL_HFNMIENA 2u
#define CTRL_PRIVDEFENA 4u
#define RBAR_VALID (1u << 4)
#define SHCSR_MEMFAULTENA (1u << 16)

/* RASR fields (B3.5.9): AP, XN, SRD, SIZE (region of 2^(SIZE+1) bytes), ENABLE. */
#define AP_NONE 0u
#define AP_PRIV_RW 1u
#define AP_PRIV_RW_USER_RO 2u
#define AP_FULL 3u
#define AP_RO 6u
#define RASR(ap, xn, srd, log2size) \
  ((xn) << 28 | (ap) << 24 | (srd) << 8 | ((log2size) - 1u) << 1 | 1u)

/*
 * An 8 KiB arena in RAM, 1 KiB blocks: 0x000 read-only, 0x400 no access (its first 256 bytes
 * full access through a higher region), 0x800 execute-never, 0xC00 privileged read/write and
 * unprivileged read-only, 0x1000-0x17FF no access with subregion 1 disabled, 0x1800 full access
 * (the records and the unprivileged stack).
 */
static uint8_t arena[0x2000] __attribute__((aligned(0x2000)));
#define AT(off) ((volatile uint32_t *)(arena + (off)))

/* What the fault handlers saw, where unprivileged code can read it (the full-access block). */
struct record {
  uint32_t count;
  uint32_t cfsr;
  uint32_t mmfar;
  uint32_t hfsr;
  uint32_t exception;
  uint32_t negpri_probe; /* HardFault: the no-access read it made (0 ok, 1 faulted) */
};
#define REC ((volatile struct record *)(arena + 0x1800))
#define USER_STACK_TOP ((uint32_t)(arena + 0x1c00))

/* One probe's result, kept until privileged code prints it. */
struct result {
  uint32_t faulted, cfsr, mmfar;
};
#define RESULTS ((volatile struct result *)(arena + 0x1840))
#define MAX_RESULTS 16

__attribute__((section(".noinit"))) static volatile uint32_t scenario;
__attribute__((section(".noinit"))) static volatile uint32_t magic;
static volatile uint32_t privileged_word = 0x11223344u;
static volatile int hardfault_probes_negpri;
static volatile int stacking_test;

static inline void barrier(void) { __asm volatile("dsb\n\tisb\n\t" ::: "memory"); }

static void region(uint32_t n, uint32_t base, uint32_t rasr) {
  MPU_RBAR = base | RBAR_VALID | n;
  MPU_RASR = rasr;
}

void on_stacking_fault(uint32_t lr);

void on_memmanage(uint32_t *frame, uint32_t lr) {
  uint32_t cfsr = SCB_CFSR;
  if (stacking_test) {
    on_stacking_fault(lr);
  }
  REC->count++;
  REC->exception = get_ipsr() & 0x1ffu;
  REC->cfsr = cfsr;
  REC->mmfar = SCB_MMFAR;
  SCB_CFSR = cfsr & 0xffu; /* the MMFSR bits, write one to clear */
  if (cfsr & 1u) {
    frame[6] = frame[5] & ~1u; /* IACCVIOL: the fetch was a call's target; back to the caller */
  } else {
    fault_frame_skip(frame);
  }
}
/* FAULT_FRAME_HANDLER, with EXC_RETURN as the second argument. */
__attribute__((naked)) void MemManage_Handler(void) {
  __asm volatile("tst lr, #4\n\t"
                 "ite eq\n\t"
                 "mrseq r0, msp\n\t"
                 "mrsne r0, psp\n\t"
                 "mov r1, lr\n\t"
                 "push {r4, lr}\n\t"
                 "bl on_memmanage\n\t"
                 "pop {r4, pc}\n\t");
}

void on_hardfault(uint32_t *frame) {
  uint32_t cfsr = SCB_CFSR;
  REC->count++;
  REC->exception = get_ipsr() & 0x1ffu;
  REC->cfsr = cfsr;
  REC->mmfar = SCB_MMFAR;
  REC->hfsr = SCB_HFSR;
  if (hardfault_probes_negpri) {
    /* HardFault's priority is negative and HFNMIENA clear: the MPU does not apply here. */
    uint32_t before = REC->count;
    (void)*AT(0x600);
    REC->negpri_probe = REC->count != before;
  }
  SCB_CFSR = cfsr;
  SCB_HFSR = SCB_HFSR;
  if (cfsr & 1u) {
    frame[6] = frame[5] & ~1u; /* IACCVIOL: back to the caller */
  } else {
    fault_frame_skip(frame);
  }
}
FAULT_FRAME_HANDLER(HardFault_Handler, on_hardfault)

/* SVC from unprivileged code: back to privileged Thread mode. */
void SVC_Handler(void) {
  __asm volatile("mrs r0, control\n\tbic r0, r0, #1\n\tmsr control, r0\n\t" ::: "r0");
}

/* Probes: each runs privileged or not, and leaves its result in RESULTS[i]. */
static void load(int i, volatile uint32_t *p) {
  uint32_t before = REC->count;
  (void)*p;
  RESULTS[i].faulted = REC->count != before;
  RESULTS[i].cfsr = REC->cfsr;
  RESULTS[i].mmfar = REC->mmfar;
}

static void store(int i, volatile uint32_t *p) {
  uint32_t before = REC->count;
  *p = 0xa5a5a5a5u;
  RESULTS[i].faulted = REC->count != before;
  RESULTS[i].cfsr = REC->cfsr;
  RESULTS[i].mmfar = REC->mmfar;
}

static void call(int i, volatile uint32_t *code) {
  uint32_t before = REC->count;
  ((void (*)(void))((uint32_t)code | 1u))();
  RESULTS[i].faulted = REC->count != before;
  RESULTS[i].cfsr = REC->cfsr;
  RESULTS[i].mmfar = REC->mmfar;
}

static void report(int i, const char *what) {
  uint32_t mmfar = RESULTS[i].mmfar;
  uint32_t off = mmfar - (uint32_t)arena;
  if (!RESULTS[i].faulted) {
    printf("%-44s ok\n", what);
  } else if (!(RESULTS[i].cfsr & 0x80u)) {
    printf("%-44s fault, CFSR %08lx\n", what, (unsigned long)RESULTS[i].cfsr);
  } else if (off < sizeof arena) {
    printf("%-44s fault, CFSR %08lx, MMFAR arena+0x%lx\n", what, (unsigned long)RESULTS[i].cfsr,
           (unsigned long)off);
  } else {
    printf("%-44s fault, CFSR %08lx, MMFAR %08lx\n", what, (unsigned long)RESULTS[i].cfsr,
           (unsigned long)mmfar);
  }
}

/* The regions of the main scenario; PRIVDEFENA keeps the rest of the map for privileged code. */
static void configure(void) {
  MPU_CTRL = 0;
  region(0, 0x00000000u, RASR(AP_RO, 0u, 0u, 22u)); /* the code, 4 MiB, for unprivileged code */
  region(1, (uint32_t)arena + 0x000, RASR(AP_RO, 0u, 0u, 10u));
  region(2, (uint32_t)arena + 0x400, RASR(AP_NONE, 0u, 0u, 10u));
  region(3, (uint32_t)arena + 0x800, RASR(AP_FULL, 1u, 0u, 10u));
  region(4, (uint32_t)arena + 0xc00, RASR(AP_PRIV_RW_USER_RO, 0u, 0u, 10u));
  region(5, (uint32_t)arena + 0x1000, RASR(AP_NONE, 0u, 0x02u, 11u));
  region(6, (uint32_t)arena + 0x1800, RASR(AP_FULL, 0u, 0u, 10u));
  region(7, (uint32_t)arena + 0x400, RASR(AP_FULL, 0u, 0u, 8u));
  MPU_CTRL = CTRL_ENABLE | CTRL_PRIVDEFENA;
  barrier();
}

static void user_probes(void) {
  load(0, AT(0x000));      /* read-only: allowed */
  store(1, AT(0x004));     /* read-only */
  load(2, AT(0xc00));      /* privileged read/write, unprivileged read-only */
  store(3, AT(0xc04));
  load(4, &privileged_word); /* no region: the default map is for privileged code only */
  store(5, &UART_DATA(UART0_BASE));
  load(6, AT(0x1900));     /* full access */
  load(7, AT(0x1100));     /* disabled subregion: no default map for unprivileged code */
}

static void run_unprivileged(void (*fn)(void)) {
  __asm volatile(
      "msr psp, %0\n\t"
      "movs r1, #3\n\t" /* SPSEL and nPRIV */
      "msr control, r1\n\t"
      "isb\n\t"
      "blx %1\n\t"
      "svc 0\n\t"
      "movs r1, #0\n\t"
      "msr control, r1\n\t"
      "isb\n\t" ::"r"(USER_STACK_TOP), "r"(fn)
      : "r0", "r1", "r2", "r3", "r12", "lr", "memory", "cc");
}

static void main_scenario(void) {
  SCB_SHCSR |= SHCSR_MEMFAULTENA;
  *AT(0x800) = 0x47704770u; /* bx lr; bx lr */
  *AT(0x000) = 0x0badc0deu;
  configure();
  printf("MPU_TYPE %08lx, MPU_CTRL %08lx\n", (unsigned long)REG32(0xe000ed90u),
         (unsigned long)MPU_CTRL);
  MPU_RNR = 5;
  printf("region 5: RBAR arena+0x%lx, RASR %08lx\n",
         (unsigned long)((MPU_RBAR & ~0x1fu) - (uint32_t)arena), (unsigned long)MPU_RASR);
  MPU_RNR = 9; /* out of range: ignored */
  printf("MPU_RNR after writing 9: %lu\n", (unsigned long)MPU_RNR);

  printf("-- privileged\n");
  load(0, AT(0x000));
  report(0, "load read-only");
  store(0, AT(0x008));
  report(0, "store read-only");
  printf("read-only word after the store: %08lx\n", (unsigned long)*AT(0x008));
  load(0, AT(0x600));
  report(0, "load no-access");
  store(0, AT(0x6fc));
  report(0, "store no-access");
  load(0, AT(0x410));
  report(0, "load no-access under a higher full region");
  store(0, AT(0x4fc));
  report(0, "store at the end of that region");
  load(0, AT(0x500));
  report(0, "load just past it (same 1 KiB page)");
  call(0, AT(0x800));
  report(0, "call into execute-never");
  load(0, AT(0x800));
  report(0, "load execute-never");
  store(0, AT(0xc08));
  report(0, "store privileged read/write");
  /* The disabled subregion last: QEMU 7.2 caches the default map's answer for the whole 1 KiB
   * page around it, so an access after it elsewhere in the page would not fault there. */
  load(0, AT(0x1000));
  report(0, "load no-access, subregion 0");
  load(0, AT(0x1200));
  report(0, "load no-access, subregion 2");
  load(0, AT(0x1100));
  report(0, "load disabled subregion 1 (default map)");
  load(0, &privileged_word);
  report(0, "load outside every region (PRIVDEFENA)");

  printf("-- unprivileged\n");
  run_unprivileged(user_probes);
  static const char *const user_names[] = {
      "load read-only", "store read-only", "load privileged-only writable",
      "store privileged-only writable", "load outside every region", "store to the UART",
      "load full access", "load disabled subregion"};
  for (int i = 0; i < 8; i++) {
    report(i, user_names[i]);
  }

  printf("-- negative priority, HFNMIENA clear\n");
  __asm volatile("cpsid f" ::: "memory");
  load(0, AT(0x600));
  __asm volatile("cpsie f" ::: "memory");
  report(0, "load no-access with FAULTMASK set");
  load(0, AT(0x600));
  report(0, "load no-access after FAULTMASK cleared");
  SCB_SHCSR &= ~SHCSR_MEMFAULTENA;
  hardfault_probes_negpri = 1;
  REC->negpri_probe = 2;
  store(0, AT(0x6f0));
  hardfault_probes_negpri = 0;
  report(0, "store no-access, MemManage disabled");
  printf("HardFault: HFSR %08lx, its own no-access load %s\n", (unsigned long)REC->hfsr,
         REC->negpri_probe == 0 ? "ok" : "faulted");
  call(0, AT(0x800));
  report(0, "call into execute-never, MemManage disabled");
  SCB_SHCSR |= SHCSR_MEMFAULTENA;

  printf("-- no default map (PRIVDEFENA clear)\n");
  MPU_CTRL = 0;
  /* All 4 MiB of RAM but the 512 KiB from 0x20200000 (subregion 4 disabled). */
  region(0, 0x20000000u, RASR(AP_FULL, 0u, 0x10u, 22u));
  region(1, 0x00000000u, RASR(AP_RO, 0u, 0u, 22u));
  for (uint32_t n = 2; n < 8; n++) {
    MPU_RNR = n;
    MPU_RASR = 0;
  }
  MPU_CTRL = CTRL_ENABLE;
  barrier();
  load(0, (volatile uint32_t *)0x20200000u);
  load(1, AT(0x600));
  MPU_CTRL = CTRL_ENABLE | CTRL_PRIVDEFENA;
  barrier();
  load(2, (volatile uint32_t *)0x20200000u);
  MPU_CTRL = 0;
  barrier();
  report(0, "load RAM in a disabled subregion");
  report(1, "load inside the RAM region");
  report(2, "the same with PRIVDEFENA");
  printf("MMFSR left: %02lx\n", (unsigned long)(SCB_CFSR & 0xffu));
}

/* An SVC from unprivileged code whose process stack the MPU makes read-only to it. */
static void stacking_scenario(void) {
  SCB_SHCSR |= SHCSR_MEMFAULTENA;
  configure();
  printf("SVC with the process stack read-only to unprivileged code\n");
  stacking_test = 1;
  __asm volatile(
      "msr psp, %0\n\t"
      "movs r1, #3\n\t"
      "msr control, r1\n\t"
      "isb\n\t"
      "svc 0\n\t" ::"r"((uint32_t)arena + 0xe00)
      : "r1", "memory");
}

void on_stacking_fault(uint32_t lr) {
  printf("IPSR %lu, LR %08lx, CFSR %08lx, HFSR %08lx, SHCSR %08lx, ICSR VECTPENDING %lu\n",
         (unsigned long)(get_ipsr() & 0x1ffu), (unsigned long)lr, (unsigned long)SCB_CFSR,
         (unsigned long)SCB_HFSR, (unsigned long)SCB_SHCSR,
         (unsigned long)((SCB_ICSR >> 12) & 0x1ffu));
  board_reset();
}

int main(void) {
  if (magic != 0x4d505530u) {
    magic = 0x4d505530u;
    scenario = 0;
  }
  switch (scenario) {
    case 0:
      main_scenario();
      scenario = 1; /* MemManage reports the stacking error and resets the board */
      stacking_scenario();
      printf("no fault\n");
      return 1;
    default:
      printf("done\n");
      magic = 0;
      return 0;
  }
}
