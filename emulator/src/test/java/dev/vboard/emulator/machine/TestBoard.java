package dev.vboard.emulator.machine;

import java.io.ByteArrayOutputStream;

/**
 * A minimal Cortex-M3 board for CPU tests: 256 KiB of code RAM at 0 (QEMU's mps2 "ROM" is RAM),
 * 64 KiB of RAM at 0x20000000, 32 external interrupts, 8 priority bits, 25 MHz. Programs are
 * written in assembly with a vector table and helpers prepended by {@link #program}.
 * Semihosting understands SYS_WRITEC and SYS_EXIT_EXTENDED, enough for exit codes and marks.
 */
final class TestBoard implements AutoCloseable {
  static final long HZ = 25_000_000L;
  final Machine machine = new Machine(new MachineConfig("cortex-m3", HZ, 32, 8));
  final ByteArrayOutputStream output = new ByteArrayOutputStream();

  TestBoard() {
    machine.mapRam("code", 0, 0x40000);
    machine.mapRam("sram", 0x20000000L, 0x10000);
    machine.setSemihosting(call -> {
      switch (call.operation()) {
        case 0x03: // SYS_WRITEC
          output.write(call.memory().readByte(call.parameter() & 0xffffffffL));
          call.complete(0);
          break;
        case 0x20: // SYS_EXIT_EXTENDED: [reason, subcode]
          call.exit(call.memory().readWord((call.parameter() & 0xffffffffL) + 4));
          break;
        default:
          call.complete(-1);
      }
    });
  }

  /** Loads {@link #program}{@code (body)} at 0 and resets. */
  TestBoard load(String body) {
    machine.memory().write(0, ThumbAssembler.assemble(program(body)));
    machine.reset();
    return this;
  }

  String output() {
    return output.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static final String[] HANDLERS = {
    "reset", "nmi_handler", "hardfault_handler", "memmanage_handler", "busfault_handler",
    "usagefault_handler", "0", "0", "0", "0", "svc_handler", "debugmon_handler", "0",
    "pendsv_handler", "systick_handler"};

  /**
   * The test program: vector table (SP 0x20010000, handlers that default to
   * {@code default_handler}, which exits with 0x100 + IPSR), {@code do_exit} (exit with R0) and
   * {@code putc} (write the low byte of R0, clobbers R0-R1) and the given body, which must define
   * {@code reset}.
   */
  static String program(String body) {
    StringBuilder s = new StringBuilder();
    s.append("  .syntax unified\n  .cpu cortex-m3\n  .thumb\n  .text\n");
    s.append("vectors:\n  .word 0x20010000\n");
    for (String h : HANDLERS) {
      s.append("  .word ").append(h).append('\n');
    }
    for (int i = 0; i < 32; i++) {
      s.append("  .word irq").append(i).append("_handler\n");
    }
    for (String h : HANDLERS) {
      if (!h.equals("0") && !h.equals("reset")) {
        defaultUnlessDefined(s, body, h);
      }
    }
    for (int i = 0; i < 32; i++) {
      defaultUnlessDefined(s, body, "irq" + i + "_handler");
    }
    s.append("""
          .thumb_func
        default_handler:
          mrs r0, ipsr
          add r0, r0, #0x100
          b do_exit
          .thumb_func
        do_exit:
          ldr r1, =0x2000ff00
          ldr r2, =0x20026
          str r2, [r1]
          str r0, [r1, #4]
          movs r0, #0x20
          bkpt 0xab
          b .
          .thumb_func
        putc:
          ldr r1, =0x2000ff10
          strb r0, [r1]
          movs r0, #3
          bkpt 0xab
          bx lr
          .ltorg
        """);
    s.append(body).append('\n');
    return s.toString();
  }

  private static void defaultUnlessDefined(StringBuilder s, String body, String handler) {
    if (!body.matches("(?s).*(^|\\n)" + handler + ":.*")) {
      s.append("  .thumb_set ").append(handler).append(", default_handler\n");
    }
  }

  @Override
  public void close() {
    machine.close();
  }
}
