package dev.vboard.emulator.loader;

/** The image file formats the loaders understand. */
public enum ImageFormat {
  /** ELF for the ARM Architecture (ARM IHI 0044): 32-bit, little-endian, e_machine EM_ARM. */
  ELF,
  /** Intel "Hexadecimal Object File Format", record types 00-05. */
  INTEL_HEX,
  /** A flat memory dump placed at the board's boot address. */
  RAW_BINARY
}
