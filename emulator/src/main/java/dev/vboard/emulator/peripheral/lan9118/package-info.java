/**
 * The SMSC LAN9118 10/100 Ethernet controller (SMSC LAN9118 datasheet, rev. 1.5) as mapped on
 * the MPS2 boards: {@link dev.vboard.emulator.peripheral.lan9118.Lan9118} is the MMIO device;
 * the other classes are its parts (FIFOs, TX MAC, wire, MAC CSRs, PHY, timers, EEPROM).
 *
 * <p>Contract with the network side: frames cross as byte arrays without preamble or FCS.
 * Frames the guest sends leave through {@link dev.vboard.emulator.peripheral.lan9118.EthernetPort}
 * when their last bit would leave the wire; frames from the network enter through
 * {@link dev.vboard.emulator.peripheral.lan9118.Lan9118#deliver(byte[])} and reach the RX FIFO
 * when their last bit would arrive. Everything runs on the simulation thread, in virtual time.
 */
package dev.vboard.emulator.peripheral.lan9118;
