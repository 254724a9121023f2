package dev.vboard.emulator.peripheral.lan9118;

/**
 * The far end of the controller's Ethernet cable: receives the frames the guest transmits.
 *
 * <p>Called on the simulation thread, at the virtual instant the frame's last bit leaves the
 * wire. The array holds the frame from destination address to the end of the payload, without
 * preamble, padding added by the MAC or FCS (as a TAP device or QEMU's net layer sees it); it is
 * the receiver's to keep.
 */
@FunctionalInterface
public interface EthernetPort {

  /** A port that drops every frame: a cable plugged into nothing. */
  EthernetPort DISCONNECTED = frame -> { };

  void transmit(byte[] frame);
}
