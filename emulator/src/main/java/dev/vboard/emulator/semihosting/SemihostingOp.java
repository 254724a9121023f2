package dev.vboard.emulator.semihosting;

/**
 * Semihosting operation numbers (R0 at BKPT 0xAB), from ARM's "Semihosting for AArch32 and
 * AArch64", section 6 ("Semihosting operations").
 */
final class SemihostingOp {
  static final int SYS_OPEN = 0x01;
  static final int SYS_CLOSE = 0x02;
  static final int SYS_WRITEC = 0x03;
  static final int SYS_WRITE0 = 0x04;
  static final int SYS_WRITE = 0x05;
  static final int SYS_READ = 0x06;
  static final int SYS_READC = 0x07;
  static final int SYS_ISERROR = 0x08;
  static final int SYS_ISTTY = 0x09;
  static final int SYS_SEEK = 0x0a;
  static final int SYS_FLEN = 0x0c;
  static final int SYS_TMPNAM = 0x0d;
  static final int SYS_REMOVE = 0x0e;
  static final int SYS_RENAME = 0x0f;
  static final int SYS_CLOCK = 0x10;
  static final int SYS_TIME = 0x11;
  static final int SYS_SYSTEM = 0x12;
  static final int SYS_ERRNO = 0x13;
  static final int SYS_GET_CMDLINE = 0x15;
  static final int SYS_HEAPINFO = 0x16;
  static final int SYS_EXIT = 0x18;
  static final int SYS_EXIT_EXTENDED = 0x20;
  static final int SYS_ELAPSED = 0x30;
  static final int SYS_TICKFREQ = 0x31;

  /** SYS_EXIT reason for a normal exit (spec 6.1.1, "Reason codes"). */
  static final int ADP_STOPPED_APPLICATION_EXIT = 0x20026;

  private SemihostingOp() { }

  static String name(int op) {
    return switch (op) {
      case SYS_OPEN -> "SYS_OPEN";
      case SYS_CLOSE -> "SYS_CLOSE";
      case SYS_WRITEC -> "SYS_WRITEC";
      case SYS_WRITE0 -> "SYS_WRITE0";
      case SYS_WRITE -> "SYS_WRITE";
      case SYS_READ -> "SYS_READ";
      case SYS_READC -> "SYS_READC";
      case SYS_ISERROR -> "SYS_ISERROR";
      case SYS_ISTTY -> "SYS_ISTTY";
      case SYS_SEEK -> "SYS_SEEK";
      case SYS_FLEN -> "SYS_FLEN";
      case SYS_TMPNAM -> "SYS_TMPNAM";
      case SYS_REMOVE -> "SYS_REMOVE";
      case SYS_RENAME -> "SYS_RENAME";
      case SYS_CLOCK -> "SYS_CLOCK";
      case SYS_TIME -> "SYS_TIME";
      case SYS_SYSTEM -> "SYS_SYSTEM";
      case SYS_ERRNO -> "SYS_ERRNO";
      case SYS_GET_CMDLINE -> "SYS_GET_CMDLINE";
      case SYS_HEAPINFO -> "SYS_HEAPINFO";
      case SYS_EXIT -> "SYS_EXIT";
      case SYS_EXIT_EXTENDED -> "SYS_EXIT_EXTENDED";
      case SYS_ELAPSED -> "SYS_ELAPSED";
      case SYS_TICKFREQ -> "SYS_TICKFREQ";
      default -> String.format("0x%02x", op);
    };
  }
}
