package dev.vboard.emulator.arm;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registers of the Cortex-M3's MPU (ARMv7-M PMSAv7, ARM DDI 0403 B3.5), 8 regions, in the
 * System Control Space. They are kept here as the guest writes them, with QEMU 7.2's rules
 * (hw/intc/armv7m_nvic.c); every change goes to a listener, which has the engine enforce them
 * (mpu.c in the native helper).
 *
 * <pre>
 * offset  register      access  notes
 * 0xD90   MPU_TYPE      RO      0x800: 8 unified regions
 * 0xD94   MPU_CTRL      RW      ENABLE, HFNMIENA, PRIVDEFENA (HFNMIENA without ENABLE: warned)
 * 0xD98   MPU_RNR       RW      a region number of 8 or more is ignored, as QEMU
 * 0xD9C   MPU_RBAR      RW      ADDR[31:5]; VALID set selects REGION[3:0] first (8 up: ignored)
 * 0xDA0   MPU_RASR      RW      XN, AP, TEX/S/C/B, SRD, SIZE, ENABLE; other bits read 0
 * 0xDA4.. RBAR_A1..A3,  RW      aliases of RBAR and RASR (v7-M: no region offset)
 *         RASR_A1..A3
 * </pre>
 */
public final class Mpu {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  public static final int REGIONS = 8;
  /** MPU_TYPE.DREGION = 8, unified (B3.5.5). */
  public static final int TYPE = REGIONS << 8;
  public static final int CTRL_ENABLE = 1;
  public static final int CTRL_HFNMIENA = 1 << 1;
  public static final int CTRL_PRIVDEFENA = 1 << 2;
  private static final int RBAR_VALID = 1 << 4;
  /** The RASR bits QEMU keeps: DRSR (ENABLE, SIZE, SRD) and DRACR (TEX/S/C/B, AP, XN). */
  private static final int RASR_STORED = 0x173fff3f;

  /** Called after each change, with the MPU as it now is. */
  public interface Listener {
    void changed(Mpu mpu);
  }

  private int ctrl;
  private int rnr;
  private final int[] rbar = new int[REGIONS];
  private final int[] rasr = new int[REGIONS];
  private Listener listener = mpu -> { };

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /** Power-on state: disabled, every region cleared. */
  public void reset() {
    ctrl = 0;
    rnr = 0;
    Arrays.fill(rbar, 0);
    Arrays.fill(rasr, 0);
    listener.changed(this);
  }

  public int ctrl() {
    return ctrl;
  }

  public boolean enabled() {
    return (ctrl & CTRL_ENABLE) != 0;
  }

  /** A copy of the region base registers (ADDR only). */
  public int[] rbar() {
    return rbar.clone();
  }

  /** A copy of the region attribute and size registers. */
  public int[] rasr() {
    return rasr.clone();
  }

  /** True for the offsets (from the SCS base) this class serves. */
  public static boolean covers(int offset) {
    return offset >= 0xd90 && offset < 0xdbc;
  }

  /** A word read at an SCS offset that {@link #covers}. */
  public int read(int offset) {
    return switch (offset) {
      case 0xd90 -> TYPE;
      case 0xd94 -> ctrl;
      case 0xd98 -> rnr;
      case 0xd9c, 0xda4, 0xdac, 0xdb4 -> rbar[rnr] | rnr;
      case 0xda0, 0xda8, 0xdb0, 0xdb8 -> rasr[rnr];
      default -> 0;
    };
  }

  /** A word write at an SCS offset that {@link #covers}. */
  public void write(int offset, int value) {
    switch (offset) {
      case 0xd94 -> writeCtrl(value);
      case 0xd98 -> writeRnr(value);
      case 0xd9c, 0xda4, 0xdac, 0xdb4 -> writeRbar(value);
      case 0xda0, 0xda8, 0xdb0, 0xdb8 -> {
        rasr[rnr] = value & RASR_STORED;
        listener.changed(this);
      }
      default -> { } // MPU_TYPE is read-only
    }
  }

  private void writeCtrl(int value) {
    if ((value & (CTRL_ENABLE | CTRL_HFNMIENA)) == CTRL_HFNMIENA) {
      GUEST.warn("MPU_CTRL: HFNMIENA without ENABLE is UNPREDICTABLE");
    }
    ctrl = value & (CTRL_ENABLE | CTRL_HFNMIENA | CTRL_PRIVDEFENA);
    listener.changed(this);
  }

  private void writeRnr(int value) {
    if (Integer.compareUnsigned(value, REGIONS) >= 0) {
      GUEST.warn("MPU_RNR: region {} out of range, ignored", Integer.toUnsignedString(value));
      return;
    }
    rnr = value;
  }

  /** RBAR with VALID set also selects the region (B3.5.8). */
  private void writeRbar(int value) {
    if ((value & RBAR_VALID) != 0) {
      int region = value & 0xf;
      if (region >= REGIONS) {
        GUEST.warn("MPU_RBAR: region {} out of range, ignored", region);
        return;
      }
      rnr = region;
    }
    rbar[rnr] = value & ~0x1f;
    listener.changed(this);
  }
}
