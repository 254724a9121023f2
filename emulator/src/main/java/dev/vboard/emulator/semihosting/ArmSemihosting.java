package dev.vboard.emulator.semihosting;

import static dev.vboard.emulator.semihosting.SemihostingOp.*;

import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.machine.SemihostingCall;
import dev.vboard.emulator.machine.SemihostingHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARM semihosting (BKPT 0xAB), following ARM's "Semihosting for AArch32 and AArch64" v2.0 and
 * matching QEMU 7.2's {@code semihosting/arm-compat-semi.c} where the spec leaves room:
 * <ul>
 *   <li>return values: SYS_WRITEC/SYS_WRITE0 leave 0xdeadbeef in R0; SYS_READ/SYS_WRITE return
 *       the count of bytes not transferred; SYS_SEEK returns 0 on success;</li>
 *   <li>SYS_EXIT (AArch32: R1 is the reason itself) exits 0 for ADP_Stopped_ApplicationExit and
 *       1 for any other reason; SYS_EXIT_EXTENDED takes a (reason, subcode) block and exits with
 *       the subcode for ApplicationExit, else 1;</li>
 *   <li>":tt" and ":semihosting-features" are special file names; SYS_ERRNO reports the last
 *       failure's errno and is not cleared by success; SYS_READ and SYS_WRITE failures do not
 *       set it (QEMU 7.2 drops their error code).</li>
 * </ul>
 * Deliberate differences, for determinism and safety: SYS_CLOCK, SYS_TIME and SYS_ELAPSED read
 * virtual time (QEMU reads host clocks); files are confined to {@link SandboxedFileSystem}'s
 * root; SYS_SYSTEM is refused with EPERM unless enabled; SYS_TMPNAM names a file in the root; an
 * unknown operation is a logged guest error returning -1 (QEMU aborts the whole emulator).
 */
public final class ArmSemihosting implements SemihostingHandler, AutoCloseable {

  private static final Logger TRACE = LoggerFactory.getLogger("vboard.semihosting");
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  /** QEMU's "no defined result" value for R0. */
  static final int DEAD = 0xdeadbeef;
  /** Bytes moved per step of SYS_READ/SYS_WRITE, bounding the host buffer for huge requests. */
  private static final int CHUNK = 64 * 1024;
  private static final long CENTISECOND_NS = 10_000_000L;
  private static final long SECOND_NS = 1_000_000_000L;

  private final SemihostingConfig config;
  private final SemihostingConsole console;
  private final SandboxedFileSystem files;
  private final FileTable handles = new FileTable();
  private int errno;

  public ArmSemihosting(SemihostingConfig config, SemihostingConsole console) throws IOException {
    this.config = config;
    this.console = console;
    this.files = new SandboxedFileSystem(config.root());
  }

  @Override
  public void handle(SemihostingCall call) {
    int op = call.operation();
    ParameterBlock args = new ParameterBlock(call.memory(), call.parameter());
    int r0;
    try {
      r0 = dispatch(op, args, call);
    } catch (ErrnoException e) {
      errno = e.errno();
      r0 = -1;
      TRACE.debug("{} failed: errno {} ({})", name(op), e.errno(), e.getMessage());
    } catch (GuestAccessException e) {
      errno = Errno.EFAULT;
      r0 = -1;
      GUEST.debug("semihosting {}: bad guest pointer: {}", name(op), e.getMessage());
    } catch (ExitRequested e) {
      TRACE.debug("{} -> exit status {}", name(op), e.status);
      handles.closeAll();
      call.exit(e.status);
      return;
    } catch (RuntimeException e) {
      // Our bug, not the guest's: still never take the emulator down for it.
      errno = Errno.EIO;
      r0 = -1;
      TRACE.warn("semihosting {} failed internally", name(op), e);
    }
    if (TRACE.isDebugEnabled()) {
      TRACE.debug("{}(0x{}) -> 0x{}", name(op), Integer.toHexString(call.parameter()),
          Integer.toHexString(r0));
    }
    call.complete(r0);
  }

  /** Closes every file the guest left open. */
  @Override
  public void close() {
    handles.closeAll();
  }

