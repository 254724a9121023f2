package dev.vboard.emulator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a minimal mps2-an385 image with arm-none-eabi-gcc at test time: a vector table, and a
 * reset handler in C that talks only semihosting (no UART, no C library), so the end-to-end tests
 * depend on the CPU core and semihosting alone.
 */
public final class TinyFirmware {

  /** Prints through SYS_WRITE0 and ":tt", echoes the command line, exits with status 3. */
  public static final String EXIT_3 = """
      #include <stdint.h>
      static int semi(int op, const void *arg) {
        register int r0 __asm__("r0") = op;
        register const void *r1 __asm__("r1") = arg;
        __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
        return r0;
      }
      static unsigned len(const char *s) { unsigned n = 0; while (s[n]) n++; return n; }
      void reset(void) {
        semi(0x04, "console line\\n");
        const char *tt = ":tt";
        uintptr_t open[3] = {(uintptr_t) tt, 4, 3};
        int out = semi(0x01, open);
        static const char msg[] = "stdout line\\n";
        uintptr_t w[3] = {(uintptr_t) out, (uintptr_t) msg, sizeof msg - 1};
        semi(0x05, w);
        char cmd[64];
        uintptr_t c[2] = {(uintptr_t) cmd, sizeof cmd};
        semi(0x15, c);
        uintptr_t w2[3] = {(uintptr_t) out, (uintptr_t) cmd, len(cmd)};
        semi(0x05, w2);
        uintptr_t ex[2] = {0x20026, 3};
        semi(0x20, ex);
        for (;;) { }
      }
      """;

  /** Writes "ready\n" to ":tt" (stdout), then spins forever: a run known to be under way. */
  public static final String READY_THEN_SPIN = """
      #include <stdint.h>
      static int semi(int op, const void *arg) {
        register int r0 __asm__("r0") = op;
        register const void *r1 __asm__("r1") = arg;
        __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
        return r0;
      }
      void reset(void) {
        uintptr_t open[3] = {(uintptr_t) ":tt", 4, 3};
        int out = semi(0x01, open);
        uintptr_t w[3] = {(uintptr_t) out, (uintptr_t) "ready\\n", 6};
        semi(0x05, w);
        for (volatile int i = 0;; i++) { }
      }
      """;

  /** Spins forever without exiting, for timeouts. */
  public static final String SPIN = """
      void reset(void) { for (volatile int i = 0;; i++) { } }
      """;

  private static final String VECTORS = """
      extern void reset(void);
      extern unsigned long _estack;
      __attribute__((section(".vectors"), used))
      const void *vectors[2] = { &_estack, (void *) reset };
      """;

  private static final String LINKER_SCRIPT = """
      MEMORY { FLASH (rx) : ORIGIN = 0x00000000, LENGTH = 4M
               RAM (rwx)  : ORIGIN = 0x20000000, LENGTH = 4M }
      _estack = ORIGIN(RAM) + LENGTH(RAM);
      ENTRY(reset)
      SECTIONS {
        .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
        .data : { *(.data*) } > RAM AT > FLASH
        .bss : { *(.bss*) *(COMMON) } > RAM
      }
      """;

  private TinyFirmware() { }

  /** True when arm-none-eabi-gcc runs. */
  public static boolean compilerAvailable() {
    try {
      return new ProcessBuilder("arm-none-eabi-gcc", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Compiles {@code source} into {@code dir/name.elf}; fails with the compiler's log. */
  public static Path build(Path dir, String name, String source) throws Exception {
    Files.writeString(dir.resolve(name + ".c"), source);
    Files.writeString(dir.resolve("vectors.c"), VECTORS);
    Files.writeString(dir.resolve("tiny.ld"), LINKER_SCRIPT);
    Path elf = dir.resolve(name + ".elf");
    Path log = dir.resolve(name + ".log");
    List<String> cmd = new ArrayList<>(List.of("arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb",
        "-Os", "-nostdlib", "-ffreestanding", "-T", "tiny.ld", "-o", elf.getFileName().toString(),
        name + ".c", "vectors.c"));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new AssertionError("arm-none-eabi-gcc failed:\n" + Files.readString(log));
    }
    return elf;
  }
}
