/**
 * The board's Ethernet cable: connects the LAN9118 model to the user-mode network
 * ({@code dev.vboard.netstack}).
 *
 * <p>Contract: frames cross as byte arrays (destination address first, no FCS) at the virtual
 * instant the wire carries them; the netstack's timers run as one scheduler event at its
 * {@code pollAt()}, rescheduled after every frame in or out and every poll. Host sockets are not
 * polled by time: {@link dev.vboard.emulator.net.HostSocketWaiter} plugs them into the machine's
 * {@code HostEvents} doorbell, so a ready socket wakes an idle machine and has the netstack
 * polled at that virtual instant. Nothing here reads the wall clock except
 * {@link dev.vboard.emulator.net.HostIoPacer}, the real-time edge that holds idle virtual time to
 * the wall clock while a real host connection is open, and the selector wait behind the waiter.
 */
package dev.vboard.emulator.net;
