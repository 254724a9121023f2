package dev.vboard.emulator.unicorn;

import jnr.ffi.Pointer;

/**
 * The raw API of vboard's own native helper, {@code libvboardcpu.so}
 * ({@code emulator/src/main/native/vboardcpu.c}): the instruction-counting block hook and the
 * store fast-path switch. Annotations only, like {@link UnicornLib}.
 */
public interface HelperLib {

  /** Allocates a zeroed {@code vb_counter}; NULL when out of memory. */
  Pointer vb_counter_new();

  void vb_counter_free(Pointer counter);

  void vb_counter_clear_cache(Pointer counter);

  /** Arms or disarms the stop on a PRIMASK/FAULTMASK/BASEPRI change, from their current values. */
  void vb_watch_masks(Pointer counter, Pointer uc, int on);

  /** The address of {@code vb_block_hook}, to register with {@code uc_hook_add}. */
  Pointer vb_block_hook_address();

  /** The UC_HOOK_MEM_READ/WRITE hook that stops on unaligned accesses (CCR.UNALIGN_TRP). */
  Pointer vb_unaligned_hook_address();

  /** The UC_HOOK_CODE hook that stops before a divide by zero (CCR.DIV_0_TRP). */
  Pointer vb_div0_hook_address();

  int vb_fast_stores_available();

  void vb_fast_stores_enable(int on);

  int vb_fast_stores_enabled();
}
