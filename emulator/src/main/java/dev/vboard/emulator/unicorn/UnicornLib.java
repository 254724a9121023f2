package dev.vboard.emulator.unicorn;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.byref.NativeLongByReference;
import jnr.ffi.byref.PointerByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int32_t;
import jnr.ffi.types.u_int64_t;

/**
 * The raw C API of Unicorn 2.0 ({@code unicorn/unicorn.h}), one method per exported function,
 * with the header's names and argument order. Annotations only: error codes, pointers and
 * callbacks are turned into Java idioms by {@link Unicorn}. Constants live in {@link UcConst}.
 */
public interface UnicornLib {

  /** {@code uc_cb_hookintr_t}: an interrupt or exception the engine does not handle itself. */
  interface HookIntr {
    @Delegate
    void invoke(Pointer uc, @u_int32_t int intno, Pointer userData);
  }

  /** {@code uc_cb_mmio_read_t}. */
  interface MmioRead {
    @Delegate
    @u_int64_t
    long invoke(Pointer uc, @u_int64_t long offset, @u_int32_t int size, Pointer userData);
  }

  /** {@code uc_cb_mmio_write_t}. */
  interface MmioWrite {
    @Delegate
    void invoke(Pointer uc, @u_int64_t long offset, @u_int32_t int size, @u_int64_t long value,
        Pointer userData);
  }

  @u_int32_t
  int uc_version(@Out int[] major, @Out int[] minor);

  boolean uc_arch_supported(int arch);

  int uc_open(int arch, int mode, @Out PointerByReference uc);

  int uc_close(Pointer uc);

  int uc_query(Pointer uc, int type, @Out NativeLongByReference result);

  /** {@code uc_ctl} without arguments (e.g. {@code UC_CTL_TB_FLUSH}). */
  @Variadic(fixedCount = 2)
  int uc_ctl(Pointer uc, int control);

  /** {@code uc_ctl} with one int argument (e.g. {@code UC_CTL_CPU_MODEL}). */
  @Variadic(fixedCount = 2)
  int uc_ctl(Pointer uc, int control, int arg);

  /** {@code uc_ctl} with two 64-bit arguments (e.g. {@code UC_CTL_TB_REMOVE_CACHE}). */
  @Variadic(fixedCount = 2)
  int uc_ctl(Pointer uc, int control, @u_int64_t long arg1, @u_int64_t long arg2);

  int uc_errno(Pointer uc);

  String uc_strerror(int code);

  int uc_reg_write(Pointer uc, int regid, @In Pointer value);

  int uc_reg_read(Pointer uc, int regid, @Out Pointer value);

  int uc_mem_write(Pointer uc, @u_int64_t long address, @In byte[] bytes, @size_t long size);

  int uc_mem_read(Pointer uc, @u_int64_t long address, @Out byte[] bytes, @size_t long size);

  /** {@code uc_mem_write} from native memory: no Java array is copied on the way. */
  int uc_mem_write(Pointer uc, @u_int64_t long address, @In Pointer bytes, @size_t long size);

  /** {@code uc_mem_read} into native memory: no Java array is copied on the way. */
  int uc_mem_read(Pointer uc, @u_int64_t long address, @Out Pointer bytes, @size_t long size);

  int uc_emu_start(Pointer uc, @u_int64_t long begin, @u_int64_t long until,
      @u_int64_t long timeout, @size_t long count);

  int uc_emu_stop(Pointer uc);

  @Variadic(fixedCount = 7)
  int uc_hook_add(Pointer uc, @Out NativeLongByReference hh, int type, Pointer callback,
      Pointer userData, @u_int64_t long begin, @u_int64_t long end);

  int uc_hook_del(Pointer uc, @size_t long hh);

  int uc_mem_map(Pointer uc, @u_int64_t long address, @size_t long size, @u_int32_t int perms);

  int uc_mem_map_ptr(Pointer uc, @u_int64_t long address, @size_t long size,
      @u_int32_t int perms, Pointer ptr);

  int uc_mmio_map(Pointer uc, @u_int64_t long address, @size_t long size, MmioRead readCb,
      Pointer userDataRead, MmioWrite writeCb, Pointer userDataWrite);

  int uc_mem_unmap(Pointer uc, @u_int64_t long address, @size_t long size);

  int uc_mem_protect(Pointer uc, @u_int64_t long address, @size_t long size,
      @u_int32_t int perms);

  int uc_context_alloc(Pointer uc, @Out PointerByReference context);

  int uc_free(Pointer mem);

  int uc_context_save(Pointer uc, Pointer context);

  int uc_context_restore(Pointer uc, Pointer context);

  @size_t
  long uc_context_size(Pointer uc);

  int uc_context_free(Pointer context);
}
