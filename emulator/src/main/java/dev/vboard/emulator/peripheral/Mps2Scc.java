package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * MPS2 Serial Communication Controller: the FPGA image's identification and configuration
 * registers, plus the SYS_CFG channel to the motherboard's oscillators (V2M-MPS2 TRM, "Serial
 * Communication Controller"; Application Note AN385, "SCC registers"). QEMU 7.2
 * {@code hw/misc/mps2-scc.c} is the behavioural reference; the AN385 values (ID 0x41043850,
 * AID 0x00200008, CFG4 0x2, OSCCLK 50 MHz / 24.576 MHz / 25 MHz) were read back from
 * qemu-system-arm 7.2.
 *
 * <p>Quirks, as QEMU: SYS_CFG transactions complete instantly (CFGSTAT.DONE is set by the same
 * write that sets CFGCTRL.START, and START reads as 0); only function 1 (OSCCLK) exists, any
 * other function or device sets CFGSTAT.ERROR. DLL always reports its DLLs locked; only the
 * DLL_LOCK_MASK byte [31:24] is writable. CFG0 bit 0 (remap) and CFG1 (the SCC LEDs) read
 * back as written; remapping is not modelled (QEMU: "zbt_boot_ctrl is always zero"). CFG3
 * (board DIP switches) reads 0. The AN385 image has no CFG2, CFG5, CFG6 or CFG7.
 */
public final class Mps2Scc implements MmioDevice {

  /** The register table for AN385's SCC. */
  enum Reg implements RegisterBank.Register {
    CFG_REG0(0x000, Access.RW),
    CFG_REG1(0x004, Access.RW),
    CFG_REG3(0x00c, Access.RO),
    CFG_REG4(0x010, Access.RO),
    SYS_CFGDATA_RTN(0x0a0, Access.RO),
    SYS_CFGDATA_OUT(0x0a4, Access.RW),
    SYS_CFGCTRL(0x0a8, Access.RW),
    SYS_CFGSTAT(0x0ac, Access.RO),
    DLL(0x100, Access.RW),
    AID(0xff8, Access.RO),
    ID(0xffc, Access.RO);

    private final int offset;
    private final Access access;

    Reg(int offset, Access access) {
      this.offset = offset;
      this.access = access;
    }

    @Override
    public int offset() {
      return offset;
    }

    @Override
    public Access access() {
      return access;
    }
  }

  static final int CFGCTRL_DEVICE = 0xfff;
  static final int CFGCTRL_RES1 = 0xff << 12;
  static final int CFGCTRL_FUNCTION_SHIFT = 20;
  static final int CFGCTRL_FUNCTION = 0x3f << CFGCTRL_FUNCTION_SHIFT;
  static final int CFGCTRL_RES2 = 0xf << 26;
  static final int CFGCTRL_WRITE = 1 << 30;
  static final int CFGCTRL_START = 1 << 31;
  static final int CFGSTAT_DONE = 1 << 0;
  static final int CFGSTAT_ERROR = 1 << 1;
  /** SYS_CFG function number of the oscillator clocks. */
  static final int FUNCTION_OSCCLK = 1;

  /** The image-specific read-only values, as QEMU's scc-id / scc-aid / scc-cfg4 / oscclk. */
  public record Config(int id, int aid, int cfg4, int cfg0Reset, List<Integer> oscclk) {
    public Config {
      oscclk = List.copyOf(oscclk);
    }

    /** AN385 as QEMU 7.2 builds it. */
    public static Config an385() {
      return new Config(0x41043850, 0x00200008, 0x2, 0,
          List.of(50_000_000, 24_576_000, 25_000_000));
    }
  }

  private final RegisterBank<Reg> regs;
  private final Config config;
  private final int[] oscclk;
  private IntConsumer ledListener = leds -> { };
  private int cfg0;
  private int cfg1;
  private int cfgdataRtn;
  private int cfgdataOut;
  private int cfgctrl;
  private int cfgstat;
  private int dll;

  public Mps2Scc(String name, Config config) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.config = config;
    this.oscclk = new int[config.oscclk().size()];
    reset();
  }

  /** Called with CFG_REG1 whenever the guest writes it (the SCC's user LEDs). */
  public void setLedListener(IntConsumer listener) {
    this.ledListener = listener;
  }

  /** Current OSCCLK[device] setting in Hz. */
  public int oscclk(int device) {
    return oscclk[device];
  }

  @Override
  public void reset() {
    cfg0 = config.cfg0Reset();
    cfg1 = 0;
    cfgdataRtn = 0;
    cfgdataOut = 0;
    cfgctrl = 0x100000;
    cfgstat = 0;
    dll = 0xffff0001;
    for (int i = 0; i < oscclk.length; i++) {
      oscclk[i] = config.oscclk().get(i);
    }
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    int v = switch (r) {
      case CFG_REG0 -> cfg0;
      case CFG_REG1 -> cfg1;
      case CFG_REG3 -> 0;
      case CFG_REG4 -> config.cfg4();
      case SYS_CFGDATA_RTN -> cfgdataRtn;
      case SYS_CFGDATA_OUT -> cfgdataOut;
      case SYS_CFGCTRL -> cfgctrl;
      case SYS_CFGSTAT -> cfgstat;
      case DLL -> dll;
      case AID -> config.aid();
      case ID -> config.id();
    };
    return RegisterBank.truncate(v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    if (r == null) {
      return;
    }
    value = RegisterBank.truncate(value, size);
    switch (r) {
      case CFG_REG0 -> cfg0 = value;
      case CFG_REG1 -> {
        cfg1 = value;
        ledListener.accept(value);
      }
      case SYS_CFGDATA_OUT -> cfgdataOut = value;
      case SYS_CFGCTRL -> writeCfgctrl(value);
      // DLL_LOCK_MASK is writable; the lock status bits stay "all locked".
      case DLL -> dll = (dll & 0x00ffffff) | (value & 0xff000000);
      default -> throw new AssertionError(r);
    }
  }

  /** A SYS_CFG transaction: runs at once when START is written, reported in SYS_CFGSTAT. */
  private void writeCfgctrl(int value) {
    cfgstat = 0;
    cfgctrl = value & ~(CFGCTRL_RES1 | CFGCTRL_RES2 | CFGCTRL_START);
    if ((value & CFGCTRL_START) == 0) {
      return;
    }
    int device = cfgctrl & CFGCTRL_DEVICE;
    int function = (cfgctrl & CFGCTRL_FUNCTION) >>> CFGCTRL_FUNCTION_SHIFT;
    cfgstat = CFGSTAT_DONE;
    if (function != FUNCTION_OSCCLK || device >= oscclk.length) {
      GuestError.log(regs.device(), "SYS_CFG %s of bad function %d device %d",
          (cfgctrl & CFGCTRL_WRITE) != 0 ? "write" : "read", function, device);
      cfgstat |= CFGSTAT_ERROR;
      return;
    }
    if ((cfgctrl & CFGCTRL_WRITE) != 0) {
      oscclk[device] = cfgdataOut;
    } else {
      cfgdataRtn = oscclk[device];
    }
  }
}
