package dev.vboard.emulator.unicorn;

import com.kenai.jffi.Library;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libunicorn and vboard's native helper once per JVM (initialization-on-demand holder).
 *
 * <p>Order matters: the helper is opened first with {@code RTLD_GLOBAL}, so that its
 * {@code page_collection_*_arm} definitions come before libunicorn's in the global symbol scope
 * (see {@code vboardcpu.c}). The store fast path is then switched on only for the library
 * version it was measured on (2.0.1), as are the translator corrections; any other version
 * keeps Unicorn's own functions.
 */
public final class NativeLibraries {
  private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);

  /**
   * {@code uc_version()} of Unicorn 2.0.1 without the extra byte (major, minor, patch): the
   * version whose internals the native workarounds were measured on.
   */
  private static final int MEASURED_VERSION = 0x020001;

  /** Resource path of the helper inside the classes directory or the jar. */
  private static final String HELPER_RESOURCE = "native/libvboardcpu.so";

  private NativeLibraries() { }

  private static final class Holder {
    static final NativeLibraries.Loaded LOADED = load();
  }

  /** The loaded pair, with the version and whether the store fast path is on. */
  public record Loaded(UnicornLib unicorn, HelperLib helper, int version, boolean fastStores,
      boolean dirtyPages) { }

  /** Loads on first use; throws {@link IllegalStateException} naming the package to install. */
  public static Loaded get() {
    return Holder.LOADED;
  }

  public static UnicornLib unicorn() {
    return get().unicorn();
  }

  public static HelperLib helper() {
    return get().helper();
  }

  private static Loaded load() {
    Path helperPath = locateHelper();
    Library global = Library.getCachedInstance(helperPath.toString(), Library.NOW | Library.GLOBAL);
    if (global == null) {
      throw new IllegalStateException("cannot load the native helper " + helperPath + ": "
          + Library.getLastError() + " (it needs libunicorn.so.2: apt-get install libunicorn2)");
    }
    UnicornLib unicorn;
    try {
      unicorn = LibraryLoader.create(UnicornLib.class)
          .option(LibraryOption.LoadNow, Boolean.TRUE)
          .failImmediately()
          .load("unicorn");
    } catch (LinkageError | RuntimeException e) {
      throw new IllegalStateException(
          "cannot load libunicorn.so.2 (Unicorn 2): install the Debian package libunicorn2", e);
    }
    HelperLib helper = LibraryLoader.create(HelperLib.class)
        .option(LibraryOption.LoadNow, Boolean.TRUE)
        .failImmediately()
        .load(helperPath.toString());
    int version = unicorn.uc_version(new int[1], new int[1]);
    boolean wanted = !"false".equals(System.getProperty("vboard.fastStores"));
    boolean fast = false;
    if (wanted && (version >>> 8) == MEASURED_VERSION && helper.vb_fast_stores_available() != 0) {
      helper.vb_fast_stores_enable(1);
      fast = helper.vb_fast_stores_enabled() != 0;
    }
    // Dirty data pages build on the same measured internals of 2.0.1 (see vboardcpu.c, 3), and
    // only make sense with the lock stubs on: -Dvboard.fastStores=false turns both off.
    boolean dirty = false;
    if (fast && helper.vb_dirty_pages_available() != 0) {
      helper.vb_dirty_pages_enable(1);
      dirty = helper.vb_dirty_pages_enabled() != 0;
    }
    // The translator corrections are about behaviour, not speed: on whenever the version is
    // the measured one, whatever -Dvboard.fastStores says.
    if ((version >>> 8) == MEASURED_VERSION) {
      helper.vb_translation_fixes_enable(1);
    }
    LOG.debug("libunicorn version 0x{}, store fast path {}, dirty data pages {}, translator "
        + "corrections {}", Integer.toHexString(version), fast ? "on" : "off",
        dirty ? "on" : "off", helper.vb_translation_fixes_enabled() != 0 ? "on" : "off");
    return new Loaded(unicorn, helper, version, fast, dirty);
  }

  /** Finds the helper: {@code -Dvboard.native.dir}, the classpath directory, or the jar. */
  private static Path locateHelper() {
    String dir = System.getProperty("vboard.native.dir");
    if (dir != null) {
      return Paths.get(dir, "libvboardcpu.so");
    }
    URL url = NativeLibraries.class.getClassLoader().getResource(HELPER_RESOURCE);
    if (url == null) {
      throw new IllegalStateException("native helper " + HELPER_RESOURCE
          + " is not on the classpath: build with `mvn package` (needs gcc and libunicorn-dev)");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return Paths.get(url.toURI());
      }
      Path tmp = Files.createTempFile("libvboardcpu", ".so");
      tmp.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot extract the native helper from " + url, e);
    }
  }
}
