package dev.vboard.emulator.cpu;

/** Why {@link CpuCore#runSlice} returned. The core never handles these itself. */
public enum SliceExit {
  /** The instruction budget is used up exactly. */
  BUDGET,
  /** The stop flag was raised (an interrupt became pending, a stop was requested). */
  FLAG,
  /** WFI retired; PC is after it. */
  WFI,
  /** WFE retired; PC is after it. */
  WFE,
  /** SVC retired; PC is after it (the return address of the SVCall exception). */
  SVC,
  /** BKPT reached; PC is on it and it has not been counted. */
  BKPT,
  /** A branch loaded an EXC_RETURN value; {@link SliceResult#pc()} holds it with bit 0 clear. */
  EXC_RETURN,
  /** An undefined instruction (UDF or an unknown encoding); PC is on it. */
  UNDEFINED,
  /** A coprocessor instruction (no FPU on the Cortex-M3); PC is on it. */
  NO_COPROCESSOR,
  /** A branch to an even address or another illegal state; PC is where it would go. */
  INVALID_STATE,
  /**
   * An unaligned access that must fault (LDM/STM/LDRD, or any with CCR.UNALIGN_TRP); PC is on
   * the instruction.
   */
  UNALIGNED,
  /** SDIV/UDIV by zero with CCR.DIV_0_TRP set; PC is on it. */
  DIVIDE_BY_ZERO,
  /** An instruction fetch from memory that is not executable; PC is the address. */
  FETCH_FAULT,
  /**
   * A load or store touched unmapped space (a catch-all region): the access did not happen, PC
   * is on the instruction, {@link SliceResult#detail()} is the address.
   */
  BUS_ERROR,
  /** A data access the engine rejected outside the catch-all regions. */
  DATA_FAULT,
  /**
   * A load or store the MPU refused: the access did not happen, PC is on the instruction,
   * {@link SliceResult#detail()} is the address.
   */
  MPU_DATA,
  /** An instruction fetch the MPU refused (a region's XN or AP); PC is the address. */
  MPU_FETCH
}
