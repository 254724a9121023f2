/*
 * The local exclusive monitor on exception entry and return.
 *
 * ARMv7-M clears the local monitor when an exception is taken and when one returns (B1.5.6
 * ExceptionTaken and B1.5.8 ExceptionReturn call ClearExclusiveLocal), so a STREX after an
 * interrupt between it and its LDREX fails; QEMU 7.2 does the same. Unicorn does not take the
 * exceptions (vboard does, see exceptions.c and ExceptionUnit) and has no API for the monitor:
 * it lives in QEMU's CPUARMState as exclusive_addr (-1 when clear) followed by exclusive_val.
 *
 * The one public way to reach that state is a context save/restore, which copies CPUARMState
 * as a block. Where exclusive_addr sits in the copy is found once per process by experiment on
 * a throwaway engine: an LDREX from a known address with a known value, a save, a search of the
 * copy for that (address, value) pair, then a check that writing -1 there makes a STREX fail
 * while an untouched copy lets it succeed. If anything in that does not hold (another libunicorn
 * with another layout), the monitor is left alone, as before.
 *
 * The clear costs two copies of the CPU state, so it happens only when the monitor may be open:
 * the block hook raises monitor_open when it enters a block holding a load exclusive.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "vboardcpu.h"

/* Probe: 0x100: ldrex r0, [r1]; strex r2, r3, [r1]; the word at 0x800. */
#define PROBE_CODE 0x100u
#define PROBE_WORD 0x800u
#define PROBE_VALUE 0x5a3cc3a5u
#define PROBE_STORED 7u

/* Offset of exclusive_addr in a saved context, or -1 when unknown. */
static long monitor_offset = -1;
static pthread_once_t calibrated = PTHREAD_ONCE_INIT;

static uint32_t word_at(uc_engine *uc, uint64_t addr) {
  uint32_t v = 0;
  uc_mem_read(uc, addr, &v, sizeof v);
  return v;
}

/* Runs `count` instructions from `pc`; returns 1 when they ran. */
static int run(uc_engine *uc, uint32_t pc, size_t count) {
  return uc_emu_start(uc, pc | 1u, 0xfffffffeu, 0, count) == UC_ERR_OK;
}

/* LDREX of the probe word from a fresh value; returns 1 when it ran. */
static int probe_load(uc_engine *uc) {
  uint32_t value = PROBE_VALUE;
  uc_mem_write(uc, PROBE_WORD, &value, sizeof value);
  vb_set_reg(uc, UC_ARM_REG_R1, PROBE_WORD);
  vb_set_reg(uc, UC_ARM_REG_R3, PROBE_STORED);
  vb_set_reg(uc, UC_ARM_REG_R2, 0xffu);
  return run(uc, PROBE_CODE, 1) && vb_reg(uc, UC_ARM_REG_R0) == PROBE_VALUE;
}

/* The single offset of the (PROBE_WORD, PROBE_VALUE) pair in ctx, or -1. */
static long find_pair(const unsigned char *ctx, size_t size) {
  long found = -1;
  for (size_t k = 0; k + 16 <= size; k += 8) {
    uint64_t addr, value;
    memcpy(&addr, ctx + k, 8);
    memcpy(&value, ctx + k + 8, 8);
    if (addr == PROBE_WORD && value == PROBE_VALUE) {
      if (found >= 0) {
        return -1; /* ambiguous */
      }
      found = (long) k;
    }
  }
  return found;
}

static void calibrate(void) {
  static const uint16_t code[] = {0xe851, 0x0f00, 0xe841, 0x3200}; /* ldrex; strex */
  uc_engine *uc = NULL;
  uc_context *ctx = NULL;
  long offset = -1;
  if (uc_open(UC_ARCH_ARM, UC_MODE_THUMB, &uc) != UC_ERR_OK) {
    return;
  }
  if (uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_M3) != UC_ERR_OK
      || uc_mem_map(uc, 0, 0x1000, UC_PROT_ALL) != UC_ERR_OK
      || uc_mem_write(uc, PROBE_CODE, code, sizeof code) != UC_ERR_OK
      || uc_context_alloc(uc, &ctx) != UC_ERR_OK) {
    goto done;
  }
  /* Control: LDREX then STREX succeeds (r2 = 0) and stores. */
  if (!probe_load(uc) || !run(uc, PROBE_CODE + 4, 1) || vb_reg(uc, UC_ARM_REG_R2) != 0
      || word_at(uc, PROBE_WORD) != PROBE_STORED) {
    goto done;
  }
  /* Find the monitor in a copy taken right after an LDREX. */
  if (!probe_load(uc) || uc_context_save(uc, ctx) != UC_ERR_OK) {
    goto done;
  }
  long k = find_pair((const unsigned char *) ctx, uc_context_size(uc));
  if (k < 0) {
    goto done;
  }
  /* Cleared there, the STREX fails (r2 = 1) and stores nothing. */
  uint64_t clear = UINT64_MAX;
  memcpy((unsigned char *) ctx + k, &clear, 8);
  if (uc_context_restore(uc, ctx) != UC_ERR_OK || !run(uc, PROBE_CODE + 4, 1)
      || vb_reg(uc, UC_ARM_REG_R2) != 1 || word_at(uc, PROBE_WORD) != PROBE_VALUE) {
    goto done;
  }
  offset = k;
done:
  if (ctx != NULL) {
    uc_context_free(ctx);
  }
  uc_close(uc);
  monitor_offset = offset;
}

/* 1 when the monitor can be cleared with this libunicorn (calibrating on the first call). */
int vb_exclusive_available(void) {
  pthread_once(&calibrated, calibrate);
  return monitor_offset >= 0;
}

/*
 * Clears the local monitor if a load exclusive ran since the last clear: Java calls this on
 * every exception entry and return. Returns 1 when it cleared, 0 when nothing was open, -1 when
 * it cannot (see the header comment).
 */
int vb_clear_exclusive(vb_counter *c, uc_engine *uc) {
  if (c->monitor_open == 0) {
    return 0;
  }
  c->monitor_open = 0;
  if (!vb_exclusive_available()) {
    return -1;
  }
  if (c->monitor_ctx == NULL && uc_context_alloc(uc, &c->monitor_ctx) != UC_ERR_OK) {
    c->monitor_ctx = NULL;
    return -1;
  }
  uint64_t clear = UINT64_MAX;
  if (uc_context_save(uc, c->monitor_ctx) != UC_ERR_OK) {
    return -1;
  }
  memcpy((unsigned char *) c->monitor_ctx + monitor_offset, &clear, 8);
  return uc_context_restore(uc, c->monitor_ctx) == UC_ERR_OK ? 1 : -1;
}

/* Frees what vb_clear_exclusive allocated from the engine; call before uc_close. */
void vb_exclusive_release(vb_counter *c) {
  if (c->monitor_ctx != NULL) {
    uc_context_free(c->monitor_ctx);
    c->monitor_ctx = NULL;
  }
}
