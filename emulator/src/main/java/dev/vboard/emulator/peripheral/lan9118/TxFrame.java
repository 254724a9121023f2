package dev.vboard.emulator.peripheral.lan9118;

import java.util.Arrays;

/**
 * A frame complete in the TX data FIFO, waiting for (or on) the wire.
 *
 * @param data the frame bytes as the host wrote them (destination address first)
 * @param tag the packet tag from TX command B, returned in the TX status word
 * @param fifoBytes the TX data FIFO space its command and data words take until it is sent
 * @param hostFcs TX command B "add CRC disable": the last four bytes are the host's own FCS
 */
record TxFrame(byte[] data, int tag, int fifoBytes, boolean hostFcs) {

  /** The frame as the wire carries it, without the FCS (ours or the host's). */
  byte[] withoutFcs() {
    int len = hostFcs ? Math.max(0, data.length - WireTiming.FCS_BYTES) : data.length;
    return Arrays.copyOf(data, len);
  }
}
