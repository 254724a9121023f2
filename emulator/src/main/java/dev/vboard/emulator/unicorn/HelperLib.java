package dev.vboard.emulator.unicorn;

import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int64_t;

/**
 * The raw API of vboard's own native helper, {@code libvboardcpu.so}
 * ({@code emulator/src/main/native/vboardcpu.c}): the instruction-counting block hook and the
 * store fast-path switches. Annotations only, like {@link UnicornLib}.
 */
public interface HelperLib {

  /** {@code size} bytes of zeroed, page-aligned host memory for guest RAM (guest_ram.c); NULL. */
  Pointer vb_ram_alloc(@size_t long size);

  /** Frees what vb_ram_alloc returned, once no engine maps it. */
  void vb_ram_free(Pointer p, @size_t long size);

  /** Allocates a zeroed {@code vb_counter}; NULL when out of memory. */
  Pointer vb_counter_new();

  void vb_counter_free(Pointer counter);

  void vb_counter_clear_cache(Pointer counter);

  /** Arms or disarms the stop on a PRIMASK/FAULTMASK/BASEPRI change, from their current values. */
  void vb_watch_masks(Pointer counter, Pointer uc, int on);

  /** The address of {@code vb_block_hook}, to register with {@code uc_hook_add}. */
  Pointer vb_block_hook_address();

  /** The UC_HOOK_INTR hook that records the interrupt number and PC, then stops. */
  Pointer vb_intr_hook_address();

  /** The UC_HOOK_MEM_READ/WRITE hook that stops on unaligned accesses (CCR.UNALIGN_TRP). */
  Pointer vb_unaligned_hook_address();

  /** The UC_HOOK_CODE hook that stops before a divide by zero (CCR.DIV_0_TRP). */
  Pointer vb_div0_hook_address();

  /**
   * Clears the counter's interrupt and trap records and runs from {@code begin} (all ones: the
   * current PC) until {@code until}, in the Thumb state EPSR.T says, with {@code counter} made
   * the thread's running one for the TLB fill interposer (the dirty-page store path). Returns a
   * {@code uc_err}.
   */
  int vb_emu_run(Pointer counter, Pointer uc, @u_int64_t long begin, @u_int64_t long until);

  /** Records a guest RAM ({@code writable} 1) or ROM region for the native exception paths. */
  void vb_counter_map_memory(Pointer counter, @u_int64_t long base, @u_int64_t long size,
      int writable);

  /** Reads IPSR, CONTROL, the masks, MSP, PSP and xPSR into the counter's state array. */
  void vb_read_state(Pointer counter, Pointer uc);

  /**
   * Exception entry's register and stack work (exceptions.c); 0 when done (the vector is in
   * state[0]), 1 when the frame or vector is outside RAM/ROM and nothing was changed.
   */
  int vb_exception_enter(Pointer counter, Pointer uc, int exception, int returnAddress, int vtor,
      int stkalign);

  /** Exception return's unstacking; 0 when done, 1 when it must be done the slow way. */
  int vb_exception_return(Pointer counter, Pointer uc, int excReturn, int stkalign);

  /**
   * Clears the local exclusive monitor if a load exclusive ran since the last clear
   * (exclusive.c): 1 cleared, 0 nothing was open, -1 this libunicorn does not allow it.
   */
  int vb_clear_exclusive(Pointer counter, Pointer uc);

  /**
   * Records in {@code fault_pc} the PC of the instruction whose access is in progress (from a
   * device callback), or 0 when not known (access_pc.c).
   */
  void vb_note_access_pc(Pointer counter, Pointer uc);

  /** Whether the last block entered ends with MOV PC, Rm or ADD PC, Rm (vboardcpu.c). */
  int vb_last_branch_is_plain(Pointer counter, Pointer uc);

  /**
   * 1 when this libunicorn lets the MPU be enforced (mpu.c checks it on a throwaway engine on the
   * first call), else 0.
   */
  int vb_mpu_available();

  /**
   * The MPU registers as the guest wrote them ({@code rbar} and {@code rasr}: 8 each); drops
   * the engine's TLB so that every access is decided again.
   */
  void vb_mpu_set(Pointer counter, Pointer uc, int ctrl, int[] rbar, int[] rasr);

  /**
   * Before a slice while the MPU is on: whether HardFault or NMI is active, and the engine's
   * cached privilege and priority brought up to date with the mode vboard set.
   */
  void vb_mpu_sync(Pointer counter, Pointer uc, int negpriActive);

  /**
   * 1 when the MPU allows an access ({@code access} 0 load, 1 store, 2 fetch) to {@code address}
   * with that privilege and requested priority, as the engine decides it.
   */
  int vb_mpu_permits(Pointer counter, int address, int access, int privileged, int negpri);

  /** Frees the engine context vb_clear_exclusive keeps; before {@code uc_close}. */
  void vb_exclusive_release(Pointer counter);

  /** Turns the dirty-page store path on or off for one engine; returns whether it is on. */
  int vb_counter_dirty_pages(Pointer counter, int on);

  int vb_dirty_pages_available();

  void vb_dirty_pages_enable(int on);

  int vb_dirty_pages_enabled();

  int vb_fast_stores_available();

  void vb_fast_stores_enable(int on);

  int vb_fast_stores_enabled();

  /**
   * Turns on the corrections to libunicorn 2.0.1's translator (translation.c): alignment of
   * LDM/STM/LDRD/STRD and SP bits [1:0]. Only for the version whose internals were measured.
   */
  void vb_translation_fixes_enable(int on);

  int vb_translation_fixes_enabled();

  /** Whether the translator corrections learnt how QEMU stores the IT state (an ISB's fix). */
  int vb_translation_itstate_store_known();

  /** Whether the Thumb instruction hw1[, hw2] is a load/store multiple or dual (its test). */
  int vb_is_multiword_access(int hw1, int hw2);
}
