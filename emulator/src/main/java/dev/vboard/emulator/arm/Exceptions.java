package dev.vboard.emulator.arm;

/** ARMv7-M exception numbers (ARM DDI 0403, B1.5.2) and EXC_RETURN values (B1.5.8). */
public final class Exceptions {
  private Exceptions() { }

  public static final int RESET = 1;
  public static final int NMI = 2;
  public static final int HARD_FAULT = 3;
  public static final int MEM_MANAGE = 4;
  public static final int BUS_FAULT = 5;
  public static final int USAGE_FAULT = 6;
  public static final int SVCALL = 11;
  public static final int DEBUG_MONITOR = 12;
  public static final int PENDSV = 14;
  public static final int SYSTICK = 15;
  /** Exception number of external interrupt 0 (IRQ0). */
  public static final int FIRST_IRQ = 16;

  /** Return to handler mode, main stack. */
  public static final int EXC_RETURN_HANDLER = 0xfffffff1;
  /** Return to thread mode, main stack. */
  public static final int EXC_RETURN_THREAD_MSP = 0xfffffff9;
  /** Return to thread mode, process stack. */
  public static final int EXC_RETURN_THREAD_PSP = 0xfffffffd;

  public static String name(int exception) {
    switch (exception) {
      case 0: return "Thread";
      case RESET: return "Reset";
      case NMI: return "NMI";
      case HARD_FAULT: return "HardFault";
      case MEM_MANAGE: return "MemManage";
      case BUS_FAULT: return "BusFault";
      case USAGE_FAULT: return "UsageFault";
      case SVCALL: return "SVCall";
      case DEBUG_MONITOR: return "DebugMonitor";
      case PENDSV: return "PendSV";
      case SYSTICK: return "SysTick";
      default:
        return exception >= FIRST_IRQ ? "IRQ" + (exception - FIRST_IRQ) : "Reserved" + exception;
    }
  }
}
