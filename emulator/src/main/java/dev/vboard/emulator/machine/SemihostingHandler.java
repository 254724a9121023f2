package dev.vboard.emulator.machine;

/** Serves semihosting requests. Called on the simulation thread; virtual time stands still. */
@FunctionalInterface
public interface SemihostingHandler {
  void handle(SemihostingCall call);
}
