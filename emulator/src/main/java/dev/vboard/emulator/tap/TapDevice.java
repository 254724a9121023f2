package dev.vboard.emulator.tap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * HOST-I/O EDGE: one Linux TAP interface, opened as Linux's {@code tuntap.rst} describes (open
 * {@code /dev/net/tun}, then {@code ioctl(TUNSETIFF)} with {@code IFF_TAP | IFF_NO_PI}): every
 * read(2) returns one whole Ethernet frame the kernel sent out of the interface, every write(2)
 * injects one frame into it. Without {@code IFF_NO_PI} each frame would carry a 4-byte packet
 * information header, which the netstack does not want.
 *
 * <p>The descriptor is non-blocking; {@link #awaitReadable} is the only wait (poll(2)). The
 * interface is not made persistent: it disappears when this device is closed, wherever (in
 * whichever network namespace) it then is, so a crashed run leaves nothing behind. Attaching to
 * an existing persistent TAP interface of the same name works too (TUNSETIFF attaches).
 *
 * <p>Not thread-safe: one thread reads, writes and closes; {@link #awaitReadable} alone may also
 * be called from one other thread ({@link TapWatcher}), as it only polls the descriptor.
 */
public final class TapDevice implements AutoCloseable {
  /** {@code IFNAMSIZ} (linux/if.h), including the terminating NUL. */
  public static final int IFNAMSIZ = 16;
  /** {@code sizeof(struct ifreq)} on LP64 Linux: the name and a 24-byte union. */
  private static final int IFREQ_SIZE = 40;
  /** Offset of {@code ifr_flags} (a short) in {@code struct ifreq}. */
  private static final int IFR_FLAGS = 16;

  /** {@code _IOW('T', 202, int)} (linux/if_tun.h). */
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TAP = 0x0002;
  private static final short IFF_NO_PI = 0x1000;

  /** linux/sockios.h; the socket ioctls that read and set an interface's flags. */
  private static final long SIOCGIFFLAGS = 0x8913;
  private static final long SIOCSIFFLAGS = 0x8914;
  private static final short IFF_UP = 0x1;

  /**
   * Largest frame read or written: far above any MTU the interface is given, so the kernel
   * never truncates a frame (a short buffer would cut it silently).
   */
  public static final int MAX_FRAME = 65_536;

  static final String TUN_PATH = "/dev/net/tun";

  private static final class Holder {
    static final TapLibC LIBC = LibraryLoader.create(TapLibC.class).failImmediately()
        .load(Platform.getNativePlatform().getStandardCLibraryName());
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  private final TapLibC libc;
  private final String name;
  private final Pointer buffer;
  private volatile int fd;

  private TapDevice(TapLibC libc, int fd, String name) {
    this.libc = libc;
    this.fd = fd;
    this.name = name;
    this.buffer = Memory.allocateDirect(Holder.RUNTIME, MAX_FRAME);
  }

  /**
   * Creates the TAP interface {@code requestedName} (or attaches to an existing one of that
   * name; a {@code %d} in the name lets the kernel number it). The interface is left down.
   *
   * @throws TapUnavailableException when /dev/net/tun is missing or not permitted
   * @throws IOException for any other failure (bad name, busy interface)
   */
  public static TapDevice open(String requestedName) throws TapUnavailableException, IOException {
    checkName(requestedName);
    TapLibC libc = Holder.LIBC;
    int fd = libc.open(TUN_PATH, TapLibC.O_RDWR | TapLibC.O_NONBLOCK | TapLibC.O_CLOEXEC);
    if (fd < 0) {
      int errno = errno();
      if (errno == TapLibC.ENOENT || errno == TapLibC.ENODEV || errno == TapLibC.ENXIO) {
        throw new TapUnavailableException(TUN_PATH + " is missing (load the tun module: "
            + "modprobe tun; in a container, pass the device in)");
      }
      if (errno == TapLibC.EACCES || errno == TapLibC.EPERM) {
        throw new TapUnavailableException("cannot open " + TUN_PATH
            + ": permission denied (needs root or CAP_NET_ADMIN)");
      }
      throw new IOException("cannot open " + TUN_PATH + ": " + libc.strerror(errno));
    }
    byte[] ifreq = ifreq(requestedName);
    ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder())
        .putShort(IFR_FLAGS, (short) (IFF_TAP | IFF_NO_PI));
    if (libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
      int errno = errno();
      libc.close(fd);
      if (errno == TapLibC.EPERM || errno == TapLibC.EACCES) {
        throw new TapUnavailableException("cannot create TAP interface " + requestedName
            + ": operation not permitted (needs root or CAP_NET_ADMIN)");
      }
      if (errno == TapLibC.EBUSY) {
        throw new IOException("TAP interface " + requestedName + " is busy (attached elsewhere)");
      }
      throw new IOException("cannot create TAP interface " + requestedName + ": "
          + libc.strerror(errno) + " (is it a TUN device, or another kind of interface?)");
    }
    return new TapDevice(libc, fd, nameOf(ifreq));
  }

  /** The interface's name as the kernel gave it. */
  public String name() {
    return name;
  }

  /**
   * Brings the interface up in the current network namespace ({@code ip link set NAME up}), as
   * {@code SIOCSIFFLAGS} with {@code IFF_UP} on an AF_INET socket does (netdevice(7)).
   */
  public void bringUp() throws IOException {
    int sock = libc.socket(TapLibC.AF_INET, TapLibC.SOCK_DGRAM, 0);
    if (sock < 0) {
      throw new IOException("cannot bring " + name + " up: socket: " + libc.strerror(errno()));
    }
    try {
      byte[] ifreq = ifreq(name);
      if (libc.ioctl(sock, SIOCGIFFLAGS, ifreq) < 0) {
        throw new IOException("cannot read " + name + "'s flags: " + libc.strerror(errno()));
      }
      ByteBuffer flags = ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder());
      flags.putShort(IFR_FLAGS, (short) (flags.getShort(IFR_FLAGS) | IFF_UP));
      if (libc.ioctl(sock, SIOCSIFFLAGS, ifreq) < 0) {
        throw new IOException("cannot bring " + name + " up: " + libc.strerror(errno()));
      }
    } finally {
      libc.close(sock);
    }
  }

  /**
   * Reads one frame the kernel sent out of the interface into {@code dst}; returns its length,
   * or 0 when none is waiting. A frame longer than {@code dst} is cut to fit.
   */
  public int read(byte[] dst) throws IOException {
    while (true) {
      long n = libc.read(fd, buffer, MAX_FRAME);
      if (n >= 0) {
        int len = (int) Math.min(n, dst.length);
        buffer.get(0, dst, 0, len);
        return len;
      }
      int errno = errno();
      if (errno == TapLibC.EAGAIN) {
        return 0;
      }
      if (errno != TapLibC.EINTR) {
        throw new IOException("read from " + name + ": " + libc.strerror(errno));
      }
    }
  }

  /**
   * Injects one frame into the interface, as if it had arrived on its wire. Returns false when
   * the kernel would not take it now (EAGAIN): a full queue drops the frame, as a wire would.
   */
  public boolean write(byte[] frame) throws IOException {
    if (frame.length > MAX_FRAME) {
      return false;
    }
    buffer.put(0, frame, 0, frame.length);
    while (true) {
      long n = libc.write(fd, buffer, frame.length);
      if (n >= 0) {
        return true;
      }
      int errno = errno();
      if (errno == TapLibC.EAGAIN) {
        return false;
      }
      if (errno != TapLibC.EINTR) {
        throw new IOException("write to " + name + ": " + libc.strerror(errno));
      }
    }
  }

  /**
   * REAL-TIME EDGE: waits with poll(2) until a frame is waiting or {@code timeoutNanos} of wall
   * time passed (rounded up to whole milliseconds, poll's unit; 0 only checks). Returns whether
   * a frame is waiting; a signal ends the wait early (false).
   */
  public boolean awaitReadable(long timeoutNanos) throws IOException {
    int millis = timeoutNanos <= 0 ? 0
        : (int) Math.min(Integer.MAX_VALUE, (timeoutNanos + 999_999) / 1_000_000);
    // A struct pollfd per call, so the loop thread and a TapWatcher never share one.
    byte[] pollFd = new byte[8];
    ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder()).putInt(0, fd)
        .putShort(4, TapLibC.POLLIN);
    int n = libc.poll(pollFd, 1, millis);
    if (n < 0) {
      int errno = errno();
      if (errno == TapLibC.EINTR) {
        return false;
      }
      throw new IOException("poll on " + name + ": " + libc.strerror(errno));
    }
    return n > 0;
  }

  /** Closes the descriptor; a non-persistent interface disappears with it. Idempotent. */
  @Override
  public void close() {
    if (fd >= 0) {
      libc.close(fd);
      fd = -1;
    }
  }

  /** Checks a name for what the kernel accepts (dev_valid_name), as a one-line error. */
  public static void checkName(String name) {
    if (name.isEmpty() || name.length() >= IFNAMSIZ || name.equals(".") || name.equals("..")
        || !name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '/' && c != ':')) {
      throw new IllegalArgumentException("invalid interface name '" + name + "' (1 to "
          + (IFNAMSIZ - 1) + " printable characters, no '/', ':' or spaces)");
    }
  }

  private static byte[] ifreq(String name) {
    byte[] ifreq = new byte[IFREQ_SIZE];
    byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, ifreq, 0, Math.min(ascii.length, IFNAMSIZ - 1));
    return ifreq;
  }

  private static String nameOf(byte[] ifreq) {
    int len = 0;
    while (len < IFNAMSIZ && ifreq[len] != 0) {
      len++;
    }
    return new String(ifreq, 0, len, StandardCharsets.US_ASCII);
  }

  private static int errno() {
    return LastError.getLastError(Holder.RUNTIME);
  }
}
