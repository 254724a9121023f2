package dev.vboard.emulator.unicorn;

import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.NativeLongByReference;
import jnr.ffi.byref.PointerByReference;

/**
 * One Unicorn engine, with C error codes turned into {@link UnicornException} by a single
 * {@link #check(int)}. Keeps every callback object reachable for as long as the engine lives,
 * since native code holds only their addresses.
 */
public final class Unicorn implements AutoCloseable {
  private final UnicornLib lib;
  private final Runtime runtime;
  private final Pointer uc;
  private final Pointer scratch;
  /** Callbacks handed to native code; referenced here so the GC never frees them. */
  private final List<Object> keepAlive = new ArrayList<>();
  private boolean closed;

  private Unicorn(UnicornLib lib, Pointer uc) {
    this.lib = lib;
    this.runtime = Runtime.getRuntime(lib);
    this.uc = uc;
    this.scratch = Memory.allocateDirect(runtime, 16);
  }

  /** Opens an engine for {@code arch} and {@code mode} (see {@link UcConst}). */
  public static Unicorn open(int arch, int mode) {
    UnicornLib lib = NativeLibraries.unicorn();
    PointerByReference handle = new PointerByReference();
    check(lib, lib.uc_open(arch, mode, handle), "uc_open");
    return new Unicorn(lib, handle.getValue());
  }

  /** The raw engine handle, for native helpers that take a {@code uc_engine *}. */
  public Pointer handle() {
    return uc;
  }

  public Runtime runtime() {
    return runtime;
  }

  /** {@code uc_ctl(UC_CTL_CPU_MODEL)}: must precede the first use of the CPU. */
  public void setCpuModel(int model) {
    check(lib.uc_ctl(uc, UcConst.ucCtlWrite(UcConst.UC_CTL_CPU_MODEL, 1), model), "set cpu model");
  }

  /** Drops translated blocks covering [begin, end), so the next run retranslates them. */
  public void removeCache(long begin, long end) {
    check(lib.uc_ctl(uc, UcConst.ucCtlWrite(UcConst.UC_CTL_TB_REMOVE_CACHE, 2), begin, end),
        "remove cache");
  }

  /** Drops every translated block (hooks checked at translation time then apply everywhere). */
  public void flushCache() {
    check(lib.uc_ctl(uc, UcConst.ucCtlWrite(UcConst.UC_CTL_TB_FLUSH, 0)), "flush cache");
  }

  public int regRead(int regid) {
    check(lib.uc_reg_read(uc, regid, scratch), "uc_reg_read");
    return scratch.getInt(0);
  }

  public void regWrite(int regid, int value) {
    scratch.putInt(0, value);
    check(lib.uc_reg_write(uc, regid, scratch), "uc_reg_write");
  }

  public byte[] memRead(long address, int length) {
    byte[] out = new byte[length];
    check(lib.uc_mem_read(uc, address, out, length), "uc_mem_read");
    return out;
  }

  public void memWrite(long address, byte[] data) {
    check(lib.uc_mem_write(uc, address, data, data.length), "uc_mem_write");
  }

  /** Same as {@link #memWrite} but reports failure as a code rather than an exception. */
  public UcError tryMemWrite(long address, byte[] data) {
    return UcError.of(lib.uc_mem_write(uc, address, data, data.length));
  }

  /**
   * Reads the little-endian word at {@code address}; -1 when the engine refuses (unmapped).
   * Through native scratch memory rather than a byte array: the exception model stacks and
   * unstacks eight words per exception, and each array would be copied twice.
   */
  public long tryRead32(long address) {
    if (lib.uc_mem_read(uc, address, scratch, 4) != 0) {
      return -1;
    }
    return scratch.getInt(0) & 0xffffffffL;
  }

  /** Writes a little-endian word at {@code address}; false when the engine refuses. */
  public boolean tryWrite32(long address, int value) {
    scratch.putInt(0, value);
    return lib.uc_mem_write(uc, address, scratch, 4) == 0;
  }

  /** Same as {@link #memRead} into {@code out}, reporting failure as a code. */
  public UcError tryMemRead(long address, byte[] out) {
    return UcError.of(lib.uc_mem_read(uc, address, out, out.length));
  }

  /**
   * Runs from {@code begin} (bit 0 set for Thumb) until {@code until}. Returns the engine's
   * status instead of throwing: a guest fault is an outcome of running, not a binding error.
   */
  public UcError emuStart(long begin, long until, long timeout, long count) {
    return UcError.of(lib.uc_emu_start(uc, begin, until, timeout, count));
  }

  public void emuStop() {
    check(lib.uc_emu_stop(uc), "uc_emu_stop");
  }

  public void memMap(long address, long size, int perms) {
    check(lib.uc_mem_map(uc, address, size, perms), String.format("uc_mem_map 0x%x+0x%x", address, size));
  }

  /** Maps host memory at {@code ptr} (it must outlive the engine) at [address, address + size). */
  public void memMapPtr(long address, long size, int perms, Pointer ptr) {
    check(lib.uc_mem_map_ptr(uc, address, size, perms, ptr),
        String.format("uc_mem_map_ptr 0x%x+0x%x", address, size));
  }

  public void memUnmap(long address, long size) {
    check(lib.uc_mem_unmap(uc, address, size), String.format("uc_mem_unmap 0x%x+0x%x", address, size));
  }

  public void memProtect(long address, long size, int perms) {
    check(lib.uc_mem_protect(uc, address, size, perms), "uc_mem_protect");
  }

  public void mmioMap(long address, long size, UnicornLib.MmioRead read, UnicornLib.MmioWrite write) {
    keepAlive.add(read);
    keepAlive.add(write);
    check(lib.uc_mmio_map(uc, address, size, read, null, write, null),
        String.format("uc_mmio_map 0x%x+0x%x", address, size));
  }

  /** Adds an interrupt hook; returns the hook handle. */
  public long hookInterrupts(UnicornLib.HookIntr hook) {
    Pointer fn = runtime.getClosureManager().getClosurePointer(UnicornLib.HookIntr.class, hook);
    keepAlive.add(hook);
    keepAlive.add(fn);
    return hookAdd(UcConst.UC_HOOK_INTR, fn, null, 1, 0);
  }

  /** Adds a hook whose callback is native code at {@code callback}. */
  public long hookAdd(int type, Pointer callback, Pointer userData, long begin, long end) {
    NativeLongByReference hh = new NativeLongByReference();
    check(lib.uc_hook_add(uc, hh, type, callback, userData, begin, end), "uc_hook_add");
    return hh.longValue();
  }

  public void hookDel(long hook) {
    check(lib.uc_hook_del(uc, hook), "uc_hook_del");
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      check(lib.uc_close(uc), "uc_close");
    }
  }

  private void check(int err, String what) {
    check(lib, err, what);
  }

  /** The one place a {@code uc_err} becomes an exception. */
  static void check(UnicornLib lib, int err, String what) {
    if (err != 0) {
      UcError e = UcError.of(err);
      throw new UnicornException(e, what + ": " + lib.uc_strerror(err) + " (" + e + ")");
    }
  }
}