  private int dispatch(int op, ParameterBlock args, SemihostingCall call) throws ErrnoException {
    return switch (op) {
      case SYS_OPEN -> open(args);
      case SYS_CLOSE -> close(args);
      case SYS_WRITEC -> writeC(call.memory(), args);
      case SYS_WRITE0 -> write0(call.memory(), args);
      case SYS_WRITE -> write(call.memory(), args);
      case SYS_READ -> read(call.memory(), args);
      case SYS_READC -> console.read();
      case SYS_ISERROR -> (int) args.word(0) < 0 ? 1 : 0;
      case SYS_ISTTY -> isTty(args);
      case SYS_SEEK -> seek(args);
      case SYS_FLEN -> (int) handles.get((int) args.word(0)).length();
      case SYS_TMPNAM -> tmpnam(call.memory(), args);
      case SYS_REMOVE -> remove(args);
      case SYS_RENAME -> rename(args);
      case SYS_CLOCK -> (int) (call.clock().nanos() / CENTISECOND_NS);
      case SYS_TIME -> (int) (config.epochSeconds() + call.clock().nanos() / SECOND_NS);
      case SYS_SYSTEM -> system(args);
      case SYS_ERRNO -> errno;
      case SYS_GET_CMDLINE -> getCmdline(call.memory(), args);
      case SYS_HEAPINFO -> heapInfo(call.memory(), args);
      case SYS_EXIT -> throw new ExitRequested(
          call.parameter() == ADP_STOPPED_APPLICATION_EXIT ? 0 : 1);
      case SYS_EXIT_EXTENDED -> throw new ExitRequested(
          args.word(0) == ADP_STOPPED_APPLICATION_EXIT ? (int) args.word(1) : 1);
      case SYS_ELAPSED -> elapsed(call, args);
      case SYS_TICKFREQ -> (int) SECOND_NS;
      default -> {
        GUEST.debug("unsupported semihosting operation {}", name(op));
        throw new ErrnoException(Errno.ENOSYS, "unsupported operation " + name(op));
      }
    };
  }

  // ---- files ------------------------------------------------------------------------------

  /** Block: [name pointer, mode 0-11, name length]. */
  private int open(ParameterBlock args) throws ErrnoException {
    long mode = args.word(1);
    String name = args.lengthString(args.word(0), args.word(2));
    if (mode >= 12) {
      throw new ErrnoException(Errno.EINVAL, "bad open mode " + mode);
    }
    OpenFile file;
    if (name.equals(":tt")) {
      file = new ConsoleFile(console, ConsoleFile.forMode((int) mode));
    } else if (name.equals(":semihosting-features")) {
      if (mode > 1) {
        throw new ErrnoException(Errno.EACCES, "features file is read-only");
      }
      file = new StaticFile(StaticFile.FEATURES);
    } else {
      file = files.open(name, (int) mode);
    }
    return handles.add(file);
  }

  private int close(ParameterBlock args) throws ErrnoException {
    handles.remove((int) args.word(0)).close();
    return 0;
  }

  /** R1 points at the character itself (not at a parameter block). */
  private int writeC(GuestMemory memory, ParameterBlock args) {
    console.writeConsole(new byte[] {(byte) memory.readByte(args.address())});
    return DEAD;
  }

  private int write0(GuestMemory memory, ParameterBlock args) {
    console.writeConsole(ParameterBlock.cString(memory, args.address()));
    return DEAD;
  }

  /**
   * Block: [handle, buffer, length]; returns the number of bytes NOT written. A failure (a bad
   * handle, an unreadable buffer, a host error) leaves SYS_ERRNO as it was, as QEMU 7.2 does
   * (its read/write completion drops the error code).
   */
  private int write(GuestMemory memory, ParameterBlock args) {
    long length = args.word(2);
    long done = 0;
    try {
      OpenFile file = handles.get((int) args.word(0));
      long buffer = args.word(1);
      while (done < length) {
        int n = (int) Math.min(CHUNK, length - done);
        file.write(memory.read(buffer + done, n));
        done += n;
      }
    } catch (ErrnoException e) {
      TRACE.debug("SYS_WRITE failed: errno {} ({}), SYS_ERRNO unchanged", e.errno(),
          e.getMessage());
    } catch (GuestAccessException e) {
      TRACE.debug("SYS_WRITE from an unreadable buffer, SYS_ERRNO unchanged");
    }
    return (int) (length - done);
  }

  /**
   * Block: [handle, buffer, length]; returns the number of bytes NOT read (all at EOF). Failures
   * leave SYS_ERRNO as it was, as for {@link #write}.
   */
  private int read(GuestMemory memory, ParameterBlock args) {
    long length = args.word(2);
    long done = 0;
    try {
      OpenFile file = handles.get((int) args.word(0));
      long buffer = args.word(1);
      while (done < length) {
        byte[] got = file.read((int) Math.min(CHUNK, length - done));
        memory.write(buffer + done, got);
        done += got.length;
        // A short read is the end for now (EOF, or a console line); do not wait for more.
        if (got.length < CHUNK || file.isTty()) {
          break;
        }
      }
    } catch (ErrnoException e) {
      TRACE.debug("SYS_READ failed: errno {} ({}), SYS_ERRNO unchanged", e.errno(),
          e.getMessage());
    } catch (GuestAccessException e) {
      TRACE.debug("SYS_READ into an unwritable buffer, SYS_ERRNO unchanged");
    }
    return (int) (length - done);
  }

