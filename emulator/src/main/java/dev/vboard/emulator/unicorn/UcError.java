package dev.vboard.emulator.unicorn;

/** {@code uc_err}, in header order, so {@code ordinal()} is the C value. */
public enum UcError {
  OK,
  NOMEM,
  ARCH,
  HANDLE,
  MODE,
  VERSION,
  READ_UNMAPPED,
  WRITE_UNMAPPED,
  FETCH_UNMAPPED,
  HOOK,
  INSN_INVALID,
  MAP,
  WRITE_PROT,
  READ_PROT,
  FETCH_PROT,
  ARG,
  READ_UNALIGNED,
  WRITE_UNALIGNED,
  FETCH_UNALIGNED,
  HOOK_EXIST,
  RESOURCE,
  EXCEPTION,
  /** A code this binding does not know (a newer library). */
  UNKNOWN;

  /** values() copies the array on every call, and every engine run asks. */
  private static final UcError[] ALL = values();

  public static UcError of(int code) {
    return code >= 0 && code < ALL.length - 1 ? ALL[code] : UNKNOWN;
  }
}
