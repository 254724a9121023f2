package dev.vboard.emulator.machine;

import dev.vboard.emulator.time.VirtualClock;

/** One BKPT 0xAB as the machine hands it to the {@link SemihostingHandler}. */
final class SemihostingRequest implements SemihostingCall {
  private final int operation;
  private final int parameter;
  private final GuestMemory memory;
  private final VirtualClock clock;
  private boolean completed;
  private int result;
  private boolean exited;
  private int exitStatus;

  SemihostingRequest(int operation, int parameter, GuestMemory memory, VirtualClock clock) {
    this.operation = operation;
    this.parameter = parameter;
    this.memory = memory;
    this.clock = clock;
  }

  @Override
  public int operation() {
    return operation;
  }

  @Override
  public int parameter() {
    return parameter;
  }

  @Override
  public GuestMemory memory() {
    return memory;
  }

  @Override
  public VirtualClock clock() {
    return clock;
  }

  @Override
  public void complete(int r0) {
    completed = true;
    result = r0;
  }

  @Override
  public void exit(int status) {
    exited = true;
    exitStatus = status;
  }

  boolean completed() {
    return completed;
  }

  int result() {
    return result;
  }

  boolean exited() {
    return exited;
  }

  int exitStatus() {
    return exitStatus;
  }
}