  /**
   * 1 for the console when the host's stdio is a terminal, 0 (errno ENOTTY) for a file or a
   * redirected console, -1 (EBADF) for a bad handle.
   */
  private int isTty(ParameterBlock args) throws ErrnoException {
    OpenFile file = handles.get((int) args.word(0));
    if (file.isTty() && (!(file instanceof ConsoleFile) || console.isTerminal())) {
      return 1;
    }
    errno = Errno.ENOTTY;
    return 0;
  }

  /** Block: [handle, absolute position]; 0 on success. */
  private int seek(ParameterBlock args) throws ErrnoException {
    OpenFile file = handles.get((int) args.word(0));
    file.seek(args.word(1));
    return 0;
  }

  /** Block: [buffer, id 0-255, buffer length]. */
  private int tmpnam(GuestMemory memory, ParameterBlock args) {
    long buffer = args.word(0);
    byte[] name = String.format("vboard-tmp-%02x", args.word(1) & 0xff)
        .getBytes(StandardCharsets.US_ASCII);
    if (name.length + 1 > args.word(2)) {
      return -1;
    }
    byte[] withNul = new byte[name.length + 1];
    System.arraycopy(name, 0, withNul, 0, name.length);
    memory.write(buffer, withNul);
    return 0;
  }

  /** Block: [name pointer, name length]. */
  private int remove(ParameterBlock args) throws ErrnoException {
    files.remove(args.lengthString(args.word(0), args.word(1)));
    return 0;
  }

  /** Block: [old pointer, old length, new pointer, new length]. */
  private int rename(ParameterBlock args) throws ErrnoException {
    String from = args.lengthString(args.word(0), args.word(1));
    String to = args.lengthString(args.word(2), args.word(3));
    files.rename(from, to);
    return 0;
  }

  // ---- host, time and environment ---------------------------------------------------------

  /** Block: [command pointer, command length]; returns the host's wait status, as system(3). */
  private int system(ParameterBlock args) throws ErrnoException {
    String command = args.lengthString(args.word(0), args.word(1));
    if (!config.allowSystem()) {
      throw new ErrnoException(Errno.EPERM, "SYS_SYSTEM is disabled");
    }
    console.writeOut(new byte[0]); // flushes the guest's earlier output ahead of the command's
    try {
      // HOST I/O EDGE: the user asked for host commands; their output is theirs to make.
      Process p = new ProcessBuilder("/bin/sh", "-c", command)
          .directory(files.root().toFile()).inheritIO().start();
      return (p.waitFor() & 0xff) << 8;
    } catch (IOException e) {
      throw new ErrnoException(Errno.EIO, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrnoException(Errno.EIO, "interrupted");
    }
  }

  /** Block: [buffer, size]; writes the command line and its length (into field 1). */
  private int getCmdline(GuestMemory memory, ParameterBlock args) throws ErrnoException {
    long buffer = args.word(0);
    byte[] line = config.commandLine().getBytes(StandardCharsets.UTF_8);
    if (line.length + 1 > args.word(1)) {
      throw new ErrnoException(Errno.E2BIG, "command line does not fit the buffer");
    }
    args.setWord(1, line.length);
    byte[] withNul = new byte[line.length + 1];
    System.arraycopy(line, 0, withNul, 0, line.length);
    memory.write(buffer, withNul);
    return 0;
  }

  /** Block: [pointer to a 4-word result block]. */
  private int heapInfo(GuestMemory memory, ParameterBlock args) {
    long block = args.word(0);
    HeapInfo info = config.heapInfo();
    long[] words = {info.heapBase(), info.heapLimit(), info.stackBase(), info.stackLimit()};
    for (int i = 0; i < words.length; i++) {
      memory.writeWord(block + 4L * i, (int) words[i]);
    }
    return 0;
  }

  /** Block: [low word, high word] receive the ticks (nanoseconds, see SYS_TICKFREQ) since start. */
  private int elapsed(SemihostingCall call, ParameterBlock args) {
    long ticks = call.clock().nanos();
    args.setWord(0, ticks & 0xffff_ffffL);
    args.setWord(1, ticks >>> 32);
    return 0;
  }

  /** Unwinds from {@link #dispatch} when the guest asks to exit. */
  private static final class ExitRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ExitRequested(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }
}
