package dev.vboard.emulator.peripheral.lan9118;

/** The INT_STS / INT_EN bits (datasheet 5.3); the names are the datasheet's. */
final class IntSts {
  private IntSts() { }

  static final int SW_INT = 1 << 31;
  static final int TXSTOP_INT = 1 << 25;
  static final int RXSTOP_INT = 1 << 24;
  static final int RXDFH_INT = 1 << 23;
  static final int TIOC_INT = 1 << 21;
  static final int RXD_INT = 1 << 20;
  static final int GPT_INT = 1 << 19;
  static final int PHY_INT = 1 << 18;
  static final int PME_INT = 1 << 17;
  static final int TXSO = 1 << 16;
  static final int RWT = 1 << 15;
  static final int RXE = 1 << 14;
  static final int TXE = 1 << 13;
  static final int TDFU = 1 << 11;
  static final int TDFO = 1 << 10;
  static final int TDFA = 1 << 9;
  static final int TSFF = 1 << 8;
  static final int TSFL = 1 << 7;
  static final int RXDF_INT = 1 << 6;
  static final int RSFF = 1 << 4;
  static final int RSFL = 1 << 3;
  static final int GPIO2_INT = 1 << 2;
  static final int GPIO1_INT = 1 << 1;
  static final int GPIO0_INT = 1;

  /** Reserved bits: they read as zero and cannot be enabled (QEMU's RESERVED_INT). */
  static final int RESERVED = 0x7c00_1000;
}
